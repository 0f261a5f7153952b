#include "migration/sql/generator/generators.h"
#include "core/text.h"
#include "migration/sql/sqlite/sqlite_rebuild_statement.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements DropForeignKey(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string table = d.Table(change, "baseTableName", "baseTableSchemaName");
  const std::string name = d.Identifier(Require(change, "constraintName"));
  if (d.IsMysqlFamily()) return {{"ALTER TABLE " + table + " DROP FOREIGN KEY " + name}};
  return {{"ALTER TABLE " + table + " DROP CONSTRAINT " + name}};
}

// SQLite: the base table rebuilt without the named foreign key.
Statements DropForeignKeySqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  d.Table(change, "baseTableName", "baseTableSchemaName");
  const std::string name = Require(change, "constraintName");
  sqlite::TableEdit edit;
  edit.edit = [name](sqlite::TableDefinition& definition) {
    if (!definition.RemoveNamed(sqlite::TableConstraint::Kind::kForeignKey, sqlite::ColumnClause::Kind::kReferences, name)) {
      throw MigrationError("the table has no foreign key named " + name);
    }
  };
  return SqliteRebuild(change, context, Require(change, "baseTableName"), change.Get("baseTableSchemaName"), edit,
                       "DropForeignKeyConstraintStatement");
}

}  // namespace ledgerhost::migration::generator
