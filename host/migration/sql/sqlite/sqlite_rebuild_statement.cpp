#include "migration/sql/sqlite/sqlite_rebuild_statement.h"

#include <utility>

#include "core/error.h"

namespace ledgerhost::migration::generator {

SqlStatement SqliteRebuildStatement(const Change& change, std::string needs_live_database,
                                    std::function<Statements()> generate) {
  const std::string placeholder = "-- " + change.type + " " + change.Get("tableName") +
                                  ": SQLite table rebuild, generated from the live table when it runs";
  SqlStatement statement{placeholder};
  statement.comment = kVolatileWarning;
  const std::string where = change.location.ToString();
  statement.generate = [placeholder, where, generate = std::move(generate)](const std::string& sql) {
    if (sql != placeholder) {
      throw MigrationError(where + ": <modifySql> cannot change this change's SQL on sqlite: ledgerhost generates "
                           "Liquibase's table rebuild from the live table when it runs");
    }
    return generate();
  };
  statement.needs_live_database = std::move(needs_live_database);
  return statement;
}

Statements RebuildOf(const Change& change, const SqlGenerationContext& context, const RebuildVisitor& visitor) {
  return SqliteTableRebuild(context.introspect, Require(change, "tableName"), change.Get("schemaName"), visitor,
                            change.location.ToString());
}

Statements SqliteOfflineRebuild(const Change& change, const Dialect& d) {
  const std::string table = d.Table(change);
  const std::string temporary = d.Identifier(Require(change, "tableName") + "_temporary");
  return {{"ALTER TABLE " + table + " RENAME TO " + temporary, ";", kVolatileWarning},
          {"CREATE TABLE " + table + " ()"},
          {"DROP TABLE " + temporary},
          {"REINDEX " + table}};
}

}  // namespace ledgerhost::migration::generator
