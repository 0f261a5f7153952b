#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements RenameTable(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  Change old_table = change;
  old_table.attributes["tableName"] = Require(change, "oldTableName");
  const std::string from = d.Table(old_table);
  const std::string to = d.Identifier(Require(change, "newTableName"));
  if (d.IsMysqlFamily()) return {{"ALTER TABLE " + from + " RENAME " + to}};
  if (d.Is(db::DatabaseKind::kMssql)) return {{"exec sp_rename '" + change.Get("oldTableName") + "', '" + change.Get("newTableName") + "'"}};
  return {{"ALTER TABLE " + from + " RENAME TO " + to}};
}

}  // namespace ledgerhost::migration::generator
