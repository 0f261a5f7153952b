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

struct StateRef {
  std::string transaction_id;  // hex hash of the transaction
  int output_index = 0;
};

struct Party {
  std::string x500_name;              // "O=Bank A, L=London, C=GB"
  std::vector<uint8_t> public_key;    // never persisted
  bool well_known = true;             // anonymous parties are stored as NULL
};

// One value of a mapped row.
using ColumnValue = std::variant<std::monostate, std::string, int64_t, double, bool, Party>;

// A row of one mapped table, tied to the state it came from (the host adds transaction_id and
// output_index columns from the StateRef).
struct PersistentState {
  std::string table_name;
  std::map<std::string, ColumnValue> columns;
};

class ContractState {
 public:
  virtual ~ContractState() = default;
  // A stable type name, e.g. "com.example.contracts.IOUState".
  virtual std::string TypeName() const = 0;
  virtual std::vector<Party> Participants() const = 0;
};

class QueryableState : public ContractState {
 public:
  // (family, version) of every schema this state can be stored as.
  virtual std::vector<std::pair<std::string, int>> SupportedSchemas() const = 0;
  // The rows for `schema` (one of SupportedSchemas()).
  virtual std::vector<PersistentState> GenerateMappedObject(const MappedSchema& schema) const = 0;
};

}  // namespace ledgerhost
