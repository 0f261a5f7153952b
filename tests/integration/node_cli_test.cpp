// The node end to end: the real `ledgerhost` executable on a base directory with real plugin files
// copied into its plugins/ folder, each scenario on a real SQLite file and on a fresh PostgreSQL
// database. Covers generating the migration SQL (touching nothing), running only the migration,
// refusing to start with pending changesets, starting and stopping on SIGTERM/SIGINT, schema version
// selection, table prefixes and database schemas, derived tables, a plugin upgrade v1 -> v2, an
// edited executed changeset, the vault's rows (and no public key anywhere in the database), and the
// `db ... --base-directory` commands on the node's database.
#include <signal.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>

#include "cli_runner.h"
#include "core/error.h"
#include "db/connection.h"
#include "support/test_database.h"

namespace ledgerhost {
namespace {

namespace fs = std::filesystem;
using cli_test::EnvChanges;
using cli_test::Outcome;
using cli_test::Process;
using cli_test::ReadFile;
using cli_test::ScratchDir;
using cli_test::ShellQuote;
using cli_test::WriteFile;
using db::Connection;
using db::DatabaseKind;
using testing::TestDatabase;

constexpr const char* kLegalName = "O=Test Node, L=London, C=GB";
constexpr const char* kCounterparty = "O=Bank B, L=New York, C=US";
constexpr const char* kIouFamily = "com.example.schemas.IOUSchema";
constexpr const char* kVersionedFamily = "com.example.fixtures.VersionedSchema";
constexpr const char* kNodeStarted = "Node started (";

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool Contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

bool ContainsIgnoringCase(const std::string& haystack, const std::string& needle) {
  return Lower(haystack).find(Lower(needle)) != std::string::npos;
}

std::string Describe(const Outcome& outcome) {
  return "exit code " + std::to_string(outcome.exit_code) + "\n--- stdout ---\n" + outcome.out + "\n--- stderr ---\n" +
         outcome.err;
}

// The number of changesets in the host's own changelogs (every file but the master), as the source
// tree has them, so adding a host changeset does not break these tests.
// The host's changesets that run on `database` (a changeSet's dbms="..." may leave some out).
int HostChangeSetCount(DatabaseKind database) {
  int count = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(LEDGERHOST_SOURCE_DIR) / "migrations")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("ledgerhost-node.changelog-", 0) != 0 || Contains(name, "master")) continue;
    const std::string text = ReadFile(entry.path());
    for (size_t at = text.find("<changeSet "); at != std::string::npos; at = text.find("<changeSet ", at + 1)) {
      const std::string tag = text.substr(at, text.find('>', at) - at);
      std::smatch dbms;
      if (std::regex_search(tag, dbms, std::regex("dbms=\"([^\"]*)\"")) &&
          !db::DbmsMatches(dbms[1].str(), db::ShortName(database))) {
        continue;
      }
      ++count;
    }
  }
  return count;
}

const std::vector<std::string> kHostTables{"vault_states",         "state_party",          "node_named_identities",
                                           "node_attachments",     "node_info",            "balance_accounts",
                                           "balance_reservations", "balance_settlements",  "balance_incoming_settlements",
                                           "balance_journal"};

// node.yaml as the tests write it.
struct NodeYaml {
  std::string legal_name = kLegalName;
  std::optional<std::string> url;  // nullopt: the default (sqlite:<base>/ledgerhost.db)
  bool run_migration = false;
  bool allow_derived_tables = false;
  std::string database_schema;  // database.schema (PostgreSQL)
  std::string plugin_config;  // a YAML flow map for plugins.config, e.g. {iou: {issueOnStart: "3"}}
  std::string schemas;        // a YAML flow map for schemas
  std::string balances;       // a YAML flow map for balances
  std::string previous_legal_name;  // database.previousLegalName
  std::string plugins_ignore;       // a YAML flow list for plugins.ignore
  std::string monitoring;           // a YAML flow map for monitoring

  std::string Text() const {
    std::string yaml = "legalName: \"" + legal_name + "\"\n";
    yaml += "database:\n";
    if (url) yaml += "  url: \"" + *url + "\"\n";
    yaml += std::string("  runMigration: ") + (run_migration ? "true" : "false") + "\n";
    if (allow_derived_tables) yaml += "  allowDerivedTables: true\n";
    if (!database_schema.empty()) yaml += "  schema: " + database_schema + "\n";
    if (!previous_legal_name.empty()) yaml += "  previousLegalName: \"" + previous_legal_name + "\"\n";
    if (!plugin_config.empty() || !plugins_ignore.empty()) yaml += "plugins:\n";
    if (!plugin_config.empty()) yaml += "  config: " + plugin_config + "\n";
    if (!plugins_ignore.empty()) yaml += "  ignore: " + plugins_ignore + "\n";
    if (!schemas.empty()) yaml += "schemas: " + schemas + "\n";
    if (!balances.empty()) yaml += "balances: " + balances + "\n";
    if (!monitoring.empty()) yaml += "monitoring: " + monitoring + "\n";
    yaml += "logging:\n  level: info\n";
    return yaml;
  }
};

// A node's base directory (node.yaml, plugins/), a separate working directory for every run (where
// the default migration file lands) and the runs' output files.
class NodeDir {
 public:
  NodeDir() {
    fs::create_directories(plugins());
    fs::create_directories(work());
    fs::create_directories(logs());
  }
  fs::path base() const { return scratch_.path() / "node"; }
  fs::path plugins() const { return base() / "plugins"; }
  fs::path work() const { return scratch_.path() / "work"; }
  fs::path logs() const { return scratch_.path() / "logs"; }

  void AddPlugin(const std::string& file) {
    fs::copy_file(file, plugins() / fs::path(file).filename(), fs::copy_options::overwrite_existing);
  }
  void RemovePlugin(const std::string& file) { ASSERT_TRUE(fs::remove(plugins() / fs::path(file).filename())) << file; }
  void Configure(const NodeYaml& yaml) { WriteFile(base() / "node.yaml", yaml.Text()); }

  // The node's own database variables are removed from the environment unless a test sets them.
  EnvChanges Environment(const EnvChanges& changes) const {
    EnvChanges env{{"LEDGERHOST_DATABASE_URL", std::nullopt},
                   {"LEDGERHOST_DATABASE_USER", std::nullopt},
                   {"LEDGERHOST_DATABASE_PASSWORD", std::nullopt}};
    for (const auto& [name, value] : changes) env[name] = value;
    return env;
  }

  std::unique_ptr<Process> Start(const std::vector<std::string>& args, const EnvChanges& env = {}) {
    return std::make_unique<Process>(work(), logs() / ("run-" + std::to_string(++runs_)), args, Environment(env));
  }

  // Runs to completion. Should the node start instead of exiting, it is stopped with SIGTERM (the
  // test then fails on whatever it expected instead of a start).
  Outcome Run(const std::vector<std::string>& args, const EnvChanges& env = {}) {
    auto process = Start(args, env);
    if (process->WaitForOutput(kNodeStarted)) process->Signal(SIGTERM);
    return process->Wait();
  }

  Outcome RunOnlyMigration(const EnvChanges& env = {}) {
    return Run({"--base-directory", base().string(), "--just-run-db-migration"}, env);
  }
  Outcome StartExpectingExit() { return Run({"--base-directory", base().string()}); }
  Outcome Db(const std::string& command, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"db", command};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back("--base-directory");
    args.push_back(base().string());
    return Run(args);
  }

  // Starts the node, waits until it says it started, stops it with `signal` and returns the outcome.
  // The wait has a generous guard against a hung node; no duration is asserted.
  Outcome StartAndStop(int signal) {
    auto process = Start({"--base-directory", base().string()});
    const bool started = process->WaitForOutput(kNodeStarted);
    if (started) process->Signal(signal);
    Outcome outcome = process->Wait();
    EXPECT_TRUE(started) << "the node did not start\n" << Describe(outcome);
    return outcome;
  }

 private:
  ScratchDir scratch_;
  int runs_ = 0;
};

// ---- Looking into the database ------------------------------------------------------------------

std::string Param(const Connection& c, int n) { return c.kind() == DatabaseKind::kPostgresql ? "$" + std::to_string(n) : "?"; }

std::string DefaultSchema(const Connection& c) { return c.kind() == DatabaseKind::kPostgresql ? "public" : "main"; }

