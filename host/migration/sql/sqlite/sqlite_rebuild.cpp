#include "migration/sql/sqlite/sqlite_rebuild.h"

#include <algorithm>

#include "core/error.h"
#include "core/text.h"

namespace ledgerhost::migration::sqlite {

std::vector<SqlStatement> RebuildTable(const db::LiveTable& live, const std::string& schema, const TableEdit& edit,
                                       const std::string& where) {
  const std::string prefix = schema.empty() ? "" : Quote(schema) + ".";
  const std::string table = prefix + Quote(live.name);
  const std::string rebuilt_name = live.name + "__rebuild";
  const std::string rebuilt = prefix + Quote(rebuilt_name);
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
    const std::string used =
        object.type == "index" && open != std::string::npos ? object.sql.substr(open) : object.sql;
    for (const auto& column : edit.dropped_columns) {
      if (object.type != "index" && text::EqualsIgnoreCase(column, live.name)) continue;
      if (MentionsIdentifier(used, column)) return column;
    }
    return "";
  };
  std::vector<SqlStatement> out{{definition.CreateSql(rebuilt)}};
  std::string targets;
  std::string sources;
  for (const auto& column : definition.columns()) {
    if (column.Has(ColumnClause::Kind::kGenerated)) continue;  // computed, never inserted
    std::string source;
    if (auto fill = edit.fill.find(text::Lower(column.name)); fill != edit.fill.end()) {
      source = fill->second;
    } else if (const ColumnDefinition* old = before.FindColumn(column.name);
               old != nullptr && !old->Has(ColumnClause::Kind::kGenerated)) {
      source = Quote(old->name);
    } else {
      continue;  // a new column: its default
    }
    targets += (targets.empty() ? "" : ", ") + Quote(column.name);
    sources += (sources.empty() ? "" : ", ") + source;
  }
  if (!targets.empty()) {
    out.push_back({"INSERT INTO " + rebuilt + " (" + targets + ") SELECT " + sources + " FROM " + table});
  }
  // Views naming the table are dropped first: renaming the new table to the old name checks every
  // view, and one naming a table that is gone fails it. They come back as they were.
  std::vector<const db::SchemaObject*> views;
  std::vector<const db::SchemaObject*> recreated;
  for (const auto& object : live.dependents) {
    const bool view = object.type == "view";
    if (view && !MentionsIdentifier(object.sql, live.name)) continue;
    if (const std::string column = uses_dropped_column(object); !column.empty()) {
      if (object.type == "index") continue;  // goes with the column
      throw MigrationError(where + ": " + object.type + " " + object.name + " uses column " + column + " of " +
                           live.name + ", which this change removes: drop or change the " + object.type + " first");
    }
    (view ? views : recreated).push_back(&object);
  }
  for (const auto* view : views) out.push_back({"DROP VIEW " + prefix + Quote(view->name)});
  out.push_back({"DROP TABLE " + table});
  out.push_back({"ALTER TABLE " + rebuilt + " RENAME TO " + Quote(live.name)});
  for (const auto* object : recreated) out.push_back({object->sql});
  for (const auto* view : views) out.push_back({view->sql});
  if (edit.check_foreign_keys) {
    SqlStatement check{"PRAGMA " + prefix + "foreign_key_check(" + Quote(live.name) + ")"};
    check.failure_if_rows = where + ": rows of " + live.name + " do not satisfy its foreign keys";
    out.push_back(check);
  }
  return out;
}

}  // namespace ledgerhost::migration::sqlite
