#include "vault/node_vault.h"

#include <chrono>
#include <cstdio>
#include <type_traits>
#include <variant>
#include <ctime>
#include <optional>
#include <set>

#include "core/error.h"
#include "migration/sql/dialect.h"

namespace ledgerhost::vault {
namespace {

using Value = std::optional<std::string>;

const schema::SelectedSchema& NodeSchemaOf(const schema::SchemaCatalog& catalog) {
  const schema::SelectedSchema* schema = catalog.Find(kNodeSchemaFamily, kNodeSchemaVersion);
  if (schema == nullptr) throw Error(ExitCode::kInternal, "the vault needs the host's schema in the catalog");
  return *schema;
}

std::string RefName(const StateRef& ref) { return ref.transaction_id + "(" + std::to_string(ref.output_index) + ")"; }

// A mapped value as bound text; a Party becomes its X.500 name when well known, NULL otherwise.
Value TextOf(const ColumnValue& value, migration::DatabaseKind database) {
  return std::visit(
      [&](const auto& v) -> Value {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return std::nullopt;
        } else if constexpr (std::is_same_v<T, std::string>) {
          return v;
        } else if constexpr (std::is_same_v<T, int64_t>) {
          return std::to_string(v);
        } else if constexpr (std::is_same_v<T, double>) {
          char text[64];
          std::snprintf(text, sizeof text, "%.17g", v);
          return std::string(text);
        } else if constexpr (std::is_same_v<T, bool>) {
          return database == migration::DatabaseKind::kPostgresql ? std::string(v ? "true" : "false")
                                                                   : std::string(v ? "1" : "0");
        } else {
          static_assert(std::is_same_v<T, Party>);
          if (!v.well_known) return std::nullopt;
          return v.x500_name;
        }
      },
      value);
}

}  // namespace

std::string UtcNow() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &utc);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03d", text, static_cast<int>(millis));
  return out;
}

NodeVault::NodeVault(migration::Connection& connection, const schema::SchemaCatalog& catalog, Clock clock)
    : connection_(connection), catalog_(catalog), node_schema_(NodeSchemaOf(catalog)), clock_(std::move(clock)) {
  if (!clock_) clock_ = UtcNow;
}

std::string NodeVault::Placeholder(int n) const {
  return connection_.kind() == migration::DatabaseKind::kPostgresql ? "$" + std::to_string(n) : "?";
}

std::string NodeVault::Table(const std::string& name) const { return node_schema_.SqlTable(name, connection_.kind()); }

void NodeVault::Record(const RecordedTransaction& transaction) {
  if (transaction.id.empty() || transaction.id.size() > 144) {
    throw Error(ExitCode::kDatabase, "vault: transaction id must have 1 to 144 characters, got " +
                                         std::to_string(transaction.id.size()));
  }
  const bool own_transaction = !connection_.in_transaction();
  if (own_transaction) connection_.Begin();
  try {
    const std::string now = clock_();
    for (const auto& input : transaction.inputs) Consume(input, transaction.id, now);
    for (size_t i = 0; i < transaction.outputs.size(); ++i) {
      if (!transaction.outputs[i]) throw Error(ExitCode::kDatabase, "vault: output " + std::to_string(i) + " of " + transaction.id + " is null");
      RecordOutput(transaction, static_cast<int>(i), *transaction.outputs[i], now);
    }
    if (own_transaction) connection_.Commit();
  } catch (...) {
    if (own_transaction) connection_.Rollback();
    throw;
  }
}

void NodeVault::RecordOutput(const RecordedTransaction& transaction, int index, const ContractState& state,
                             const std::string& now) {
  const StateRef ref{transaction.id, index};
  if (connection_.QueryScalar("SELECT 1 FROM " + Table("vault_states") + " WHERE transaction_id = " + Placeholder(1) +
                                  " AND output_index = " + Placeholder(2),
                              {ref.transaction_id, std::to_string(index)})) {
    throw Error(ExitCode::kDatabase, "vault: state " + RefName(ref) + " is already recorded");
  }
  const std::vector<std::string> columns{"output_index", "transaction_id", "contract_state_class_name", "state_status",
                                         "recorded_timestamp", "notary_name"};
  std::string sql = "INSERT INTO " + Table("vault_states") +
                    " (output_index, transaction_id, contract_state_class_name, state_status, recorded_timestamp, "
                    "notary_name) VALUES (" +
                    Placeholder(1) + ", " + Placeholder(2) + ", " + Placeholder(3) + ", " + Placeholder(4) + ", " +
                    Placeholder(5) + ", " + (transaction.notary_name.empty() ? std::string("NULL") : Placeholder(6)) + ")";
  std::vector<std::string> params{std::to_string(index), ref.transaction_id, state.TypeName(),
                                  std::to_string(static_cast<int>(StateStatus::kUnconsumed)), now};
  if (!transaction.notary_name.empty()) params.push_back(transaction.notary_name);
  connection_.Query(sql, params);

  std::set<std::string> names;
  for (const auto& party : state.Participants()) {
    if (!party.well_known || !names.insert(party.x500_name).second) continue;  // anonymous: no name to store
    connection_.Query("INSERT INTO " + Table("state_party") + " (transaction_id, output_index, x500_name) VALUES (" +
                          Placeholder(1) + ", " + Placeholder(2) + ", " + Placeholder(3) + ")",
                      {ref.transaction_id, std::to_string(index), party.x500_name});
  }

  const QueryableState* queryable = state.AsQueryable();
  if (queryable == nullptr) return;
  for (const auto& supported : queryable->SupportedSchemas()) {
    const schema::SelectedSchema* selected = catalog_.Find(supported.family(), supported.version());
    if (selected == nullptr) continue;  // not persisted by this node
    for (const auto& row : queryable->GenerateMappedObject(supported)) InsertMapped(*selected, row, ref);
  }
}

