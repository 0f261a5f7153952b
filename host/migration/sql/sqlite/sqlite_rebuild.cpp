#include "migration/sql/sqlite/sqlite_rebuild.h"

#include <algorithm>

#include "core/error.h"
#include "core/text.h"

namespace ledgerhost::migration::sqlite {
namespace {

bool Autoincrements(const TableDefinition& definition) {
  return std::any_of(definition.columns().begin(), definition.columns().end(), [](const ColumnDefinition& column) {
    return std::any_of(column.clauses.begin(), column.clauses.end(), [](const ColumnClause& clause) {
      return clause.kind == ColumnClause::Kind::kPrimaryKey && text::Lower(clause.sql).find("autoincrement") != std::string::npos;
    });
  });
}

}  // namespace

std::vector<SqlStatement> RebuildTable(const db::LiveTable& live, const TableEdit& edit, const std::string& where) {
  const std::string table = Quote(live.name);
  const std::string rebuilt = Quote(live.name + "__rebuild");
  TableDefinition definition = [&] {
    try {
      return TableDefinition::Parse(live.sql, live.name);
    } catch (const MigrationError& e) {
      throw MigrationError(where + ": " + e.what());
    }
  }();
  const TableDefinition before = definition;
  try {
    edit.edit(definition);
  } catch (const MigrationError& e) {
    throw MigrationError(where + ": " + e.what());
  }

  // Which dropped column an index, trigger or view uses. An index's columns follow its first '(';
  // in a trigger or view a column named as the table cannot be told from the table, and is not checked.
  auto uses_dropped_column = [&](const db::SchemaObject& object) -> std::string {
    const std::size_t open = object.sql.find('(');
    const std::string used = object.type == "index" && open != std::string::npos ? object.sql.substr(open) : object.sql;
    for (const auto& column : edit.dropped_columns) {
      if (object.type != "index" && text::EqualsIgnoreCase(column, live.name)) continue;
      if (MentionsIdentifier(used, column)) return column;
    }
    return "";
  };
  std::vector<SqlStatement> out{{definition.CreateSql(rebuilt)}};
  std::string columns;
  for (const auto& column : definition.columns()) {
    if (column.Has(ColumnClause::Kind::kGenerated)) continue;  // computed, never inserted
    const ColumnDefinition* old = before.FindColumn(column.name);
    if (old == nullptr || old->Has(ColumnClause::Kind::kGenerated)) continue;  // a new column: its default
    columns += (columns.empty() ? "" : ", ") + Quote(column.name);
  }
  if (!columns.empty()) out.push_back({"INSERT INTO " + rebuilt + " (" + columns + ") SELECT " + columns + " FROM " + table});
  std::vector<const db::SchemaObject*> recreated;
  for (const auto& object : live.dependents) {
    const bool own = object.type != "view" && text::EqualsIgnoreCase(object.table, live.name);
    // Views and other tables' triggers are matched by the table's name in their text: only the ones
    // that use it are checked.
    if (!own && !MentionsIdentifier(object.sql, live.name)) continue;
    if (const std::string column = uses_dropped_column(object); !column.empty()) {
      if (object.type == "index") continue;  // goes with the column
      throw MigrationError(where + ": " + object.type + " " + object.name + " uses column " + column + " of " +
                           live.name + ", which this change removes: drop or change the " + object.type + " first");
    }
    if (own) recreated.push_back(&object);  // dropped with the table
  }
  out.push_back({"DROP TABLE " + table});
  // In legacy mode the rename neither checks nor rewrites the views and other tables' triggers that
  // name the table: they name it again once the rename is done, as they did before.
  out.push_back({"PRAGMA legacy_alter_table = ON"});
  out.push_back({"ALTER TABLE " + rebuilt + " RENAME TO " + table});
  out.push_back({"PRAGMA legacy_alter_table = OFF"});
  for (const auto* object : recreated) out.push_back({object->sql});
  if (live.autoincrement_seq && Autoincrements(definition)) {
    // The copy left sqlite_sequence at the highest id still there: AUTOINCREMENT never reuses an id.
    const std::string quoted_name = QuoteString(live.name, db::DatabaseKind::kSqlite);
    out.push_back({"UPDATE sqlite_sequence SET seq = max(seq, " + *live.autoincrement_seq + ") WHERE name = " +
                   quoted_name});
    out.push_back({"INSERT INTO sqlite_sequence (name, seq) SELECT " + quoted_name + ", " + *live.autoincrement_seq +
                   " WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = " + quoted_name + ")"});
  }
  // SQLite's step 10: the rows of the table and of every table referencing it satisfy their keys
  // (a key whose referenced columns are no longer unique fails the check itself).
  std::vector<std::string> checked{live.name};
  checked.insert(checked.end(), live.referenced_by.begin(), live.referenced_by.end());
  for (const auto& name : checked) {
    SqlStatement check{"PRAGMA foreign_key_check(" + Quote(name) + ")"};
    check.failure_if_rows = where + ": rows of " + name + " do not satisfy its foreign keys after the rebuild of " +
                            live.name;
    out.push_back(check);
  }
  return out;
}

}  // namespace ledgerhost::migration::sqlite
