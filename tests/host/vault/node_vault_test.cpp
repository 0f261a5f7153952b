// Recording outputs on real SQLite and PostgreSQL: vault_states, state_party and mapped rows, table
// prefixes and database schemas, unselected schemas, and refusals that leave nothing behind.
#include "vault/node_vault.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "core/error.h"
#include "schema/node_schema.h"
#include "vault_test_fixture.h"

namespace ledgerhost::vault::test {
namespace {

using db::DatabaseKind;
using ::testing::HasSubstr;

class NodeVaultTest : public VaultTest {
 protected:
  // The message of the error recording `tx` throws, which must be a project Error with `code`.
  std::string RecordError(const RecordedTransaction& tx, ExitCode code) {
    try {
      vault_->Record(tx);
    } catch (const Error& e) {
      EXPECT_EQ(static_cast<int>(e.code()), static_cast<int>(code)) << e.what();
      return e.what();
    }
    ADD_FAILURE() << "no error";
    return "";
  }
};

TEST_P(NodeVaultTest, WritesAVaultStatesRowPerOutput) {
  vault_->Record(Transaction("tx1", {SimpleLoan(), std::make_shared<NoteState>(std::vector<Party>{Bank()})}, {},
                             "O=Notary, L=Zurich, C=CH"));
  clock_.Advance(std::chrono::seconds(1));
  vault_->Record(Transaction("tx2", {SimpleLoan()}));

  const auto rows = db_.Query(
      "SELECT transaction_id, output_index, contract_state_class_name, state_status, recorded_timestamp, "
      "consumed_timestamp, consuming_tx_id, notary_name FROM vault_states ORDER BY transaction_id, output_index");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (db::Row{"tx1", "0", kLoanType, "0", "2024-05-06 07:08:09.123456", std::nullopt,
                                     std::nullopt, "O=Notary, L=Zurich, C=CH"}));
  EXPECT_EQ(rows[1], (db::Row{"tx1", "1", "com.example.states.Note", "0", "2024-05-06 07:08:09.123456",
                                     std::nullopt, std::nullopt, "O=Notary, L=Zurich, C=CH"}));
  EXPECT_EQ(rows[2], (db::Row{"tx2", "0", kLoanType, "0", "2024-05-06 07:08:10.123456", std::nullopt,
                                     std::nullopt, std::nullopt}))
      << "no notary: NULL";
}

TEST_P(NodeVaultTest, RecordsWellKnownParticipantsOnceByNameOnly) {
  vault_->Record(
      Transaction("tx1", {std::make_shared<NoteState>(std::vector<Party>{Bank(), Anonymous(), Alice(), Bank()}),
                          std::make_shared<NoteState>(std::vector<Party>{Anonymous()})}));
  const auto rows = db_.Query("SELECT transaction_id, output_index, x500_name FROM state_party ORDER BY x500_name");
  ASSERT_EQ(rows.size(), 2u) << "Bank once, Alice once, no row for the anonymous party";
  EXPECT_EQ(rows[0], (db::Row{"tx1", "0", Alice().x500_name}));
  EXPECT_EQ(rows[1], (db::Row{"tx1", "0", Bank().x500_name}));
}

TEST_P(NodeVaultTest, WritesMappedRowsWithTheirValues) {
  // 2^53 + 1: exact only if the value travels as an integer, not through a double.
  const int64_t amount = 9007199254740993;
  vault_->Record(Transaction(
      "tx1", {std::make_shared<LoanState>(Loan{Bank(), Alice(), amount, 0.1, true, "o'clock \"memo\"", {7, -8}})}));
  const auto loans =
      db_.Query("SELECT transaction_id, output_index, lender, borrower, amount, rate, secured, memo FROM loans");
  ASSERT_EQ(loans.size(), 1u);
  const auto& loan = loans[0];
  EXPECT_EQ(loan[0], "tx1");
  EXPECT_EQ(loan[1], "0");
  EXPECT_EQ(loan[2], Bank().x500_name);
  EXPECT_EQ(loan[3], Alice().x500_name);
  EXPECT_EQ(loan[4], std::to_string(amount));
  EXPECT_DOUBLE_EQ(std::stod(loan[5].value_or("nan")), 0.1);
  EXPECT_TRUE(True(loan[6])) << loan[6].value_or("NULL");
  EXPECT_EQ(loan[7], "o'clock \"memo\"");

  const auto parts =
      db_.Query("SELECT transaction_id, output_index, part_no, part_amount FROM loan_parts ORDER BY part_no");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0], (db::Row{"tx1", "0", "0", "7"}));
  EXPECT_EQ(parts[1], (db::Row{"tx1", "0", "1", "-8"}));
}

