#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements DropNotNull(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string table = d.Table(change);
  const std::string column = d.Identifier(Require(change, "columnName"));
  if (d.Is(db::DatabaseKind::kPostgresql)) return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP NOT NULL"}};
  if (d.Is(db::DatabaseKind::kH2)) return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NULL"}};
  if (d.IsMysqlFamily()) return {{"ALTER TABLE " + table + " MODIFY " + column + " " + ColumnType(change, d, "columnDataType") + " NULL"}};
  if (d.Is(db::DatabaseKind::kOracle)) return {{"ALTER TABLE " + table + " MODIFY " + column + " NULL"}};
  return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " " + ColumnType(change, d, "columnDataType") + " NULL"}};
}

}  // namespace ledgerhost::migration::generator
