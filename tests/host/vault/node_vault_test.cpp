// The vault on real SQLite and PostgreSQL databases, set up through the SDK test kit (which runs the
// host's real changelogs and derives the test schema's table).
#include "vault/node_vault.h"

#include <gtest/gtest.h>
#include <ledgerhost/testkit.h>

#include "core/error.h"
#include "support/test_database.h"

namespace ledgerhost::vault {
namespace {

using migration::DatabaseKind;

const char* kFamily = "com.example.Loans";

MappedSchema LoanSchema() {
  return MappedSchema(kFamily, 1, "LoanSchemaV1")
      .AddEntity({"loans",
                  {{"output_index", "INT", false, true},
                   {"transaction_id", "VARCHAR", false, true, 144},
                   {"lender", "VARCHAR", true, false, 255},
                   {"amount", "BIGINT", true},
                   {"secured", "BOOLEAN", true}},
                  ""});
}

// A state whose rows are chosen by the test, to provoke bad rows too.
class LoanState : public QueryableState {
 public:
  LoanState(Party lender, int64_t amount, std::string table = "loans", std::string extra_column = "")
      : lender_(std::move(lender)), amount_(amount), table_(std::move(table)), extra_column_(std::move(extra_column)) {}
  std::string TypeName() const override { return "test.Loan"; }
  std::vector<Party> Participants() const override { return {lender_}; }
  std::vector<MappedSchema> SupportedSchemas() const override { return {LoanSchema()}; }
  std::vector<PersistentState> GenerateMappedObject(const MappedSchema&) const override {
    PersistentState row;
    row.table_name = table_;
    row.columns = {{"lender", lender_}, {"amount", amount_}, {"secured", true}};
    if (!extra_column_.empty()) row.columns[extra_column_] = std::string("x");
    return {row};
  }

 private:
  Party lender_;
  int64_t amount_;
  std::string table_;
  std::string extra_column_;
};

const std::vector<uint8_t> kKey{0xde, 0xad, 0xbe, 0xef, 0x42, 0x17, 0x99, 0x01};

class NodeVaultTest : public ::testing::TestWithParam<DatabaseKind> {
 protected:
  NodeVaultTest() : database_(GetParam()) {
    testkit::TestNodeOptions options;
    options.schemas = {LoanSchema()};
    options.database_url = database_.url();
    node_ = std::make_unique<testkit::TestNode>(options);
  }

  RecordedTransaction Issue(const std::string& id, std::shared_ptr<const ContractState> state) {
    RecordedTransaction tx;
    tx.id = id;
    tx.outputs.push_back(std::move(state));
    return tx;
  }
  long long Count(const std::string& table) {
    return std::stoll(*node_->Query("SELECT COUNT(*) AS n FROM " + table).at(0).at("n"));
  }