// Every table, as "schema.table" in lower case (SQLite's schema, and MariaDB's current database, "main").
std::set<std::string> Tables(Connection& c) {
  std::set<std::string> out;
  if (c.kind() == DatabaseKind::kSqlite) {
    for (const auto& row : c.Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
      out.insert("main." + Lower(row[0].value_or("")));
    }
  } else if (c.kind() == DatabaseKind::kMariadb) {
    for (const auto& row : c.Query("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
      out.insert("main." + Lower(row[0].value_or("")));
    }
  } else {
    for (const auto& row : c.Query("SELECT table_schema, table_name FROM information_schema.tables "
                                   "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")) {
      out.insert(Lower(row[0].value_or("")) + "." + Lower(row[1].value_or("")));
    }
  }
  return out;
}

bool HasTable(Connection& c, const std::string& table, std::string schema = "") {
  if (schema.empty()) schema = DefaultSchema(c);
  return Tables(c).count(schema + "." + Lower(table)) > 0;
}

std::set<std::string> Columns(Connection& c, const std::string& table, std::string schema = "") {
  std::set<std::string> out;
  if (c.kind() == DatabaseKind::kSqlite) {
    for (const auto& row : c.Query("SELECT name FROM pragma_table_info(?)", {table})) out.insert(Lower(row[0].value_or("")));
  } else if (c.kind() == DatabaseKind::kMariadb) {
    for (const auto& row : c.Query("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() "
                                   "AND table_name = ?",
                                   {table})) {
      out.insert(Lower(row[0].value_or("")));
    }
  } else {
    if (schema.empty()) schema = DefaultSchema(c);
    for (const auto& row : c.Query("SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND "
                                   "table_name = $2",
                                   {schema, table})) {
      out.insert(Lower(row[0].value_or("")));
    }
  }
  return out;
}

bool HasIndex(Connection& c, const std::string& index) {
  if (c.kind() == DatabaseKind::kSqlite) {
    return c.QueryScalar("SELECT 1 FROM sqlite_master WHERE type = 'index' AND lower(name) = lower(?)", {index}).has_value();
  }
  if (c.kind() == DatabaseKind::kMariadb) {
    return c.QueryScalar("SELECT 1 FROM information_schema.statistics WHERE table_schema = DATABASE() AND index_name = ?",
                         {index})
        .has_value();
  }
  return c.QueryScalar("SELECT 1 FROM pg_indexes WHERE indexname = $1", {index}).has_value();
}

long long Count(Connection& c, const std::string& sql, const std::vector<std::string>& params = {}) {
  return std::stoll(c.QueryScalar(sql, params).value_or("-1"));
}

struct HistoryRow {
  std::string id;
  std::string author;
  std::string filename;
  std::string line;  // every column that a re-run would change, to compare histories
};

std::vector<HistoryRow> History(Connection& c) {
  std::vector<HistoryRow> rows;
  if (!HasTable(c, "databasechangelog")) return rows;
  for (const auto& row : c.Query("SELECT id, author, filename, orderexecuted, dateexecuted, deployment_id, md5sum, "
                                 "exectype, tag FROM DATABASECHANGELOG ORDER BY orderexecuted")) {
    HistoryRow h{row[0].value_or(""), row[1].value_or(""), row[2].value_or(""), ""};
    for (const auto& cell : row) h.line += cell.value_or("NULL") + "|";
    rows.push_back(std::move(h));
  }
  return rows;
}

std::vector<std::string> HistoryLines(Connection& c) {
  std::vector<std::string> lines;
  for (const auto& row : History(c)) lines.push_back(row.line);
  return lines;
}

std::vector<HistoryRow> HistoryOf(Connection& c, const std::string& author) {
  std::vector<HistoryRow> out;
  for (auto& row : History(c)) {
    if (row.author == author) out.push_back(row);
  }
  return out;
}

std::vector<std::string> Ids(const std::vector<HistoryRow>& rows) {
  std::vector<std::string> ids;
  for (const auto& row : rows) ids.push_back(row.id);
  return ids;
}

// ---- Public keys ----------------------------------------------------------------------------------

// The start of the counterparty's encoded public key (Ed25519 SubjectPublicKeyInfo) in the IOU
// sample: in raw bytes, hex and base64.
const std::string kKeyBytes{'\x30', '\x2a', '\x30', '\x05', '\x06', '\x03', '\x2b', '\x65', '\x70'};
constexpr const char* kKeyHex = "302a300506032b6570";
constexpr const char* kKeyBase64 = "MCowBQYDK2Vw";

std::string FromHex(const std::string& hex) {
  std::string bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return bytes;
}

bool HoldsKey(const std::string& raw) {
  return Contains(raw, kKeyBytes) || ContainsIgnoringCase(raw, kKeyHex) || Contains(raw, kKeyBase64);
}

// Every value of every column of every table, as its stored bytes, searched for the key: returns
// "schema.table.column" for each column that holds it.
std::set<std::string> ColumnsHoldingTheKey(Connection& c) {
  std::set<std::string> hits;
  if (c.kind() == DatabaseKind::kSqlite) {
    for (const auto& table : c.Query("SELECT name FROM sqlite_master WHERE type = 'table'")) {
      const std::string t = table[0].value_or("");
      for (const auto& column : c.Query("SELECT name FROM pragma_table_info(?)", {t})) {
        const std::string name = column[0].value_or("");
        for (const auto& value : c.Query("SELECT hex(\"" + name + "\") FROM \"" + t + "\"")) {
          if (value[0] && HoldsKey(FromHex(*value[0]))) hits.insert("main." + t + "." + name);
        }
      }
    }
    return hits;
  }
  if (c.kind() == DatabaseKind::kMariadb) {
    for (const auto& column : c.Query("SELECT table_name, column_name FROM information_schema.columns WHERE "
                                      "table_schema = DATABASE()")) {
      const std::string table = column[0].value_or("");
      const std::string name = column[1].value_or("");
      for (const auto& value : c.Query("SELECT HEX(`" + name + "`) FROM `" + table + "`")) {
        if (value[0] && HoldsKey(FromHex(*value[0]))) hits.insert("main." + table + "." + name);
      }
    }
    return hits;
  }
  for (const auto& column : c.Query("SELECT table_schema, table_name, column_name, data_type FROM "
                                    "information_schema.columns WHERE table_schema NOT IN ('pg_catalog', "
                                    "'information_schema')")) {
    const std::string schema = column[0].value_or("");
    const std::string table = column[1].value_or("");
    const std::string name = column[2].value_or("");
    const bool binary = column[3].value_or("") == "bytea";
    const std::string value_sql = binary ? "encode(\"" + name + "\", 'hex')" : "\"" + name + "\"::text";
    for (const auto& value : c.Query("SELECT " + value_sql + " FROM \"" + schema + "\".\"" + table + "\"")) {
      if (value[0] && HoldsKey(binary ? FromHex(*value[0]) : *value[0])) hits.insert(schema + "." + table + "." + name);
    }
  }
  return hits;
}

// ---- Scripts --------------------------------------------------------------------------------------

bool CreatesTable(const std::string& script, const std::string& table) {
  return std::regex_search(script, std::regex("CREATE TABLE [^(\\n]*\\b" + table + "\\b\"? \\(", std::regex::icase));
}

bool RecordsChangeSet(const std::string& script, const std::string& id) {
  return std::regex_search(script, std::regex("INSERT INTO [^(\\n]*databasechangelog \\([^\\n]*'" + id + "'",
                                              std::regex::icase));
}

// Applies a script with the database's own client, as a DBA would.
void ApplyWithNativeClient(const TestDatabase& db, const fs::path& script) {
  ASSERT_EQ(std::system(db.NativeClientCommand(script).c_str()), 0) << ReadFile(script);
}

// ---- The tests ------------------------------------------------------------------------------------

class NodeCliTest : public ::testing::TestWithParam<DatabaseKind> {
 protected:
  NodeCliTest() : db_(GetParam()) {}

  bool sqlite() const { return GetParam() == DatabaseKind::kSqlite; }
  fs::path SqliteFile() const { return db_.url().substr(std::string("sqlite:").size()); }
  NodeYaml Yaml() const {
    NodeYaml yaml;
    yaml.url = db_.url();
    return yaml;
  }
  std::unique_ptr<Connection> Connect() const { return db_.Connect(); }

  // The database is exactly as it was created: no file (SQLite), no table at all (PostgreSQL).
  void ExpectUntouchedFreshDatabase() {
    if (sqlite()) {
      EXPECT_FALSE(fs::exists(SqliteFile())) << "the SQLite file was created";
    } else {
      auto c = Connect();
      const auto tables = Tables(*c);
      EXPECT_TRUE(tables.empty()) << "tables were created, the first: " << *tables.begin();
    }
  }

  TestDatabase db_;
  NodeDir node_;
};

// 1. --just-generate-db-migration FILE: the script of every pending changeset, host and plugin; the
// database is not touched; the script, applied by the database's own client, is the whole migration.
TEST_P(NodeCliTest, GenerateWritesTheNamedFileAndTouchesNothing) {
  node_.AddPlugin(FIXTURE_IOU_V1_PLUGIN);
  node_.Configure(Yaml());

  const Outcome generate = node_.Run({"--base-directory", node_.base().string(), "--just-generate-db-migration", "out.sql"});
  ASSERT_EQ(generate.exit_code, 0) << Describe(generate);
  EXPECT_FALSE(Contains(generate.out, "Node started")) << generate.out;
  ExpectUntouchedFreshDatabase();

  const fs::path file = node_.work() / "out.sql";
  ASSERT_TRUE(fs::exists(file)) << "FILE is relative to the working directory\n" << Describe(generate);
  EXPECT_FALSE(fs::exists(node_.work() / "out.sql.tmp"));
  const std::string script = ReadFile(file);
  for (const auto& table : kHostTables) EXPECT_TRUE(CreatesTable(script, table)) << table << "\n" << script;
  EXPECT_TRUE(CreatesTable(script, "iou_states")) << script;
  EXPECT_TRUE(CreatesTable(script, "databasechangelog")) << script;
  EXPECT_TRUE(CreatesTable(script, "databasechangeloglock")) << script;
  EXPECT_TRUE(RecordsChangeSet(script, "vault_states_v1")) << script;
  EXPECT_TRUE(RecordsChangeSet(script, "node_info_v1")) << script;
  EXPECT_TRUE(RecordsChangeSet(script, "create-iou-states")) << script;

  ApplyWithNativeClient(db_, file);
  const Outcome status = node_.Db("status");
  ASSERT_EQ(status.exit_code, 0) << Describe(status);
  EXPECT_TRUE(Contains(status.out, "is up to date")) << status.out;
  // The DBA applied everything: the node starts without runMigration.
  const Outcome started = node_.StartAndStop(SIGTERM);
  EXPECT_EQ(started.exit_code, 0) << Describe(started);
  auto c = Connect();
  EXPECT_EQ(static_cast<int>(History(*c).size()), HostChangeSetCount(GetParam()) + 1);
  EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM node_info"), 1);
}

TEST_P(NodeCliTest, GenerateWithoutFileWritesTheDefaultNameInTheWorkingDirectory) {
  node_.AddPlugin(FIXTURE_IOU_V1_PLUGIN);
  node_.Configure(Yaml());

  const Outcome generate = node_.Run({"--base-directory", node_.base().string(), "--just-generate-db-migration"});
  ASSERT_EQ(generate.exit_code, 0) << Describe(generate);
  ExpectUntouchedFreshDatabase();

  std::vector<fs::path> written;
  for (const auto& entry : fs::directory_iterator(node_.work())) written.push_back(entry.path());
  ASSERT_EQ(written.size(), 1u) << Describe(generate);
  EXPECT_TRUE(std::regex_match(written[0].filename().string(), std::regex("migration[0-9]{14}\\.sql")))
      << written[0];
  EXPECT_TRUE(Contains(generate.out, written[0].filename().string())) << generate.out;
  EXPECT_TRUE(CreatesTable(ReadFile(written[0]), "vault_states"));
  EXPECT_TRUE(CreatesTable(ReadFile(written[0]), "iou_states"));
  for (const auto& entry : fs::directory_iterator(node_.base())) {
    EXPECT_FALSE(std::regex_match(entry.path().filename().string(), std::regex("migration.*\\.sql"))) << entry.path();
  }
}

// On a database that already has the host's tables, the script holds only the plugin's changesets,
// and the database stays as it was (on SQLite: the same bytes).
TEST_P(NodeCliTest, GenerateOnAnExistingDatabaseLeavesItAsItWas) {
  node_.Configure(Yaml());
  const Outcome host_only = node_.RunOnlyMigration();
  ASSERT_EQ(host_only.exit_code, 0) << Describe(host_only);
  std::string sqlite_bytes;
  std::vector<std::string> history_before;
  std::set<std::string> tables_before;
  {
    if (sqlite()) sqlite_bytes = ReadFile(SqliteFile());
    auto c = Connect();
    history_before = HistoryLines(*c);
    tables_before = Tables(*c);
  }
  ASSERT_EQ(static_cast<int>(history_before.size()), HostChangeSetCount(GetParam()));

  node_.AddPlugin(FIXTURE_IOU_V1_PLUGIN);
  const Outcome generate =
      node_.Run({"--base-directory", node_.base().string(), "--just-generate-db-migration", "plugin.sql"});
  ASSERT_EQ(generate.exit_code, 0) << Describe(generate);
  const std::string script = ReadFile(node_.work() / "plugin.sql");
  EXPECT_TRUE(CreatesTable(script, "iou_states")) << script;
  EXPECT_TRUE(RecordsChangeSet(script, "create-iou-states")) << script;
  EXPECT_FALSE(CreatesTable(script, "vault_states")) << script;
  EXPECT_FALSE(CreatesTable(script, "databasechangelog")) << script;
  EXPECT_FALSE(RecordsChangeSet(script, "vault_states_v1")) << script;

  if (sqlite()) {
    EXPECT_TRUE(ReadFile(SqliteFile()) == sqlite_bytes) << "the SQLite file changed";
    EXPECT_FALSE(fs::exists(SqliteFile().string() + "-journal"));
    EXPECT_FALSE(fs::exists(SqliteFile().string() + "-wal"));
  }
  auto c = Connect();
  EXPECT_EQ(HistoryLines(*c), history_before);
  EXPECT_EQ(Tables(*c), tables_before);
}

// Upgrading the IOU sample from v1 to v2 through a DBA: on PostgreSQL the script holds exactly the
// new addColumn and its history row, and applied by psql it lets the node start. On SQLite,
// addColumn is a table rebuild that needs the live table, which (as in Liquibase, whose
// AddColumnGeneratorSQLite is "volatile") SQL output mode refuses: a clear error naming the
// changeset, and no file, not even a half-written one.
TEST_P(NodeCliTest, GenerateForAPluginUpgrade) {
  node_.AddPlugin(FIXTURE_IOU_V1_PLUGIN);
  node_.Configure(Yaml());
  ASSERT_EQ(node_.RunOnlyMigration().exit_code, 0);
  node_.RemovePlugin(FIXTURE_IOU_V1_PLUGIN);
  node_.AddPlugin(IOU_PLUGIN);
  std::string sqlite_bytes;
  std::vector<std::string> history_before;
  {
    if (sqlite()) sqlite_bytes = ReadFile(SqliteFile());
    auto c = Connect();
    history_before = HistoryLines(*c);
  }

  const Outcome generate =
      node_.Run({"--base-directory", node_.base().string(), "--just-generate-db-migration", "upgrade.sql"});
  ASSERT_EQ(generate.exit_code, 0) << Describe(generate);
  const fs::path file = node_.work() / "upgrade.sql";
  const std::string script = ReadFile(file);
  EXPECT_TRUE(std::regex_search(script, std::regex("ALTER TABLE [^\\n]*iou_states\"? ADD[^\\n]*currency", std::regex::icase)))
      << script;
  EXPECT_TRUE(RecordsChangeSet(script, "add-iou-currency")) << script;
  EXPECT_FALSE(RecordsChangeSet(script, "create-iou-states")) << script;
  EXPECT_FALSE(CreatesTable(script, "iou_states")) << script;
  {
    // The database is untouched (on SQLite the script was rehearsed on a scratch copy of it).
    if (sqlite()) {
      EXPECT_TRUE(ReadFile(SqliteFile()) == sqlite_bytes) << "the SQLite file changed";
    }
    auto c = Connect();
    EXPECT_EQ(HistoryLines(*c), history_before);
    EXPECT_EQ(Columns(*c, "iou_states").count("currency"), 0u);
  }
  ApplyWithNativeClient(db_, file);
  const Outcome started = node_.StartAndStop(SIGTERM);
  EXPECT_EQ(started.exit_code, 0) << Describe(started);
  auto c = Connect();
  EXPECT_EQ(Ids(HistoryOf(*c, "iou-sample")), (std::vector<std::string>{"create-iou-states", "add-iou-currency"}));
  EXPECT_EQ(Columns(*c, "iou_states").count("currency"), 1u);
}

// 2. --just-run-db-migration: everything applied, the node not started; a second run applies nothing.
TEST_P(NodeCliTest, RunOnlyMigrationAppliesEverythingOnceAndDoesNotStartTheNode) {
  node_.AddPlugin(IOU_PLUGIN);
  node_.Configure(Yaml());  // runMigration: false does not matter here

  const Outcome first = node_.RunOnlyMigration();
  ASSERT_EQ(first.exit_code, 0) << Describe(first);
  EXPECT_TRUE(Contains(first.out, "Applied " + std::to_string(HostChangeSetCount(GetParam()) + 2) + " changeset(s)")) << first.out;
  EXPECT_FALSE(Contains(first.out, "Node started")) << first.out;

  std::vector<std::string> history_after_first;
  {
    auto c = Connect();
    for (const auto& table : kHostTables) EXPECT_TRUE(HasTable(*c, table)) << table;
    EXPECT_TRUE(HasTable(*c, "iou_states"));
    EXPECT_TRUE(HasTable(*c, "databasechangelog"));
    EXPECT_TRUE(HasTable(*c, "databasechangeloglock"));
    EXPECT_EQ(Columns(*c, "iou_states"), (std::set<std::string>{"output_index", "transaction_id", "lender", "borrower",
                                                                "value", "linear_id", "currency"}));
    const auto host = HistoryOf(*c, "ledgerhost");
    EXPECT_EQ(static_cast<int>(host.size()), HostChangeSetCount(GetParam()));
    for (const auto& row : host) {
      EXPECT_TRUE(std::regex_match(row.filename, std::regex("migration/ledgerhost-node\\.changelog-.*\\.xml"))) << row.filename;
    }
    const auto iou = HistoryOf(*c, "iou-sample");
    EXPECT_EQ(Ids(iou), (std::vector<std::string>{"create-iou-states", "add-iou-currency"}));
    EXPECT_EQ(History(*c).size(), host.size() + iou.size());
    // Only a started node records itself.
    EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM node_info"), 0);
    history_after_first = HistoryLines(*c);
  }

  const Outcome second = node_.RunOnlyMigration();
  ASSERT_EQ(second.exit_code, 0) << Describe(second);
  EXPECT_TRUE(Contains(second.out, "Applied 0 changeset(s)")) << second.out;
  auto c = Connect();
  EXPECT_EQ(HistoryLines(*c), history_after_first);
}

// 3. Pending changesets without database.runMigration: exit 8, the ways forward, nothing applied.
TEST_P(NodeCliTest, RefusesToStartWithPendingChangesetsAndSaysHowToProceed) {
  node_.AddPlugin(IOU_PLUGIN);
  node_.Configure(Yaml());

  const Outcome refused = node_.StartExpectingExit();
  EXPECT_EQ(refused.exit_code, static_cast<int>(ExitCode::kPendingMigrations)) << Describe(refused);
  EXPECT_FALSE(Contains(refused.out, "Node started")) << refused.out;
  EXPECT_TRUE(Contains(refused.err, "ledgerhost --base-directory " + node_.base().string() + " --just-run-db-migration"))
      << refused.err;
  EXPECT_TRUE(Contains(refused.err, "--just-generate-db-migration")) << refused.err;
  EXPECT_TRUE(Contains(refused.err, "runMigration: true")) << refused.err;
  EXPECT_TRUE(Contains(refused.err, "create-iou-states")) << refused.err;
  ExpectUntouchedFreshDatabase();
}

TEST_P(NodeCliTest, RefusesToStartWhenOnlyAPluginsChangesetsArePending) {
  node_.Configure(Yaml());
  ASSERT_EQ(node_.RunOnlyMigration().exit_code, 0);
  std::vector<std::string> history_before;
  {
    auto c = Connect();
    history_before = HistoryLines(*c);
  }
  node_.AddPlugin(IOU_PLUGIN);

  const Outcome refused = node_.StartExpectingExit();
  EXPECT_EQ(refused.exit_code, static_cast<int>(ExitCode::kPendingMigrations)) << Describe(refused);
  EXPECT_TRUE(Contains(refused.err, "2 changeset(s) have not been applied")) << refused.err;
  EXPECT_TRUE(Contains(refused.err, "create-iou-states")) << refused.err;
  EXPECT_TRUE(Contains(refused.err, "add-iou-currency")) << refused.err;
  EXPECT_FALSE(Contains(refused.err, "vault_states_v1")) << refused.err;
  auto c = Connect();
  EXPECT_EQ(HistoryLines(*c), history_before);
  EXPECT_FALSE(HasTable(*c, "iou_states"));
  EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM node_info"), 0);
}

// One database holds one node's vault: another legal name is refused before anything is written,
// and takes the database over only when node.yaml names the node it replaces.
TEST_P(NodeCliTest, ADatabaseAnotherNodeStartedOnIsRefusedUnlessTakenOverExplicitly) {
  NodeYaml yaml = Yaml();
  yaml.run_migration = true;
  node_.Configure(yaml);
  ASSERT_EQ(node_.StartAndStop(SIGTERM).exit_code, 0);

  yaml.legal_name = "O=Other Node, L=Paris, C=FR";
  node_.Configure(yaml);
  for (const Outcome& refused : {node_.StartExpectingExit(), node_.RunOnlyMigration()}) {
    EXPECT_EQ(refused.exit_code, static_cast<int>(ExitCode::kConfig)) << Describe(refused);
    EXPECT_FALSE(Contains(refused.out, "Node started")) << refused.out;
    EXPECT_TRUE(Contains(refused.err, std::string("holds the vault of node '") + kLegalName + "'")) << refused.err;
    EXPECT_TRUE(Contains(refused.err, "database.previousLegalName")) << refused.err;
  }
  {
    auto c = Connect();
    EXPECT_EQ(c->QueryScalar("SELECT node_name FROM node_info").value_or(""), kLegalName);
  }

  yaml.previous_legal_name = kLegalName;
  node_.Configure(yaml);
  const Outcome taken_over = node_.StartAndStop(SIGTERM);
  EXPECT_EQ(taken_over.exit_code, 0) << Describe(taken_over);
  EXPECT_TRUE(Contains(taken_over.err, "took over the database of node")) << taken_over.err;
  auto c = Connect();
  EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM node_info"), 1);
  EXPECT_EQ(c->QueryScalar("SELECT node_name FROM node_info").value_or(""), "O=Other Node, L=Paris, C=FR");
}

// A plugin file the node refuses stops the start, named with its reason, unless plugins.ignore
// names it.
TEST_P(NodeCliTest, ARefusedPluginFileStopsTheStartUnlessIgnored) {
  node_.AddPlugin(IOU_PLUGIN);
  WriteFile(node_.plugins() / "not-a-plugin.so", "this is text, not an ELF file");
  NodeYaml yaml = Yaml();
  yaml.run_migration = true;
  node_.Configure(yaml);
  const Outcome refused = node_.StartExpectingExit();
  EXPECT_EQ(refused.exit_code, static_cast<int>(ExitCode::kPlugin)) << Describe(refused);
  EXPECT_TRUE(Contains(refused.err, "1 plugin file(s) in")) << refused.err;
  EXPECT_TRUE(Contains(refused.err, "  not-a-plugin.so: ")) << refused.err;
  EXPECT_TRUE(Contains(refused.err, "plugins.ignore: [not-a-plugin.so]")) << refused.err;
  {
    auto c = Connect();
    EXPECT_FALSE(HasTable(*c, "databasechangelog")) << "the refused start wrote to the database";
  }

  yaml.plugins_ignore = "[not-a-plugin.so]";
  node_.Configure(yaml);
  const Outcome started = node_.StartAndStop(SIGTERM);
  EXPECT_EQ(started.exit_code, 0) << Describe(started);
  EXPECT_TRUE(Contains(started.out, "Node started (1 services)")) << started.out;
}

// 4. runMigration: true migrates and starts; SIGTERM and SIGINT both stop the node cleanly.
TEST_P(NodeCliTest, StartsWithRunMigrationStopsOnSigtermAndRestartsAndStopsOnSigint) {
  node_.AddPlugin(IOU_PLUGIN);
  NodeYaml yaml = Yaml();
  yaml.run_migration = true;
  node_.Configure(yaml);

  const Outcome first = node_.StartAndStop(SIGTERM);
  EXPECT_EQ(first.exit_code, 0) << Describe(first);
  EXPECT_TRUE(Contains(first.out, "Node started (1 services)")) << first.out;
  EXPECT_TRUE(Contains(first.out, "Node stopped.")) << first.out;
  EXPECT_TRUE(Contains(first.err, "IOU service ready: 0 unconsumed IOU(s) worth 0")) << first.err;
  EXPECT_TRUE(Contains(first.err, "service iou-service stopped")) << first.err;
  {
    auto c = Connect();
    EXPECT_EQ(static_cast<int>(History(*c).size()), HostChangeSetCount(GetParam()) + 2);
    EXPECT_EQ(c->QueryScalar("SELECT node_name FROM node_info").value_or(""), kLegalName);
    EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM node_named_identities WHERE name = " + Param(*c, 1), {kLegalName}), 1);
  }

  // Nothing pending now: the node starts without runMigration.
  yaml.run_migration = false;
  node_.Configure(yaml);
  const Outcome second = node_.StartAndStop(SIGINT);
  EXPECT_EQ(second.exit_code, 0) << Describe(second);
  EXPECT_TRUE(Contains(second.out, "Node started (1 services)")) << second.out;
  EXPECT_TRUE(Contains(second.out, "Node stopped.")) << second.out;
  EXPECT_TRUE(Contains(second.err, "SIGINT")) << second.err;
  auto c = Connect();
  EXPECT_EQ(static_cast<int>(History(*c).size()), HostChangeSetCount(GetParam()) + 2);
  EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM node_info"), 1);
}

// 5. schemas.<family>.versions picks the versions persisted; tablePrefix renames what is created.
TEST_P(NodeCliTest, SchemaVersionsSelectWhichVersionsOfAFamilyArePersisted) {
  struct Case {
    std::string options;
    std::set<std::string> tables;  // of the family, in the default schema
    std::vector<std::string> changesets;
  };
  const std::vector<Case> cases{
      {"", {"ledger_entries_v1", "ledger_entries_v2"}, {"create-ledger-entries-v1", "create-ledger-entries-v2"}},
      {"versions: all", {"ledger_entries_v1", "ledger_entries_v2"}, {"create-ledger-entries-v1", "create-ledger-entries-v2"}},
      {"versions: latest", {"ledger_entries_v2"}, {"create-ledger-entries-v2"}},
      {"versions: [1]", {"ledger_entries_v1"}, {"create-ledger-entries-v1"}},
      {"versions: latest, tablePrefix: v_", {"v_ledger_entries_v2"}, {"create-ledger-entries-v2"}},
  };
  const std::set<std::string> all_names{"ledger_entries_v1", "ledger_entries_v2", "v_ledger_entries_v1",
                                        "v_ledger_entries_v2"};
  for (const auto& test_case : cases) {
    SCOPED_TRACE("schemas options: {" + test_case.options + "}");
    TestDatabase db(GetParam());
    NodeDir node;
    node.AddPlugin(FIXTURE_VERSIONED_PLUGIN);
    NodeYaml yaml;
    yaml.url = db.url();
    if (!test_case.options.empty()) yaml.schemas = std::string("{") + kVersionedFamily + ": {" + test_case.options + "}}";
    node.Configure(yaml);
    const Outcome run = node.RunOnlyMigration();
    ASSERT_EQ(run.exit_code, 0) << Describe(run);
    auto c = db.Connect();
    for (const auto& name : all_names) EXPECT_EQ(HasTable(*c, name), test_case.tables.count(name) > 0) << name;
    EXPECT_EQ(Ids(HistoryOf(*c, "fixture-versioned")), test_case.changesets);
    if (Contains(test_case.options, "v_")) {
      EXPECT_TRUE(HasIndex(*c, "v_ledger_entries_v2_amount_idx"));
      EXPECT_FALSE(HasIndex(*c, "ledger_entries_v2_amount_idx"));
    }
    const Outcome check = node.Db("check");
    EXPECT_EQ(check.exit_code, 0) << Describe(check);
  }
}

TEST_P(NodeCliTest, ListingAVersionNoPluginOffersIsAConfigurationError) {
  node_.AddPlugin(FIXTURE_VERSIONED_PLUGIN);
  NodeYaml yaml = Yaml();
  yaml.run_migration = true;
  yaml.schemas = std::string("{") + kVersionedFamily + ": {versions: [1, 3]}}";
  node_.Configure(yaml);
  const Outcome refused = node_.StartExpectingExit();
  EXPECT_EQ(refused.exit_code, static_cast<int>(ExitCode::kConfig)) << Describe(refused);
  EXPECT_TRUE(Contains(refused.err, "version 3")) << refused.err;
  EXPECT_TRUE(Contains(refused.err, "1, 2")) << refused.err;
  ExpectUntouchedFreshDatabase();
}

TEST_P(NodeCliTest, TablePrefixRenamesTheFamilysTablesAndTheVaultWritesThere) {
  node_.AddPlugin(IOU_PLUGIN);
  NodeYaml yaml = Yaml();
  yaml.run_migration = true;
  yaml.plugin_config = "{iou: {issueOnStart: \"2\"}}";
  yaml.schemas = std::string("{") + kIouFamily + ": {tablePrefix: p_}}";
  node_.Configure(yaml);

  const Outcome node = node_.StartAndStop(SIGTERM);
  ASSERT_EQ(node.exit_code, 0) << Describe(node);
  EXPECT_TRUE(Contains(node.err, "IOU service ready: 2 unconsumed IOU(s) worth 300")) << node.err;

  auto c = Connect();
  EXPECT_TRUE(HasTable(*c, "p_iou_states"));
  EXPECT_FALSE(HasTable(*c, "iou_states"));
  EXPECT_TRUE(HasIndex(*c, "p_iou_states_linear_id_idx"));
  EXPECT_FALSE(HasIndex(*c, "iou_states_linear_id_idx"));
  for (const auto& table : kHostTables) EXPECT_TRUE(HasTable(*c, table)) << "host tables keep their names: " << table;
  EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM p_iou_states"), 2);
  EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM vault_states v JOIN p_iou_states i ON i.transaction_id = v.transaction_id "
                      "AND i.output_index = v.output_index WHERE v.state_status = 0"),
            2);
  const Outcome check = node_.Db("check");
  EXPECT_EQ(check.exit_code, 0) << Describe(check);
}

