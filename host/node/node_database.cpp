#include "node/node_database.h"

#include <filesystem>

#include "core/error.h"
#include "core/logging.h"
#include "ledgerhost/service.h"

namespace ledgerhost::node {
namespace {

void UseSchema(db::Connection& connection, const config::NodeConfig& config) {
  const std::string& schema = config.database.schema;
  if (schema.empty()) return;
  if (connection.kind() != db::DatabaseKind::kPostgresql) {
    throw ConfigError("node.yaml: database.schema needs PostgreSQL; " +
                      std::string(db::ShortName(connection.kind())) + " has no database schemas");
  }
  if (!connection.QueryScalar("SELECT 1 FROM information_schema.schemata WHERE schema_name = $1", {schema})) {
    throw ConfigError("node.yaml: database.schema '" + schema + "' does not exist in " + connection.description() +
                      "; create it first (CREATE SCHEMA " + schema + ")");
  }
  // The name was checked as a plain identifier when node.yaml was read; quoting keeps its case.
  connection.Execute("SET search_path TO \"" + schema + "\"");
}

}  // namespace

db::DatabaseUrl NodeDatabaseUrl(const config::NodeConfig& config) {
  return db::ParseDatabaseUrl(config.database.url, config.database.user, config.database.password);
}

std::unique_ptr<db::Connection> OpenNodeDatabase(const config::NodeConfig& config) {
  const db::DatabaseUrl url = NodeDatabaseUrl(config);
  if (url.offline) throw ConfigError("node.yaml: database.url " + url.Redacted() + " names no database");
  auto connection = db::Connection::Open(url);
  UseSchema(*connection, config);
  Logger("node")->info("database {}", url.Redacted());
  return connection;
}

std::unique_ptr<db::Connection> OpenNodeDatabaseReadOnly(const config::NodeConfig& config) {
  db::DatabaseUrl url = NodeDatabaseUrl(config);
  if (url.kind == db::DatabaseKind::kSqlite && url.path != ":memory:" && !std::filesystem::exists(url.path)) {
    Logger("node")->info("{} does not exist yet: read as an empty database (nothing is created)", url.path);
    url.path = ":memory:";
    return db::Connection::Open(url);
  }
  return OpenNodeDatabase(config);
}

// A database holds one node's vault. A node_info row of another legal name means another node
// started on it, and may be running: refused before anything is written, unless node.yaml names
// that node as the one this node takes over (database.previousLegalName).
void CheckDatabaseOwner(db::Connection& connection, const schema::SchemaCatalog& catalog,
                        const config::NodeConfig& config, const db::DatabaseUrl& url) {
  const schema::SelectedSchema* node_schema = catalog.Find(kNodeSchemaFamily, kNodeSchemaVersion);
  if (!connection.TableExists(node_schema->PhysicalTable("node_info"))) return;  // a new database
  const std::string table = node_schema->SqlTable("node_info", connection.kind());
  for (const auto& row : connection.Query("SELECT node_name, started_timestamp, host_version FROM " + table +
                                              " WHERE node_name <> " + connection.Placeholder(1) + " ORDER BY node_name",
                                          {config.legal_name})) {
    const std::string owner = row[0].value_or("");
    if (owner == config.database.previous_legal_name) continue;
    throw ConfigError("the database " + url.Redacted() + " holds the vault of node '" + owner + "' (last started " +
                      row[1].value_or("?") + " by ledgerhost " + row[2].value_or("?") + "), and this node is '" +
                      config.legal_name + "' (node.yaml legalName). One database holds one node's vault: give this "
                      "node a database of its own, or, if this node is that node renamed, take its database over "
                      "with database.previousLegalName: \"" + owner + "\" in node.yaml.");
  }
}

}  // namespace ledgerhost::node
