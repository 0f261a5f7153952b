#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements DropForeignKey(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string table = d.Table(change, "baseTableName", "baseTableSchemaName");
  const std::string name = d.Identifier(Require(change, "constraintName"));
  if (d.IsMysqlFamily()) return {{"ALTER TABLE " + table + " DROP FOREIGN KEY " + name}};
  return {{"ALTER TABLE " + table + " DROP CONSTRAINT " + name}};
}

}  // namespace ledgerhost::migration::generator
