#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements Insert(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  std::string columns;
  const std::string values = ValuesList(d, change, context, columns);
  SqlStatement statement{"INSERT INTO " + d.Table(change) + " (" + columns + ") VALUES (" + values + ")"};
  statement.prepared = NeedsPreparedStatement(change, /*insert=*/true);
  return {statement};
}

}  // namespace ledgerhost::migration::generator
