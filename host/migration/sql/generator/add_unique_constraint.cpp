#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements AddUnique(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string* name = change.Find("constraintName");
  std::string sql = "ALTER TABLE " + d.Table(change) + " ADD " + (name ? "CONSTRAINT " + d.Identifier(*name) + " " : "") +
                    "UNIQUE (" + JoinIdentifiers(d, SplitNames(Require(change, "columnNames"))) + ")";
  if (d.Is(db::DatabaseKind::kPostgresql) || d.Is(db::DatabaseKind::kOracle)) {
    if (JavaTrue(change.Get("deferrable", "false"))) sql += " DEFERRABLE";
    if (JavaTrue(change.Get("initiallyDeferred", "false"))) sql += " INITIALLY DEFERRED";
  }
  return {{sql}};
}

}  // namespace ledgerhost::migration::generator
