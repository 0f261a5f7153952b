#include "migration/sql/generator/generators.h"
#include "core/error.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

// Liquibase reads the table's foreign keys from the live database; offline it prints nothing.
Statements DropAllForeignKeyConstraints(const Change& change, const Dialect& /*d*/, const SqlGenerationContext& context) {
  if (!context.introspect) return {};
  throw MigrationError(change.location.ToString() + ": dropAllForeignKeyConstraints needs the live table's foreign "
                       "keys, which ledgerhost does not read yet; drop them with dropForeignKeyConstraint");
}

}  // namespace ledgerhost::migration::generator
