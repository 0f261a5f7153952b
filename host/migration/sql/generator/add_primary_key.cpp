#include "migration/sql/generator/generators.h"
#include "migration/sql/sqlite/sqlite_rebuild_statement.h"

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

// SQLite: the table rebuilt with the key as a table constraint (named when the change names it),
// its columns NOT NULL as PostgreSQL makes them. A second key, or duplicate rows, fail the change.
Statements AddPrimaryKeySqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  d.Table(change);
  const std::vector<std::string> columns = SplitNames(Require(change, "columnNames"));
  const std::string name = change.Get("constraintName");
  sqlite::TableEdit edit;
  edit.edit = [columns, name](sqlite::TableDefinition& definition) {
    if (definition.HasPrimaryKey()) throw MigrationError("the table already has a primary key");
    std::string list;
    for (const auto& column_name : columns) {
      sqlite::ColumnDefinition& column = definition.Column(column_name);
      column.Remove(sqlite::ColumnClause::Kind::kNull);
      if (!column.Has(sqlite::ColumnClause::Kind::kNotNull)) {
        column.clauses.push_back({sqlite::ColumnClause::Kind::kNotNull, "", "NOT NULL"});
      }
      list += (list.empty() ? "" : ", ") + sqlite::Quote(column.name);
    }
    definition.constraints().push_back({sqlite::TableConstraint::Kind::kPrimaryKey, name, columns,
                                        (name.empty() ? "" : "CONSTRAINT " + sqlite::Quote(name) + " ") +
                                            "PRIMARY KEY (" + list + ")"});
  };
  return SqliteRebuild(change, context, edit, "AddPrimaryKeyStatement");
}

}  // namespace ledgerhost::migration::generator
