// Reads a database's catalog into a DatabaseSnapshot: one reader per database (PostgreSQL's current
// schema, SQLite's main database, MariaDB's current database), Liquibase's history tables left out.
#pragma once

#include "db/connection.h"
#include "snapshot/database_snapshot.h"

namespace ledgerhost::snapshot {

// Throws DatabaseError from the catalog queries, ConfigError for a database without a reader.
DatabaseSnapshot ReadSnapshot(db::Connection& connection);

// The readers ReadSnapshot chooses from (each in its own file).
DatabaseSnapshot ReadPostgresqlSnapshot(db::Connection& connection);
DatabaseSnapshot ReadSqliteSnapshot(db::Connection& connection);
DatabaseSnapshot ReadMariadbSnapshot(db::Connection& connection);

// Liquibase's history tables (any case) are nobody's schema objects.
bool IsHistoryTable(const std::string& name);

}  // namespace ledgerhost::snapshot