// monitoring.port: GET /health and GET /metrics answer while the node runs, from what the node did
// (changesets it applied, states its vault recorded, its services, the balance tracker's work).
TEST_P(NodeCliTest, HealthAndMetricsAnswerWhileTheNodeRuns) {
  node_.AddPlugin(IOU_PLUGIN);
  NodeYaml yaml = Yaml();
  yaml.run_migration = true;
  yaml.plugin_config = "{iou: {issueOnStart: \"2\"}}";
  yaml.monitoring = "{port: 0}";
  node_.Configure(yaml);

  auto process = node_.Start({"--base-directory", node_.base().string()});
  ASSERT_TRUE(process->WaitForOutput(kNodeStarted)) << process->out() << process->err();
  std::smatch address;
  const std::string out = process->out();
  ASSERT_TRUE(std::regex_search(out, address, std::regex(R"(Health and metrics on http://127\.0\.0\.1:(\d+) )"))) << out;
  httplib::Client client("127.0.0.1", std::stoi(address[1]));
  client.set_read_timeout(30, 0);

  const auto health = client.Get("/health");
  ASSERT_TRUE(health) << httplib::to_string(health.error());
  EXPECT_EQ(health->status, 200) << health->body;
  EXPECT_EQ(health->get_header_value("Content-Type"), "application/json");
  EXPECT_TRUE(Contains(health->body, R"("status":"UP","state":"running")")) << health->body;
  EXPECT_TRUE(Contains(health->body, R"("legalName":")" + yaml.legal_name + "\"")) << health->body;
  EXPECT_TRUE(Contains(health->body, R"("plugins":{"loaded":1,"ignored":0})")) << health->body;
  EXPECT_TRUE(Contains(health->body, R"({"plugin":"iou","name":"iou-service","state":"running"})")) << health->body;

  const auto metrics = client.Get("/metrics");
  ASSERT_TRUE(metrics) << httplib::to_string(metrics.error());
  EXPECT_EQ(metrics->status, 200);
  EXPECT_TRUE(Contains(metrics->get_header_value("Content-Type"), "text/plain; version=0.0.4")) << metrics->get_header_value("Content-Type");
  auto c = Connect();
  const long long recorded = Count(*c, "SELECT COUNT(*) FROM DATABASECHANGELOG");
  ASSERT_GT(recorded, 0);
  for (const std::string& line :
       {std::string("ledgerhost_node_state{state=\"running\"} 1"), std::string("ledgerhost_node_state{state=\"migrating\"} 0"),
        "ledgerhost_migration_changesets_applied_total " + std::to_string(recorded),
        "ledgerhost_migration_changeset_seconds_count " + std::to_string(recorded), std::string("ledgerhost_pending_changesets 0"),
        std::string("ledgerhost_plugins{outcome=\"loaded\"} 1"), std::string("ledgerhost_service_up{plugin=\"iou\",service=\"iou-service\"} 1"),
        std::string("ledgerhost_vault_states_recorded_total 2"), std::string("ledgerhost_vault_unconsumed_states 2"),
        std::string("# TYPE ledgerhost_balance_operation_seconds histogram")}) {
    EXPECT_TRUE(Contains(metrics->body, line + "\n")) << line << "\n" << metrics->body;
  }

  const auto post = client.Post("/metrics", "", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  const auto unknown = client.Get("/nothing-here");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);

  process->Signal(SIGTERM);
  const Outcome stopped = process->Wait();
  EXPECT_EQ(stopped.exit_code, 0) << Describe(stopped);
}

