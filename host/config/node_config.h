// The node's configuration: <base-directory>/node.yaml, every key documented in
// docs/configuration.md. Unknown keys and wrong types are ConfigErrors naming the key and line.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ledgerhost::config {

struct DatabaseConfig {
  std::string url;  // default: sqlite:<base-directory>/ledgerhost.db
  std::string user;
  std::string password;  // never logged; LEDGERHOST_DATABASE_PASSWORD overrides
  std::string schema;    // PostgreSQL schema for the host's tables ("" = the connection's default)
  bool run_migration = false;
  bool allow_derived_tables = false;  // derive tables for schemas without migrations on non-embedded databases
  int pool_size = 4;
  // database.customChanges: Java customChange class -> "refuse" | "mark-ran" (checked when read).
  std::map<std::string, std::string> custom_changes;
  // database.previousLegalName: the node whose database this node takes over. A database holds one
  // node's vault: without it, a database another legal name started on is refused.
  std::string previous_legal_name;
};

struct PluginsConfig {
  std::filesystem::path directory;                  // default: <base-directory>/plugins
  std::vector<std::filesystem::path> trusted_keys;  // PEM Ed25519 public keys; empty = signatures not required
  // plugins.ignore: file names in the directory the node leaves out, unopened. Any other file that
  // is refused (not a plugin, bad signature, other build) stops the start.
  std::vector<std::string> ignored_files;
  // plugins.config.<plugin name>.<key>: what ServiceHub::Config(key) returns to that plugin's services.
  std::map<std::string, std::map<std::string, std::string>> settings;
};

// Which versions of a schema family to persist, and how.
struct SchemaFamilyConfig {
  enum class Versions { kAll, kLatest, kListed, kNone };  // kNone: the family is left out
  Versions versions = Versions::kAll;
  std::vector<int> listed_versions;  // when kListed
  std::string table_prefix;
  std::string database_schema;  // PostgreSQL only
};

// balances.accounts.<id>: an account of the balance tracker and its settings (all optional).
struct BalanceAccountConfig {
  std::optional<long long> minimum_balance;   // none: no minimum
  std::optional<long long> settle_threshold;  // none: never settle automatically
  long long settle_to = 0;
};

struct BalancesConfig {
  std::string store = "database";  // "database": the node's own database (balance_* tables); "redis"
  std::string url;                 // redis://host:port for store redis (password: LEDGERHOST_REDIS_PASSWORD)
  std::string key_prefix = "lh";   // store redis: every key starts with it (several nodes may share a server)
  std::map<std::string, BalanceAccountConfig> accounts;
  int sweep_interval_ms = 1000;  // how often expired prepares are voided
};

struct LoggingConfig {
  std::string level = "info";
  std::filesystem::path file;  // empty = stderr only
};

// monitoring: the opt-in HTTP endpoint of GET /health and GET /metrics (docs/operators.md).
struct MonitoringConfig {
  bool enabled = false;            // a monitoring section with a port turns it on
  std::string host = "127.0.0.1";  // loopback unless the operator says otherwise
  int port = 0;                    // 0: any free port (logged)
};

struct NodeConfig {
  std::filesystem::path base_directory;
  std::string legal_name = "O=Ledgerhost Node, L=London, C=GB";  // the node's X.500 name
  DatabaseConfig database;
  PluginsConfig plugins;
  std::map<std::string, SchemaFamilyConfig> schemas;  // by family name
  LoggingConfig logging;
  BalancesConfig balances;
  MonitoringConfig monitoring;
};

// Reads <base_directory>/node.yaml (a missing file means all defaults; a missing directory is a
// ConfigError), then applies environment
// overrides: LEDGERHOST_DATABASE_URL, LEDGERHOST_DATABASE_USER, LEDGERHOST_DATABASE_PASSWORD.
NodeConfig LoadNodeConfig(const std::filesystem::path& base_directory);

// Parses node.yaml text; `source` names it in errors. Relative paths resolve against base_directory.
NodeConfig ParseNodeConfig(const std::string& yaml_text, const std::string& source,
                           const std::filesystem::path& base_directory);

}  // namespace ledgerhost::config
