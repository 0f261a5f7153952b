#include "migration/sql/generator/generators.h"
#include "migration/sql/sqlite/sqlite_rebuild_statement.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements DropNotNull(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string table = d.Table(change);
  const std::string column = d.Identifier(Require(change, "columnName"));
  if (d.Is(db::DatabaseKind::kPostgresql)) return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP NOT NULL"}};
  if (d.Is(db::DatabaseKind::kH2)) return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NULL"}};
  if (d.IsMysqlFamily()) return {{"ALTER TABLE " + table + " MODIFY " + column + " " + ColumnType(change, d, "columnDataType") + " NULL"}};
  if (d.Is(db::DatabaseKind::kOracle)) return {{"ALTER TABLE " + table + " MODIFY " + column + " NULL"}};
  return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " " + ColumnType(change, d, "columnDataType") + " NULL"}};
}

// SQLite: the table rebuilt with the column's NOT NULL gone.
Statements DropNotNullSqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  d.Table(change);
  const std::string column_name = Require(change, "columnName");
  sqlite::TableEdit edit;
  edit.edit = [column_name](sqlite::TableDefinition& definition) {
    definition.Column(column_name).Remove(sqlite::ColumnClause::Kind::kNotNull);
  };
  return SqliteRebuild(change, context, edit, "SetNullableStatement");
}

}  // namespace ledgerhost::migration::generator