// A monitoring port that is taken stops the start, naming the setting, before the database is touched.
TEST_P(NodeCliTest, MonitoringPortInUseStopsTheStartNamingTheSetting) {
  httplib::Server occupant;
  const int taken = occupant.bind_to_any_port("127.0.0.1");
  ASSERT_GT(taken, 0);
  NodeYaml yaml = Yaml();
  yaml.run_migration = true;
  yaml.monitoring = "{port: " + std::to_string(taken) + "}";
  node_.Configure(yaml);
  const Outcome refused = node_.StartExpectingExit();
  EXPECT_EQ(refused.exit_code, static_cast<int>(ExitCode::kConfig)) << Describe(refused);
  EXPECT_TRUE(Contains(refused.err, "127.0.0.1:" + std::to_string(taken))) << refused.err;
  EXPECT_TRUE(Contains(refused.err, "monitoring.port")) << refused.err;
  ExpectUntouchedFreshDatabase();
}

// databaseSchema places a family's tables in a PostgreSQL schema; on SQLite it is refused.
TEST_P(NodeCliTest, DatabaseSchemaPutsTheFamilysTablesInThatSchema) {
  node_.AddPlugin(IOU_PLUGIN);
  NodeYaml yaml = Yaml();
  yaml.run_migration = true;
  yaml.plugin_config = "{iou: {issueOnStart: \"2\"}}";
  yaml.schemas = std::string("{") + kIouFamily + ": {tablePrefix: p_, databaseSchema: iou_space}}";
  node_.Configure(yaml);

  if (GetParam() != DatabaseKind::kPostgresql) {  // schemas of a database are PostgreSQL's
    const Outcome refused = node_.StartExpectingExit();
    EXPECT_EQ(refused.exit_code, static_cast<int>(ExitCode::kConfig)) << Describe(refused);
    EXPECT_TRUE(Contains(refused.err, "databaseSchema")) << refused.err;
    ExpectUntouchedFreshDatabase();
    return;
  }
  Connect()->Execute("CREATE SCHEMA iou_space");
  const Outcome node = node_.StartAndStop(SIGTERM);
  ASSERT_EQ(node.exit_code, 0) << Describe(node);
  EXPECT_TRUE(Contains(node.err, "IOU service ready: 2 unconsumed IOU(s) worth 300")) << node.err;

  auto c = Connect();
  EXPECT_TRUE(HasTable(*c, "p_iou_states", "iou_space"));
  EXPECT_FALSE(HasTable(*c, "p_iou_states", "public"));
  EXPECT_FALSE(HasTable(*c, "iou_states", "public"));
  EXPECT_FALSE(HasTable(*c, "iou_states", "iou_space"));
  EXPECT_TRUE(HasTable(*c, "vault_states", "public"));
  EXPECT_TRUE(HasTable(*c, "databasechangelog", "public"));
  EXPECT_FALSE(HasTable(*c, "databasechangelog", "iou_space"));
  EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM iou_space.p_iou_states"), 2);
  EXPECT_EQ(Columns(*c, "p_iou_states", "iou_space").count("currency"), 1u);
  const Outcome check = node_.Db("check");
  EXPECT_EQ(check.exit_code, 0) << Describe(check);
}