void NodeVault::InsertMapped(const schema::SelectedSchema& schema, const PersistentState& row, const StateRef& ref) {
  const MappedEntity* entity = schema.FindEntity(row.table_name);
  if (entity == nullptr) {
    throw Error(ExitCode::kDatabase, "vault: " + schema.Describe() + " declares no table '" + row.table_name +
                                         "' (mapped row of state " + RefName(ref) + ")");
  }
  auto declared = [&](const std::string& column) {
    for (const auto& c : entity->columns) {
      if (c.name == column) return true;
    }
    return false;
  };
  std::vector<std::string> names{"transaction_id", "output_index"};
  std::vector<Value> values{ref.transaction_id, std::to_string(ref.output_index)};
  for (const auto& [column, value] : row.columns) {
    if (!declared(column)) {
      throw Error(ExitCode::kDatabase, "vault: table " + row.table_name + " of " + schema.Describe() +
                                           " declares no column '" + column + "' (mapped row of state " + RefName(ref) + ")");
    }
    if (column == "transaction_id" || column == "output_index") continue;  // the host writes the StateRef
    names.push_back(column);
    values.push_back(TextOf(value, connection_.kind()));
  }
  const migration::Dialect dialect(connection_.kind());
  std::string columns;
  std::string placeholders;
  std::vector<std::string> params;
  for (size_t i = 0; i < names.size(); ++i) {
    columns += (i ? ", " : "") + dialect.Identifier(names[i]);
    if (values[i]) {
      params.push_back(*values[i]);
      placeholders += (i ? ", " : "") + Placeholder(static_cast<int>(params.size()));
    } else {
      placeholders += (i ? ", " : "") + std::string("NULL");
    }
  }
  connection_.Query("INSERT INTO " + schema.SqlTable(row.table_name, connection_.kind()) + " (" + columns + ") VALUES (" +
                        placeholders + ")",
                    params);
}

void NodeVault::Consume(const StateRef& input, const std::string& transaction_id, const std::string& now) {
  const auto status = connection_.QueryScalar("SELECT state_status FROM " + Table("vault_states") +
                                                  " WHERE transaction_id = " + Placeholder(1) + " AND output_index = " +
                                                  Placeholder(2),
                                              {input.transaction_id, std::to_string(input.output_index)});
  if (!status) throw Error(ExitCode::kDatabase, "vault: input " + RefName(input) + " of " + transaction_id + " is not in the vault");
  if (*status != std::to_string(static_cast<int>(StateStatus::kUnconsumed))) {
    throw Error(ExitCode::kDatabase, "vault: input " + RefName(input) + " of " + transaction_id + " is already consumed");
  }
  connection_.Query("UPDATE " + Table("vault_states") + " SET state_status = " + Placeholder(1) +
                        ", consumed_timestamp = " + Placeholder(2) + ", consuming_tx_id = " + Placeholder(3) +
                        " WHERE transaction_id = " + Placeholder(4) + " AND output_index = " + Placeholder(5),
                    {std::to_string(static_cast<int>(StateStatus::kConsumed)), now, transaction_id, input.transaction_id,
                     std::to_string(input.output_index)});
}

long long NodeVault::CountUnconsumed(const std::string& state_type) {
  const auto count = connection_.QueryScalar("SELECT COUNT(*) FROM " + Table("vault_states") +
                                                 " WHERE contract_state_class_name = " + Placeholder(1) +
                                                 " AND state_status = 0",
                                             {state_type});
  return count ? std::stoll(*count) : 0;
}

std::vector<StateRef> NodeVault::Unconsumed(const std::string& state_type) {
  std::vector<StateRef> out;
  for (const auto& row : connection_.Query("SELECT transaction_id, output_index FROM " + Table("vault_states") +
                                               " WHERE contract_state_class_name = " + Placeholder(1) +
                                               " AND state_status = 0 ORDER BY recorded_timestamp, transaction_id, "
                                               "output_index",
                                           {state_type})) {
    out.push_back({row[0].value_or(""), std::stoi(row[1].value_or("0"))});
  }
  return out;
}

}  // namespace ledgerhost::vault
