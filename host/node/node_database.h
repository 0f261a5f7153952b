// The node's database connection, from node.yaml: the URL (default: the embedded SQLite file
// <base-directory>/ledgerhost.db), credentials, and database.schema as the default schema of the
// session on PostgreSQL, so that the host's tables and DATABASECHANGELOG live there.
#pragma once

#include <memory>

#include "config/node_config.h"
#include "db/connection.h"
#include "db/database_url.h"
#include "schema/selected_schema.h"

namespace ledgerhost::node {

db::DatabaseUrl NodeDatabaseUrl(const config::NodeConfig& config);

// Connects; throws DatabaseError (redacted URL) or ConfigError (database.schema on SQLite, or a
// schema that does not exist).
std::unique_ptr<db::Connection> OpenNodeDatabase(const config::NodeConfig& config);

// A database holds one node's vault: throws ConfigError when node_info names another legal name
// than node.yaml's, unless database.previousLegalName names it (the node takes it over).
void CheckDatabaseOwner(db::Connection& connection, const schema::SchemaCatalog& catalog,
                        const config::NodeConfig& config, const db::DatabaseUrl& url);

// A connection for looking only: like OpenNodeDatabase, except that a SQLite file that does not
// exist yet is not created — an empty in-memory database stands in for it.
std::unique_ptr<db::Connection> OpenNodeDatabaseReadOnly(const config::NodeConfig& config);

}  // namespace ledgerhost::node