// 6. A schema without a migration: tables derived on SQLite and marked in the history; refused on
// PostgreSQL unless database.allowDerivedTables.
TEST_P(NodeCliTest, SchemaWithoutMigrationIsDerivedOnlyWhereAllowed) {
  node_.AddPlugin(NOTARY_AUDIT_PLUGIN);
  NodeYaml yaml = Yaml();
  node_.Configure(yaml);

  if (!sqlite()) {
    const Outcome refused = node_.RunOnlyMigration();
    EXPECT_EQ(refused.exit_code, static_cast<int>(ExitCode::kConfig)) << Describe(refused);
    EXPECT_TRUE(Contains(refused.err, "NotaryAuditSchemaV1")) << refused.err;
    EXPECT_TRUE(Contains(refused.err, "allowDerivedTables")) << refused.err;
    ExpectUntouchedFreshDatabase();
    yaml.allow_derived_tables = true;
    node_.Configure(yaml);
  }
  const Outcome run = node_.RunOnlyMigration();
  ASSERT_EQ(run.exit_code, 0) << Describe(run);
  EXPECT_TRUE(Contains(run.err, "not for production")) << run.err;

  auto c = Connect();
  EXPECT_TRUE(HasTable(*c, "notary_audit_log"));
  EXPECT_EQ(Columns(*c, "notary_audit_log"), (std::set<std::string>{"transaction_id", "notary_name", "signed_at"}));
  const auto derived = HistoryOf(*c, "ledgerhost-derived");
  ASSERT_EQ(derived.size(), 1u);
  EXPECT_EQ(derived[0].id, "notary_audit_log");
  EXPECT_EQ(derived[0].filename, "derived/NotaryAuditSchemaV1");
  EXPECT_EQ(History(*c).size(), static_cast<size_t>(HostChangeSetCount(GetParam())) + 1);

  // Derived once: the next start finds nothing pending and runs the plugin's service.
  const Outcome started = node_.StartAndStop(SIGTERM);
  EXPECT_EQ(started.exit_code, 0) << Describe(started);
  EXPECT_TRUE(Contains(started.out, "Node started (1 services)")) << started.out;
  EXPECT_TRUE(Contains(started.err, "notary auditor watching notarisations")) << started.err;
}

// 6b. A plugin implements the Java customChange class its changelog names: the script shows the
// implementation's SQL, the migration runs it in its changeset, and the history records it.
TEST_P(NodeCliTest, PluginImplementsACustomChangeClass) {
  node_.AddPlugin(LEGACY_ACCOUNTS_PLUGIN);
  node_.Configure(Yaml());
  const Outcome generate =
      node_.Run({"--base-directory", node_.base().string(), "--just-generate-db-migration", "legacy.sql"});
  ASSERT_EQ(generate.exit_code, 0) << Describe(generate);
  const std::string script = ReadFile(node_.work() / "legacy.sql");
  EXPECT_TRUE(Contains(script, "UPDATE legacy_accounts SET display_code = UPPER(TRIM(display_code))")) << script;
  EXPECT_TRUE(RecordsChangeSet(script, "normalize-display-codes")) << script;

  const Outcome run = node_.RunOnlyMigration();
  ASSERT_EQ(run.exit_code, 0) << Describe(run);
  auto c = Connect();
  EXPECT_EQ(c->QueryScalar("SELECT display_code FROM legacy_accounts WHERE account_code = 'SUSPENSE'"), "SUSPENSE");
  EXPECT_EQ(Ids(HistoryOf(*c, "legacy-sample")),
            (std::vector<std::string>{"create-legacy-accounts", "seed-suspense-account", "normalize-display-codes"}));
  EXPECT_EQ(node_.Db("status").exit_code, 0);
}

// 6c. The balance tracker's accounts come from node.yaml when the node starts; `ledgerhost balances`
// shows them and reconciles every journal, and finds drift written behind its back.
TEST_P(NodeCliTest, BalanceAccountsFromNodeYamlAndReconcile) {
  NodeYaml yaml = Yaml();
  yaml.run_migration = true;
  yaml.balances = "{accounts: {alice: {minimumBalance: -1000, settleThreshold: 500, settleTo: 100}, bob: {}}}";
  node_.Configure(yaml);
  const Outcome started = node_.StartAndStop(SIGTERM);
  ASSERT_EQ(started.exit_code, 0) << Describe(started);
  const std::vector<std::string> base{"--base-directory", node_.base().string()};
  auto balances = [&](std::vector<std::string> args) {
    args.insert(args.begin(), "balances");
    args.insert(args.end(), base.begin(), base.end());
    return node_.Run(args);
  };
  const Outcome accounts = balances({"accounts"});
  ASSERT_EQ(accounts.exit_code, 0) << Describe(accounts);
  EXPECT_EQ(accounts.out, "alice\nbob\n");
  const Outcome show = balances({"show", "alice"});
  EXPECT_TRUE(Contains(show.out, "minimum balance:  -1000")) << show.out;
  EXPECT_TRUE(Contains(show.out, "settle threshold: 500")) << show.out;
  EXPECT_TRUE(Contains(show.out, "settle to:        100")) << show.out;
  const Outcome unknown = balances({"show", "nobody"});
  EXPECT_EQ(unknown.exit_code, static_cast<int>(ExitCode::kBalances)) << Describe(unknown);
  EXPECT_TRUE(Contains(unknown.err, "unknown account 'nobody'")) << unknown.err;
  const Outcome clean = balances({"reconcile"});
  EXPECT_EQ(clean.exit_code, 0) << Describe(clean);
  EXPECT_TRUE(Contains(clean.out, "2 account(s), 0 journal entries: every balance equals its journal")) << clean.out;

  Connect()->Execute("UPDATE balance_accounts SET clearing = 5 WHERE account_id = 'bob'");
  const Outcome drift = balances({"reconcile"});
  EXPECT_EQ(drift.exit_code, static_cast<int>(ExitCode::kBalances)) << Describe(drift);
  EXPECT_TRUE(Contains(drift.out, "DRIFT bob: balance is clearing 5, prepaid 0, pending 0, its journal adds up to "
                                  "clearing 0")) << drift.out;
}

// 6d. The same on Redis (scripts/start-redis.sh): the node loads its functions and configures the
// accounts there; the CLI reads them back.
TEST_P(NodeCliTest, BalancesOnRedis) {
  const char* port = std::getenv("LEDGERHOST_TEST_REDIS_PORT");
  const std::string prefix = testing::UniqueName("lh_node");
  NodeYaml yaml = Yaml();
  yaml.run_migration = true;
  yaml.balances = "{store: redis, url: \"redis://127.0.0.1:" + std::string(port ? port : "6390") + "\", keyPrefix: " +
                  prefix + ", accounts: {carol: {settleThreshold: 10}}}";
  node_.Configure(yaml);
  const Outcome started = node_.StartAndStop(SIGTERM);
  ASSERT_EQ(started.exit_code, 0) << Describe(started);
  EXPECT_TRUE(Contains(started.err, "balance tracker ready on redis://127.0.0.1:")) << started.err;
  const Outcome show = node_.Run({"balances", "show", "carol", "--base-directory", node_.base().string()});
  EXPECT_EQ(show.exit_code, 0) << Describe(show);
  EXPECT_TRUE(Contains(show.out, "settle threshold: 10")) << show.out;
  const Outcome reconcile = node_.Run({"balances", "reconcile", "--base-directory", node_.base().string()});
  EXPECT_EQ(reconcile.exit_code, 0) << Describe(reconcile);
}

// 6e. The packet-flow driver on the node's own tracker, one command: packets over new accounts with a
// hot account, money conserved and every journal reconciled, the exit code saying so.
TEST_P(NodeCliTest, BalancesFlowPlaysPacketsOnTheNodesTracker) {
  NodeYaml yaml = Yaml();
  yaml.run_migration = true;
  node_.Configure(yaml);
  ASSERT_EQ(node_.Run({"--base-directory", node_.base().string(), "--just-run-db-migration"}).exit_code, 0);
  const Outcome flow = node_.Run({"balances", "flow", "--base-directory", node_.base().string(), "--accounts", "8",
                                  "--packets", "400", "--threads", "4", "--hot-share", "0.5", "--settle-threshold", "300"});
  ASSERT_EQ(flow.exit_code, 0) << Describe(flow);
  EXPECT_TRUE(Contains(flow.out, "packets:      400")) << flow.out;
  EXPECT_TRUE(Contains(flow.out, "money conserved, every journal reconciles")) << flow.out;
  const Outcome accounts = node_.Run({"balances", "accounts", "--base-directory", node_.base().string()});
  EXPECT_TRUE(Contains(accounts.out, "flow-7\n")) << accounts.out;
  const Outcome bad = node_.Run({"balances", "flow", "--base-directory", node_.base().string(), "--accounts", "1"});
  EXPECT_EQ(bad.exit_code, static_cast<int>(ExitCode::kBalances)) << Describe(bad);
  EXPECT_TRUE(Contains(bad.err, "at least two accounts")) << bad.err;
}