  testing::TestDatabase database_;
  std::unique_ptr<testkit::TestNode> node_;
  Party bank_{"O=Bank, L=London, C=GB", kKey, true};
};

TEST_P(NodeVaultTest, RecordsStatesPartiesAndMappedRows) {
  node_->vault().Record(Issue("t1", std::make_shared<LoanState>(bank_, 500)));
  const auto states = node_->Query("SELECT transaction_id, output_index, contract_state_class_name, state_status FROM vault_states");
  ASSERT_EQ(states.size(), 1u);
  EXPECT_EQ(states[0].at("contract_state_class_name"), "test.Loan");
  EXPECT_EQ(states[0].at("state_status"), "0");
  EXPECT_EQ(node_->Query("SELECT x500_name FROM state_party").at(0).at("x500_name"), "O=Bank, L=London, C=GB");
  const auto loans = node_->Query("SELECT transaction_id, output_index, lender, amount FROM loans");
  ASSERT_EQ(loans.size(), 1u);
  EXPECT_EQ(loans[0].at("transaction_id"), "t1");
  EXPECT_EQ(loans[0].at("output_index"), "0");
  EXPECT_EQ(loans[0].at("lender"), "O=Bank, L=London, C=GB");
  EXPECT_EQ(loans[0].at("amount"), "500");
}

TEST_P(NodeVaultTest, AnAnonymousPartyIsNullAndHasNoPartyRow) {
  node_->vault().Record(Issue("t1", std::make_shared<LoanState>(Party{"anon", kKey, false}, 5)));
  EXPECT_EQ(node_->Query("SELECT lender FROM loans").at(0).at("lender"), std::nullopt);
  EXPECT_EQ(Count("state_party"), 0);
}

TEST_P(NodeVaultTest, ABadMappedRowWritesNothingOfItsTransaction) {
  RecordedTransaction tx = Issue("t1", std::make_shared<LoanState>(bank_, 1));
  tx.outputs.push_back(std::make_shared<LoanState>(bank_, 2, "loans", "undeclared"));
  try {
    node_->vault().Record(tx);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("declares no column 'undeclared'"), std::string::npos) << e.what();
  }
  EXPECT_THROW(node_->vault().Record(Issue("t2", std::make_shared<LoanState>(bank_, 1, "other_table"))), Error);
  EXPECT_EQ(Count("vault_states"), 0);
  EXPECT_EQ(Count("state_party"), 0);
  EXPECT_EQ(Count("loans"), 0);
}

TEST_P(NodeVaultTest, ConsumingMarksInputsAndRefusesUnknownOrSpentOnes) {
  node_->vault().Record(Issue("t1", std::make_shared<LoanState>(bank_, 1)));
  RecordedTransaction spend;
  spend.id = "t2";
  spend.inputs.push_back({"t1", 0});
  node_->vault().Record(spend);
  EXPECT_EQ(node_->vault().CountUnconsumed("test.Loan"), 0);
  EXPECT_EQ(node_->Query("SELECT consuming_tx_id FROM vault_states").at(0).at("consuming_tx_id"), "t2");

  spend.id = "t3";
  EXPECT_THROW(node_->vault().Record(spend), Error);  // already consumed
  RecordedTransaction unknown;
  unknown.id = "t4";
  unknown.inputs.push_back({"nope", 0});
  unknown.outputs.push_back(std::make_shared<LoanState>(bank_, 9));
  EXPECT_THROW(node_->vault().Record(unknown), Error);
  EXPECT_EQ(Count("vault_states"), 1) << "the failed transaction's output was not kept";
}

TEST_P(NodeVaultTest, ADuplicateStateRefIsRefused) {
  node_->vault().Record(Issue("t1", std::make_shared<LoanState>(bank_, 1)));
  EXPECT_THROW(node_->vault().Record(Issue("t1", std::make_shared<LoanState>(bank_, 1))), Error);
}

TEST_P(NodeVaultTest, KeysNeverReachTheDatabase) {
  node_->identities();  // our identity is registered by name
  node_->vault().Record(Issue("t1", std::make_shared<LoanState>(bank_, 1)));
  std::string hex;
  for (uint8_t b : kKey) {
    static const char* digits = "0123456789abcdef";
    hex += digits[b >> 4];
    hex += digits[b & 15];
  }
  const std::string raw(kKey.begin(), kKey.end());
  const bool pg = GetParam() == DatabaseKind::kPostgresql;
  const auto tables = node_->Query(pg ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
                                      : "SELECT name FROM sqlite_master WHERE type = 'table'");
  int scanned = 0;
  for (const auto& table : tables) {
    for (const auto& row : node_->Query("SELECT * FROM " + *table.at("name"))) {
      for (const auto& [column, value] : row) {
        if (!value) continue;
        ++scanned;
        EXPECT_EQ(value->find(raw), std::string::npos) << *table.at("name") << "." << column;
        EXPECT_EQ(value->find(hex), std::string::npos) << *table.at("name") << "." << column;
      }
    }
  }
  EXPECT_GT(scanned, 10);
}

TEST_P(NodeVaultTest, RecordJoinsTheCallersTransaction) {
  class RollingBack : public Service {
   public:
    explicit RollingBack(std::shared_ptr<const ContractState> state) : state_(std::move(state)) {}
    void Start(ServiceHub& hub) override {
      RecordedTransaction tx;
      tx.id = "t9";
      tx.outputs.push_back(state_);
      hub.GetVault().Record(tx);
      throw std::runtime_error("start fails after recording");
    }
    std::shared_ptr<const ContractState> state_;
  } service(std::make_shared<LoanState>(bank_, 3));
  EXPECT_THROW(node_->Start(service), std::runtime_error);
  EXPECT_EQ(Count("vault_states"), 0) << "the vault wrote inside the start transaction, which was rolled back";
}

INSTANTIATE_TEST_SUITE_P(Databases, NodeVaultTest, ::testing::Values(DatabaseKind::kSqlite, DatabaseKind::kPostgresql),
                         [](const auto& info) { return testing::DatabaseName(info.param); });

}  // namespace
}  // namespace ledgerhost::vault
