#include "migration/sql/generator/generators.h"
#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements DropView(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  return {{"DROP VIEW " + d.Table(change, "viewName")}};
}

}  // namespace ledgerhost::migration::generator
