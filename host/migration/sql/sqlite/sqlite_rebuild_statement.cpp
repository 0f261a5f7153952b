#include "migration/sql/sqlite/sqlite_rebuild_statement.h"

#include <cctype>
#include <utility>

#include "core/error.h"
#include "core/text.h"
#include "migration/sql/generator/generators.h"

namespace ledgerhost::migration::generator {

Statements SqliteRebuild(const Change& change, const SqlGenerationContext& context, sqlite::TableEdit edit,
                         const std::string& statement_class) {
  return SqliteRebuild(change, context, Require(change, "tableName"), change.Get("schemaName"), std::move(edit),
                       statement_class);
}

std::string SqliteDefaultClause(const std::string& value) {
  const std::string trimmed = text::Trim(value);
  auto literal = [&] {
    if (trimmed.empty()) return false;
    if (trimmed.front() == '(' || trimmed.front() == '\'') return true;  // a group or a string (the printer's)
    for (const char* keyword : {"NULL", "TRUE", "FALSE", "CURRENT_TIME", "CURRENT_DATE", "CURRENT_TIMESTAMP"}) {
      if (text::EqualsIgnoreCase(trimmed, keyword)) return true;
    }
    std::size_t i = trimmed.front() == '-' || trimmed.front() == '+' ? 1 : 0;
    if (i == trimmed.size()) return false;
    for (; i < trimmed.size(); ++i) {
      const char c = trimmed[i];
      if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != 'e' && c != 'E') return false;
    }
    return true;
  };
  return "DEFAULT " + (literal() ? trimmed : "(" + trimmed + ")");
}

Statements SqliteRebuild(const Change& change, const SqlGenerationContext& context, const std::string& table,
                         const std::string& schema, sqlite::TableEdit edit, const std::string& statement_class,
                         RebuildShortcut instead) {
  if (!context.introspect) NeedsLiveDatabase(change, statement_class);
  if (!schema.empty()) {
    // The rebuild reads and re-creates a table of the main database only.
    throw MigrationError(change.location.ToString() + ": " + change.type + " on sqlite rebuilds the table, which "
                         "ledgerhost does for tables of the main database only, not of attached database '" + schema + "'");
  }
  const std::string placeholder = "-- " + change.type + " " + table + ": SQLite table rebuild, generated from the "
                                  "table's CREATE TABLE text when it runs";
  SqlStatement statement{placeholder};
  statement.comment = kVolatileWarning;
  const std::string where = change.location.ToString();
  statement.generate = [placeholder, where, table, introspect = context.introspect, edit = std::move(edit),
                        instead = std::move(instead)](const std::string& sql) {
    if (sql != placeholder) {
      throw MigrationError(where + ": <modifySql> cannot change this change's SQL on sqlite: the table rebuild is "
                           "generated from the live table when it runs");
    }
    const auto live = introspect(table);
    if (!live || live->sql.empty() || !text::StartsWithIgnoreCase(live->sql, "CREATE TABLE")) {
      throw MigrationError(where + ": there is no table " + table + " to change");
    }
    if (instead) {
      if (auto statements = instead(*live)) return *statements;
    }
    return sqlite::RebuildTable(*live, edit, where);
  };
  statement.needs_live_database = statement_class;
  return {statement};
}

Statements SqliteOfflineRebuild(const Change& change, const Dialect& d) {
  const std::string table = d.Table(change);
  const std::string temporary = d.Identifier(Require(change, "tableName") + "_temporary");
  return {{"ALTER TABLE " + table + " RENAME TO " + temporary, ";", kVolatileWarning},
          {"CREATE TABLE " + table + " ()"},
          {"DROP TABLE " + temporary},
          {"REINDEX " + table}};
}

sqlite::ColumnDefinition SqliteColumnDefinition(const Change& change, const ColumnConfig& column, const Dialect& d,
                                                const SqlGenerationContext& context,
                                                std::vector<sqlite::TableConstraint>& constraints) {
  // createTable's own SQLite generator writes the column; the rebuild reads it back from that text.
  Change create;
  create.type = "createTable";
  create.location = column.location;
  create.attributes = {{"tableName", Require(change, "tableName")}};
  create.columns.push_back(column);
  const Statements statements = Generate(create, d, context);
  if (statements.empty()) throw MigrationError(column.location.ToString() + ": no column definition");
  auto definition = sqlite::TableDefinition::Parse(statements.front().sql, Require(change, "tableName"));
  if (definition.columns().size() != 1) throw MigrationError(column.location.ToString() + ": no column definition");
  for (auto& constraint : definition.constraints()) constraints.push_back(constraint);
  return definition.columns().front();
}

}  // namespace ledgerhost::migration::generator
