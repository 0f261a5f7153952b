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

// MergeColumnChange on SQLite: the same three steps, each SQLite's way (the final column added, the
// table rebuilt without the two source columns).
Statements MergeColumnsSqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  const std::string table = d.Table(change);
  const std::string first = Require(change, "column1Name");
  const std::string second = Require(change, "column2Name");
  Statements out = Generate(FinalColumn(change), d, context);
  out.push_back({"UPDATE " + table + " SET " + d.Identifier(change.Get("finalColumnName")) + " = " +
                 d.Identifier(first) + " || " + d.String(change.Get("joinString")) + " || " + d.Identifier(second)});
  Change drop;
  drop.type = "dropColumn";
  drop.location = change.location;
  drop.attributes = {{"tableName", Require(change, "tableName")}};
  if (const std::string* schema = change.Find("schemaName")) drop.attributes["schemaName"] = *schema;
  for (const auto& name : {first, second}) {
    ColumnConfig column;
    column.attributes = {{"name", name}};
    column.location = change.location;
    drop.columns.push_back(column);
  }
  for (auto& statement : Generate(drop, d, context)) out.push_back(statement);
  return out;
}

}  // namespace ledgerhost::migration::generator
