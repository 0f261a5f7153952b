#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements AlterSequence(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  if (d.Is(db::DatabaseKind::kH2) && change.Find("incrementBy")) Disallowed(change.location, "incrementBy", d);
  std::string sql = "ALTER SEQUENCE " + d.Table(change, "sequenceName");
  if (const std::string* v = change.Find("incrementBy")) sql += " INCREMENT BY " + *v;
  if (const std::string* v = change.Find("minValue")) sql += " MINVALUE " + *v;
  if (const std::string* v = change.Find("maxValue")) sql += " MAXVALUE " + *v;
  // Liquibase's H2 generator leaves cacheSize and cycle out.
  if (d.Is(db::DatabaseKind::kH2)) return {{sql}};
  if (const std::string* v = change.Find("cacheSize")) sql += " CACHE " + *v;
  if (const std::string* v = change.Find("cycle")) {
    const bool cycle = JavaTrue(*v);
    if (cycle) sql += " CYCLE";
    else sql += d.Is(db::DatabaseKind::kOracle) ? " NOCYCLE" : " NO CYCLE";
  }
  return {{sql}};
}

}  // namespace ledgerhost::migration::generator