TEST_P(NodeVaultTest, AbsentAndEmptyValuesAreNull) {
  vault_->Record(Transaction(
      "tx1",
      {std::make_shared<LoanState>(Loan{Bank(), Alice(), 1, 0, false, std::nullopt, {}}, std::vector{LoanSchemaV1()},
                                   [](std::vector<PersistentState>& rows) { rows[0].columns["amount"] = {}; })}));
  const auto loans = db_.Query("SELECT amount, secured, memo FROM loans");
  ASSERT_EQ(loans.size(), 1u);
  EXPECT_EQ(loans[0][0], std::nullopt) << "std::monostate";
  EXPECT_FALSE(True(loans[0][1]));
  EXPECT_NE(loans[0][1], std::nullopt) << "false is a value";
  EXPECT_EQ(loans[0][2], std::nullopt) << "a column the row leaves out";
}

TEST_P(NodeVaultTest, AnAnonymousPartyIsNullAndHasNoPartyRow) {
  vault_->Record(
      Transaction("tx1", {std::make_shared<LoanState>(Loan{Anonymous(), Anonymous(), 1, 0, false, {}, {}})}));
  const auto loans = db_.Query("SELECT lender, borrower FROM loans");
  ASSERT_EQ(loans.size(), 1u);
  EXPECT_EQ(loans[0], (db::Row{std::nullopt, std::nullopt}));
  EXPECT_EQ(db_.Count("state_party"), 0);
}

TEST_P(NodeVaultTest, TheHostWritesTheStateRefWhateverTheRowSays) {
  vault_->Record(Transaction(
      "tx1",
      {SimpleLoan(), std::make_shared<LoanState>(Loan{Bank(), Alice(), 2, 0, false, {}, {}},
                                                 std::vector{LoanSchemaV1()}, [](std::vector<PersistentState>& rows) {
                                                   rows[0].state_ref = {"forged", 9};
                                                   rows[0].columns["transaction_id"] = std::string("forged");
                                                   rows[0].columns["output_index"] = int64_t{9};
                                                 })}));
  const auto loans = db_.Query("SELECT transaction_id, output_index, amount FROM loans ORDER BY output_index");
  ASSERT_EQ(loans.size(), 2u);
  EXPECT_EQ(loans[1], (db::Row{"tx1", "1", "2"}));
}

TEST_P(NodeVaultTest, WritesIntoThePrefixedTables) {
  const auto catalog = CatalogWith({SelectedLoanSchema("p_")});
  NodeVault vault(db_.connection(), catalog, clock_.clock());
  vault.Record(Transaction("tx1", {std::make_shared<LoanState>(Loan{Bank(), Alice(), 5, 0, false, {}, {1}})}));
  EXPECT_EQ(db_.Query("SELECT transaction_id, amount FROM p_loans").at(0), (db::Row{"tx1", "5"}));
  EXPECT_EQ(db_.Count("p_loan_parts"), 1);
  EXPECT_EQ(db_.Count("loans") + db_.Count("loan_parts"), 0);
}

TEST_P(NodeVaultTest, SkipsSchemasThisNodeDidNotSelect) {
  // V2 and the audit schema are not in the catalog: their tables do not even exist.
  vault_->Record(
      Transaction("tx1", {std::make_shared<LoanState>(Loan{Bank(), Alice(), 5, 0, false, {}, {}},
                                                      std::vector{AuditSchemaV1(), LoanSchemaV2(), LoanSchemaV1()})}));
  EXPECT_EQ(db_.Count("loans"), 1);
  EXPECT_EQ(db_.Count("vault_states"), 1);

  // A node that selected no loan schema still records the state itself.
  const auto bare = CatalogWith({});
  NodeVault vault(db_.connection(), bare, clock_.clock());
  vault.Record(Transaction("tx2", {SimpleLoan()}));
  EXPECT_EQ(db_.Count("loans"), 1);
  EXPECT_EQ(db_.Count("vault_states"), 2);
  EXPECT_EQ(db_.Count("state_party"), 4);
}

