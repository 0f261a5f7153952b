#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

// renameView per Liquibase's RenameViewGenerator (SQLite gets the generic "RENAME", as Liquibase prints it).
Statements RenameView(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  Change old_view = change;
  old_view.attributes["viewName"] = Require(change, "oldViewName");
  const std::string from = d.Table(old_view, "viewName");
  const std::string to = d.Identifier(Require(change, "newViewName"));
  if (d.Is(db::DatabaseKind::kPostgresql)) return {{"ALTER TABLE " + from + " RENAME TO " + to}};
  if (d.IsMysqlFamily()) return {{"RENAME TABLE " + from + " TO " + to}};
  if (d.Is(db::DatabaseKind::kMssql)) {
    return {{"exec sp_rename " + d.String(change.Get("oldViewName")) + ", " + d.String(change.Get("newViewName"))}};
  }
  return {{"RENAME " + from + " TO " + to}};
}

}  // namespace ledgerhost::migration::generator
