#include "migration/sql/generator/generators.h"
#include "migration/sql/sqlite/sqlite_rebuild_statement.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements AddNotNull(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string table = d.Table(change);
  const std::string column = d.Identifier(Require(change, "columnName"));
  Statements out;
  if (const std::string* fill = change.Find("defaultNullValue")) {
    out.push_back({"UPDATE " + table + " SET " + column + " = " + d.String(*fill) +
                   " WHERE " + column + " IS NULL"});
  }
  if (d.Is(db::DatabaseKind::kPostgresql) || d.Is(db::DatabaseKind::kH2)) {
    out.push_back({"ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL"});
  } else if (d.IsMysqlFamily()) {
    out.push_back({"ALTER TABLE " + table + " MODIFY " + column + " " + ColumnType(change, d, "columnDataType") + " NOT NULL"});
  } else if (d.Is(db::DatabaseKind::kOracle)) {
    out.push_back({"ALTER TABLE " + table + " MODIFY " + column + " NOT NULL"});
  } else {
    out.push_back({"ALTER TABLE " + table + " ALTER COLUMN " + column + " " + ColumnType(change, d, "columnDataType") + " NOT NULL"});
  }
  return out;
}

// SQLite: existing NULLs filled (defaultNullValue), then the table rebuilt with the column NOT
// NULL; a NULL left makes the copy, and so the changeset, fail, as PostgreSQL's SET NOT NULL does.
Statements AddNotNullSqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  const std::string table = d.Table(change);
  const std::string column_name = Require(change, "columnName");
  Statements out;
  if (const std::string* fill = change.Find("defaultNullValue")) {
    const std::string column = d.Identifier(column_name);
    out.push_back({"UPDATE " + table + " SET " + column + " = " + d.String(*fill) + " WHERE " + column + " IS NULL"});
  }
  sqlite::TableEdit edit;
  edit.edit = [column_name](sqlite::TableDefinition& definition) {
    sqlite::ColumnDefinition& column = definition.Column(column_name);
    column.Remove(sqlite::ColumnClause::Kind::kNull);
    if (!column.Has(sqlite::ColumnClause::Kind::kNotNull)) {
      column.clauses.push_back({sqlite::ColumnClause::Kind::kNotNull, "", "NOT NULL"});
    }
  };
  for (auto& statement : SqliteRebuild(change, context, edit, "SetNullableStatement")) out.push_back(statement);
  return out;
}

}  // namespace ledgerhost::migration::generator
