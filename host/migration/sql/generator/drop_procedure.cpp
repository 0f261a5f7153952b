#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements DropProcedure(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  return {{"DROP PROCEDURE " + d.Table(change, "procedureName")}};
}

}  // namespace ledgerhost::migration::generator
