#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements CreateIndex(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  std::string columns;
  for (const auto& column : change.columns) {
    const bool computed = JavaTrue(Attr(column.attributes, "computed", "false"));
    columns += (columns.empty() ? "" : ", ") + (computed ? ColumnName(column, change) : d.Identifier(ColumnName(column, change)));
    if (JavaTrue(Attr(column.attributes, "descending", "false"))) columns += " DESC";
  }
  if (columns.empty()) throw MigrationError(change.location.ToString() + ": createIndex has no columns");
  const bool unique = JavaTrue(change.Get("unique", "false"));
  std::string kind = unique ? "UNIQUE " : "";
  if (d.Is(db::DatabaseKind::kMssql)) kind += JavaTrue(change.Get("clustered", "false")) ? "CLUSTERED " : "NONCLUSTERED ";
  std::string index = d.Identifier(Require(change, "indexName"));
  if (d.Is(db::DatabaseKind::kH2)) index = "PUBLIC." + index;
  std::string sql = "CREATE " + kind + "INDEX " + index + " ON " + d.Table(change) + "(" + columns + ")";
  sql += TablespaceClause(change, d);
  return {{sql}};
}

}  // namespace ledgerhost::migration::generator