TEST_P(NodeVaultTest, AnUndeclaredColumnWritesNothingOfTheTransaction) {
  auto bad = std::make_shared<LoanState>(
      Loan{Bank(), Alice(), 2, 0, false, {}, {3}}, std::vector{LoanSchemaV1()},
      [](std::vector<PersistentState>& rows) { rows[1].columns["colour"] = std::string("red"); });
  const std::string message = RecordError(Transaction("tx1", {SimpleLoan(), bad}), ExitCode::kPlugin);
  EXPECT_THAT(message, HasSubstr("LoanSchemaV1 v1 (com.example.schemas.LoanSchema)"));
  EXPECT_THAT(message, HasSubstr("table 'loan_parts' declares no column 'colour'"));
  EXPECT_THAT(message, HasSubstr("tx1(1)"));
  EXPECT_EQ(RowsEverywhere(), 0);
}

TEST_P(NodeVaultTest, AnUndeclaredTableWritesNothingOfTheTransaction) {
  auto bad = std::make_shared<LoanState>(Loan{Bank(), Alice(), 2, 0, false, {}, {}}, std::vector{LoanSchemaV1()},
                                         [](std::vector<PersistentState>& rows) {
                                           rows.push_back({"vault_states", {}, {{"state_status", int64_t{0}}}});
                                         });
  const std::string message = RecordError(Transaction("tx1", {SimpleLoan(), bad}), ExitCode::kPlugin);
  EXPECT_THAT(message, HasSubstr("table 'vault_states', which the schema does not declare"));
  EXPECT_THAT(message, HasSubstr("LoanSchemaV1"));
  EXPECT_EQ(RowsEverywhere(), 0);
}

TEST_P(NodeVaultTest, AStateCannotWriteTheHostsTables) {
  schema::SelectedSchema node = schema::NodeSchema();
  const MappedSchema host(node.family, node.version, node.name);
  auto forger =
      std::make_shared<LoanState>(Loan{Bank(), Alice(), 2, 0, false, {}, {}}, std::vector{LoanSchemaV1(), host});
  const std::string message = RecordError(Transaction("tx1", {forger}), ExitCode::kPlugin);
  EXPECT_THAT(message, HasSubstr("host's schema ledgerhost.node"));
  EXPECT_EQ(RowsEverywhere(), 0);
}

TEST_P(NodeVaultTest, AValueTheColumnCannotHoldWritesNothing) {
  auto long_memo = std::make_shared<LoanState>(Loan{Bank(), Alice(), 2, 0, false, "seventeen chars!!", {}});
  EXPECT_THAT(RecordError(Transaction("tx1", {SimpleLoan(), long_memo}), ExitCode::kPlugin),
              HasSubstr("column 'memo' of table 'loans' has 17 characters, more than the 16 allowed"));
  // Sixteen characters, not bytes: "é" is two bytes in UTF-8.
  vault_->Record(
      Transaction("tx2", {std::make_shared<LoanState>(Loan{Bank(), Alice(), 2, 0, false, "ééééééééééééééé!", {}})}));
  EXPECT_EQ(db_.Query("SELECT memo FROM loans").at(0).at(0), "ééééééééééééééé!");

  auto nan =
      std::make_shared<LoanState>(Loan{Bank(), Alice(), 2, std::numeric_limits<double>::quiet_NaN(), false, {}, {}});
  EXPECT_THAT(RecordError(Transaction("tx3", {nan}), ExitCode::kPlugin),
              HasSubstr("column 'rate' of table 'loans' is not a finite number"));
  auto nul = std::make_shared<LoanState>(Loan{Bank(), Alice(), 2, 0, false, std::string("a\0b", 3), {}});
  EXPECT_THAT(RecordError(Transaction("tx4", {nul}), ExitCode::kPlugin), HasSubstr("contains a NUL character"));
  EXPECT_EQ(db_.Count("vault_states"), 1);
}

TEST_P(NodeVaultTest, AStateWhoseCodeThrowsIsNamed) {
  auto throwing = std::make_shared<LoanState>(Loan{Bank(), Alice(), 2, 0, false, {}, {}}, std::vector{LoanSchemaV1()},
                                              [](std::vector<PersistentState>&) { throw std::runtime_error("boom"); });
  const std::string message = RecordError(Transaction("tx1", {SimpleLoan(), throwing}), ExitCode::kPlugin);
  EXPECT_THAT(message, HasSubstr("state tx1(1) of type com.example.states.Loan"));
  EXPECT_THAT(message, HasSubstr("boom"));
  EXPECT_EQ(RowsEverywhere(), 0);
}

