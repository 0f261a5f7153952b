#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements SetTableRemarks(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string table = d.Table(change);
  const std::string remarks = change.Get("remarks");
  if (d.IsMysqlFamily()) return {{"ALTER TABLE " + table + " COMMENT = " + d.String(remarks)}};
  if (d.Is(db::DatabaseKind::kMssql)) return {{MssqlDescription(d, Require(change, "tableName"), remarks)}};
  return {{"COMMENT ON TABLE " + table + " IS " + d.String(remarks)}};
}

// SQLite has no remarks; the names are checked first, as the generic generator does.
Statements SetTableRemarksSqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  d.Table(change);
  return NotSupported(change, d, context);
}

}  // namespace ledgerhost::migration::generator
