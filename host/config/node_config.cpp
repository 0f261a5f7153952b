#include "config/node_config.h"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "core/error.h"
#include "core/files.h"

namespace ledgerhost::config {
namespace {

// Keeps the file name and the dotted key path so every error says where it is.
class ConfigReader {
 public:
  explicit ConfigReader(std::string source) : source_(std::move(source)) {}

  [[noreturn]] void Fail(const YAML::Node& node, const std::string& key, const std::string& problem) const {
    std::ostringstream message;
    message << source_;
    if (node.Mark().line >= 0) message << ":" << node.Mark().line + 1;
    message << ": " << key << ": " << problem;
    throw ConfigError(message.str());
  }

  void RequireMap(const YAML::Node& node, const std::string& key) const {
    if (!node.IsMap()) Fail(node, key, "expected a mapping");
  }

  // A mapping's key as text; YAML also allows lists and maps as keys, which no setting is.
  std::string KeyOf(const YAML::Node& key) const {
    if (!key.IsScalar()) Fail(key, "(a key)", "expected a plain name, not a list or mapping");
    return key.Scalar();
  }

  void RejectUnknownKeys(const YAML::Node& node, const std::string& key, const std::set<std::string>& known) const {
    for (const auto& entry : node) {
      const std::string name = KeyOf(entry.first);
      if (!known.count(name)) {
        std::string list;
        for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
        Fail(entry.first, Join(key, name), "unknown key (known: " + list + ")");
      }
    }
  }

  std::string String(const YAML::Node& node, const std::string& key) const {
    if (!node.IsScalar()) Fail(node, key, "expected a string");
    return node.Scalar();
  }

  bool Bool(const YAML::Node& node, const std::string& key) const {
    bool value = false;
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) Fail(node, key, "expected true or false");
    return value;
  }

  long long Int64(const YAML::Node& node, const std::string& key) const {
    long long value = 0;
    if (!node.IsScalar() || !YAML::convert<long long>::decode(node, value)) {
      Fail(node, key, "expected a signed 64-bit integer");
    }
    return value;
  }

