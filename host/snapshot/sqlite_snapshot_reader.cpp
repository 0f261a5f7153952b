// SQLite's main database read from its pragmas, with each table's own CREATE TABLE text for what the
// pragmas do not say: constraint names, AUTOINCREMENT, deferrable foreign keys.
#include <algorithm>
#include <cctype>
#include <map>
#include <string>

#include "core/error.h"
#include "core/text.h"
#include "migration/sql/sqlite/sqlite_table_definition.h"
#include "snapshot/snapshot_reader.h"
#include "snapshot/value_text.h"

namespace ledgerhost::snapshot {
namespace {

using migration::sqlite::ColumnClause;
using migration::sqlite::TableConstraint;
using migration::sqlite::TableDefinition;

bool SameNames(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const std::string& x, const std::string& y) { return text::Lower(x) == text::Lower(y); });
}

// The constraint of `kind` over `columns` as the table's own text declares it: a table constraint, or
// the clause of a one-column key. Its name (empty when unnamed) and clause text (for DEFERRABLE and
// AUTOINCREMENT); both empty when the text does not say.
struct DeclaredConstraint {
  std::string name;
  std::string sql;
};
DeclaredConstraint Declared(const std::optional<TableDefinition>& definition, TableConstraint::Kind kind,
                            ColumnClause::Kind clause, const std::vector<std::string>& columns) {
  if (!definition) return {};
  for (const auto& constraint : definition->constraints()) {
    if (constraint.kind == kind && SameNames(constraint.columns, columns)) return {constraint.name, constraint.sql};
  }
  if (columns.size() != 1) return {};
  if (const auto* column = definition->FindColumn(columns.front())) {
    for (const auto& c : column->clauses) {
      if (c.kind == clause) return {c.name, c.sql};
    }
  }
  return {};
}

std::string UpperCase(std::string text) { return text::Upper(std::move(text)); }

std::string SqliteReferentialAction(const std::optional<std::string>& action) {
  const std::string value = UpperCase(action.value_or("NO ACTION"));
  return value.empty() || value == "NONE" ? "NO ACTION" : value;
}

}  // namespace

