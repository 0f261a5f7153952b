#include "migration/sql/generator/generators.h"
#include "migration/sql/sqlite/sqlite_rebuild_statement.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements DropDefault(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string table = d.Table(change);
  const std::string column = d.Identifier(Require(change, "columnName"));
  if (d.IsMysqlFamily()) return {{"ALTER TABLE " + table + " ALTER " + column + " DROP DEFAULT"}};
  if (d.Is(db::DatabaseKind::kOracle)) return {{"ALTER TABLE " + table + " MODIFY " + column + " DEFAULT NULL"}};
  if (d.Is(db::DatabaseKind::kMssql)) return {{DropMssqlDefaultConstraint(d, table, change.Get("columnName"))}};
  if (d.Is(db::DatabaseKind::kPostgresql)) return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP DEFAULT"}};
  return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DEFAULT NULL"}};
}

// SQLite: the table rebuilt with the column's DEFAULT gone.
Statements DropDefaultSqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  d.Table(change);
  const std::string column_name = Require(change, "columnName");
  sqlite::TableEdit edit;
  edit.edit = [column_name](sqlite::TableDefinition& definition) {
    definition.Column(column_name).Remove(sqlite::ColumnClause::Kind::kDefault);
  };
  return SqliteRebuild(change, context, edit, "DropDefaultValueStatement");
}

}  // namespace ledgerhost::migration::generator
