#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"
#include "migration/sql/sqlite/sqlite_rebuild.h"
#include "migration/sql/sqlite/sqlite_rebuild_statement.h"

namespace ledgerhost::migration::generator {

namespace {

// The addColumn change MergeColumnChange starts with: the final column.
Change FinalColumn(const Change& change) {
  Change add;
  add.type = "addColumn";
  add.location = change.location;
  add.attributes = {{"tableName", Require(change, "tableName")}};
  if (const std::string* schema = change.Find("schemaName")) add.attributes["schemaName"] = *schema;
  ColumnConfig column;
  column.attributes = {{"name", Require(change, "finalColumnName")}, {"type", Require(change, "finalColumnType")}};
  column.location = change.location;
  add.columns.push_back(column);
  return add;
}

}  // namespace

// Liquibase's MergeColumnChange: add the final column, fill it with column1 + joinString +
// column2, drop both source columns.
Statements MergeColumns(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  const std::string table = d.Table(change);
  const std::string first = d.Identifier(Require(change, "column1Name"));
  const std::string second = d.Identifier(Require(change, "column2Name"));
  const std::string join = d.String(change.Get("joinString"));
  Statements out = Generate(FinalColumn(change), d, context);
  std::string merged = first + " || " + join + " || " + second;
  if (d.IsMysqlFamily()) merged = "CONCAT_WS(" + join + ", " + first + ", " + second + ")";
  if (d.Is(db::DatabaseKind::kH2)) merged = "CONCAT(" + first + ", CONCAT(" + join + ", " + second + "))";
  out.push_back({"UPDATE " + table + " SET " + d.Identifier(change.Get("finalColumnName")) + " = " + merged});
  out.push_back({"ALTER TABLE " + table + " DROP COLUMN " + first});
  out.push_back({"ALTER TABLE " + table + " DROP COLUMN " + second});
  return out;
}

// MergeColumnChange on SQLite: the final column is added (a rebuild), filled, and the table rebuilt
// without the two source columns. Liquibase reads the table for that second rebuild when the change
// starts, before the first one runs.
Statements MergeColumnsSqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  const std::string table = d.Table(change);
  const std::string first = d.Identifier(Require(change, "column1Name"));
  const std::string second = d.Identifier(Require(change, "column2Name"));
  const Change add = FinalColumn(change);
  if (!context.introspect) NeedsLiveDatabase(change, "AddColumnStatement");
  const RebuildVisitor add_visitor = AddColumnVisitor(add);
  const RebuildVisitor merge_visitor = MergeColumnsVisitor(change);
  const std::string update = "UPDATE " + table + " SET " + d.Identifier(change.Get("finalColumnName")) + " = " + first +
                             " || '" + change.Get("joinString") + "' || " + second;
  return {SqliteRebuildStatement(change, "AddColumnStatement", [add, change, context, add_visitor, merge_visitor, update] {
    Statements out = RebuildOf(add, context, add_visitor);
    Statements merge = RebuildOf(change, context, merge_visitor);
    out.push_back({update});
    out.insert(out.end(), merge.begin(), merge.end());
    return out;
  })};
}

}  // namespace ledgerhost::migration::generator
