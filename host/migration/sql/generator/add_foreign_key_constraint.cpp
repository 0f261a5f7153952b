#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements AddForeignKey(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  Change referenced = change;
  referenced.attributes["tableName"] = Require(change, "referencedTableName");
  if (Has(change.attributes, "referencedTableSchemaName")) referenced.attributes["schemaName"] = change.attributes.at("referencedTableSchemaName");
  else referenced.attributes.erase("schemaName");
  return {{"ALTER TABLE " + d.Table(change, "baseTableName", "baseTableSchemaName") + " ADD CONSTRAINT " +
           d.Identifier(Require(change, "constraintName")) + " FOREIGN KEY (" +
           JoinIdentifiers(d, SplitNames(Require(change, "baseColumnNames"))) + ") REFERENCES " + d.Table(referenced) +
           " (" + JoinIdentifiers(d, SplitNames(Require(change, "referencedColumnNames"))) + ")" +
           ReferentialActions(d, change.attributes, JavaTrue(change.Get("deleteCascade", "false")))}};
}

}  // namespace ledgerhost::migration::generator
