#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements DropSequence(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  if (d.Is(db::DatabaseKind::kSqlite) || d.Is(db::DatabaseKind::kMysql)) return {};
  return {{"DROP SEQUENCE " + d.Table(change, "sequenceName") + (d.Is(db::DatabaseKind::kPostgresql) ? " CASCADE" : "")}};
}

}  // namespace ledgerhost::migration::generator
