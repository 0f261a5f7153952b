// Transaction on real SQLite and PostgreSQL: rolled back unless committed, and a
// savepoint inside an open transaction that takes back only its own work.
#include "db/transaction.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/error.h"
#include "support/test_database.h"

namespace ledgerhost::db {
namespace {

class TransactionTest : public ::testing::TestWithParam<DatabaseKind> {
 protected:
  void SetUp() override {
    connection_ = db_.Connect();
    connection_->Execute("CREATE TABLE t (id INT PRIMARY KEY)");
  }
  std::string Ids() {
    std::string out;
    for (const auto& row : connection_->Query("SELECT id FROM t ORDER BY id")) out += row[0].value_or("NULL") + " ";
    return out;
  }

  ledgerhost::testing::TestDatabase db_{GetParam()};
  std::unique_ptr<Connection> connection_;
};

TEST_P(TransactionTest, WhatIsNotCommittedIsRolledBackOnEveryWayOut) {
  {
    Transaction transaction(*connection_);
    connection_->Execute("INSERT INTO t VALUES (1)");
  }
  EXPECT_FALSE(connection_->in_transaction());
  try {
    Transaction transaction(*connection_);
    connection_->Execute("INSERT INTO t VALUES (2)");
    throw std::runtime_error("the work failed");
  } catch (const std::runtime_error&) {
  }
  {
    Transaction transaction(*connection_);
    connection_->Execute("INSERT INTO t VALUES (3)");
    transaction.Commit();
  }
  EXPECT_EQ(Ids(), "3 ");
}

// A failed statement inside a savepoint leaves the enclosing transaction usable (PostgreSQL would
// otherwise refuse every later statement of it), and only the savepoint's work is undone.
TEST_P(TransactionTest, InsideAnOpenTransactionAFailureTakesBackOnlyItsOwnWork) {
  Transaction outer(*connection_);
  connection_->Execute("INSERT INTO t VALUES (1)");
  try {
    Transaction inner(*connection_);
    connection_->Execute("INSERT INTO t VALUES (2)");
    connection_->Execute("INSERT INTO t VALUES (1)");  // duplicate key: the database refuses it
    inner.Commit();
    FAIL() << "the duplicate was accepted";
  } catch (const DatabaseError&) {
  }
  EXPECT_TRUE(connection_->in_transaction());
  {
    Transaction inner(*connection_);
    connection_->Execute("INSERT INTO t VALUES (4)");
    inner.Commit();
  }
  connection_->Execute("INSERT INTO t VALUES (5)");
  outer.Commit();
  EXPECT_FALSE(connection_->in_transaction());
  EXPECT_EQ(Ids(), "1 4 5 ");
}

INSTANTIATE_TEST_SUITE_P(Databases, TransactionTest, ::testing::Values(DatabaseKind::kSqlite, DatabaseKind::kPostgresql,
                                           DatabaseKind::kMariadb),
                         [](const auto& info) { return ledgerhost::testing::DatabaseName(info.param); });

}  // namespace
}  // namespace ledgerhost::db
