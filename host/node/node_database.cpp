#include "node/node_database.h"

#include <filesystem>

#include "core/error.h"
#include "core/logging.h"

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
    Logger("node")->info("{} does not exist yet: generating against an empty database", url.path);
    url.path = ":memory:";
    return db::Connection::Open(url);
  }
  return OpenNodeDatabase(config);
}

}  // namespace ledgerhost::node