// 6f. The ILP connector plugin (plugins/ilp-connector): the Java connector's changelog under the
// FILENAMEs the Java connector records, and ACCOUNT_SETTINGS given to the balance tracker at start.
// On SQLite its first changeset fails as it does under Liquibase 4.28 (BIGINT autoIncrement), named.
TEST_P(NodeCliTest, IlpConnectorPluginConfiguresTheTrackerFromAccountSettings) {
  node_.AddPlugin(ILP_CONNECTOR_PLUGIN);
  NodeYaml yaml = Yaml();
  yaml.run_migration = true;
  yaml.plugin_config = "{ilp-connector: {seedAccounts: \"4\", seedMinimum: \"-500\", seedSettleThreshold: \"200\"}}";
  node_.Configure(yaml);
  if (GetParam() != DatabaseKind::kPostgresql) {
    // The connector's own changelog does not run there, with Liquibase neither (compat ilp-connector):
    // SQLite refuses its AUTOINCREMENT, MariaDB's utf8mb4 rows its two VARCHAR(8196) columns.
    const Outcome failed = node_.StartExpectingExit();
    EXPECT_NE(failed.exit_code, 0) << Describe(failed);
    EXPECT_TRUE(Contains(failed.err, "db/changelogs/base/changelog.xml::create initial tables::dfuelling")) << failed.err;
    EXPECT_TRUE(Contains(failed.err, sqlite() ? "AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY"
                                              : "Row size too large"))
        << failed.err;
    return;
  }
  const Outcome started = node_.StartAndStop(SIGTERM);
  ASSERT_EQ(started.exit_code, 0) << Describe(started);
  EXPECT_TRUE(Contains(started.err, "4 ILP account(s) configured from ACCOUNT_SETTINGS")) << started.err;
  auto c = Connect();
  EXPECT_EQ(c->QueryScalar("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE FILENAME = 'db/changelogs/base/changelog.xml'"),
            std::optional<std::string>("5"));
  c->Execute("UPDATE ACCOUNT_SETTINGS SET SETTLE_TO = 20, MIN_BALANCE = NULL WHERE ACCOUNT_ID = 'ilp-2'");
  ASSERT_EQ(node_.StartAndStop(SIGTERM).exit_code, 0);  // settings are read at every start
  const Outcome show = node_.Run({"balances", "show", "ilp-2", "--base-directory", node_.base().string()});
  EXPECT_TRUE(Contains(show.out, "minimum balance:  none")) << show.out;
  EXPECT_TRUE(Contains(show.out, "settle threshold: 200")) << show.out;
  EXPECT_TRUE(Contains(show.out, "settle to:        20")) << show.out;
  const Outcome flow = node_.Run({"balances", "flow", "--existing-accounts", "--base-directory", node_.base().string(),
                                  "--packets", "300", "--threads", "3"});
  EXPECT_EQ(flow.exit_code, 0) << Describe(flow);
  EXPECT_TRUE(Contains(flow.out, "money conserved")) << flow.out;
  c->Execute("UPDATE ACCOUNT_SETTINGS SET SETTLE_THRESHOLD = 5, SETTLE_TO = 50 WHERE ACCOUNT_ID = 'ilp-1'");
  const Outcome refused = node_.StartExpectingExit();
  EXPECT_NE(refused.exit_code, 0) << Describe(refused);
  EXPECT_TRUE(Contains(refused.err, "ACCOUNT_SETTINGS row of account 'ilp-1'")) << refused.err;
}

// 7. Upgrading a plugin from v1 (master includes v1) to v2 (v1 and v2): only the new changeset runs,
// and the IOUs recorded under v1 are still there, with the new column's default.
TEST_P(NodeCliTest, UpgradingAPluginRunsOnlyItsNewChangeset) {
  node_.AddPlugin(FIXTURE_IOU_V1_PLUGIN);
  NodeYaml yaml = Yaml();
  yaml.run_migration = true;
  yaml.plugin_config = "{iou: {issueOnStart: \"2\"}}";
  node_.Configure(yaml);
  const Outcome v1 = node_.StartAndStop(SIGTERM);
  ASSERT_EQ(v1.exit_code, 0) << Describe(v1);
  EXPECT_TRUE(Contains(v1.err, "IOU v1 service ready: 2 unconsumed IOU(s)")) << v1.err;
  std::vector<HistoryRow> history_v1;
  {
    auto c = Connect();
    history_v1 = History(*c);
    EXPECT_EQ(Ids(HistoryOf(*c, "iou-sample")), std::vector<std::string>{"create-iou-states"});
    EXPECT_EQ(Columns(*c, "iou_states").count("currency"), 0u);
    EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM iou_states"), 2);
  }

  node_.RemovePlugin(FIXTURE_IOU_V1_PLUGIN);
  node_.AddPlugin(IOU_PLUGIN);
  yaml.run_migration = false;
  yaml.plugin_config.clear();
  node_.Configure(yaml);

  const Outcome refused = node_.StartExpectingExit();
  EXPECT_EQ(refused.exit_code, static_cast<int>(ExitCode::kPendingMigrations)) << Describe(refused);
  EXPECT_TRUE(Contains(refused.err, "1 changeset(s) have not been applied")) << refused.err;
  EXPECT_TRUE(Contains(refused.err, "add-iou-currency")) << refused.err;
  EXPECT_FALSE(Contains(refused.err, "create-iou-states")) << refused.err;

  const Outcome upgrade = node_.RunOnlyMigration();
  ASSERT_EQ(upgrade.exit_code, 0) << Describe(upgrade);
  EXPECT_TRUE(Contains(upgrade.out, "Applied 1 changeset(s)")) << upgrade.out;
  {
    auto c = Connect();
    const auto history_v2 = History(*c);
    ASSERT_EQ(history_v2.size(), history_v1.size() + 1);
    for (size_t i = 0; i < history_v1.size(); ++i) EXPECT_EQ(history_v2[i].line, history_v1[i].line);
    const HistoryRow& added = history_v2.back();
    EXPECT_EQ(added.id, "add-iou-currency");
    EXPECT_EQ(added.author, "iou-sample");
    const auto iou_rows = HistoryOf(*c, "iou-sample");
    ASSERT_EQ(iou_rows.size(), 2u);
    const HistoryRow& created = iou_rows.front();
    EXPECT_TRUE(std::regex_search(created.filename, std::regex("i-o-u-schema-v1\\.changelog-v1\\.xml$"))) << created.filename;
    EXPECT_EQ(added.filename, std::regex_replace(created.filename, std::regex("changelog-v1\\.xml$"), "changelog-v2.xml"));
    EXPECT_EQ(Columns(*c, "iou_states").count("currency"), 1u);
    // The IOUs recorded under v1 survive the upgrade unchanged.
    EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM iou_states WHERE lender = " + Param(*c, 1) + " AND borrower = " +
                            Param(*c, 2) + " AND linear_id IS NOT NULL",
                    {kLegalName, kCounterparty}),
              2);
    EXPECT_EQ(Count(*c, "SELECT SUM(value) FROM iou_states"), 300);
    // The old rows get the new column's default on every database (on SQLite too: Liquibase's rebuild
    // there dropped the default and left NULL; ledgerhost's keeps it, docs/compatibility.md).
    EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM iou_states WHERE currency = 'GBP'"), 2);
  }

  const Outcome v2 = node_.StartAndStop(SIGTERM);
  EXPECT_EQ(v2.exit_code, 0) << Describe(v2);
  EXPECT_TRUE(Contains(v2.err, "IOU service ready: 2 unconsumed IOU(s) worth 300")) << v2.err;
}

// 8. An executed changeset edited in a new plugin release: a checksum error naming it; nothing runs,
// not even the release's new changeset.
TEST_P(NodeCliTest, EditedExecutedChangesetStopsWithAChecksumErrorAndAppliesNothing) {
  node_.AddPlugin(IOU_PLUGIN);
  NodeYaml yaml = Yaml();
  node_.Configure(yaml);
  ASSERT_EQ(node_.RunOnlyMigration().exit_code, 0);
  std::vector<std::string> history_before;
  {
    auto c = Connect();
    history_before = HistoryLines(*c);
  }

  node_.RemovePlugin(IOU_PLUGIN);
  node_.AddPlugin(FIXTURE_IOU_TAMPERED_PLUGIN);
  const Outcome run_only = node_.RunOnlyMigration();
  yaml.run_migration = true;
  node_.Configure(yaml);
  const Outcome start = node_.StartExpectingExit();
  const Outcome validate = node_.Db("validate");

  for (const Outcome* outcome : {&run_only, &start, &validate}) {
    EXPECT_EQ(outcome->exit_code, static_cast<int>(ExitCode::kMigration)) << Describe(*outcome);
    EXPECT_FALSE(Contains(outcome->out, "Node started")) << outcome->out;
    EXPECT_TRUE(ContainsIgnoringCase(outcome->err, "checksum")) << outcome->err;
    EXPECT_TRUE(Contains(outcome->err, "i-o-u-schema-v1.changelog-v1.xml")) << outcome->err;
    EXPECT_TRUE(Contains(outcome->err, "create-iou-states")) << outcome->err;
    EXPECT_TRUE(Contains(outcome->err, "iou-sample")) << outcome->err;
    EXPECT_FALSE(Contains(outcome->err, "add-iou-note")) << outcome->err;
  }
  auto c = Connect();
  EXPECT_EQ(HistoryLines(*c), history_before);
  EXPECT_EQ(Columns(*c, "iou_states").count("note"), 0u);
  EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM node_info"), 0);
}

// A plugin changeset by the reserved author "ledgerhost" is refused before the database is touched.
TEST_P(NodeCliTest, PluginChangesetByTheReservedAuthorIsRefused) {
  node_.AddPlugin(FIXTURE_RESERVED_AUTHOR_PLUGIN);
  NodeYaml yaml = Yaml();
  yaml.run_migration = true;
  node_.Configure(yaml);
  const Outcome run_only = node_.RunOnlyMigration();
  const Outcome start = node_.StartExpectingExit();
  const Outcome generate =
      node_.Run({"--base-directory", node_.base().string(), "--just-generate-db-migration", "never.sql"});
  for (const Outcome* outcome : {&run_only, &start, &generate}) {
    EXPECT_EQ(outcome->exit_code, static_cast<int>(ExitCode::kChangeLog)) << Describe(*outcome);
    EXPECT_TRUE(Contains(outcome->err, "reserved-author-schema-v1.changelog-master.xml")) << outcome->err;
    EXPECT_TRUE(Contains(outcome->err, "pretend-to-be-the-host::ledgerhost")) << outcome->err;
    EXPECT_TRUE(Contains(outcome->err, "reserved")) << outcome->err;
  }
  EXPECT_FALSE(fs::exists(node_.work() / "never.sql"));
  if (sqlite() && !fs::exists(SqliteFile())) return;  // not even created: nothing applied
  auto c = Connect();
  EXPECT_TRUE(Tables(*c).empty()) << *Tables(*c).begin();
}

