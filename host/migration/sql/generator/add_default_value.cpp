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

// AddDefaultValueGeneratorSQLite: the table is rebuilt with the new default.
Statements AddDefaultSqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  d.Table(change);  // the generic generator's checks, in its order
  d.Identifier(Require(change, "columnName"));
  if (!d.DefaultValue(change.attributes)) {
    throw MigrationError(change.location.ToString() + ": addDefaultValue needs a defaultValue* attribute");
  }
  if (!context.introspect) NeedsLiveDatabase(change, "AddDefaultValueStatement");
  const RebuildVisitor visitor = AddDefaultValueVisitor(change);
  return {SqliteRebuildStatement(change, "AddDefaultValueStatement",
                                 [change, context, visitor] { return RebuildOf(change, context, visitor); })};
}

}  // namespace ledgerhost::migration::generator
