// The Connection interface on each backend that applies for real: the same calls, each database's
// own SQL behind them.
#include "db/connection.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "db/mariadb/mariadb_connection.h"
#include "support/test_database.h"

namespace ledgerhost::db {
namespace {

class ConnectionTest : public ::testing::TestWithParam<DatabaseKind> {
 protected:
  ledgerhost::testing::TestDatabase database_{GetParam()};
  std::unique_ptr<Connection> connection_ = database_.Connect();
};

TEST_P(ConnectionTest, PlaceholdersAreNumberedAndBindByNumberInAnyOrder) {
  connection_->Execute("CREATE TABLE t (a VARCHAR(10), b VARCHAR(10))");
  // Written second-first, and a ? in a literal is text: each value lands where its number says.
  connection_->Query("INSERT INTO t (b, a) VALUES (" + connection_->Placeholder(2) + ", " + connection_->Placeholder(1) +
                         ")",
                     {"first", "second"});
  connection_->Query("INSERT INTO t (a, b) VALUES ('?', " + connection_->Placeholder(1) + ")", {"x"});
  const auto rows = connection_->Query("SELECT a, b FROM t WHERE b = " + connection_->Placeholder(1) + " OR a = " +
                                           connection_->Placeholder(1) + " ORDER BY a",
                                       {"second"});
  EXPECT_EQ(rows, (std::vector<Row>{{"first", "second"}}));
  EXPECT_EQ(connection_->Query("SELECT b FROM t WHERE a = '?'"), (std::vector<Row>{{"x"}}));
  EXPECT_EQ(connection_->Placeholder(2), GetParam() == DatabaseKind::kPostgresql ? "$2" : "?2");
}

TEST_P(ConnectionTest, ADuplicateKeyIsToldApartInsideATransactionThatGoesOn) {
  connection_->Execute("CREATE TABLE t (k INT PRIMARY KEY, v VARCHAR(10) NOT NULL)");
  const std::string insert =
      "INSERT INTO t (k, v) VALUES (" + connection_->Placeholder(1) + ", " + connection_->Placeholder(2) + ")";
  connection_->Begin();
  EXPECT_TRUE(connection_->InsertUnlessDuplicate(insert, {"1", "a"}, "k"));
  EXPECT_FALSE(connection_->InsertUnlessDuplicate(insert, {"1", "c"}, "k")) << "a duplicate key writes nothing";
  EXPECT_TRUE(connection_->InsertUnlessDuplicate(insert, {"2", "b"}, "k"));
  EXPECT_THROW(connection_->InsertUnlessDuplicate(
                   "INSERT INTO t (k, v) VALUES (" + connection_->Placeholder(1) + ", NULL)", {"3"}, "k"),
               DatabaseError)
      << "other errors stay errors";
  connection_->Rollback();
  connection_->Begin();
  EXPECT_TRUE(connection_->InsertUnlessDuplicate(insert, {"1", "a"}, "k"));
  EXPECT_FALSE(connection_->InsertUnlessDuplicate(insert, {"1", "c"}, "k"));
  EXPECT_TRUE(connection_->InsertUnlessDuplicate(insert, {"2", "b"}, "k"));
  connection_->Commit();
  // After a duplicate, another statement's failure is that failure, not a duplicate.
  EXPECT_FALSE(connection_->InsertUnlessDuplicate(insert, {"2", "b"}, "k"));
  EXPECT_THROW(connection_->InsertUnlessDuplicate("INSERT INTO missing (k) VALUES (" + connection_->Placeholder(1) + ")",
                                                  {"1"}, "k"),
               DatabaseError);
  EXPECT_EQ(connection_->Query("SELECT k, v FROM t ORDER BY k"), (std::vector<Row>{{"1", "a"}, {"2", "b"}}));
}

TEST_P(ConnectionTest, ChangeCountsTheRowsAStatementMatched) {
  connection_->Execute("CREATE TABLE t (k INT PRIMARY KEY, v VARCHAR(10))");
  const std::string insert =
      "INSERT INTO t (k, v) VALUES (" + connection_->Placeholder(1) + ", " + connection_->Placeholder(2) + ")";
  EXPECT_EQ(connection_->Change(insert, {"1", "a"}), 1u);
  EXPECT_EQ(connection_->Change(insert, {"2", "b"}), 1u);
  EXPECT_EQ(connection_->Change("UPDATE t SET v = " + connection_->Placeholder(1), {"b"}), 2u)
      << "a row left as it was counts too";
  EXPECT_EQ(connection_->Change("DELETE FROM t WHERE k = " + connection_->Placeholder(1), {"3"}), 0u);
  EXPECT_EQ(connection_->Change("DELETE FROM t WHERE k = " + connection_->Placeholder(1), {"2"}), 1u);
}

TEST_P(ConnectionTest, CatalogLookUpsMatchNamesAndColumnListsAsLiquibasesSnapshot) {
  connection_->Execute("CREATE TABLE party (id INT PRIMARY KEY, name VARCHAR(20), code VARCHAR(5), "
                       "CONSTRAINT uq_party_code UNIQUE (code, name))");
  connection_->Execute("CREATE INDEX idx_party_name ON party (name, id)");
  EXPECT_TRUE(connection_->TableExists("PARTY"));
  EXPECT_FALSE(connection_->ViewExists("party"));
  EXPECT_TRUE(connection_->ColumnExists("party", "Code"));
  EXPECT_FALSE(connection_->ColumnExists("party", "missing"));
  EXPECT_TRUE(connection_->IndexExists("IDX_PARTY_NAME", "party"));
  EXPECT_TRUE(connection_->IndexExists("", "party", "name, ID"));  // by its columns, whatever its name
  EXPECT_FALSE(connection_->IndexExists("", "party", "id, name"));  // order counts
  EXPECT_TRUE(connection_->UniqueConstraintExists("", "party", "code,name"));
  EXPECT_FALSE(connection_->UniqueConstraintExists("", "party", "name,code"));
  EXPECT_TRUE(connection_->PrimaryKeyExists("", "party"));
  const auto live = connection_->Columns("Party");
  ASSERT_TRUE(live.has_value());
  EXPECT_EQ(live->name, "party");
  ASSERT_EQ(live->columns.size(), 3u);
  EXPECT_TRUE(live->columns[0].primary_key);
  EXPECT_EQ(connection_->Tables(), std::vector<std::string>{"party"});
}

TEST_P(ConnectionTest, ACommittedTransactionStaysAndARolledBackOneGoes) {
  connection_->Execute("CREATE TABLE t (id INT)");
  connection_->Begin();
  connection_->Execute("INSERT INTO t VALUES (1)");
  connection_->Commit();
  connection_->Begin();
  connection_->Execute("INSERT INTO t VALUES (2)");
  connection_->Rollback();
  EXPECT_EQ(connection_->QueryScalar("SELECT COUNT(*) FROM t"), "1");
}

TEST_P(ConnectionTest, MultiStatementTextsRunAndTheirErrorsAreReported) {
  connection_->Execute("CREATE TABLE t (id INT); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)");
  EXPECT_EQ(connection_->QueryScalar("SELECT COUNT(*) FROM t"), "2");
  EXPECT_THROW(connection_->Execute("INSERT INTO t VALUES (3); INSERT INTO missing VALUES (4)"), DatabaseError);
  // The statements before the failing one ran, except on PostgreSQL, which runs a multi-statement
  // text as one transaction; the connection is usable afterwards.
  EXPECT_EQ(connection_->QueryScalar("SELECT MAX(id) FROM t"), GetParam() == DatabaseKind::kPostgresql ? "2" : "3");
  const auto rows = connection_->Query("SELECT id, NULL FROM t WHERE id > " + connection_->Placeholder(1) + " ORDER BY id",
                                       {"1"});
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0][0], "2");
  EXPECT_EQ(rows[0][1], std::nullopt);
}

