// Ledger states as plugins describe them. A ContractState is an output of a transaction, identified
// by its StateRef. A QueryableState can also be stored as rows of mapped schemas, which the vault
// writes when the state is recorded. Identities reach the database only as X.500 names: a Party's
// public key is never written.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "ledgerhost/schema.h"

namespace ledgerhost {

// Identifies a state: the output `output_index` of the transaction whose hash is `transaction_id`.
// Mapped tables key their rows by these two columns (transaction_id VARCHAR(144), output_index INT).
struct StateRef {
  std::string transaction_id;  // hex hash of the transaction
  int output_index = 0;
};

// A legal identity. Plain value type: copy freely.
struct Party {
  std::string x500_name;            // "O=Bank A, L=London, C=GB"
  std::vector<uint8_t> public_key;  // encoded public key; never persisted in mapped tables
  bool well_known = true;           // anonymous parties are stored as NULL
};

// One value of a mapped row.
using ColumnValue = std::variant<std::monostate, std::string, int64_t, double, bool, Party>;

// A row of one mapped table (Corda's PersistentState), tied to the state it came from: the host
// writes `state_ref` as the transaction_id and output_index columns. Plain value type.
struct PersistentState {
  std::string table_name;                      // one of the schema's entities
  StateRef state_ref;                          // filled by the host when it records the state
  std::map<std::string, ColumnValue> columns;  // column name -> value; absent columns are NULL
};

// States are created and owned by plugin code; the host only calls these const methods, possibly
// from several threads at once, so implementations must not mutate shared data.
class QueryableState;

class ContractState {
 public:
  virtual ~ContractState() = default;
  // A stable type name, e.g. "com.example.contracts.IOUState".
  virtual std::string TypeName() const = 0;
  virtual std::vector<Party> Participants() const = 0;
  // This state as a QueryableState, or nullptr. The host asks this instead of using dynamic_cast,
  // which is unreliable across shared libraries built with hidden visibility.
  virtual const QueryableState* AsQueryable() const { return nullptr; }
};

class QueryableState : public ContractState {
 public:
  const QueryableState* AsQueryable() const final { return this; }
  // Every schema this state can be stored as (Corda's supportedSchemas()); each must be declared by
  // the plugin with plugin.AddSchema().
  virtual std::vector<MappedSchema> SupportedSchemas() const = 0;
  // The rows for `schema` (one of SupportedSchemas()).
  virtual std::vector<PersistentState> GenerateMappedObject(const MappedSchema& schema) const = 0;
};

}  // namespace ledgerhost
