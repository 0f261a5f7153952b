#include "migration/sql/generator/generators.h"
#include "core/text.h"
#include "migration/sql/sqlite/sqlite_rebuild_statement.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements AddForeignKey(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  Change referenced = change;
  referenced.attributes["tableName"] = Require(change, "referencedTableName");
  if (Has(change.attributes, "referencedTableSchemaName")) referenced.attributes["schemaName"] = change.attributes.at("referencedTableSchemaName");
  else referenced.attributes.erase("schemaName");
  return {{"ALTER TABLE " + d.Table(change, "baseTableName", "baseTableSchemaName") + " ADD CONSTRAINT " +
           d.Identifier(Require(change, "constraintName")) + " FOREIGN KEY (" +
           JoinIdentifiers(d, SplitNames(Require(change, "baseColumnNames"))) + ") REFERENCES " + d.Table(referenced) +
           " (" + JoinIdentifiers(d, SplitNames(Require(change, "referencedColumnNames"))) + ")" +
           ReferentialActions(d, change.attributes, JavaTrue(change.Get("deleteCascade", "false")))}};
}

// SQLite: the base table rebuilt with a FOREIGN KEY table constraint; the rows are checked against
// it (the rebuild's PRAGMA foreign_key_check), so the change fails where PostgreSQL's would.
// SQLite keys reference a table of the same database: a referenced schema is not written.
Statements AddForeignKeySqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  d.Table(change, "baseTableName", "baseTableSchemaName");
  const std::vector<std::string> columns = SplitNames(Require(change, "baseColumnNames"));
  const std::string referenced_table = Require(change, "referencedTableName");
  const std::vector<std::string> referenced_columns = SplitNames(Require(change, "referencedColumnNames"));
  const std::string name = Require(change, "constraintName");
  const std::string actions = ReferentialActions(d, change.attributes, JavaTrue(change.Get("deleteCascade", "false")));
  if (columns.size() != referenced_columns.size()) {
    throw MigrationError(change.location.ToString() + ": addForeignKeyConstraint names " +
                         std::to_string(columns.size()) + " base column(s) and " +
                         std::to_string(referenced_columns.size()) + " referenced column(s)");
  }
  sqlite::TableEdit edit;
  const TableIntrospector introspect = context.introspect;
  edit.edit = [=](sqlite::TableDefinition& definition) {
    if (introspect && !introspect(referenced_table)) throw MigrationError("there is no table " + referenced_table + " to reference");
    std::string list;
    for (const auto& column : columns) list += (list.empty() ? "" : ", ") + sqlite::Quote(definition.Column(column).name);
    for (const auto& constraint : definition.constraints()) {
      if (text::EqualsIgnoreCase(constraint.name, name)) throw MigrationError("the table already has a constraint named " + name);
    }
    std::string referenced;
    for (const auto& column : referenced_columns) referenced += (referenced.empty() ? "" : ", ") + sqlite::Quote(column);
    definition.constraints().push_back({sqlite::TableConstraint::Kind::kForeignKey, name, columns,
                                        "CONSTRAINT " + sqlite::Quote(name) + " FOREIGN KEY (" + list + ") REFERENCES " +
                                            sqlite::Quote(referenced_table) + " (" + referenced + ")" + actions});
  };
  return SqliteRebuild(change, context, Require(change, "baseTableName"), change.Get("baseTableSchemaName"), edit,
                       "AddForeignKeyConstraintStatement");
}

}  // namespace ledgerhost::migration::generator
