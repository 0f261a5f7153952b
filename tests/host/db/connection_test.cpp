// The Connection interface on each backend that applies for real: the same calls, each database's
// own SQL behind them.
#include "db/connection.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "support/test_database.h"

namespace ledgerhost::db {
namespace {

class ConnectionTest : public ::testing::TestWithParam<DatabaseKind> {
 protected:
  ledgerhost::testing::TestDatabase database_{GetParam()};
  std::unique_ptr<Connection> connection_ = database_.Connect();
};

TEST_P(ConnectionTest, PlaceholdersAreTheDatabasesOwnAndBindInOrder) {
  connection_->Execute("CREATE TABLE t (a VARCHAR(10), b VARCHAR(10))");
  connection_->Query("INSERT INTO t VALUES (" + connection_->Placeholder(1) + ", " + connection_->Placeholder(2) + ")",
                     {"first", "second"});
  const auto rows = connection_->Query("SELECT a, b FROM t WHERE b = " + connection_->Placeholder(1), {"second"});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "first");
  EXPECT_EQ(connection_->Placeholder(2), GetParam() == DatabaseKind::kPostgresql ? "$2"
                                         : GetParam() == DatabaseKind::kSqlite     ? "?2"
                                                                                   : "?");
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
