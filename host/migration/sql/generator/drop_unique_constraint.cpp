#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements DropUnique(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string name = d.Identifier(Require(change, "constraintName"));
  if (d.IsMysqlFamily()) return {{"ALTER TABLE " + d.Table(change) + " DROP KEY " + name}};
  if (d.Is(db::DatabaseKind::kOracle)) return {{"ALTER TABLE " + d.Table(change) + " DROP CONSTRAINT " + name + " DROP INDEX"}};
  return {{"ALTER TABLE " + d.Table(change) + " DROP CONSTRAINT " + name}};
}

}  // namespace ledgerhost::migration::generator
