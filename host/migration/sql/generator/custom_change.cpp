#include "migration/sql/generator/generators.h"
#include "core/error.h"

#include "migration/sql/custom_change_registry.h"
#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

// A Java customChange class runs only through a native replacement a plugin registered for it.
Statements CustomChange(const Change& change, const Dialect& /*d*/, const SqlGenerationContext& context) {
  const std::string class_name = change.Get("class");
  if (const auto* generator = FindCustomChange(class_name)) return (*generator)(change, context);
  throw MigrationError(change.location.ToString() + ": customChange class '" + class_name +
                       "' is Java code that ledgerhost cannot run, and no native replacement is registered for it");
}

}  // namespace ledgerhost::migration::generator
