// The fixture the vault's database tests share: a migrated database per test, parameterised over
// SQLite and PostgreSQL, a test clock, and a NodeVault over LoanSchemaV1 as selected by the node.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "loan_state.h"
#include "test_parties.h"
#include "vault/node_vault.h"
#include "vault_test_database.h"

namespace ledgerhost::vault::test {

class VaultTest : public ::testing::TestWithParam<db::DatabaseKind> {
 protected:
  VaultTest() : db_(GetParam()), catalog_(CatalogWith({SelectedLoanSchema()})) {
    vault_ = std::make_unique<NodeVault>(db_.connection(), catalog_, clock_.clock());
  }

  // Every table a transaction writes to in these tests.
  long long RowsEverywhere() {
    return db_.Count("vault_states") + db_.Count("state_party") + db_.Count("loans") + db_.Count("loan_parts") +
           db_.Count("p_loans") + db_.Count("p_loan_parts");
  }
  // A boolean as the database prints it.
  static bool True(const std::optional<std::string>& text) { return text == "t" || text == "1" || text == "true"; }
  std::shared_ptr<const ContractState> SimpleLoan(int64_t amount = 10) {
    return std::make_shared<LoanState>(Loan{Bank(), Alice(), amount, 0.5, true, std::nullopt, {}});
  }

  VaultTestDatabase db_;
  TestClock clock_;
  schema::SchemaCatalog catalog_;
  std::unique_ptr<NodeVault> vault_;
};

inline std::string DatabaseTestName(const ::testing::TestParamInfo<db::DatabaseKind>& info) {
  return ledgerhost::testing::DatabaseName(info.param);
}

}  // namespace ledgerhost::vault::test