DatabaseSnapshot ReadSqliteSnapshot(db::Connection& connection) {
  DatabaseSnapshot snapshot;
  snapshot.kind = connection.kind();
  snapshot.database = connection.description();
  snapshot.schema = "main";
  snapshot.product_name = "SQLite";
  snapshot.product_version = connection.Server().product_version;

  std::map<std::string, std::optional<TableDefinition>> definitions;
  // A virtual table (FTS, R*Tree) is its CREATE VIRTUAL TABLE statement, which makes its shadow tables too.
  for (const auto& row : connection.Query("SELECT m.name, m.sql, l.type FROM sqlite_master m JOIN pragma_table_list l "
                                          "ON l.schema = 'main' AND l.name = m.name WHERE m.type = 'table' AND m.name NOT "
                                          "LIKE 'sqlite\\_%' ESCAPE '\\' AND l.type <> 'shadow' ORDER BY m.name")) {
    const std::string name = row[0].value_or("");
    if (IsHistoryTable(name)) continue;
    if (row[2].value_or("") == "virtual") {
      snapshot.tables.push_back({.name = name, .columns = {}, .primary_key = {}, .unique_constraints = {}, .remarks = "",
                                 .definition = row[1].value_or("")});
      continue;
    }
    std::optional<TableDefinition> definition;
    try {
      definition = TableDefinition::Parse(row[1].value_or(""), name);
    } catch (const MigrationError&) {
      // A text the rebuild's parser does not read (a virtual table): the pragmas still describe it.
    }
    definitions[name] = std::move(definition);
    Table table{.name = name, .columns = {}, .primary_key = {}, .unique_constraints = {}, .remarks = "", .definition = ""};
    std::vector<std::pair<int, std::string>> key;
    for (const auto& c : connection.Query("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?1) "
                                          "ORDER BY cid",
                                          {name})) {
      Column column;
      column.name = c[0].value_or("");
      column.type = c[1].value_or("");
      column.nullable = c[2].value_or("0") == "0";
      if (c[3]) column.default_value = SqliteDefault(*c[3], column.type);
      const int position = std::stoi(c[4].value_or("0"));
      if (position > 0) key.emplace_back(position, column.name);
      table.columns.push_back(std::move(column));
    }
    std::sort(key.begin(), key.end());
    if (!key.empty()) {
      KeyConstraint primary_key;
      for (const auto& [position, column] : key) primary_key.columns.push_back(column);
      const DeclaredConstraint declared = Declared(definitions[name], TableConstraint::Kind::kPrimaryKey,
                                                   ColumnClause::Kind::kPrimaryKey, primary_key.columns);
      primary_key.name = declared.name;
      // INTEGER PRIMARY KEY is the rowid, which is never NULL whatever the declaration says (and a
      // changelog's primary key is declared NOT NULL).
      if (primary_key.columns.size() == 1) {
        for (auto& column : table.columns) {
          if (column.name == primary_key.columns.front() && UpperCase(column.type) == "INTEGER") column.nullable = false;
        }
      }
      // INTEGER PRIMARY KEY AUTOINCREMENT: the rowid alias that never reuses a value.
      const std::string& key_sql = declared.sql;
      if (primary_key.columns.size() == 1 && UpperCase(key_sql).find("AUTOINCREMENT") != std::string::npos) {
        for (auto& column : table.columns) {
          if (column.name == primary_key.columns.front()) {
            column.auto_increment = true;
            column.default_value.reset();
          }
        }
      }
      table.primary_key = std::move(primary_key);
    }
    for (const auto& index : connection.Query("SELECT l.name, l.\"unique\", l.origin, CASE WHEN l.partial = 1 THEN "
                                              "m.sql END FROM pragma_index_list(?1) l LEFT JOIN sqlite_master m ON "
                                              "m.type = 'index' AND m.name = l.name ORDER BY l.name",
                                              {name})) {
      const std::string origin = index[2].value_or("");
      if (origin == "pk") continue;
      // Key columns with their order; an expression (no name) as its text in the CREATE INDEX.
      std::vector<std::string> columns;
      std::vector<std::string> written;
      for (const auto& c : connection.Query("SELECT name, \"desc\", (SELECT sql FROM sqlite_master WHERE type = 'index' "
                                            "AND name = ?1) FROM pragma_index_xinfo(?1) WHERE key = 1 ORDER BY seqno",
                                            {index[0].value_or("")})) {
        if (!c[0]) {
          if (written.empty()) written = IndexKeyTexts(c[2].value_or(""));
          columns.push_back(columns.size() < written.size() ? written[columns.size()] : "");
          continue;
        }
        columns.push_back(*c[0] + (c[1].value_or("0") == "1" ? " DESC" : ""));
      }
      if (origin == "u") {
        table.unique_constraints.push_back(
            {.name = Declared(definitions[name], TableConstraint::Kind::kUnique, ColumnClause::Kind::kUnique, columns).name,
             .columns = columns, .deferrable = false, .initially_deferred = false});
      } else {
        snapshot.indexes.push_back({.name = index[0].value_or(""), .table = name, .columns = columns,
                                    .unique = index[1].value_or("0") == "1",
                                    .definition = index[3].value_or("")});  // a partial index: its own statement
      }
    }
    snapshot.tables.push_back(std::move(table));
  }

  for (const auto& table : snapshot.tables) {
    std::map<int, ForeignKey> keys;
    for (const auto& row : connection.Query("SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM "
                                            "pragma_foreign_key_list(?1) ORDER BY id, seq",
                                            {table.name})) {
      ForeignKey& key = keys[std::stoi(row[0].value_or("0"))];
      key.table = table.name;
      key.referenced_table = row[1].value_or("");
      key.columns.push_back(row[2].value_or(""));
      if (row[3]) key.referenced_columns.push_back(*row[3]);
      key.on_update = SqliteReferentialAction(row[4]);
      key.on_delete = SqliteReferentialAction(row[5]);
    }
    for (auto& [id, key] : keys) {
      if (key.referenced_columns.empty()) {  // REFERENCES t with no columns: t's primary key
        if (const Table* referenced = snapshot.FindTable(key.referenced_table); referenced && referenced->primary_key) {
          key.referenced_columns = referenced->primary_key->columns;
        }
      }
      const auto& definition = definitions[table.name];
      const DeclaredConstraint declared =
          Declared(definition, TableConstraint::Kind::kForeignKey, ColumnClause::Kind::kReferences, key.columns);
      key.name = declared.name;
      const std::string sql = UpperCase(declared.sql);
      key.deferrable = sql.find("NOT DEFERRABLE") == std::string::npos && sql.find("DEFERRABLE") != std::string::npos;
      key.initially_deferred = sql.find("INITIALLY DEFERRED") != std::string::npos;
      snapshot.foreign_keys.push_back(std::move(key));
    }
  }
  std::stable_sort(snapshot.foreign_keys.begin(), snapshot.foreign_keys.end(),
                   [](const ForeignKey& a, const ForeignKey& b) { return a.name < b.name; });

  for (const auto& row : connection.Query("SELECT name, sql FROM sqlite_master WHERE type = 'view' ORDER BY name")) {
    snapshot.views.push_back({.name = row[0].value_or(""), .definition = ViewSelect(row[1].value_or(""))});
  }
  return snapshot;
}

}  // namespace ledgerhost::snapshot
