// The vault: the node's record of states (Corda's NodeVaultService with PersistentStateService).
// Recording a transaction writes, as one unit, a vault_states row per output, the X.500 names of its
// well-known participants (state_party), and the rows of every mapped schema the output supports
// that this node selected (QueryableState::GenerateMappedObject); the states it spends become
// consumed. Identities reach the database only as X.500 names: a Party's public key is never
// written, and an anonymous party is NULL.
#pragma once

#include <string>
#include <vector>

#include "ledgerhost/service.h"
#include "db/shared_connection.h"
#include "monitoring/metrics.h"
#include "schema/selected_schema.h"
#include "vault/vault_clock.h"

namespace ledgerhost::vault {

class NodeVault : public ledgerhost::Vault {
 public:
  // `catalog` must hold the host's schema (kNodeSchemaFamily v kNodeSchemaVersion), whose tables the
  // migrations have created. Both references must outlive the vault. Each call takes the
  // connection's turn (a lease) for as long as it uses it.
  NodeVault(db::SharedConnection& connection, const schema::SchemaCatalog& catalog, Clock clock = SystemClock());

  // In one transaction of its own, or in a savepoint of the caller's when one is open on the
  // connection: on any error nothing of `transaction` remains. Refuses (DatabaseError) an id that is
  // empty or longer than 144 characters, a duplicate StateRef, an input that is unknown, already
  // consumed or listed twice; refuses (PluginError, or Error with ExitCode::kPlugin for schemas
  // registered without a plugin) a mapped row naming a table or column its schema does not declare.
  void Record(const RecordedTransaction& transaction) override;
  long long CountUnconsumed(const std::string& state_type) override;
  // From now on, what Record() does is counted in `metrics` (ledgerhost_vault_*): transactions and
  // states recorded, states consumed, how long recording took, and the unconsumed states (counted
  // once here, then kept by what this vault records). `metrics` must outlive the vault.
  void Measure(monitoring::Metrics& metrics);
  // Oldest first: by recorded_timestamp, then transaction_id and output_index.
  std::vector<StateRef> Unconsumed(const std::string& state_type) override;

 private:
  struct PlannedOutput;

  static void Check(const RecordedTransaction& transaction);
  // Runs the states' code (type names, participants, mapped rows) before anything is written.
  std::vector<PlannedOutput> Plan(const RecordedTransaction& transaction) const;
  void Write(db::Connection& connection, const RecordedTransaction& transaction, const PlannedOutput& output,
             const std::string& now);
  void Consume(db::Connection& connection, const StateRef& input, const std::string& consuming_id,
               const std::string& now);
  // Connection::Query with the vault's context added to a DatabaseError.
  static std::vector<db::Row> Run(db::Connection& connection, const std::string& what, const std::string& sql,
                                  const std::vector<std::string>& params);
  std::string Table(const char* entity) const;

  db::SharedConnection& connection_;
  const schema::SchemaCatalog& catalog_;
  const schema::SelectedSchema& node_schema_;
  Clock clock_;
  struct Measures {
    monitoring::Counter::Series* transactions = nullptr;
    monitoring::Counter::Series* states = nullptr;
    monitoring::Counter::Series* consumed = nullptr;
    monitoring::Gauge::Series* unconsumed = nullptr;
    monitoring::Histogram::Series* record_seconds = nullptr;
  } measures_;
};

}  // namespace ledgerhost::vault
