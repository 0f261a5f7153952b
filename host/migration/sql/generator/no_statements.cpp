#include "migration/sql/generator/generators.h"
#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

// tagDatabase, empty, output and stop: the engine acts on them (a tag in the history row, a message,
// a stop); they have no SQL.
Statements NoStatements(const Change& /*change*/, const Dialect& /*d*/, const SqlGenerationContext& /*context*/) {
  return {};
}

}  // namespace ledgerhost::migration::generator
