#include "vault/mapped_row.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <type_traits>
#include <variant>

#include "core/error.h"
#include "migration/sql/dialect.h"
#include "plugins/plugin_loader.h"
#include "vault/bound_values.h"
#include "vault/state_ref_text.h"
#include "vault/text_limits.h"

namespace ledgerhost::vault {
namespace {

constexpr const char* kTransactionId = "transaction_id";
constexpr const char* kOutputIndex = "output_index";

const MappedColumn* FindColumn(const MappedEntity& entity, const std::string& name) {
  for (const auto& column : entity.columns) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

// The value as text bound to the column, or nullopt for NULL. `problem` says why the value cannot be
// stored as it is; `max_chars` is the column's declared length (0: none).
std::optional<std::string> TextOf(const ColumnValue& value, int max_chars, db::DatabaseKind database,
                                  std::string& problem) {
  return std::visit(
      [&](const auto& v) -> std::optional<std::string> {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return std::nullopt;
        } else if constexpr (std::is_same_v<T, std::string>) {
          problem = TextProblem(v, max_chars);
          return v;
        } else if constexpr (std::is_same_v<T, int64_t>) {
          return std::to_string(v);
        } else if constexpr (std::is_same_v<T, double>) {
          // SQLite would keep "nan" or "inf" as text in a numeric column; refuse rather than store that.
          if (!std::isfinite(v)) problem = "is not a finite number";
          char text[64];
          const auto result = std::to_chars(text, text + sizeof text, v);  // shortest text that round-trips
          return std::string(text, result.ptr);
        } else if constexpr (std::is_same_v<T, bool>) {
          return database == db::DatabaseKind::kPostgresql ? std::string(v ? "true" : "false")
                                                                  : std::string(v ? "1" : "0");
        } else {
          static_assert(std::is_same_v<T, Party>);
          // Only the name of a well-known party is stored; an anonymous one is NULL. Never the key.
          if (!v.well_known) return std::nullopt;
          problem = TextProblem(v.x500_name, max_chars);
          return v.x500_name;
        }
      },
      value);
}

// The declared length limits characters only for character types; elsewhere it means bytes or digits.
int CharacterLimit(const MappedColumn& column) {
  std::string type;
  for (char c : column.type) type += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return type.find("CHAR") != std::string::npos ? column.length : 0;
}

}  // namespace

std::string SchemaText(const schema::SelectedSchema& schema) {
  return schema.name + " v" + std::to_string(schema.version) + " (" + schema.family + ")";
}

void ThrowPluginFault(const schema::SelectedSchema& schema, const std::string& message) {
  if (schema.plugin) throw PluginError(schema.plugin->path().string(), message);
  throw Error(ExitCode::kPlugin, message);
}

MappedInsert PrepareMappedInsert(const schema::SelectedSchema& schema, const PersistentState& row, const StateRef& ref,
                                 db::DatabaseKind database) {
  const std::string state = "vault: state " + StateRefText(ref) + " generated a row for " + SchemaText(schema);
  const MappedEntity* entity = schema.FindEntity(row.table_name);
  if (entity == nullptr) {
    ThrowPluginFault(schema, state + " in table '" + row.table_name + "', which the schema does not declare");
  }
  // Every mapped table is keyed by the StateRef, which the host writes itself.
  for (const char* key : {kTransactionId, kOutputIndex}) {
    if (FindColumn(*entity, key) == nullptr) {
      ThrowPluginFault(schema, state + " in table '" + row.table_name + "', which declares no column '" + key +
                                   "' to hold the state's reference");
    }
  }

  const migration::Dialect dialect(database);
  BoundValues values(database);
  std::string columns = dialect.Identifier(kTransactionId) + ", " + dialect.Identifier(kOutputIndex);
  std::string placeholders = values.BindAll({ref.transaction_id, std::to_string(ref.output_index)});
  for (const auto& [name, value] : row.columns) {
    const MappedColumn* column = FindColumn(*entity, name);
    if (column == nullptr) {
      ThrowPluginFault(schema, state + ": table '" + row.table_name + "' declares no column '" + name + "'");
    }
    if (name == kTransactionId || name == kOutputIndex) continue;  // the host's StateRef wins
    std::string problem;
    const auto text = TextOf(value, CharacterLimit(*column), database, problem);
    if (!problem.empty()) {
      ThrowPluginFault(schema,
                       state + ": the value of column '" + name + "' of table '" + row.table_name + "' " + problem);
    }
    columns += ", " + dialect.Identifier(column->name);
    placeholders += ", " + values.Bind(text);
  }

  MappedInsert insert;
  insert.description = "table " + row.table_name + " of " + SchemaText(schema);
  insert.sql = "INSERT INTO " + schema.SqlTable(entity->table_name, database) + " (" + columns + ") VALUES (" +
               placeholders + ")";
  insert.params = values.values();
  return insert;
}

}  // namespace ledgerhost::vault