TEST_P(NodeVaultTest, ADuplicateStateRefIsRefusedByName) {
  vault_->Record(Transaction("tx1", {SimpleLoan(1)}));
  const std::string message = RecordError(Transaction("tx1", {SimpleLoan(2), SimpleLoan(3)}), ExitCode::kDatabase);
  EXPECT_THAT(message, HasSubstr("state tx1(0) is already recorded"));
  EXPECT_EQ(db_.Count("vault_states"), 1);
  EXPECT_EQ(db_.Query("SELECT amount FROM loans").size(), 1u);
  EXPECT_EQ(db_.Count("state_party"), 2);
}

TEST_P(NodeVaultTest, ATransactionIdHasOneTo144Characters) {
  EXPECT_THAT(RecordError(Transaction("", {SimpleLoan()}), ExitCode::kDatabase), HasSubstr("needs an id"));
  EXPECT_THAT(RecordError(Transaction(std::string(145, 'a'), {SimpleLoan()}), ExitCode::kDatabase),
              HasSubstr("has 145 characters, more than the 144 allowed"));
  EXPECT_THROW(vault_->Record(Transaction(std::string("tx\0x", 4), {SimpleLoan()})), DatabaseError);
  EXPECT_THROW(vault_->Record(Transaction("tx", {nullptr})), DatabaseError);
  EXPECT_EQ(RowsEverywhere(), 0);
  const std::string longest(144, 'f');
  vault_->Record(Transaction(longest, {SimpleLoan()}));
  EXPECT_EQ(db_.Query("SELECT transaction_id FROM loans").at(0).at(0), longest);
}

TEST_P(NodeVaultTest, CountsAndListsUnconsumedStatesOldestFirst) {
  vault_->Record(Transaction("tb", {SimpleLoan(), SimpleLoan()}));
  clock_.Advance(std::chrono::milliseconds(1));
  vault_->Record(Transaction("ta", {SimpleLoan()}));
  clock_.Advance(std::chrono::microseconds(-1000));  // recorded at the same time as tb
  vault_->Record(Transaction("tc", {SimpleLoan(), std::make_shared<NoteState>(std::vector<Party>{})}));

  EXPECT_EQ(vault_->CountUnconsumed(kLoanType), 4);
  EXPECT_EQ(vault_->CountUnconsumed("com.example.states.Note"), 1);
  EXPECT_EQ(vault_->CountUnconsumed("com.example.states.Unknown"), 0);
  std::vector<std::string> refs;
  for (const auto& ref : vault_->Unconsumed(kLoanType))
    refs.push_back(ref.transaction_id + ":" + std::to_string(ref.output_index));
  EXPECT_EQ(refs, (std::vector<std::string>{"tb:0", "tb:1", "tc:0", "ta:0"}));
}

INSTANTIATE_TEST_SUITE_P(Databases, NodeVaultTest, ::testing::Values(DatabaseKind::kSqlite, DatabaseKind::kPostgresql, DatabaseKind::kMariadb),
                         DatabaseTestName);

// A database schema exists on PostgreSQL only (SQLite has attached databases instead).
TEST(NodeVaultPostgresqlTest, WritesIntoTheDatabaseSchema) {
  VaultTestDatabase db(DatabaseKind::kPostgresql);
  TestClock clock;
  const auto catalog = CatalogWith({SelectedLoanSchema("", "vault_ext")});
  NodeVault vault(db.connection(), catalog, clock.clock());
  vault.Record(Transaction("tx1", {std::make_shared<LoanState>(Loan{Bank(), Anonymous(), 5, 0, false, {}, {1, 2}})}));
  EXPECT_EQ(db.Query("SELECT transaction_id, lender, borrower, amount FROM vault_ext.loans").at(0),
            (db::Row{"tx1", Bank().x500_name, std::nullopt, "5"}));
  EXPECT_EQ(db.Count("vault_ext.loan_parts"), 2);
  EXPECT_EQ(db.Count("public.loans"), 0);
}

}  // namespace
}  // namespace ledgerhost::vault::test
