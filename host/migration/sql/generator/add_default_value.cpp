#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"
#include "migration/sql/sqlite/sqlite_rebuild.h"
#include "migration/sql/sqlite/sqlite_rebuild_statement.h"

namespace ledgerhost::migration::generator {

Statements AddDefault(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string table = d.Table(change);
  const std::string column_name = Require(change, "columnName");
  const std::string column = d.Identifier(column_name);
  auto value = d.DefaultValue(change.attributes);
  if (!value) throw MigrationError(change.location.ToString() + ": addDefaultValue needs a defaultValue* attribute");
  if (d.IsMysqlFamily()) {
    // Liquibase's MySQL generator wraps a computed default in parentheses, untranslated.
    if (const std::string* computed = change.Find("defaultValueComputed")) value = "(" + *computed + ")";
    return {{"ALTER TABLE " + table + " ALTER " + column + " SET DEFAULT " + *value}};
  }
  if (d.Is(db::DatabaseKind::kOracle)) return {{"ALTER TABLE " + table + " MODIFY " + column + " DEFAULT " + *value}};
  if (d.Is(db::DatabaseKind::kMssql)) {
    return {{"ALTER TABLE " + table + " ADD CONSTRAINT " +
             d.Identifier(change.Get("defaultValueConstraintName", "DF_" + change.Get("tableName") + "_" + column_name)) +
             " DEFAULT " + *value + " FOR " + column}};
  }
  return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DEFAULT " + *value}};
}

// SQLite: the table rebuilt with the column's DEFAULT (an expression in parentheses).
Statements AddDefaultSqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  d.Table(change);  // the generic generator's checks, in its order
  const std::string column_name = Require(change, "columnName");
  d.Identifier(column_name);
  const auto value = d.DefaultValue(change.attributes);
  if (!value) throw MigrationError(change.location.ToString() + ": addDefaultValue needs a defaultValue* attribute");
  const std::string clause = SqliteDefaultClause(*value);
  sqlite::TableEdit edit;
  edit.edit = [column_name, clause](sqlite::TableDefinition& definition) {
    sqlite::ColumnDefinition& column = definition.Column(column_name);
    column.Remove(sqlite::ColumnClause::Kind::kDefault);
    column.clauses.push_back({sqlite::ColumnClause::Kind::kDefault, "", clause});
  };
  return SqliteRebuild(change, context, edit, "AddDefaultValueStatement");
}

}  // namespace ledgerhost::migration::generator
