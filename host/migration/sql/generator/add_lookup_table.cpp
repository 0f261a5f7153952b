#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

// Liquibase's AddLookupTableChange: the lookup table from the distinct non-null values, its
// column made NOT NULL (Oracle: already is), keyed, and referenced by the existing table.
Statements AddLookupTable(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  const std::string existing_column = Require(change, "existingColumnName");
  const std::string new_column = Require(change, "newColumnName");
  Change existing;
  existing.attributes["tableName"] = Require(change, "existingTableName");
  if (const std::string* schema = change.Find("existingTableSchemaName")) existing.attributes["schemaName"] = *schema;
  Change lookup;
  lookup.attributes["tableName"] = Require(change, "newTableName");
  if (const std::string* schema = change.Find("newTableSchemaName")) lookup.attributes["schemaName"] = *schema;
  const std::string select = "DISTINCT " + d.Identifier(existing_column) + " AS " + d.Identifier(new_column);
  const std::string from = " FROM " + d.Table(existing) + " WHERE " + d.Identifier(existing_column) + " IS NOT NULL";
  Statements out;
  if (d.Is(db::DatabaseKind::kMssql)) out.push_back({"SELECT " + select + " INTO " + d.Table(lookup) + from});
  else out.push_back({"CREATE TABLE " + d.Table(lookup) + " AS SELECT " + select + from});
  if (!d.Is(db::DatabaseKind::kOracle)) {
    Change not_null = lookup;
    not_null.type = "addNotNullConstraint";
    not_null.location = change.location;
    not_null.attributes["columnName"] = new_column;
    if (const std::string* type = change.Find("newColumnDataType")) not_null.attributes["columnDataType"] = *type;
    for (auto& statement : Generate(not_null, d, context)) out.push_back(statement);
  }
  Change key = lookup;
  key.type = "addPrimaryKey";
  key.location = change.location;
  key.attributes["columnNames"] = new_column;
  for (auto& statement : Generate(key, d, context)) out.push_back(statement);
  Change fk;
  fk.type = "addForeignKeyConstraint";
  fk.location = change.location;
  fk.attributes = {{"baseTableName", existing.attributes["tableName"]},
                   {"baseColumnNames", existing_column},
                   {"referencedTableName", lookup.attributes["tableName"]},
                   {"referencedColumnNames", new_column},
                   {"constraintName", Require(change, "constraintName")}};
  if (existing.attributes.count("schemaName")) fk.attributes["baseTableSchemaName"] = existing.attributes["schemaName"];
  if (lookup.attributes.count("schemaName")) fk.attributes["referencedTableSchemaName"] = lookup.attributes["schemaName"];
  for (auto& statement : Generate(fk, d, context)) out.push_back(statement);
  return out;
}

}  // namespace ledgerhost::migration::generator
