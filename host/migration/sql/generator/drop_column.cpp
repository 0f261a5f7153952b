#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"
#include "migration/sql/sqlite/sqlite_rebuild.h"
#include "migration/sql/sqlite/sqlite_rebuild_statement.h"

namespace ledgerhost::migration::generator {
namespace {

// Nested <column>s are the columns to drop; columnName only counts without them (DropColumnChange).
std::vector<std::string> ColumnsToDrop(const Change& change) {
  std::vector<std::string> names;
  for (const auto& column : change.columns) names.push_back(ColumnName(column, change));
  if (const std::string* name = change.Find("columnName"); name && names.empty()) names.push_back(*name);
  if (names.empty()) throw MigrationError(change.location.ToString() + ": dropColumn needs columnName or <column>");
  return names;
}

}  // namespace

// Liquibase's DropColumnGenerator: MySQL/MariaDB drop several columns in one ALTER TABLE; SQL Server
// first drops the column's default constraint.
Statements DropColumn(const Change& change, const Dialect& d, const SqlGenerationContext&) {
  const std::string table = d.Table(change);
  const std::vector<std::string> names = ColumnsToDrop(change);
  if (d.IsMysqlFamily() && names.size() > 1) {
    std::string sql = "ALTER TABLE " + table;
    for (size_t i = 0; i < names.size(); ++i) sql += std::string(i ? "," : "") + " DROP " + d.Identifier(names[i]);
    return {{sql}};
  }
  Statements out;
  for (const auto& name : names) {
    if (d.Is(db::DatabaseKind::kMssql)) out.push_back({DropMssqlDefaultConstraint(d, table, name)});
    out.push_back({"ALTER TABLE " + table + " DROP COLUMN " + d.Identifier(name)});
  }
  return out;
}

// DropColumnGeneratorSQLite's way: the table is rebuilt without the column.
Statements DropColumnSqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  d.Table(change);  // its errors first, as the generic generator's
  ColumnsToDrop(change);
  if (!change.Find("columnName")) {
    // Liquibase validates every nested column of a multi-column drop against the change's own
    // columnName, which a <column> list leaves empty.
    throw MigrationError(change.location.ToString() + ": dropColumn on sqlite: columnName is required");
  }
  if (!context.introspect) return SqliteOfflineRebuild(change, d);
  const RebuildVisitor visitor = DropColumnVisitor(change);
  return {SqliteRebuildStatement(change, "", [change, context, visitor] { return RebuildOf(change, context, visitor); })};
}

}  // namespace ledgerhost::migration::generator
