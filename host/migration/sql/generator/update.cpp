#include "migration/sql/generator/generators.h"

#include <map>

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements Update(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  // Liquibase's UpdateStatement keeps the new values in a TreeMap: SET lists columns by name.
  std::map<std::string, std::string> values;
  for (const auto& column : change.columns) {
    values[ColumnName(column, change)] = ColumnValue(d, column, context);
  }
  std::string sets;
  for (const auto& [name, value] : values) sets += (sets.empty() ? "" : ", ") + d.Identifier(name) + " = " + value;
  std::string sql = "UPDATE " + d.Table(change) + " SET " + sets;
  if (const std::string* where = change.Find("where"); where && !where->empty()) sql += " WHERE " + *where;
  SqlStatement statement{sql};
  statement.prepared = NeedsPreparedStatement(change, /*insert=*/false);
  return {statement};
}

}  // namespace ledgerhost::migration::generator
