// The statements of the changes Liquibase implements on SQLite by rebuilding the table
// (sqlite_rebuild.h), as the change generators return them.
#pragma once

#include <functional>
#include <string>

#include "migration/sql/dialect.h"
#include "migration/sql/generator/support.h"
#include "migration/sql/sqlite/sqlite_rebuild.h"

namespace ledgerhost::migration::generator {

// A statement standing for a table rebuild that is generated when the statement runs: Liquibase
// reads the table at that point, after the changes before it in the changeset.
// `needs_live_database` names the statement class Liquibase refuses to print in update-sql (empty:
// the change's own rebuild, which it prints).
SqlStatement SqliteRebuildStatement(const Change& change, std::string needs_live_database,
                                    std::function<Statements()> generate);

// The rebuild of the change's table with `visitor`, read from the live database.
Statements RebuildOf(const Change& change, const SqlGenerationContext& context, const RebuildVisitor& visitor);

// What Liquibase 4.28 prints offline for a change it implements on SQLite by rebuilding the table:
// the rebuild without the metadata it needs (no columns, no row copy). Kept identical so
// update-sql scripts match.
Statements SqliteOfflineRebuild(const Change& change, const Dialect& d);

}  // namespace ledgerhost::migration::generator
