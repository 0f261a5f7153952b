#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements AddPrimaryKey(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string* name = change.Find("constraintName");
  if (d.IsMysqlFamily()) name = nullptr;  // MySQL names every primary key PRIMARY; Liquibase omits the name
  std::string kind = "PRIMARY KEY";
  if (const std::string* clustered = change.Find("clustered"); clustered && d.Is(db::DatabaseKind::kMssql)) {
    kind += JavaTrue(*clustered) ? " CLUSTERED" : " NONCLUSTERED";
  }
  return {{"ALTER TABLE " + d.Table(change) + " ADD " + (name ? "CONSTRAINT " + d.Identifier(*name) + " " : "") + kind +
           " (" + JoinIdentifiers(d, SplitNames(Require(change, "columnNames"))) + ")"}};
}

}  // namespace ledgerhost::migration::generator
