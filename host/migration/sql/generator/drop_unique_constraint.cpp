#include "migration/sql/generator/generators.h"
#include "core/text.h"
#include "migration/sql/sqlite/sqlite_rebuild_statement.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements DropUnique(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string name = d.Identifier(Require(change, "constraintName"));
  if (d.IsMysqlFamily()) return {{"ALTER TABLE " + d.Table(change) + " DROP KEY " + name}};
  if (d.Is(db::DatabaseKind::kOracle)) return {{"ALTER TABLE " + d.Table(change) + " DROP CONSTRAINT " + name + " DROP INDEX"}};
  return {{"ALTER TABLE " + d.Table(change) + " DROP CONSTRAINT " + name}};
}

// SQLite: the table rebuilt without the named UNIQUE constraint; a unique index of that name
// (what createIndex unique="true" makes) is dropped with DROP INDEX instead.
Statements DropUniqueSqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  d.Table(change);
  const std::string name = Require(change, "constraintName");
  sqlite::TableEdit edit;
  edit.edit = [name](sqlite::TableDefinition& definition) {
    if (!definition.RemoveNamed(sqlite::TableConstraint::Kind::kUnique, sqlite::ColumnClause::Kind::kUnique, name)) {
      throw MigrationError("the table has no unique constraint named " + name);
    }
  };
  const std::string schema = change.Get("schemaName");
  auto as_index = [name](const db::LiveTable& live) -> std::optional<Statements> {
    for (const auto& object : live.dependents) {
      if (object.type == "index" && text::EqualsIgnoreCase(object.name, name) &&
          text::StartsWithIgnoreCase(object.sql, "CREATE UNIQUE INDEX")) {
        return Statements{{"DROP INDEX " + sqlite::Quote(object.name)}};
      }
    }
    return std::nullopt;
  };
  return SqliteRebuild(change, context, Require(change, "tableName"), schema, edit, "DropUniqueConstraintStatement",
                       as_index);
}

}  // namespace ledgerhost::migration::generator