// 9. The vault: IOUs recorded at start become vault_states, iou_states and state_party rows by X.500
// name; the counterparty's public key reaches no column of any table in any form.
TEST_P(NodeCliTest, VaultRecordsStatesByNameAndNeverStoresAKey) {
  node_.AddPlugin(IOU_PLUGIN);
  NodeYaml yaml = Yaml();
  yaml.run_migration = true;
  yaml.plugin_config = "{iou: {issueOnStart: \"3\"}}";
  node_.Configure(yaml);

  const Outcome node = node_.StartAndStop(SIGTERM);
  ASSERT_EQ(node.exit_code, 0) << Describe(node);
  EXPECT_TRUE(Contains(node.err, "IOU service ready: 3 unconsumed IOU(s) worth 600")) << node.err;

  {
    auto c = Connect();
    EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM vault_states WHERE state_status = 0 AND contract_state_class_name = " +
                            Param(*c, 1),
                    {"com.example.contracts.IOUState"}),
              3);
    EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM vault_states"), 3);
    EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM iou_states WHERE lender = " + Param(*c, 1) + " AND borrower = " +
                            Param(*c, 2),
                    {kLegalName, kCounterparty}),
              3);
    EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM iou_states i JOIN vault_states v ON v.transaction_id = i.transaction_id "
                        "AND v.output_index = i.output_index"),
              3);
    EXPECT_EQ(Count(*c, "SELECT SUM(value) FROM iou_states"), 600);
    EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM state_party WHERE x500_name = " + Param(*c, 1), {kLegalName}), 3);
    EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM state_party WHERE x500_name = " + Param(*c, 1), {kCounterparty}), 3);
    EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM state_party"), 6);
    EXPECT_EQ(Count(*c, "SELECT COUNT(*) FROM state_party p JOIN vault_states v ON v.transaction_id = p.transaction_id "
                        "AND v.output_index = p.output_index"),
              6);

    EXPECT_EQ(ColumnsHoldingTheKey(*c), std::set<std::string>{});
    // The search finds a key when there is one.
    if (sqlite() || GetParam() == DatabaseKind::kMariadb) {
      c->Execute("CREATE TABLE key_probe (b BLOB, t TEXT)");
      c->Execute("INSERT INTO key_probe VALUES (X'00302a300506032b6570ff', NULL), (NULL, 'key: 302A300506032B6570...')");
    } else {
      c->Execute("CREATE TABLE key_probe (b BYTEA, t TEXT)");
      c->Execute("INSERT INTO key_probe VALUES ('\\x00302a300506032b6570ff'::bytea, NULL), (NULL, 'MCowBQYDK2VwAyEA')");
    }
    const std::string schema = DefaultSchema(*c);
    EXPECT_EQ(ColumnsHoldingTheKey(*c), (std::set<std::string>{schema + ".key_probe.b", schema + ".key_probe.t"}));
    c->Execute("DROP TABLE key_probe");
  }
  if (sqlite()) {
    // The file itself (free pages included) has never held the key.
    for (const std::string suffix : {"", "-wal", "-journal"}) {
      const fs::path file = SqliteFile().string() + suffix;
      if (!fs::exists(file)) continue;
      const std::string bytes = ReadFile(file);
      EXPECT_FALSE(Contains(bytes, kKeyBytes)) << file;
      EXPECT_FALSE(ContainsIgnoringCase(bytes, kKeyHex)) << file;
    }
  }
}

// 10. The db commands on the node's database with the node's changelogs.
// A plugin the node would refuse is reported by db commands that look (its schemas are missing
// from them), and stops those that would write or print SQL without it.
TEST_P(NodeCliTest, DbCommandsReportARefusedPlugin) {
  node_.Configure(Yaml());
  fs::create_directories(node_.plugins());
  std::ofstream(node_.plugins() / "not-a-plugin.so") << "not an ELF file";
  const Outcome status = node_.Db("status");
  EXPECT_EQ(status.exit_code, 0) << Describe(status);
  EXPECT_TRUE(Contains(status.err, "plugin refused")) << status.err;
  EXPECT_TRUE(Contains(status.err, "not-a-plugin.so")) << status.err;
  const Outcome release = node_.Db("release-locks");  // maintenance runs no changelog: it goes on
  EXPECT_EQ(release.exit_code, 0) << Describe(release);
  for (const char* command : {"update", "update-sql"}) {
    const Outcome stopped = node_.Db(command);
    EXPECT_EQ(stopped.exit_code, static_cast<int>(ExitCode::kPlugin)) << command << "\n" << Describe(stopped);
    EXPECT_TRUE(Contains(stopped.err, "  not-a-plugin.so: not an ELF file")) << stopped.err;
  }
}

TEST_P(NodeCliTest, DbCommandsWorkOnTheNodesDatabase) {
  node_.AddPlugin(FIXTURE_IOU_V1_PLUGIN);
  node_.Configure(Yaml());
  ASSERT_EQ(node_.RunOnlyMigration().exit_code, 0);
  node_.RemovePlugin(FIXTURE_IOU_V1_PLUGIN);
  node_.AddPlugin(IOU_PLUGIN);
  size_t recorded = 0;
  {
    auto c = Connect();
    recorded = History(*c).size();
  }

  const Outcome pending = node_.Db("status", {"--verbose"});
  ASSERT_EQ(pending.exit_code, 0) << Describe(pending);
  EXPECT_TRUE(Contains(pending.out, "1 changesets have not been applied")) << pending.out;
  EXPECT_TRUE(Contains(pending.out, "add-iou-currency")) << pending.out;
  {
    auto c = Connect();
    EXPECT_EQ(History(*c).size(), recorded) << "status applied something";
  }

  const Outcome update = node_.Db("update");
  ASSERT_EQ(update.exit_code, 0) << Describe(update);
  EXPECT_TRUE(Contains(update.out, "Run:                          1")) << update.out;
  const Outcome status = node_.Db("status");
  ASSERT_EQ(status.exit_code, 0) << Describe(status);
  EXPECT_TRUE(Contains(status.out, "is up to date")) << status.out;

  const Outcome history = node_.Db("history", {"--format", "text"});
  ASSERT_EQ(history.exit_code, 0) << Describe(history);
  const std::regex listed_changeset("\n  [^ \n]+::[^\n]+::[^\n]+");
  EXPECT_EQ(std::distance(std::sregex_iterator(history.out.begin(), history.out.end(), listed_changeset), std::sregex_iterator()),
            static_cast<long>(recorded + 1))
      << history.out;
  EXPECT_TRUE(Contains(history.out, "::create-iou-states::iou-sample")) << history.out;
  EXPECT_TRUE(Contains(history.out, "::add-iou-currency::iou-sample")) << history.out;
  EXPECT_TRUE(Contains(history.out, "::vault_states_v1::ledgerhost")) << history.out;

  const Outcome validate = node_.Db("validate");
  EXPECT_EQ(validate.exit_code, 0) << Describe(validate);

  const Outcome tag = node_.Db("tag", {"release-1"});
  ASSERT_EQ(tag.exit_code, 0) << Describe(tag);
  EXPECT_EQ(node_.Db("tag-exists", {"release-1"}).exit_code, 0);
  EXPECT_EQ(node_.Db("tag-exists", {"release-2"}).exit_code, 1);

  const Outcome check = node_.Db("check");
  EXPECT_EQ(check.exit_code, 0) << Describe(check);
  EXPECT_TRUE(Contains(check.out, "matches all")) << check.out;

  // A newly installed plugin, applied with db update and rolled back with the plugin's changelog
  // (createTable's own rollback): one changeset by count, then the rest back to the tag.
  node_.AddPlugin(FIXTURE_VERSIONED_PLUGIN);
  const Outcome add = node_.Db("update");
  ASSERT_EQ(add.exit_code, 0) << Describe(add);
  EXPECT_TRUE(Contains(add.out, "Run:                          2")) << add.out;
  const Outcome rollback_one = node_.Db("rollback-count", {"1"});
  ASSERT_EQ(rollback_one.exit_code, 0) << Describe(rollback_one);
  {
    auto c = Connect();
    EXPECT_EQ(Ids(HistoryOf(*c, "fixture-versioned")), std::vector<std::string>{"create-ledger-entries-v1"});
    EXPECT_TRUE(HasTable(*c, "ledger_entries_v1"));
    EXPECT_FALSE(HasTable(*c, "ledger_entries_v2"));
  }
  const Outcome missing_table = node_.Db("check");
  EXPECT_EQ(missing_table.exit_code, static_cast<int>(ExitCode::kChangeLog)) << Describe(missing_table);
  EXPECT_TRUE(Contains(missing_table.out, "ledger_entries_v2: table is missing")) << missing_table.out;
  // On SQLite DATEEXECUTED has one-second resolution and `tag` marks every row of the last second, as
  // Liquibase does; the default (OLDEST, as Liquibase) would then go back to the first of them, so
  // the newest tagged row is named explicitly.
  const Outcome rollback_to_tag = node_.Db("rollback", {"release-1", "--tag-version", "NEWEST"});
  ASSERT_EQ(rollback_to_tag.exit_code, 0) << Describe(rollback_to_tag);
  {
    auto c = Connect();
    EXPECT_EQ(History(*c).size(), recorded + 1);
    EXPECT_FALSE(HasTable(*c, "ledger_entries_v1"));
    EXPECT_TRUE(HasTable(*c, "iou_states"));
  }
  ASSERT_EQ(node_.RunOnlyMigration().exit_code, 0);
  EXPECT_EQ(node_.Db("check").exit_code, 0);

  // Drift made by hand: a dropped column, then a dropped table.
  Connect()->Execute("ALTER TABLE iou_states DROP COLUMN borrower");
  const Outcome column_drift = node_.Db("check");
  EXPECT_EQ(column_drift.exit_code, static_cast<int>(ExitCode::kChangeLog)) << Describe(column_drift);
  EXPECT_TRUE(Contains(column_drift.out, "iou_states.borrower: column is missing")) << column_drift.out;
  EXPECT_TRUE(Contains(column_drift.out, "1 difference(s)")) << column_drift.out;
  {
    auto c = Connect();
    EXPECT_EQ(Columns(*c, "iou_states").count("borrower"), 0u) << "db check changed the database";
  }

  Connect()->Execute("DROP TABLE node_attachments");
  const Outcome table_drift = node_.Db("check");
  EXPECT_EQ(table_drift.exit_code, static_cast<int>(ExitCode::kChangeLog)) << Describe(table_drift);
  EXPECT_TRUE(Contains(table_drift.out, "node_attachments: table is missing")) << table_drift.out;
  EXPECT_TRUE(Contains(table_drift.out, "2 difference(s)")) << table_drift.out;
}

// LEDGERHOST_DATABASE_URL overrides database.url in node.yaml.
TEST_P(NodeCliTest, EnvironmentUrlOverridesNodeYaml) {
  node_.AddPlugin(IOU_PLUGIN);
  NodeYaml yaml;
  const fs::path decoy = node_.base() / "decoy.db";
  yaml.url = "sqlite:" + decoy.string();
  node_.Configure(yaml);
  const Outcome run = node_.RunOnlyMigration({{"LEDGERHOST_DATABASE_URL", db_.url()}});
  ASSERT_EQ(run.exit_code, 0) << Describe(run);
  EXPECT_FALSE(fs::exists(decoy));
  auto c = Connect();
  EXPECT_EQ(History(*c).size(), static_cast<size_t>(HostChangeSetCount(GetParam())) + 2);
}

INSTANTIATE_TEST_SUITE_P(Databases, NodeCliTest, ::testing::Values(DatabaseKind::kSqlite, DatabaseKind::kPostgresql, DatabaseKind::kMariadb),
                         [](const auto& info) { return testing::DatabaseName(info.param); });

