#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements Delete(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  std::string sql = "DELETE FROM " + d.Table(change);
  if (const std::string* where = change.Find("where"); where && !where->empty()) sql += " WHERE " + *where;
  return {{sql}};
}

}  // namespace ledgerhost::migration::generator
