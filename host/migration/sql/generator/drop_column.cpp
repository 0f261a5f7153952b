#include "migration/sql/generator/generators.h"

#include <algorithm>

#include "core/text.h"
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

// On SQLite the table is rebuilt without the columns, and without the keys, unique, foreign key and
// CHECK constraints and indexes that use them, as PostgreSQL's DROP COLUMN drops them. (Liquibase
// 4.28 drops only nested <column>s there and requires a columnName beside them; ledgerhost drops
// what the change names on every database.)
Statements DropColumnSqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  d.Table(change);  // its errors first, as the generic generator's
  const std::vector<std::string> names = ColumnsToDrop(change);
  if (!context.introspect) return SqliteOfflineRebuild(change, d);
  sqlite::TableEdit edit;
  for (const auto& name : names) edit.dropped_columns.insert(text::Lower(name));
  edit.edit = [names](sqlite::TableDefinition& definition) {
    auto& columns = definition.columns();
    for (const auto& name : names) {
      const sqlite::ColumnDefinition& column = definition.Column(name);
      columns.erase(columns.begin() + (&column - columns.data()));
    }
    if (columns.empty()) throw MigrationError("a table keeps at least one column");
    auto& constraints = definition.constraints();
    constraints.erase(std::remove_if(constraints.begin(), constraints.end(),
                                     [&](const sqlite::TableConstraint& constraint) {
                                       return std::any_of(names.begin(), names.end(), [&](const std::string& name) {
                                         if (constraint.kind == sqlite::TableConstraint::Kind::kCheck) {
                                           return sqlite::MentionsIdentifier(constraint.sql, name);
                                         }
                                         return std::any_of(constraint.columns.begin(), constraint.columns.end(),
                                                            [&](const std::string& c) {
                                                              return text::EqualsIgnoreCase(c, name);
                                                            });
                                       });
                                     }),
                      constraints.end());
  };
  return SqliteRebuild(change, context, edit, "DropColumnStatement");
}

}  // namespace ledgerhost::migration::generator
