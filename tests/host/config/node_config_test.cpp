#include "config/node_config.h"

#include <cstdlib>
#include <fstream>

#include <limits>
#include <map>

#include <gtest/gtest.h>

#include "core/error.h"

namespace ledgerhost::config {
namespace {

std::string ErrorOf(const std::string& yaml) {
  try {
    ParseNodeConfig(yaml, "node.yaml", "/base");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(NodeConfigTest, EmptyFileMeansDefaults) {
  NodeConfig config = ParseNodeConfig("", "node.yaml", "/base");
  EXPECT_EQ(config.database.url, "sqlite:/base/ledgerhost.db");
  EXPECT_FALSE(config.database.run_migration);
  EXPECT_EQ(config.plugins.directory, std::filesystem::path("/base/plugins"));
  EXPECT_TRUE(config.plugins.trusted_keys.empty());
  EXPECT_EQ(config.logging.level, "info");
}

TEST(NodeConfigTest, ReadsEverySection) {
  NodeConfig config = ParseNodeConfig(R"(
database:
  url: postgresql://127.0.0.1:5432/node
  user: node
  password: secret
  schema: ledger
  runMigration: true
  poolSize: 8
  previousLegalName: "O=Old Name, L=London, C=GB"
  customChanges:
    com.example.LegacyBackfill: mark-ran
plugins:
  directory: cordapps
  trustedKeys: [keys/release.pem, /etc/ledgerhost/ops.pem]
  ignore: [old-build.so]
schemas:
  com.example.schemas.IOUSchema:
    versions: latest
    tablePrefix: acme_
  com.example.schemas.CashSchema:
    versions: [1, 3]
    databaseSchema: cash
logging:
  level: debug
  file: logs/node.log
balances:
  sweepIntervalMs: 250
  accounts:
    peer-a: {minimumBalance: -9223372036854775808, settleThreshold: 1000, settleTo: 10}
    peer-b:
)", "node.yaml", "/base");
  EXPECT_EQ(config.database.url, "postgresql://127.0.0.1:5432/node");
  EXPECT_EQ(config.database.password, "secret");
  EXPECT_TRUE(config.database.run_migration);
  EXPECT_EQ(config.database.pool_size, 8);
  EXPECT_EQ(config.database.previous_legal_name, "O=Old Name, L=London, C=GB");
  EXPECT_EQ(config.plugins.ignored_files, std::vector<std::string>{"old-build.so"});
  EXPECT_EQ(config.database.custom_changes,
            (std::map<std::string, std::string>{{"com.example.LegacyBackfill", "mark-ran"}}));
  EXPECT_EQ(config.plugins.directory, std::filesystem::path("/base/cordapps"));
  ASSERT_EQ(config.plugins.trusted_keys.size(), 2u);
  EXPECT_EQ(config.plugins.trusted_keys[0], std::filesystem::path("/base/keys/release.pem"));
  EXPECT_EQ(config.plugins.trusted_keys[1], std::filesystem::path("/etc/ledgerhost/ops.pem"));
  const auto& iou = config.schemas.at("com.example.schemas.IOUSchema");
  EXPECT_EQ(iou.versions, SchemaFamilyConfig::Versions::kLatest);
  EXPECT_EQ(iou.table_prefix, "acme_");
  const auto& cash = config.schemas.at("com.example.schemas.CashSchema");
  EXPECT_EQ(cash.versions, SchemaFamilyConfig::Versions::kListed);
  EXPECT_EQ(cash.listed_versions, (std::vector<int>{1, 3}));
  EXPECT_EQ(cash.database_schema, "cash");
  EXPECT_EQ(config.logging.level, "debug");
  EXPECT_EQ(config.balances.sweep_interval_ms, 250);
  ASSERT_EQ(config.balances.accounts.size(), 2u);
  const auto& peer_a = config.balances.accounts.at("peer-a");
  EXPECT_EQ(peer_a.minimum_balance, std::numeric_limits<long long>::min());
  EXPECT_EQ(peer_a.settle_threshold, 1000);
  EXPECT_EQ(peer_a.settle_to, 10);
  EXPECT_FALSE(config.balances.accounts.at("peer-b").minimum_balance.has_value());
}

TEST(NodeConfigTest, UnknownKeyNamesKeyAndLine) {
  EXPECT_EQ(ErrorOf("database:\n  url: sqlite:x.db\n  runMigrations: true\n"),
            "node.yaml:3: database.runMigrations: unknown key (known: allowDerivedTables, customChanges, password, "
            "poolSize, previousLegalName, runMigration, schema, url, user)");
  EXPECT_NE(ErrorOf("databse: {}\n").find("node.yaml:1: databse: unknown key"), std::string::npos);
}

TEST(NodeConfigTest, WrongTypesNameKeyAndLine) {
  EXPECT_EQ(ErrorOf("database:\n  runMigration: sometimes\n"), "node.yaml:2: database.runMigration: expected true or false");
  EXPECT_EQ(ErrorOf("database:\n  poolSize: 0\n"), "node.yaml:2: database.poolSize: must be between 1 and 1024");
  EXPECT_EQ(ErrorOf("database:\n  customChanges:\n    a.B: skip\n"),
            "node.yaml:3: database.customChanges.a.B: expected refuse or mark-ran");
  EXPECT_EQ(ErrorOf("balances:\n  accounts:\n    a: {settleThreshold: 1, settleTo: 2}\n"),
            "node.yaml:3: balances.accounts.a: settleThreshold must not be under settleTo");
  EXPECT_EQ(ErrorOf("balances:\n  accounts:\n    a: {minimumBalance: 9223372036854775808}\n"),
            "node.yaml:3: balances.accounts.a.minimumBalance: expected a signed 64-bit integer");
  EXPECT_EQ(ErrorOf("database:\n  customChanges: [a.B]\n"),
            "node.yaml:2: database.customChanges: expected a map of Java class name to refuse|mark-ran");
  EXPECT_NE(ErrorOf("plugins:\n  ignore: [../elsewhere/x.so]\n").find("node.yaml:2: plugins.ignore[]: expected a file name"),
            std::string::npos);
  EXPECT_EQ(ErrorOf("plugins:\n  trustedKeys: key.pem\n"),
            "node.yaml:2: plugins.trustedKeys: expected a list of PEM public key files");
  EXPECT_EQ(ErrorOf("schemas:\n  a.B:\n    versions: newest\n"),
            "node.yaml:3: schemas.a.B.versions: expected all, latest, none or a list of version numbers");
  EXPECT_EQ(ParseNodeConfig("schemas:\n  a.B: {versions: none}\n", "node.yaml", "/base").schemas.at("a.B").versions,
            SchemaFamilyConfig::Versions::kNone);
  EXPECT_NE(ErrorOf("database: [\n").find("node.yaml:"), std::string::npos);
}

TEST(NodeConfigTest, MonitoringIsOffUnlessAPortIsGiven) {
  EXPECT_FALSE(ParseNodeConfig("", "node.yaml", "/base").monitoring.enabled);
  const NodeConfig any_port = ParseNodeConfig("monitoring: {port: 0}\n", "node.yaml", "/base");
  EXPECT_TRUE(any_port.monitoring.enabled);
  EXPECT_EQ(any_port.monitoring.port, 0);
  EXPECT_EQ(any_port.monitoring.host, "127.0.0.1");
  const NodeConfig chosen = ParseNodeConfig("monitoring:\n  port: 9464\n  host: ::1\n", "node.yaml", "/base");
  EXPECT_EQ(chosen.monitoring.port, 9464);
  EXPECT_EQ(chosen.monitoring.host, "::1");
  EXPECT_EQ(ErrorOf("monitoring: {host: 127.0.0.1}\n"),
            "node.yaml:1: monitoring.port: missing: the port of /health and /metrics (0: any free port)");
  EXPECT_EQ(ErrorOf("monitoring:\n  port: 70000\n"), "node.yaml:2: monitoring.port: must be between 0 and 65535");
  EXPECT_EQ(ErrorOf("monitoring:\n  port: 1\n  path: /m\n"), "node.yaml:3: monitoring.path: unknown key (known: host, port)");
}

TEST(NodeConfigTest, EnvironmentOverridesSecrets) {
  auto base = std::filesystem::temp_directory_path() / "ledgerhost-node-config-test";
  std::filesystem::create_directories(base);
  std::ofstream(base / "node.yaml") << "database:\n  url: postgresql://h/db\n  password: from-file\n";
  ::setenv("LEDGERHOST_DATABASE_PASSWORD", "from-env", 1);
  NodeConfig config = LoadNodeConfig(base);
  ::unsetenv("LEDGERHOST_DATABASE_PASSWORD");
  EXPECT_EQ(config.database.password, "from-env");
  EXPECT_EQ(config.database.url, "postgresql://h/db");
  std::filesystem::remove_all(base);
}

}  // namespace
}  // namespace ledgerhost::config