  int Int(const YAML::Node& node, const std::string& key, int min, int max) const {
    int value = 0;
    if (!node.IsScalar() || !YAML::convert<int>::decode(node, value)) Fail(node, key, "expected an integer");
    if (value < min || value > max) {
      Fail(node, key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    }
    return value;
  }

  // A name that becomes part of SQL identifiers: letters, digits and '_', not starting with a digit,
  // at most `max` characters. Checked here so that nothing later splices an unchecked name.
  std::string Identifier(const YAML::Node& node, const std::string& key, size_t max) const {
    const std::string value = String(node, key);
    bool ok = !value.empty() && value.size() <= max && !std::isdigit(static_cast<unsigned char>(value[0]));
    for (char c : value) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    if (!ok) {
      Fail(node, key, "'" + value + "' is not a valid name: use letters, digits and '_' (not first), at most " +
                          std::to_string(max) + " characters");
    }
    return value;
  }

  static std::string Join(const std::string& parent, const std::string& child) {
    return parent.empty() ? child : parent + "." + child;
  }

 private:
  std::string source_;
};

std::filesystem::path Resolve(const std::filesystem::path& base, const std::string& value) {
  std::filesystem::path p(value);
  return p.is_absolute() ? p : base / p;
}

void ReadDatabase(const ConfigReader& r, const YAML::Node& node, DatabaseConfig& db) {
  r.RequireMap(node, "database");
  r.RejectUnknownKeys(node, "database",
                      {"url", "user", "password", "schema", "runMigration", "allowDerivedTables", "poolSize",
                       "customChanges", "previousLegalName"});
  if (node["url"]) db.url = r.String(node["url"], "database.url");
  if (node["user"]) db.user = r.String(node["user"], "database.user");
  if (node["password"]) db.password = r.String(node["password"], "database.password");
  if (node["schema"]) db.schema = r.Identifier(node["schema"], "database.schema", 63);
  if (node["runMigration"]) db.run_migration = r.Bool(node["runMigration"], "database.runMigration");
  if (node["allowDerivedTables"]) {
    db.allow_derived_tables = r.Bool(node["allowDerivedTables"], "database.allowDerivedTables");
  }
  if (node["poolSize"]) db.pool_size = r.Int(node["poolSize"], "database.poolSize", 1, 1024);
  if (node["previousLegalName"]) db.previous_legal_name = r.String(node["previousLegalName"], "database.previousLegalName");
  if (const auto custom = node["customChanges"]) {
    if (!custom.IsMap()) r.Fail(custom, "database.customChanges", "expected a map of Java class name to refuse|mark-ran");
    for (const auto& entry : custom) {
      const std::string class_name = r.KeyOf(entry.first);
      const std::string key = "database.customChanges." + class_name;
      const std::string policy = r.String(entry.second, key);
      if (policy != "refuse" && policy != "mark-ran") r.Fail(entry.second, key, "expected refuse or mark-ran");
      db.custom_changes[class_name] = policy;
    }
  }
}

void ReadBalances(const ConfigReader& r, const YAML::Node& node, BalancesConfig& b) {
  r.RequireMap(node, "balances");
  r.RejectUnknownKeys(node, "balances", {"store", "url", "keyPrefix", "accounts", "sweepIntervalMs"});
  if (node["keyPrefix"]) b.key_prefix = r.Identifier(node["keyPrefix"], "balances.keyPrefix", 64);
  if (node["store"]) {
    b.store = r.String(node["store"], "balances.store");
    if (b.store != "database" && b.store != "redis") r.Fail(node["store"], "balances.store", "expected database or redis");
  }
  if (node["url"]) b.url = r.String(node["url"], "balances.url");
  if (b.store == "redis" && b.url.empty()) r.Fail(node, "balances.url", "store redis needs a redis://host:port URL");
  if (node["sweepIntervalMs"]) b.sweep_interval_ms = r.Int(node["sweepIntervalMs"], "balances.sweepIntervalMs", 10, 3600000);
  if (const auto accounts = node["accounts"]) {
    r.RequireMap(accounts, "balances.accounts");
    for (const auto& entry : accounts) {
      const std::string id = r.KeyOf(entry.first);
      const std::string key = "balances.accounts." + id;
      if (id.empty() || id.size() > 255) r.Fail(entry.first, key, "an account id has 1 to 255 characters");
      BalanceAccountConfig account;
      if (!entry.second.IsNull()) {
        r.RequireMap(entry.second, key);
        r.RejectUnknownKeys(entry.second, key, {"minimumBalance", "settleThreshold", "settleTo"});
        if (entry.second["minimumBalance"]) account.minimum_balance = r.Int64(entry.second["minimumBalance"], key + ".minimumBalance");
        if (entry.second["settleThreshold"]) {
          account.settle_threshold = r.Int64(entry.second["settleThreshold"], key + ".settleThreshold");
        }
        if (entry.second["settleTo"]) account.settle_to = r.Int64(entry.second["settleTo"], key + ".settleTo");
        if (account.settle_threshold && *account.settle_threshold < account.settle_to) {
          r.Fail(entry.second, key, "settleThreshold must not be under settleTo");
        }
      }
      b.accounts[id] = account;
    }
  }
}

void ReadPlugins(const ConfigReader& r, const YAML::Node& node, const std::filesystem::path& base, PluginsConfig& p) {
  r.RequireMap(node, "plugins");
  r.RejectUnknownKeys(node, "plugins", {"directory", "trustedKeys", "ignore", "config"});
  if (node["directory"]) p.directory = Resolve(base, r.String(node["directory"], "plugins.directory"));
  if (const auto keys = node["trustedKeys"]) {
    if (!keys.IsSequence()) r.Fail(keys, "plugins.trustedKeys", "expected a list of PEM public key files");
    for (const auto& key : keys) p.trusted_keys.push_back(Resolve(base, r.String(key, "plugins.trustedKeys[]")));
  }
  if (const auto ignore = node["ignore"]) {
    if (!ignore.IsSequence()) r.Fail(ignore, "plugins.ignore", "expected a list of file names in the plugins directory");
    for (const auto& file : ignore) {
      const std::string name = r.String(file, "plugins.ignore[]");
      if (name.empty() || name.find('/') != std::string::npos) {
        r.Fail(file, "plugins.ignore[]", "expected a file name in the plugins directory, without a path");
      }
      p.ignored_files.push_back(name);
    }
  }
  if (const auto config = node["config"]) {
    r.RequireMap(config, "plugins.config");
    for (const auto& plugin : config) {
      const std::string name = r.KeyOf(plugin.first);
      const std::string key = "plugins.config." + name;
      r.RequireMap(plugin.second, key);
      for (const auto& entry : plugin.second) {
        const std::string setting = r.KeyOf(entry.first);
        p.settings[name][setting] = r.String(entry.second, key + "." + setting);
      }
    }
  }
}

void ReadSchemas(const ConfigReader& r, const YAML::Node& node, std::map<std::string, SchemaFamilyConfig>& out) {
  r.RequireMap(node, "schemas");
  for (const auto& entry : node) {
    const std::string family = r.KeyOf(entry.first);
    const std::string key = "schemas." + family;
    const YAML::Node& spec = entry.second;
    r.RequireMap(spec, key);
    r.RejectUnknownKeys(spec, key, {"versions", "tablePrefix", "databaseSchema"});
    SchemaFamilyConfig family_config;
    if (const auto versions = spec["versions"]) {
      if (versions.IsSequence()) {
        family_config.versions = SchemaFamilyConfig::Versions::kListed;
        for (const auto& v : versions) {
          family_config.listed_versions.push_back(r.Int(v, key + ".versions[]", 1, 1 << 30));
        }
        if (family_config.listed_versions.empty()) r.Fail(versions, key + ".versions", "lists no version");
      } else {
        const std::string mode = r.String(versions, key + ".versions");
        if (mode == "all") {
          family_config.versions = SchemaFamilyConfig::Versions::kAll;
        } else if (mode == "latest") {
          family_config.versions = SchemaFamilyConfig::Versions::kLatest;
        } else if (mode == "none") {
          family_config.versions = SchemaFamilyConfig::Versions::kNone;
        } else {
          r.Fail(versions, key + ".versions", "expected all, latest, none or a list of version numbers");
        }
      }
    }
    if (spec["tablePrefix"]) family_config.table_prefix = r.Identifier(spec["tablePrefix"], key + ".tablePrefix", 30);
    if (spec["databaseSchema"]) {
      family_config.database_schema = r.Identifier(spec["databaseSchema"], key + ".databaseSchema", 63);
    }
    out.emplace(family, std::move(family_config));
  }
}

void ReadLogging(const ConfigReader& r, const YAML::Node& node, const std::filesystem::path& base, LoggingConfig& l) {
  r.RequireMap(node, "logging");
  r.RejectUnknownKeys(node, "logging", {"level", "file"});
  if (node["level"]) {
    l.level = r.String(node["level"], "logging.level");
    static const std::set<std::string> levels{"trace", "debug", "info", "warn", "error", "critical", "off"};
    if (!levels.count(l.level)) r.Fail(node["level"], "logging.level", "expected trace, debug, info, warn, error or off");
  }
  if (node["file"]) l.file = Resolve(base, r.String(node["file"], "logging.file"));
}

void ReadMonitoring(const ConfigReader& r, const YAML::Node& node, MonitoringConfig& m) {
  r.RequireMap(node, "monitoring");
  r.RejectUnknownKeys(node, "monitoring", {"port", "host"});
  if (!node["port"]) r.Fail(node, "monitoring.port", "missing: the port of /health and /metrics (0: any free port)");
  m.enabled = true;
  m.port = r.Int(node["port"], "monitoring.port", 0, 65535);
  if (node["host"]) {
    m.host = r.String(node["host"], "monitoring.host");
    if (m.host.empty()) r.Fail(node["host"], "monitoring.host", "expected an address, e.g. 127.0.0.1");
  }
}

void ApplyEnvironment(DatabaseConfig& db) {
  if (const char* url = std::getenv("LEDGERHOST_DATABASE_URL")) db.url = url;
  if (const char* user = std::getenv("LEDGERHOST_DATABASE_USER")) db.user = user;
  if (const char* password = std::getenv("LEDGERHOST_DATABASE_PASSWORD")) db.password = password;
}

}  // namespace

NodeConfig ParseNodeConfig(const std::string& yaml_text, const std::string& source,
                           const std::filesystem::path& base_directory) {
  NodeConfig config;
  config.base_directory = base_directory;
  config.database.url = "sqlite:" + (base_directory / "ledgerhost.db").string();
  config.plugins.directory = base_directory / "plugins";

  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::Exception& e) {
    throw ConfigError(source + ":" + std::to_string(e.mark.line + 1) + ": invalid YAML: " + e.msg);
  }
  if (!root || root.IsNull()) return config;
  ConfigReader reader(source);
  reader.RequireMap(root, "(top level)");
  reader.RejectUnknownKeys(root, "", {"legalName", "database", "plugins", "schemas", "logging", "balances",
                                         "monitoring"});
  if (root["legalName"]) {
    config.legal_name = reader.String(root["legalName"], "legalName");
    if (config.legal_name.find("O=") == std::string::npos) {
      reader.Fail(root["legalName"], "legalName", "expected an X.500 name with at least O=, e.g. \"O=Bank A, L=London, C=GB\"");
    }
  }
  if (root["database"]) ReadDatabase(reader, root["database"], config.database);
  if (root["plugins"]) ReadPlugins(reader, root["plugins"], base_directory, config.plugins);
  if (root["schemas"]) ReadSchemas(reader, root["schemas"], config.schemas);
  if (root["logging"]) ReadLogging(reader, root["logging"], base_directory, config.logging);
  if (root["balances"]) ReadBalances(reader, root["balances"], config.balances);
  if (root["monitoring"]) ReadMonitoring(reader, root["monitoring"], config.monitoring);
  return config;
}

NodeConfig LoadNodeConfig(const std::filesystem::path& base_directory) {
  // A mistyped --base-directory must not become a fresh node somewhere else.
  std::error_code error;
  if (!std::filesystem::is_directory(base_directory, error)) {
    throw ConfigError("--base-directory " + base_directory.string() +
                      (std::filesystem::exists(base_directory, error) ? ": not a directory"
                                                                      : ": no such directory (create it, with a node.yaml, first)"));
  }
  const auto path = base_directory / "node.yaml";
  const std::string text = std::filesystem::exists(path, error) ? ReadWholeFile(path, "node configuration") : "";
  NodeConfig config = ParseNodeConfig(text, path.string(), base_directory);
  ApplyEnvironment(config.database);
  return config;
}

}  // namespace ledgerhost::config