INSTANTIATE_TEST_SUITE_P(Databases, ConnectionTest,
                         ::testing::Values(DatabaseKind::kSqlite, DatabaseKind::kPostgresql, DatabaseKind::kMariadb),
                         [](const auto& info) { return ledgerhost::testing::DatabaseName(info.param); });

TEST(NumberedParameters, BecomeMysqlsPositionalOnesInTextOrder) {
  const auto statement = NumberedParameters("SELECT ?2, '?1', \"?\", `a?`, 'it\\'s ?', ?1, ?, ?1", {"a", "b"});
  EXPECT_EQ(statement.sql, "SELECT ?, '?1', \"?\", `a?`, 'it\\'s ?', ?, ?, ?");
  EXPECT_EQ(statement.params, (std::vector<std::string>{"b", "a", "b", "a"}));
  EXPECT_THROW(NumberedParameters("SELECT ?3", {"a"}), DatabaseError);
  EXPECT_THROW(NumberedParameters("SELECT ?0", {"a"}), DatabaseError);
  EXPECT_THROW(NumberedParameters("SELECT ?, ?", {"a"}), DatabaseError);
}

TEST(ConnectionOpen, ADatabaseWithoutABackendIsRefusedWithTheWayToItsSql) {
  DatabaseUrl url;
  url.kind = DatabaseKind::kOracle;
  url.original = "oracle://127.0.0.1:1521/ledger";
  try {
    Connection::Open(url);
    FAIL() << "opened an Oracle connection";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("offline:oracle"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace ledgerhost::db
