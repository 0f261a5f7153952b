#include "node/node.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include "balances/balance_store_factory.h"
#include "balances/balance_tracker_service.h"
#include "config/node_config.h"
#include "core/error.h"
#include "core/logging.h"
#include "ledgerhost/version.h"
#include "monitoring/metrics.h"
#include "monitoring/monitoring_server.h"
#include "monitoring/node_health.h"
#include "db/connection.h"
#include "db/shared_connection.h"
#include "db/transaction.h"
#include "node/node_database.h"
#include "node/node_migrations.h"
#include "node/node_schemas.h"
#include "node/node_service_hub.h"
#include "node/service_runner.h"
#include "node/shutdown_signal.h"
#include "schema/schema_drift.h"
#include "vault/identity_registry.h"
#include "vault/node_vault.h"

namespace ledgerhost::node {
namespace {

std::filesystem::path DefaultMigrationFile() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char name[64];
  std::strftime(name, sizeof name, "migration%Y%m%d%H%M%S.sql", &local);
  return std::filesystem::current_path() / name;
}

// The balance tracker on its store (the node's database on its own connection, or Redis), with the
// configured accounts.
std::unique_ptr<balances::BalanceTrackerService> StartBalances(const config::NodeConfig& config,
                                                               monitoring::Metrics& metrics) {
  std::shared_ptr<balances::BalanceStore> store;
  try {
    store = balances::OpenBalanceStore(config.balances.store, config.balances.url, config.balances.key_prefix,
                                       [&] { return OpenNodeDatabase(config); });
  } catch (const BalanceError& e) {
    throw Error(ExitCode::kBalances, std::string("balances: ") + e.what());
  }
  for (const auto& [id, account] : config.balances.accounts) {
    BalanceSettings settings;
    settings.minimum = account.minimum_balance;
    settings.settle_threshold = account.settle_threshold;
    settings.settle_to = account.settle_to;
    try {
      store->ConfigureAccount(id, settings);
    } catch (const BalanceError& e) {
      throw ConfigError("balances.accounts." + id + ": " + e.what());
    }
  }
  balances::BalanceTrackerOptions options;
  options.sweep_interval = std::chrono::milliseconds(config.balances.sweep_interval_ms);
  options.metrics = &metrics;
  Logger("node")->info("balance tracker ready on {} ({} configured account(s))", store->Describe(),
                       config.balances.accounts.size());
  return std::make_unique<balances::BalanceTrackerService>(store, options);
}

// Per changelog file, in run order, so that every plugin's pending work shows however long the
// host's own list is.
std::string PendingList(const std::vector<migration::PendingChangeSet>& pending) {
  constexpr size_t kShownPerFile = 5;
  std::vector<std::pair<std::string, std::vector<const migration::PendingChangeSet*>>> by_file;
  for (const auto& p : pending) {
    if (by_file.empty() || by_file.back().first != p.change_set->file_path) by_file.push_back({p.change_set->file_path, {}});
    by_file.back().second.push_back(&p);
  }
  std::string out;
  for (const auto& [file, entries] : by_file) {
    out += "  " + file + ":\n";
    for (size_t i = 0; i < entries.size() && i < kShownPerFile; ++i) {
      out += "    " + entries[i]->change_set->id + "::" + entries[i]->change_set->author + " (" + entries[i]->reason + ")\n";
    }
    if (entries.size() > kShownPerFile) out += "    ... and " + std::to_string(entries.size() - kShownPerFile) + " more\n";
  }
  return out;
}

// After migrating, every selected schema's tables must be there: a missing one usually means a
// changelog that creates it with raw SQL ignoring ${tablePrefix} or ${databaseSchema}. Other drift is
// reported, not fatal.
void CheckTables(db::Connection& connection, const schema::SchemaCatalog& catalog) {
  std::string missing;
  for (const auto& drift : schema::FindSchemaDrift(connection, catalog)) {
    if (drift.column.empty()) {
      missing += "  " + drift.ToString() + "\n";
    } else {
      Logger("schema")->warn("schema drift: {}", drift.ToString());
    }
  }
  if (!missing.empty()) {
    throw MigrationError("after migration, tables of selected schemas are missing:\n" + missing +
                         "A changelog's raw SQL is not rewritten for a family's table prefix or database schema: it "
                         "must name its tables with ${tablePrefix} and ${databaseSchema} (docs/plugin-authors.md). "
                         "The changesets that ran are recorded in DATABASECHANGELOG; `ledgerhost db check` lists "
                         "every difference, `ledgerhost db rollback-count N` undoes the last N changesets.");
  }
}

void RecordNodeInfo(db::Connection& connection, const schema::SchemaCatalog& catalog, const config::NodeConfig& config) {
  const schema::SelectedSchema* node_schema = catalog.Find(kNodeSchemaFamily, kNodeSchemaVersion);
  const std::string table = node_schema->SqlTable("node_info", connection.kind());
  const std::string& legal_name = config.legal_name;
  db::Transaction transaction(connection);
  if (const std::string& previous = config.database.previous_legal_name; !previous.empty() && previous != legal_name) {
    const auto taken_over =
        connection.Change("DELETE FROM " + table + " WHERE node_name = " + connection.Placeholder(1), {previous});
    if (taken_over != 0) Logger("node")->info("took over the database of node '{}' (database.previousLegalName)", previous);
  }
  connection.Query("DELETE FROM " + table + " WHERE node_name = " + connection.Placeholder(1), {legal_name});
  connection.Query("INSERT INTO " + table + " (node_name, host_version, started_timestamp) VALUES (" +
                       connection.Placeholder(1) + ", " + connection.Placeholder(2) + ", CURRENT_TIMESTAMP)",
                   {legal_name, LEDGERHOST_VERSION_STRING});
  transaction.Commit();
}

int Generate(const config::NodeConfig& config, const schema::SchemaCatalog& catalog, const NodeOptions& options) {
  const db::DatabaseUrl url = NodeDatabaseUrl(config);
  auto connection = OpenNodeDatabaseReadOnly(config);
  CheckDatabaseOwner(*connection, catalog, config, url);
  NodeMigrations migrations(catalog, url.kind, config.database.allow_derived_tables, connection.get(),
                            url.ScriptDisplay(), config.database.custom_changes);
  migrations.Validate();
  const auto pending = migrations.migrator().Pending();
  const std::filesystem::path file = options.generate_file.value_or(DefaultMigrationFile());
  const std::filesystem::path temporary = file.string() + ".tmp";
  try {
    std::ofstream out(temporary);
    if (!out) throw ConfigError("cannot write " + temporary.string());
    migrations.migrator().UpdateSql(out);
    out.close();
    if (!out) throw ConfigError("writing " + temporary.string() + " failed");
    std::filesystem::rename(temporary, file);
  } catch (...) {
    // A script that stopped half-way must not be mistaken for one a DBA could run.
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
  std::cout << "Wrote the SQL of " << pending.size() << " pending changeset(s) for " << url.Redacted() << " to "
            << file.string() << "\n";
  if (pending.empty()) std::cout << "The database is up to date: the file applies no changeset.\n";
  return 0;
}

}  // namespace

int RunNode(const NodeOptions& options) {
  const config::NodeConfig config = config::LoadNodeConfig(options.base_directory);
  ConfigureLogging(options.log_level.value_or(config.logging.level), config.logging.file.string());
  auto log = Logger("node");
  log->info("ledgerhost {} starting in {}", LEDGERHOST_VERSION_STRING, std::filesystem::absolute(options.base_directory).string());

  // What /health and /metrics show, from the start; the endpoint itself only when node.yaml asks.
  monitoring::Metrics metrics;
  monitoring::NodeHealth health(config.legal_name, LEDGERHOST_VERSION_STRING);
  health.Register(metrics);
  std::unique_ptr<monitoring::MonitoringServer> monitoring_server;
  if (options.mode == NodeOptions::Mode::kStart && config.monitoring.enabled) {
    monitoring_server = std::make_unique<monitoring::MonitoringServer>(
        monitoring::MonitoringOptions{config.monitoring.host, config.monitoring.port}, health, metrics);
    std::cout << "Health and metrics on " << monitoring_server->Address() << " (/health, /metrics)" << std::endl;
  }

  const NodeSchemas node_schemas = LoadNodeSchemas(config);
  const auto& registry = node_schemas.registry;
  const db::DatabaseUrl& url = node_schemas.url;
  const schema::SchemaCatalog& catalog = node_schemas.catalog;
  std::string loaded;
  for (const auto& plugin : registry.plugins()) loaded += (loaded.empty() ? ": " : ", ") + plugin->name() + " " + plugin->version();
  log->info("{} plugin(s) loaded from {}{}", registry.plugins().size(), config.plugins.directory.string(), loaded);
  health.SetPlugins(registry.plugins().size(), config.plugins.ignored_files.size());
  for (const auto& schema : catalog.schemas()) {
    log->info("schema {}{}{}", schema.Describe(), schema.table_prefix.empty() ? "" : ", table prefix " + schema.table_prefix,
              schema.database_schema.empty() ? "" : ", database schema " + schema.database_schema);
  }

  if (options.mode == NodeOptions::Mode::kJustGenerateMigration) return Generate(config, catalog, options);

  // A start that may only check must not create a missing SQLite file just to refuse.
  const bool may_write = options.mode == NodeOptions::Mode::kJustRunMigration || config.database.run_migration;
  auto connection = may_write ? OpenNodeDatabase(config) : OpenNodeDatabaseReadOnly(config);
  CheckDatabaseOwner(*connection, catalog, config, url);
  NodeMigrations migrations(catalog, url.kind, config.database.allow_derived_tables, connection.get(),
                            url.ScriptDisplay(), config.database.custom_changes);
  migration::Migrator& migrator = migrations.migrator();
  migrations.Validate();  // an edited executed changeset stops the node here, whatever the mode
  const auto pending = migrator.Pending();
  health.SetPendingChangeSets(pending.size());
  // Registered whether or not this start migrates, so that a scrape always finds them (0 when not).
  auto& applied = metrics.AddCounter("ledgerhost_migration_changesets_applied_total",
                                     "Changesets this node applied at start-up").With();
  auto& changeset_seconds = metrics
                                .AddHistogram("ledgerhost_migration_changeset_seconds",
                                              "How long each changeset applied at start-up took", {},
                                              {0.001, 0.01, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 1800})
                                .With();
  auto& migration_seconds =
      metrics.AddGauge("ledgerhost_migration_seconds", "How long the start-up migration took (0: none ran)").With();
  if (options.mode == NodeOptions::Mode::kJustRunMigration || (!pending.empty() && config.database.run_migration)) {
    health.SetState(monitoring::NodeState::kMigrating);
    size_t remaining = pending.size();
    migrator.OnChangeSetApplied([&](const migration::ChangeSet&, std::chrono::duration<double> took) {
      applied.Add();
      changeset_seconds.Observe(took.count());
      if (remaining > 0) health.SetPendingChangeSets(--remaining);
    });
    const auto migration_started = std::chrono::steady_clock::now();
    const auto summary = migrator.Update();
    migrator.OnChangeSetApplied(nullptr);
    health.SetPendingChangeSets(0);
    migration_seconds.Set(std::chrono::duration<double>(std::chrono::steady_clock::now() - migration_started).count());
    std::cout << "Applied " << summary.run << " changeset(s) to " << url.Redacted() << " (" << summary.previously_run
              << " previously run)\n";
    if (options.mode == NodeOptions::Mode::kJustRunMigration) {
      CheckTables(*connection, catalog);
      return 0;
    }
  } else if (!pending.empty()) {
    const std::string base = options.base_directory.string();
    throw PendingMigrationsError(
        std::to_string(pending.size()) + " changeset(s) have not been applied to " + url.Redacted() + ":\n" +
        PendingList(pending) + "The node does not start with pending migrations. Either:\n" +
        "  - apply them now:       ledgerhost --base-directory " + base + " --just-run-db-migration\n" +
        "  - let a DBA apply them: ledgerhost --base-directory " + base + " --just-generate-db-migration [FILE]\n" +
        "  - or set database.runMigration: true in " + (options.base_directory / "node.yaml").string());
  }
  CheckTables(*connection, catalog);

  ShutdownSignal shutdown;  // before any service can create a thread
  RecordNodeInfo(*connection, catalog, config);
  // From here on services' threads share the connection: only leases reach it.
  db::SharedConnection shared(std::move(connection));
  Party our_identity{config.legal_name, {}, true};
  vault::IdentityRegistry identities(shared, catalog, our_identity);
  vault::NodeVault vault(shared, catalog);
  vault.Measure(metrics);
  log->info("vault ready");
  auto balances = StartBalances(config, metrics);

  std::map<std::string, std::unique_ptr<NodeServiceHub>> hubs;  // by plugin path
  ServiceRunner runner(PlanServiceStart(registry.plugins()));
  runner.StartAll(
      [&](const PlannedService& planned) -> ServiceHub& {
        auto& hub = hubs[planned.plugin->path().string()];
        if (!hub) {
          std::map<std::string, std::string> settings;
          if (auto it = config.plugins.settings.find(planned.plugin->name()); it != config.plugins.settings.end()) {
            settings = it->second;
          }
          hub = std::make_unique<NodeServiceHub>(planned.plugin->name(), settings, shared, vault, identities, catalog,
                                                 *balances);
        }
        return *hub;
      },
      [&](const PlannedService& planned, const std::function<void()>& start) {
        health.SetService(planned.plugin->name(), planned.name, monitoring::ServiceState::kStarting);
        {
          // Start() runs in the host's transaction: what a service writes while starting commits only
          // if it starts. The starting thread holds the connection's turn meanwhile, so no other
          // thread's work becomes part of that transaction.
          const auto turn = shared.Take();
          db::Transaction transaction(*turn);
          start();
          transaction.Commit();
        }
        health.SetService(planned.plugin->name(), planned.name, monitoring::ServiceState::kRunning);
      });
  health.SetState(monitoring::NodeState::kRunning);
  log->info("node {} started: {} schema(s), {} service(s); stop with SIGINT or SIGTERM", config.legal_name,
            catalog.schemas().size(), runner.running());
  std::cout << "Node started (" << runner.running() << " services). Press Ctrl-C to stop." << std::endl;

  const int signal = shutdown.Wait();
  log->info("{} received: stopping services", signal == SIGINT ? "SIGINT" : "SIGTERM");
  health.SetState(monitoring::NodeState::kStopping);
  runner.StopAll();
  health.StopAllServices();
  log->info("node stopped");
  std::cout << "Node stopped." << std::endl;
  return 0;
}

}  // namespace ledgerhost::node
