#include "migration/sql/generator/generators.h"
#include "migration/sql/sqlite/sqlite_rebuild_statement.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements ModifyDataType(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string table = d.Table(change);
  const std::string column = d.Identifier(Require(change, "columnName"));
  std::string type = d.Type(Require(change, "newDataType"));
  if (d.Is(db::DatabaseKind::kPostgresql) || d.Is(db::DatabaseKind::kOracle)) {
    // Liquibase drops what follows the type's parameters ("NVARCHAR(76) NOT NULL") here; MySQL,
    // SQL Server and H2 keep it.
    if (auto close = type.find(')'); close != std::string::npos) type.erase(close + 1);
  }
  if (d.Is(db::DatabaseKind::kPostgresql)) {
    return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE " + type + " USING (" + column + "::" + type + ")"}};
  }
  if (d.IsMysqlFamily() || d.Is(db::DatabaseKind::kOracle)) return {{"ALTER TABLE " + table + " MODIFY " + column + " " + type}};
  return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " " + type}};
}

// SQLite: the table rebuilt with the column's new type; values are copied as they are (SQLite
// converts them by the new column's affinity).
Statements ModifyDataTypeSqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  d.Table(change);
  const std::string column_name = Require(change, "columnName");
  const std::string type = d.Type(Require(change, "newDataType"));
  sqlite::TableEdit edit;
  edit.edit = [column_name, type](sqlite::TableDefinition& definition) { definition.Column(column_name).type = type; };
  return SqliteRebuild(change, context, edit, "ModifyDataTypeStatement");
}

}  // namespace ledgerhost::migration::generator
