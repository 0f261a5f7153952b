// Spending states on real SQLite and PostgreSQL: inputs become consumed in the recording
// transaction; an unknown, spent or repeated input refuses the whole transaction; two vaults on one
// database can never both spend a state.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "core/error.h"
#include "vault_test_fixture.h"

namespace ledgerhost::vault::test {
namespace {

using db::DatabaseKind;
using ::testing::HasSubstr;

class ConsumptionTest : public VaultTest {
 protected:
  void SetUp() override { vault_->Record(Transaction("issue", {SimpleLoan(1), SimpleLoan(2)})); }

  db::Row StatusOf(const std::string& tx, int index) {
    return db_
        .Query(GetParam() == DatabaseKind::kPostgresql
                   ? "SELECT state_status, consumed_timestamp, consuming_tx_id FROM vault_states WHERE "
                     "transaction_id = $1 AND output_index = $2"
                   : "SELECT state_status, consumed_timestamp, consuming_tx_id FROM vault_states WHERE "
                     "transaction_id = ? AND output_index = ?",
               {tx, std::to_string(index)})
        .at(0);
  }
  std::string MessageOf(const RecordedTransaction& tx) {
    try {
      vault_->Record(tx);
    } catch (const DatabaseError& e) {
      return e.what();
    }
    ADD_FAILURE() << "no error";
    return "";
  }
};

TEST_P(ConsumptionTest, MarksInputsConsumedByTheSpendingTransaction) {
  EXPECT_EQ(vault_->CountUnconsumed(kLoanType), 2);
  clock_.Advance(std::chrono::seconds(60));
  vault_->Record(Transaction("spend", {SimpleLoan(3)}, {{"issue", 0}}));
  EXPECT_EQ(StatusOf("issue", 0), (db::Row{"1", "2024-05-06 07:09:09.123456", "spend"}));
  EXPECT_EQ(StatusOf("issue", 1), (db::Row{"0", std::nullopt, std::nullopt}));
  EXPECT_EQ(vault_->CountUnconsumed(kLoanType), 2);
  const auto unconsumed = vault_->Unconsumed(kLoanType);
  ASSERT_EQ(unconsumed.size(), 2u);
  EXPECT_EQ(unconsumed[0].transaction_id, "issue");
  EXPECT_EQ(unconsumed[0].output_index, 1);
  EXPECT_EQ(unconsumed[1].transaction_id, "spend");

  vault_->Record(Transaction("burn", {}, {{"issue", 1}, {"spend", 0}}));
  EXPECT_EQ(vault_->CountUnconsumed(kLoanType), 0);
  EXPECT_TRUE(vault_->Unconsumed(kLoanType).empty());
  EXPECT_EQ(db_.Count("loans"), 3) << "mapped rows stay, as in Corda: the status lives in vault_states";
}

TEST_P(ConsumptionTest, AnUnknownInputRefusesTheTransaction) {
  const std::string message = MessageOf(Transaction("spend", {SimpleLoan(3)}, {{"issue", 0}, {"issue", 7}}));
  EXPECT_THAT(message, HasSubstr("spend spends issue(7), which is not in the vault"));
  EXPECT_EQ(StatusOf("issue", 0), (db::Row{"0", std::nullopt, std::nullopt})) << "the known input is unspent";
  EXPECT_EQ(db_.Count("vault_states"), 2) << "the output was not kept";
  EXPECT_EQ(db_.Count("loans"), 2);
  EXPECT_EQ(db_.Count("state_party"), 4);
}

TEST_P(ConsumptionTest, ASpentInputRefusesTheTransaction) {
  vault_->Record(Transaction("spend", {}, {{"issue", 0}}));
  const std::string message = MessageOf(Transaction("again", {SimpleLoan(3)}, {{"issue", 1}, {"issue", 0}}));
  EXPECT_THAT(message, HasSubstr("again spends issue(0), which is already consumed by spend"));
  EXPECT_EQ(StatusOf("issue", 1), (db::Row{"0", std::nullopt, std::nullopt}));
  EXPECT_EQ(StatusOf("issue", 0), (db::Row{"1", "2024-05-06 07:08:09.123456", "spend"}));
  EXPECT_EQ(db_.Count("vault_states"), 2);
}

TEST_P(ConsumptionTest, AnInputListedTwiceRefusesTheTransaction) {
  EXPECT_THAT(MessageOf(Transaction("spend", {}, {{"issue", 0}, {"issue", 0}})),
              HasSubstr("lists input issue(0) twice"));
  EXPECT_EQ(vault_->CountUnconsumed(kLoanType), 2);
}

TEST_P(ConsumptionTest, AnInputWithANulCannotNameAnotherState) {
  // On PostgreSQL a C-string parameter would stop at the NUL and find "issue".
  EXPECT_THROW(vault_->Record(Transaction("spend", {}, {{std::string("issue\0x", 7), 0}})), DatabaseError);
  EXPECT_EQ(vault_->CountUnconsumed(kLoanType), 2);
}

TEST_P(ConsumptionTest, TwoVaultsCannotBothSpendAState) {
  db::SharedConnection other_connection(db_.Connect());
  NodeVault other(other_connection, catalog_, clock_.clock());

  // The first spender holds its transaction open while the second tries.
  db_.connection().Take()->Begin();
  vault_->Record(Transaction("first", {}, {{"issue", 0}}));
  std::string second_error;
  std::thread second([&] {
    try {
      other.Record(Transaction("second", {SimpleLoan(9)}, {{"issue", 0}}));
    } catch (const DatabaseError& e) {
      second_error = e.what();
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  db_.connection().Take()->Commit();
  second.join();
  EXPECT_THAT(second_error, HasSubstr("second spends issue(0), which is already consumed by first"));
  EXPECT_EQ(StatusOf("issue", 0)[2], "first");
  EXPECT_EQ(db_.Count("vault_states"), 2);
}

INSTANTIATE_TEST_SUITE_P(Databases, ConsumptionTest,
                         ::testing::Values(DatabaseKind::kSqlite, DatabaseKind::kPostgresql, DatabaseKind::kMariadb), DatabaseTestName);

}  // namespace
}  // namespace ledgerhost::vault::test
