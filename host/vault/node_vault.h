// The vault: the node's record of states. Recording a transaction writes, in one database
// transaction, a vault_states row per output, the participants' X.500 names (state_party), and the
// rows of every selected mapped schema the output supports (QueryableState::GenerateMappedObject);
// its inputs become consumed. Identities reach the database only as X.500 names: a Party's public
// key is never written, and anonymous parties are NULL.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "ledgerhost/service.h"
#include "migration/engine/connection.h"
#include "schema/selected_schema.h"

namespace ledgerhost::vault {

class NodeVault : public ledgerhost::Vault {
 public:
  // "YYYY-MM-DD HH:MM:SS.mmm" in UTC; injectable so tests can fix time.
  using Clock = std::function<std::string()>;

  NodeVault(migration::Connection& connection, const schema::SchemaCatalog& catalog, Clock clock = {});

  void Record(const RecordedTransaction& transaction) override;
  long long CountUnconsumed(const std::string& state_type) override;
  std::vector<StateRef> Unconsumed(const std::string& state_type) override;

 private:
  void RecordOutput(const RecordedTransaction& transaction, int index, const ContractState& state, const std::string& now);
  void InsertMapped(const schema::SelectedSchema& schema, const PersistentState& row, const StateRef& ref);
  void Consume(const StateRef& input, const std::string& transaction_id, const std::string& now);
  std::string Placeholder(int n) const;  // $n on PostgreSQL, ? on SQLite
  std::string Table(const std::string& name) const;

  migration::Connection& connection_;
  const schema::SchemaCatalog& catalog_;
  const schema::SelectedSchema& node_schema_;
  Clock clock_;
};

// Current UTC time as the vault writes it.
std::string UtcNow();

}  // namespace ledgerhost::vault
