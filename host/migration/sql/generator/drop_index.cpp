#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements DropIndex(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string index = d.Identifier(Require(change, "indexName"));
  if (d.IsMysqlFamily()) return {{"DROP INDEX " + index + " ON " + d.Table(change)}};
  if (d.Is(db::DatabaseKind::kMssql)) return {{"DROP INDEX " + index + " ON " + d.Table(change)}};
  if (d.Is(db::DatabaseKind::kH2)) return {{"DROP INDEX PUBLIC." + index}};
  return {{"DROP INDEX " + index}};
}

}  // namespace ledgerhost::migration::generator
