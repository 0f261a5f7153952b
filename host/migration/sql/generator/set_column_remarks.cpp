#include "migration/sql/generator/generators.h"

#include "core/text.h"
#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements SetColumnRemarks(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string table = d.Table(change);
  const std::string column = Require(change, "columnName");
  const std::string remarks = change.Get("remarks");
  if (d.Is(db::DatabaseKind::kMssql)) return {{MssqlDescription(d, Require(change, "tableName"), remarks, column)}};
  if (d.IsMysqlFamily()) {
    // MySQL keeps a column's comment in its definition, so the type is restated (and required).
    return {{"ALTER TABLE " + table + " MODIFY COLUMN " + d.Identifier(column) + " " +
             ColumnType(change, d, "columnDataType") + " COMMENT " + d.String(text::Trim(remarks))}};
  }
  return {{"COMMENT ON COLUMN " + table + "." + d.Identifier(column) + " IS " + d.String(remarks)}};
}

// SQLite has no remarks. The names are checked first, as the generic generator does.
Statements SetColumnRemarksSqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  d.Table(change);
  Require(change, "columnName");
  return NotSupported(change, d, context);
}

}  // namespace ledgerhost::migration::generator