// A databaseSchema that does not exist stops the node with a message naming it; the family's
// changesets are not recorded. (On SQLite every databaseSchema is refused, see above.)
TEST(NodeCliPostgresql, DatabaseSchemaThatDoesNotExistStopsTheNodeNamingIt) {
  TestDatabase db(DatabaseKind::kPostgresql);
  NodeDir node;
  node.AddPlugin(IOU_PLUGIN);
  NodeYaml yaml;
  yaml.url = db.url();
  yaml.run_migration = true;
  yaml.schemas = std::string("{") + kIouFamily + ": {databaseSchema: missing_space}}";
  node.Configure(yaml);
  const Outcome refused = node.StartExpectingExit();
  EXPECT_NE(refused.exit_code, 0) << Describe(refused);
  EXPECT_FALSE(Contains(refused.out, "Node started")) << refused.out;
  EXPECT_TRUE(Contains(refused.err, "missing_space")) << refused.err;
  auto c = db.Connect();
  EXPECT_TRUE(HistoryOf(*c, "iou-sample").empty());
  EXPECT_FALSE(HasTable(*c, "iou_states"));
}

// With database.schema the DBA script lands in that schema: applied by psql, whose session starts
// in the database's default schema, it creates every table there, and the node then finds nothing
// pending (issue 15: the script had no search path, put everything in public, and the node refused).
TEST(NodeCliPostgresql, TheDbaScriptOfANodeWithADatabaseSchemaLandsInThatSchema) {
  TestDatabase db(DatabaseKind::kPostgresql);
  db.Connect()->Execute("CREATE SCHEMA ledger_node");
  NodeDir node;
  node.AddPlugin(FIXTURE_IOU_V1_PLUGIN);
  NodeYaml yaml;
  yaml.url = db.url();
  yaml.database_schema = "ledger_node";
  node.Configure(yaml);

  const Outcome generate = node.Run({"--base-directory", node.base().string(), "--just-generate-db-migration", "dba.sql"});
  ASSERT_EQ(generate.exit_code, 0) << Describe(generate);
  const fs::path script = node.work() / "dba.sql";
  EXPECT_TRUE(Contains(ReadFile(script), "SELECT set_config('search_path', 'ledger_node', false);")) << ReadFile(script);
  ApplyWithNativeClient(db, script);

  auto c = db.Connect();
  for (const auto& table : kHostTables) {
    EXPECT_TRUE(HasTable(*c, table, "ledger_node")) << table;
    EXPECT_FALSE(HasTable(*c, table, "public")) << table;
  }
  EXPECT_TRUE(HasTable(*c, "iou_states", "ledger_node"));
  EXPECT_TRUE(HasTable(*c, "databasechangelog", "ledger_node"));
  EXPECT_FALSE(HasTable(*c, "databasechangelog", "public"));
  const Outcome status = node.Db("status");
  ASSERT_EQ(status.exit_code, 0) << Describe(status);
  EXPECT_TRUE(Contains(status.out, "is up to date")) << status.out;
  const Outcome started = node.StartAndStop(SIGTERM);  // without runMigration
  EXPECT_EQ(started.exit_code, 0) << Describe(started);
}

// A family's databaseSchema applies to its raw SQL too: the cash sample's SQL names its tables
// without a schema (only ${tablePrefix}), and each of its changesets runs with that schema first in
// the search path, so its tables land there, applied by the node, by a DBA's psql from the generated
// script, and undone by rollback (issue 15, item 4: they landed in public and the node refused).
TEST(NodeCliPostgresql, RawSqlOfAFamilyWithADatabaseSchemaLandsInThatSchema) {
  for (const bool by_dba : {false, true}) {
    TestDatabase db(DatabaseKind::kPostgresql);
    // A decoy history table in the family's schema: a history row written while the family's schema
    // is first in the path would land (and fail) here.
    db.Connect()->Execute("CREATE SCHEMA cash; CREATE TABLE cash.databasechangelog (decoy INT)");
    NodeDir node;
    node.AddPlugin(CASH_PLUGIN);
    NodeYaml yaml;
    yaml.url = db.url();
    yaml.run_migration = !by_dba;
    yaml.schemas = "{com.example.schemas.CashSchema: {databaseSchema: cash}}";
    node.Configure(yaml);
    if (by_dba) {
      const Outcome generate = node.Run({"--base-directory", node.base().string(), "--just-generate-db-migration", "dba.sql"});
      ASSERT_EQ(generate.exit_code, 0) << Describe(generate);
      const std::string script = ReadFile(node.work() / "dba.sql");
      EXPECT_TRUE(Contains(script, "SELECT set_config('search_path', 'cash, ")) << script;
      ApplyWithNativeClient(db, node.work() / "dba.sql");
    }
    const Outcome started = node.StartAndStop(SIGTERM);
    EXPECT_EQ(started.exit_code, 0) << (by_dba ? "applied by psql\n" : "applied by the node\n") << Describe(started);
    auto c = db.Connect();
    EXPECT_TRUE(HasTable(*c, "contract_cash_states", "cash"));
    EXPECT_FALSE(HasTable(*c, "contract_cash_states", "public"));
    EXPECT_EQ(c->QueryScalar("SELECT COUNT(*) FROM cash.databasechangelog"), "0");
    EXPECT_EQ(c->QueryScalar("SELECT COUNT(*) FROM public.databasechangelog WHERE author = 'cash-sample'"), "2");
    if (by_dba) continue;
    const Outcome rollback = node.Db("rollback-count", {"2"});
    ASSERT_EQ(rollback.exit_code, 0) << Describe(rollback);
    EXPECT_FALSE(HasTable(*c, "contract_cash_states", "cash"));
  }
}

// `ledgerhost plugins` parses each selected schema's changelog as the node would and says what it
// found; a changelog the node would refuse is reported there, with the node's message, and exit 5.
TEST(NodeCliPlugins, ListsEachSchemasChangeLogAndReportsItsErrors) {
  NodeDir node;
  node.AddPlugin(IOU_PLUGIN);
  node.Configure(NodeYaml{});
  const Outcome good = node.Run({"plugins", "--base-directory", node.base().string()});
  ASSERT_EQ(good.exit_code, 0) << Describe(good);
  EXPECT_TRUE(std::regex_search(good.out, std::regex(R"(changelog: parsed, [1-9][0-9]* changeset\(s\) for sqlite)"))) << good.out;

  node.AddPlugin(FIXTURE_RESERVED_AUTHOR_PLUGIN);
  const Outcome bad = node.Run({"plugins", "--base-directory", node.base().string()});
  EXPECT_EQ(bad.exit_code, static_cast<int>(ExitCode::kChangeLog)) << Describe(bad);
  EXPECT_TRUE(Contains(bad.out, "changelog: ERROR")) << bad.out;
  EXPECT_TRUE(Contains(bad.out, "pretend-to-be-the-host::ledgerhost")) << bad.out;
  EXPECT_TRUE(Contains(bad.out, "1 schema changelog(s) have errors")) << bad.out;
  EXPECT_TRUE(std::regex_search(bad.out, std::regex(R"(changelog: parsed, [1-9][0-9]* changeset)"))) << "the good plugin is still checked\n" << bad.out;
  EXPECT_FALSE(fs::exists(node.base() / "ledgerhost.db")) << "plugins created the database";
}

// A base directory that does not exist is an error for the node and for every command that reads one,
// and nothing is created.
TEST(NodeCliDefaults, ABaseDirectoryThatDoesNotExistIsAnError) {
  NodeDir node;
  const fs::path missing = node.base() / "no-such-node";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--base-directory", missing.string()},
        std::vector<std::string>{"--base-directory", missing.string(), "--just-run-db-migration"},
        std::vector<std::string>{"db", "status", "--base-directory", missing.string()},
        std::vector<std::string>{"plugins", "--base-directory", missing.string()}}) {
    const Outcome outcome = node.Run(args);
    EXPECT_EQ(outcome.exit_code, static_cast<int>(ExitCode::kConfig)) << Describe(outcome);
    EXPECT_TRUE(Contains(outcome.err, "--base-directory " + missing.string() + ": no such directory")) << outcome.err;
  }
  EXPECT_FALSE(fs::exists(missing));
}

// A tablePrefix changed after the family's changesets ran changes their checksums: the refusal names
// the plugin file and the options the node applies, so the operator knows what to set back.
TEST(NodeCliMessages, AChangedTablePrefixIsNamedWhenChecksumsDiffer) {
  NodeDir node;
  node.AddPlugin(IOU_PLUGIN);
  NodeYaml yaml;
  yaml.run_migration = true;
  yaml.schemas = std::string("{") + kIouFamily + ": {tablePrefix: p_}}";
  node.Configure(yaml);
  const Outcome first = node.RunOnlyMigration();
  ASSERT_EQ(first.exit_code, 0) << Describe(first);
  yaml.schemas = std::string("{") + kIouFamily + ": {tablePrefix: q_}}";
  node.Configure(yaml);
  const Outcome changed = node.StartExpectingExit();
  EXPECT_EQ(changed.exit_code, static_cast<int>(ExitCode::kMigration)) << Describe(changed);
  EXPECT_TRUE(Contains(changed.err, "comes from plugin " + (node.plugins() / fs::path(IOU_PLUGIN).filename()).string()))
      << changed.err;
  EXPECT_TRUE(Contains(changed.err, ".tablePrefix (now 'q_')")) << changed.err;
}

// A service that throws out of its noexcept Stop() ends the process (nothing can continue after it),
// but not without a word: the terminate handler names the exception and the plugin's service.
TEST(NodeCliMessages, AServiceThatThrowsOutOfStopIsNamedAsTheProcessEnds) {
  NodeDir node;
  node.AddPlugin(ORDERED_SERVICES_PLUGIN);
  NodeYaml yaml;
  yaml.run_migration = true;
  yaml.plugin_config = "{ordered-services: {throwOnStop: service-b}}";
  node.Configure(yaml);
  const Outcome outcome = node.StartAndStop(SIGTERM);
  EXPECT_EQ(outcome.exit_code, -SIGABRT) << Describe(outcome);
  EXPECT_TRUE(Contains(outcome.err, "an exception where none may be thrown: service-b cannot stop")) << outcome.err;
  EXPECT_TRUE(Contains(outcome.err, "while stopping service 'service-b' of plugin " +
                                        (node.plugins() / fs::path(ORDERED_SERVICES_PLUGIN).filename()).string()))
      << outcome.err;
}

// Without database.url the node's database is the SQLite file ledgerhost.db in its base directory.
TEST(NodeCliDefaults, DefaultDatabaseIsLedgerhostDbInTheBaseDirectory) {
  NodeDir node;
  node.AddPlugin(FIXTURE_IOU_V1_PLUGIN);
  node.Configure(NodeYaml{});
  const Outcome generate = node.Run({"--base-directory", node.base().string(), "--just-generate-db-migration", "x.sql"});
  ASSERT_EQ(generate.exit_code, 0) << Describe(generate);
  EXPECT_FALSE(fs::exists(node.base() / "ledgerhost.db")) << "generating created the database";
  const Outcome run = node.RunOnlyMigration();
  ASSERT_EQ(run.exit_code, 0) << Describe(run);
  ASSERT_TRUE(fs::exists(node.base() / "ledgerhost.db"));
  auto c = Connection::Open(db::ParseDatabaseUrl("sqlite:" + (node.base() / "ledgerhost.db").string()));
  EXPECT_TRUE(HasTable(*c, "iou_states"));
  EXPECT_EQ(History(*c).size(), static_cast<size_t>(HostChangeSetCount(DatabaseKind::kSqlite)) + 1);
}

}  // namespace
}  // namespace ledgerhost
