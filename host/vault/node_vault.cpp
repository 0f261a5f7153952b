#include "vault/node_vault.h"

#include <chrono>
#include <set>
#include <utility>

#include "core/error.h"
#include "vault/bound_values.h"
#include "vault/mapped_row.h"
#include "vault/state_ref_text.h"
#include "vault/text_limits.h"
#include "db/transaction.h"

namespace ledgerhost::vault {
namespace {

const schema::SelectedSchema& NodeSchemaOf(const schema::SchemaCatalog& catalog) {
  const schema::SelectedSchema* schema = catalog.Find(kNodeSchemaFamily, kNodeSchemaVersion);
  if (schema == nullptr) {
    throw Error(ExitCode::kInternal, std::string("the vault needs the host's schema ") + kNodeSchemaFamily + " v" +
                                         std::to_string(kNodeSchemaVersion) + " in the schema catalog");
  }
  return *schema;
}

std::string Status(StateStatus status) { return std::to_string(static_cast<int>(status)); }

void CheckText(const std::string& value, int max_chars, const std::string& what) {
  const std::string problem = TextProblem(value, max_chars);
  if (!problem.empty()) throw DatabaseError("vault: " + what + " " + problem);
}

}  // namespace

struct NodeVault::PlannedOutput {
  StateRef ref;
  std::string type_name;
  std::vector<std::string> parties;  // X.500 names of the well-known participants, each once
  std::vector<MappedInsert> mapped;
};

NodeVault::NodeVault(db::SharedConnection& connection, const schema::SchemaCatalog& catalog, Clock clock)
    : connection_(connection), catalog_(catalog), node_schema_(NodeSchemaOf(catalog)), clock_(std::move(clock)) {
  if (!clock_) clock_ = SystemClock();
}

std::string NodeVault::Table(const char* entity) const { return node_schema_.SqlTable(entity, connection_.kind()); }

namespace {

// `run`'s result; a DatabaseError it throws gains the vault's context (what it was doing).
template <typename Run>
auto InContext(const std::string& what, Run&& run) -> decltype(run()) {
  try {
    return run();
  } catch (const DatabaseError& e) {
    throw DatabaseError("vault: " + what + ": " + e.what());
  }
}

}  // namespace

std::vector<db::Row> NodeVault::Run(db::Connection& connection, const std::string& what, const std::string& sql,
                                    const std::vector<std::string>& params) {
  return InContext(what, [&] { return connection.Query(sql, params); });
}

void NodeVault::Check(const RecordedTransaction& transaction) {
  if (transaction.id.empty()) throw DatabaseError("vault: a transaction to record needs an id");
  CheckText(transaction.id, kTransactionIdLength, "transaction id '" + transaction.id + "'");
  CheckText(transaction.notary_name, kNameLength, "notary name of transaction " + transaction.id);
  std::set<std::pair<std::string, int>> inputs;
  for (const auto& input : transaction.inputs) {
    // A NUL would end the id early on PostgreSQL and so name another state.
    CheckText(input.transaction_id, kTransactionIdLength, "input " + StateRefText(input) + " of " + transaction.id);
    if (!inputs.emplace(input.transaction_id, input.output_index).second) {
      throw DatabaseError("vault: transaction " + transaction.id + " lists input " + StateRefText(input) + " twice");
    }
  }
}

std::vector<NodeVault::PlannedOutput> NodeVault::Plan(const RecordedTransaction& transaction) const {
  std::vector<PlannedOutput> planned;
  for (size_t i = 0; i < transaction.outputs.size(); ++i) {
    PlannedOutput output;
    output.ref = {transaction.id, static_cast<int>(i)};
    const std::string state = "state " + StateRefText(output.ref);
    const ContractState* contract_state = transaction.outputs[i].get();
    if (contract_state == nullptr) throw DatabaseError("vault: " + state + " is null");
    try {
      output.type_name = contract_state->TypeName();
      std::set<std::string> names;
      for (const auto& party : contract_state->Participants()) {
        if (!party.well_known) continue;  // anonymous: there is no name to store, and keys never are
        if (names.insert(party.x500_name).second) output.parties.push_back(party.x500_name);
      }
      if (const QueryableState* queryable = contract_state->AsQueryable()) {
        std::set<std::pair<std::string, int>> seen;
        for (const auto& supported : queryable->SupportedSchemas()) {
          if (!seen.emplace(supported.family(), supported.version()).second) continue;  // rows once per schema
          if (supported.family() == kNodeSchemaFamily) {
            // The host's tables are written by the host only: a state must not forge vault rows.
            throw Error(ExitCode::kPlugin, "vault: " + state + " of type " + output.type_name +
                                               " claims to support the host's schema " + kNodeSchemaFamily);
          }
          const schema::SelectedSchema* selected = catalog_.Find(supported.family(), supported.version());
          if (selected == nullptr) continue;  // not selected in this node: Corda persisted only known schemas
          for (const auto& row : queryable->GenerateMappedObject(supported)) {
            output.mapped.push_back(PrepareMappedInsert(*selected, row, output.ref, connection_.kind()));
          }
        }
      }
    } catch (const Error&) {
      throw;
    } catch (const std::exception& e) {
      // The state's own code failed; say which state.
      throw Error(ExitCode::kPlugin, "vault: " + state +
                                         (output.type_name.empty() ? "" : " of type " + output.type_name) +
                                         " failed while being recorded: " + e.what());
    }
    if (output.type_name.empty()) throw Error(ExitCode::kPlugin, "vault: " + state + " has an empty type name");
    CheckText(output.type_name, kNameLength, state + ": type name '" + output.type_name + "'");
    for (const auto& name : output.parties) CheckText(name, kNameLength, state + ": participant '" + name + "'");
    planned.push_back(std::move(output));
  }
  return planned;
}

void NodeVault::Record(const RecordedTransaction& transaction) {
  Check(transaction);
  const std::vector<PlannedOutput> outputs = Plan(transaction);
  const auto connection = connection_.Take();
  const std::string now = UtcTimestamp(clock_());
  const auto started = std::chrono::steady_clock::now();
  db::Transaction unit_of_work(*connection);
  for (const auto& output : outputs) Write(*connection, transaction, output, now);
  for (const auto& input : transaction.inputs) Consume(*connection, input, transaction.id, now);
  unit_of_work.Commit();
  if (measures_.transactions != nullptr) {
    measures_.record_seconds->Observe(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    measures_.transactions->Add();
    measures_.states->Add(static_cast<double>(outputs.size()));
    measures_.consumed->Add(static_cast<double>(transaction.inputs.size()));
    measures_.unconsumed->Add(static_cast<double>(outputs.size()) - static_cast<double>(transaction.inputs.size()));
  }
}

void NodeVault::Measure(monitoring::Metrics& metrics) {
  long long unconsumed = 0;
  {
    const auto connection = connection_.Take();
    BoundValues values(connection_.kind());
    const std::string sql = "SELECT COUNT(*) FROM " + Table("vault_states") +
                            " WHERE state_status = " + values.Bind(Status(StateStatus::kUnconsumed));
    const auto rows = Run(*connection, "counting unconsumed states", sql, values.values());
    if (!rows.empty() && rows.front().front()) unconsumed = std::stoll(*rows.front().front());
  }
  measures_.transactions =
      &metrics.AddCounter("ledgerhost_vault_transactions_recorded_total", "Transactions the vault recorded").With();
  measures_.states = &metrics.AddCounter("ledgerhost_vault_states_recorded_total", "States the vault recorded").With();
  measures_.consumed =
      &metrics.AddCounter("ledgerhost_vault_states_consumed_total", "States the vault marked consumed").With();
  measures_.unconsumed = &metrics.AddGauge("ledgerhost_vault_unconsumed_states", "Unconsumed states in the vault").With();
  measures_.unconsumed->Set(static_cast<double>(unconsumed));
  measures_.record_seconds = &metrics
                                  .AddHistogram("ledgerhost_vault_record_seconds", "How long recording a transaction took",
                                                {}, monitoring::Histogram::LatencyBounds())
                                  .With();
}

void NodeVault::Write(db::Connection& connection, const RecordedTransaction& transaction, const PlannedOutput& output,
                      const std::string& now) {
  const std::string state = "state " + StateRefText(output.ref);
  const std::string index = std::to_string(output.ref.output_index);
  {
    BoundValues values(connection_.kind());
    const std::string placeholders =
        values.BindAll({index, output.ref.transaction_id, output.type_name, Status(StateStatus::kUnconsumed), now,
                        transaction.notary_name.empty() ? std::nullopt : std::optional(transaction.notary_name)});
    // A duplicate writes nothing instead of failing (which would end a PostgreSQL transaction), so it
    // is told apart in the same statement, even when another connection records the state concurrently.
    const std::string insert =
        "INSERT INTO " + Table("vault_states") +
        " (output_index, transaction_id, contract_state_class_name, state_status, recorded_timestamp, notary_name) "
        "VALUES (" + placeholders + ")";
    const bool inserted = InContext("recording " + state, [&] {
      return connection.InsertUnlessDuplicate(insert, values.values(), "output_index, transaction_id");
    });
    if (!inserted) throw DatabaseError("vault: " + state + " is already recorded");
  }
  for (const auto& name : output.parties) {
    BoundValues values(connection_.kind());
    const std::string placeholders = values.BindAll({output.ref.transaction_id, index, name});
    Run(connection, "recording participant '" + name + "' of " + state,
        "INSERT INTO " + Table("state_party") + " (transaction_id, output_index, x500_name) VALUES (" + placeholders +
            ")",
        values.values());
  }
  for (const auto& insert : output.mapped)
    Run(connection, "writing " + state + " to " + insert.description, insert.sql, insert.params);
}

void NodeVault::Consume(db::Connection& connection, const StateRef& input, const std::string& consuming_id,
                        const std::string& now) {
  const std::string what = "consuming input " + StateRefText(input) + " of " + consuming_id;
  const std::string index = std::to_string(input.output_index);
  BoundValues values(connection_.kind());
  // The status test is part of the update, so two transactions can never both spend the state.
  const std::string sql =
      "UPDATE " + Table("vault_states") + " SET state_status = " + values.Bind(Status(StateStatus::kConsumed)) +
      ", consumed_timestamp = " + values.Bind(now) + ", consuming_tx_id = " + values.Bind(consuming_id) +
      " WHERE transaction_id = " + values.Bind(input.transaction_id) + " AND output_index = " + values.Bind(index) +
      " AND state_status = " + values.Bind(Status(StateStatus::kUnconsumed));
  if (InContext(what, [&] { return connection.Change(sql, values.values()); }) != 0) return;

  BoundValues key(connection_.kind());
  const auto rows = Run(connection, what,
                        "SELECT consuming_tx_id FROM " + Table("vault_states") + " WHERE transaction_id = " +
                            key.Bind(input.transaction_id) + " AND output_index = " + key.Bind(index),
                        key.values());
  if (rows.empty()) {
    throw DatabaseError("vault: transaction " + consuming_id + " spends " + StateRefText(input) +
                        ", which is not in the vault");
  }
  throw DatabaseError("vault: transaction " + consuming_id + " spends " + StateRefText(input) +
                      ", which is already consumed by " + rows.front().front().value_or("an unknown transaction"));
}

long long NodeVault::CountUnconsumed(const std::string& state_type) {
  const auto connection = connection_.Take();
  BoundValues values(connection_.kind());
  const std::string sql = "SELECT COUNT(*) FROM " + Table("vault_states") +
                          " WHERE contract_state_class_name = " + values.Bind(state_type) +
                          " AND state_status = " + values.Bind(Status(StateStatus::kUnconsumed));
  const auto rows = Run(*connection, "counting unconsumed states of type " + state_type, sql, values.values());
  return rows.empty() || !rows.front().front() ? 0 : std::stoll(*rows.front().front());
}

std::vector<StateRef> NodeVault::Unconsumed(const std::string& state_type) {
  const auto connection = connection_.Take();
  BoundValues values(connection_.kind());
  const std::string sql = "SELECT transaction_id, output_index FROM " + Table("vault_states") +
                          " WHERE contract_state_class_name = " + values.Bind(state_type) +
                          " AND state_status = " + values.Bind(Status(StateStatus::kUnconsumed)) +
                          " ORDER BY recorded_timestamp, transaction_id, output_index";
  std::vector<StateRef> refs;
  for (const auto& row : Run(*connection, "listing unconsumed states of type " + state_type, sql, values.values())) {
    refs.push_back({row.at(0).value_or(""), std::stoi(row.at(1).value_or("0"))});
  }
  return refs;
}

}  // namespace ledgerhost::vault
