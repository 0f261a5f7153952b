// One row a QueryableState generated for a selected mapped schema, checked against what the schema
// declares and turned into an INSERT. Only declared names reach the SQL (quoted by the migration
// engine's dialect, through SelectedSchema::SqlTable for the table), and every value is bound.
#pragma once

#include <string>
#include <vector>

#include "ledgerhost/state.h"
#include "db/database_kind.h"
#include "schema/selected_schema.h"

namespace ledgerhost::vault {

struct MappedInsert {
  std::string sql;
  std::vector<std::string> params;
  std::string description;  // "table loans of LoanSchemaV1 v1 (com.example.Loans)", for messages
};

// The row of state `ref` as an insert into `schema`'s table (prefix and database schema applied).
// The host writes transaction_id and output_index from `ref`, whatever the row says. A Party is
// written as its X.500 name when well known and NULL when anonymous; its key is never written.
// Throws PluginError (Error with ExitCode::kPlugin when the schema has no plugin) naming the schema,
// table and column when the row names a table or column the schema does not declare, or a value
// that cannot be stored faithfully.
MappedInsert PrepareMappedInsert(const schema::SelectedSchema& schema, const PersistentState& row, const StateRef& ref,
                                 db::DatabaseKind database);

// "LoanSchemaV1 v1 (com.example.Loans)".
std::string SchemaText(const schema::SelectedSchema& schema);

// Throws the plugin's fault: PluginError naming its path when the schema came from a plugin, else an
// Error with ExitCode::kPlugin (schemas registered directly, as the SDK test kit does).
[[noreturn]] void ThrowPluginFault(const schema::SelectedSchema& schema, const std::string& message);

}  // namespace ledgerhost::vault
