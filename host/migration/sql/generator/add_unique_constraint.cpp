#include "migration/sql/generator/generators.h"
#include "core/text.h"
#include "migration/sql/sqlite/sqlite_rebuild_statement.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements AddUnique(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string* name = change.Find("constraintName");
  std::string sql = "ALTER TABLE " + d.Table(change) + " ADD " + (name ? "CONSTRAINT " + d.Identifier(*name) + " " : "") +
                    "UNIQUE (" + JoinIdentifiers(d, SplitNames(Require(change, "columnNames"))) + ")";
  if (d.Is(db::DatabaseKind::kPostgresql) || d.Is(db::DatabaseKind::kOracle)) {
    if (JavaTrue(change.Get("deferrable", "false"))) sql += " DEFERRABLE";
    if (JavaTrue(change.Get("initiallyDeferred", "false"))) sql += " INITIALLY DEFERRED";
  }
  return {{sql}};
}

// SQLite: the table rebuilt with a UNIQUE table constraint (named when the change names it);
// duplicate rows fail the change. SQLite's unique constraints cannot be deferred.
Statements AddUniqueSqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  d.Table(change);
  const std::vector<std::string> columns = SplitNames(Require(change, "columnNames"));
  const std::string name = change.Get("constraintName");
  sqlite::TableEdit edit;
  edit.edit = [columns, name](sqlite::TableDefinition& definition) {
    std::string list;
    for (const auto& column : columns) list += (list.empty() ? "" : ", ") + sqlite::Quote(definition.Column(column).name);
    for (const auto& constraint : definition.constraints()) {
      if (!name.empty() && text::EqualsIgnoreCase(constraint.name, name)) {
        throw MigrationError("the table already has a constraint named " + name);
      }
    }
    definition.constraints().push_back({sqlite::TableConstraint::Kind::kUnique, name, columns,
                                        (name.empty() ? "" : "CONSTRAINT " + sqlite::Quote(name) + " ") + "UNIQUE (" +
                                            list + ")"});
  };
  return SqliteRebuild(change, context, edit, "AddUniqueConstraintStatement");
}

}  // namespace ledgerhost::migration::generator
