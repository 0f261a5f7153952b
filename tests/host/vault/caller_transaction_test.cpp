// Record inside a transaction the caller opened (a service's Start(), as the node runs it): the
// vault joins it, so the caller's rollback takes the states back, and a failed Record takes back
// only its own rows, leaving the caller's transaction usable.
#include <gtest/gtest.h>

#include "core/error.h"
#include "vault_test_fixture.h"

namespace ledgerhost::vault::test {
namespace {

using db::DatabaseKind;

using CallerTransactionTest = VaultTest;

TEST_P(CallerTransactionTest, TheCallersRollbackTakesTheStatesBack) {
  db_.connection().Take()->Begin();
  vault_->Record(Transaction("tx1", {std::make_shared<LoanState>(Loan{Bank(), Alice(), 5, 0, false, {}, {1}})}));
  EXPECT_EQ(db_.Count("vault_states"), 1) << "visible inside the caller's transaction";
  EXPECT_TRUE(db_.connection().Take()->in_transaction()) << "the vault did not commit the caller's transaction";
  db_.connection().Take()->Rollback();
  EXPECT_EQ(RowsEverywhere(), 0);
}

TEST_P(CallerTransactionTest, TheCallersCommitKeepsThem) {
  db_.connection().Take()->Begin();
  vault_->Record(Transaction("tx1", {SimpleLoan()}));
  auto observer = db_.Connect();
  EXPECT_EQ(observer->QueryScalar("SELECT COUNT(*) FROM vault_states"), "0") << "not committed yet";
  db_.connection().Take()->Commit();
  EXPECT_EQ(observer->QueryScalar("SELECT COUNT(*) FROM vault_states"), "1");
}

TEST_P(CallerTransactionTest, AFailedRecordTakesBackOnlyItsOwnRows) {
  vault_->Record(Transaction("issued", {SimpleLoan()}));
  db_.connection().Take()->Begin();
  vault_->Record(Transaction("tx1", {SimpleLoan(1)}));
  // Fails in the database (duplicate), after its first rows went in.
  EXPECT_THROW(vault_->Record(Transaction("tx2", {SimpleLoan(2)}, {{"issued", 0}, {"missing", 0}})), DatabaseError);
  EXPECT_THROW(vault_->Record(Transaction("tx1", {SimpleLoan(3)})), DatabaseError);
  vault_->Record(Transaction("tx3", {SimpleLoan(4)}, {{"issued", 0}}));  // the transaction still works
  db_.connection().Take()->Commit();

  std::vector<std::string> ids;
  for (const auto& row : db_.Query("SELECT transaction_id FROM vault_states ORDER BY transaction_id"))
    ids.push_back(*row[0]);
  EXPECT_EQ(ids, (std::vector<std::string>{"issued", "tx1", "tx3"}));
  EXPECT_EQ(db_.Count("loans"), 3);
  EXPECT_EQ(*db_.Query("SELECT consuming_tx_id FROM vault_states WHERE state_status = 1").at(0).at(0), "tx3");
}

INSTANTIATE_TEST_SUITE_P(Databases, CallerTransactionTest,
                         ::testing::Values(DatabaseKind::kSqlite, DatabaseKind::kPostgresql, DatabaseKind::kMariadb), DatabaseTestName);

}  // namespace
}  // namespace ledgerhost::vault::test
