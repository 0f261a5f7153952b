#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements RenameColumn(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string table = d.Table(change);
  const std::string from = d.Identifier(Require(change, "oldColumnName"));
  const std::string to = d.Identifier(Require(change, "newColumnName"));
  if (d.IsMysqlFamily()) return {{"ALTER TABLE " + table + " CHANGE " + from + " " + to + " " + ColumnType(change, d, "columnDataType")}};
  if (d.Is(db::DatabaseKind::kMssql)) {
    return {{"exec sp_rename '" + change.Get("tableName") + "." + change.Get("oldColumnName") + "', '" +
             change.Get("newColumnName") + "', 'COLUMN'"}};
  }
  if (d.Is(db::DatabaseKind::kH2)) return {{"ALTER TABLE " + table + " ALTER COLUMN " + from + " RENAME TO " + to}};
  return {{"ALTER TABLE " + table + " RENAME COLUMN " + from + " TO " + to}};
}

}  // namespace ledgerhost::migration::generator
