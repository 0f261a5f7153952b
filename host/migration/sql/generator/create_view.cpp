#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements CreateView(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  const std::string view = d.Table(change, "viewName");
  std::string query = change.Find("path") ? ReadResource(change, context, "path") : Require(change, "selectQuery");
  const bool replace = JavaTrue(change.Get("replaceIfExists", "false"));
  if (JavaTrue(change.Get("fullDefinition", "false"))) return {{query}};
  if (replace && d.Is(db::DatabaseKind::kSqlite)) return {{"DROP VIEW " + view}, {"CREATE VIEW " + view + " AS " + query}};
  if (replace && d.Is(db::DatabaseKind::kMssql)) {
    // Liquibase creates a stub view when missing, then ALTERs it (CreateViewGenerator, MSSQL).
    const std::string bracketed = "[" + change.Get("viewName") + "]";
    std::string stub_name;
    for (char c : bracketed) stub_name += c == '\'' ? std::string("''") : std::string(1, c);
    return {{"IF NOT EXISTS (SELECT * FROM sys.views WHERE object_id = OBJECT_ID(N'" + stub_name +
             "')) EXEC sp_executesql N'CREATE VIEW " + stub_name +
             " AS SELECT ''This is a code stub which will be replaced by an Alter Statement'' as [code_stub]'"},
            {"ALTER VIEW " + view + " AS " + query}};
  }
  return {{std::string("CREATE ") + (replace ? "OR REPLACE " : "") + "VIEW " + view + " AS " + query}};
}

}  // namespace ledgerhost::migration::generator
