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

  // Not a virtual table, whose pragmas would need its module (an FTS table read where FTS is not built in).
  const std::string plain_tables = "m.type = 'table' AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%'";
  // Four queries read every table's pragmas at once (a query per table and index was 2,500 queries for
  // 500 tables); rows come grouped by table.
  auto by_table = [&](const std::string& sql) {
    std::map<std::string, std::vector<db::Row>> rows;
    for (auto& row : connection.Query(sql)) rows[row[0].value_or("")].push_back(std::move(row));
    return rows;
  };
  auto columns_of = by_table("SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk FROM sqlite_master m "
                             "JOIN pragma_table_info(m.name) p WHERE " + plain_tables + " ORDER BY m.name, p.cid");
  auto indexes_of = by_table("SELECT m.name, l.name, l.\"unique\", l.origin, CASE WHEN l.partial = 1 THEN i.sql END "
                             "FROM sqlite_master m JOIN pragma_index_list(m.name) l LEFT JOIN sqlite_master i ON "
                             "i.type = 'index' AND i.name = l.name WHERE " + plain_tables + " ORDER BY m.name, l.name");
  // Key columns by index (index names are unique in a schema), in key order, descending ones marked; an
  // expression (no name) as its text in the CREATE INDEX.
  std::map<std::string, std::vector<std::string>> index_columns;
  for (const auto& [index, rows] : by_table("SELECT l.name, x.name, x.\"desc\", i.sql FROM sqlite_master m JOIN "
                                            "pragma_index_list(m.name) l JOIN pragma_index_xinfo(l.name) x LEFT JOIN "
                                            "sqlite_master i ON i.type = 'index' AND i.name = l.name WHERE " + plain_tables +
                                            " AND x.key = 1 ORDER BY l.name, x.seqno")) {
    std::vector<std::string>& columns = index_columns[index];
    std::vector<std::string> written;
    for (const auto& c : rows) {
      if (!c[1]) {
        if (written.empty()) written = IndexKeyTexts(c[3].value_or(""));
        columns.push_back(columns.size() < written.size() ? written[columns.size()] : "");
      } else {
        columns.push_back(*c[1] + (c[2].value_or("0") == "1" ? " DESC" : ""));
      }
    }
  }
  auto foreign_keys_of = by_table("SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete "
                                  "FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE " + plain_tables +
                                  " ORDER BY m.name, f.id, f.seq");

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
      // A text the rebuild's parser does not read: the pragmas still describe the table.
    }
    definitions[name] = std::move(definition);
    Table table{.name = name, .columns = {}, .primary_key = {}, .unique_constraints = {}, .remarks = "", .definition = ""};
    std::vector<std::pair<int, std::string>> key;
    for (const auto& c : columns_of[name]) {
      Column column;
      column.name = c[1].value_or("");
      column.type = c[2].value_or("");
      column.nullable = c[3].value_or("0") == "0";
      if (c[4]) column.default_value = SqliteDefault(*c[4], column.type);
      const int position = std::stoi(c[5].value_or("0"));
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
      if (primary_key.columns.size() == 1 && UpperCase(declared.sql).find("AUTOINCREMENT") != std::string::npos) {
        for (auto& column : table.columns) {
          if (column.name == primary_key.columns.front()) {
            column.auto_increment = true;
            column.default_value.reset();
          }
        }
      }
      table.primary_key = std::move(primary_key);
    }
    for (const auto& index : indexes_of[name]) {
      const std::string index_name = index[1].value_or("");
      const std::string origin = index[3].value_or("");
      if (origin == "pk") continue;
      const std::vector<std::string>& columns = index_columns[index_name];
      if (origin == "u") {
        table.unique_constraints.push_back(
            {.name = Declared(definitions[name], TableConstraint::Kind::kUnique, ColumnClause::Kind::kUnique, columns).name,
             .columns = columns, .deferrable = false, .initially_deferred = false});
      } else {
        snapshot.indexes.push_back({.name = index_name, .table = name, .columns = columns,
                                    .unique = index[2].value_or("0") == "1",
                                    .definition = index[4].value_or("")});  // a partial index: its own statement
      }
    }
    snapshot.tables.push_back(std::move(table));
  }

  for (const auto& table : snapshot.tables) {
    std::map<int, ForeignKey> keys;
    for (const auto& row : foreign_keys_of[table.name]) {
      ForeignKey& key = keys[std::stoi(row[1].value_or("0"))];
      key.table = table.name;
      key.referenced_table = row[2].value_or("");
      key.columns.push_back(row[3].value_or(""));
      if (row[4]) key.referenced_columns.push_back(*row[4]);
      key.on_update = SqliteReferentialAction(row[5]);
      key.on_delete = SqliteReferentialAction(row[6]);
    }
    for (auto& [id, key] : keys) {
      if (key.referenced_columns.empty()) {  // REFERENCES t with no columns: t's primary key
        if (const Table* referenced = snapshot.FindTable(key.referenced_table); referenced && referenced->primary_key) {
          key.referenced_columns = referenced->primary_key->columns;
        }
      }
      const DeclaredConstraint declared =
          Declared(definitions[table.name], TableConstraint::Kind::kForeignKey, ColumnClause::Kind::kReferences, key.columns);
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
