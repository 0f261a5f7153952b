#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements DropTable(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  std::string sql = "DROP TABLE " + d.Table(change);
  if (JavaTrue(change.Get("cascadeConstraints", "false"))) {
    if (d.Is(db::DatabaseKind::kPostgresql) || d.Is(db::DatabaseKind::kH2)) sql += " CASCADE";
    if (d.Is(db::DatabaseKind::kOracle)) sql += " CASCADE CONSTRAINTS";
  }
  return {{sql}};
}

}  // namespace ledgerhost::migration::generator
