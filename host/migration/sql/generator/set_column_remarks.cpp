#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements SetColumnRemarks(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string table = d.Table(change);
  const std::string column = Require(change, "columnName");
  const std::string remarks = change.Get("remarks");
  if (d.Is(db::DatabaseKind::kMssql)) return {{MssqlDescription(d, Require(change, "tableName"), remarks, column)}};
  return {{"COMMENT ON COLUMN " + table + "." + d.Identifier(column) + " IS " + d.String(remarks)}};
}

// SQLite has no remarks; MySQL's restate the whole column definition, which needs the live column
// type. The names are checked first, as the generic generator does.
Statements SetColumnRemarksUnsupported(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  d.Table(change);
  Require(change, "columnName");
  return NotSupported(change, d, context);
}

}  // namespace ledgerhost::migration::generator
