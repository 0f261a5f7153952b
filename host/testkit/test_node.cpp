#include "ledgerhost/testkit.h"

#include <unistd.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <atomic>
#include <cmath>
#include <filesystem>

#include "balances/balance_tracker_service.h"
#include "balances/sql_balance_store.h"
#include "core/error.h"
#include "db/connection.h"
#include "db/shared_connection.h"
#include "db/transaction.h"
#include "db/database_url.h"
#include "migration/model/resource_loader.h"
#include "node/node_migrations.h"
#include "node/node_service_hub.h"
#include "plugins/schema_name.h"
#include "schema/node_schema.h"
#include "vault/identity_registry.h"
#include "vault/node_vault.h"

namespace ledgerhost::testkit {
namespace {

// The directory's files as "migration/<relative path>", as ledgerhost_add_plugin embeds them.
std::map<std::string, std::string> ReadMigrations(const std::filesystem::path& directory) {
  std::map<std::string, std::string> files;
  if (directory.empty()) return files;
  if (!std::filesystem::is_directory(directory)) {
    throw ConfigError("test node: migrations directory " + directory.string() + " does not exist");
  }
  migration::DirectoryResourceLoader loader(directory);
  for (const auto& path : loader.List("")) files["migration/" + path] = *loader.Read(path);
  return files;
}

}  // namespace

struct TestNode::Impl {
  ~Impl() {
    hub.reset();
    balances.reset();
    vault.reset();
    identities.reset();
    connection.reset();
    if (!temporary_file.empty()) std::filesystem::remove(temporary_file);
  }
  std::filesystem::path temporary_file;  // "sqlite::memory:" is a temporary file: the balance store needs a second connection
  std::unique_ptr<db::SharedConnection> connection;
  std::unique_ptr<balances::BalanceTrackerService> balances;
  schema::SchemaCatalog catalog;
  std::unique_ptr<vault::IdentityRegistry> identities;
  std::unique_ptr<vault::NodeVault> vault;
  std::unique_ptr<node::NodeServiceHub> hub;
};

TestNode::TestNode(TestNodeOptions options) : impl_(std::make_unique<Impl>()) {
  const auto files = ReadMigrations(options.migrations_directory);
  auto resources = std::make_shared<migration::MemoryResourceLoader>(
      "migrations directory " + options.migrations_directory.string(), files);
  std::vector<schema::SelectedSchema> selected{schema::NodeSchema()};
  for (const auto& mapped : options.schemas) {
    schema::SelectedSchema s;
    s.family = mapped.family();
    s.version = mapped.version();
    s.name = mapped.name();
    s.entities = mapped.entities();
    if (auto it = options.table_prefixes.find(s.family); it != options.table_prefixes.end()) s.table_prefix = it->second;
    s.resources = resources;
    s.migration_resource = plugins::ResolveMigrationResource(mapped.name(), mapped.migration_resource(), files);
    selected.push_back(std::move(s));
  }
  impl_->catalog = schema::SchemaCatalog(std::move(selected));

  std::string database_url = options.database_url;
  if (database_url == "sqlite::memory:") {
    static std::atomic<int> counter{0};
    impl_->temporary_file = std::filesystem::temp_directory_path() /
                            ("ledgerhost-testkit-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
    std::filesystem::remove(impl_->temporary_file);
    database_url = "sqlite:" + impl_->temporary_file.string();
  }
  const auto url = db::ParseDatabaseUrl(database_url);
  auto connection = db::Connection::Open(url);
  // Derived tables are what a test of a schema without migrations needs, whatever the database.
  node::NodeMigrations migrations(impl_->catalog, url.kind, /*allow_derived_tables=*/true, connection.get(),
                                  url.Redacted());
  migrations.migrator().Update();
  impl_->connection = std::make_unique<db::SharedConnection>(std::move(connection));

  impl_->identities = std::make_unique<vault::IdentityRegistry>(*impl_->connection, impl_->catalog,
                                                                Party{options.legal_name, {}, true});
  impl_->vault = std::make_unique<vault::NodeVault>(*impl_->connection, impl_->catalog);
  impl_->balances = std::make_unique<balances::BalanceTrackerService>(
      std::make_shared<balances::SqlBalanceStore>(db::Connection::Open(url)));
  impl_->hub = std::make_unique<node::NodeServiceHub>("test", options.config, *impl_->connection, *impl_->vault,
                                                      *impl_->identities, impl_->catalog, *impl_->balances);
}

TestNode::~TestNode() = default;

Vault& TestNode::vault() { return *impl_->vault; }
IdentityService& TestNode::identities() { return *impl_->identities; }
ServiceHub& TestNode::hub() { return *impl_->hub; }

void TestNode::Start(Service& service) {
  const auto turn = impl_->connection->Take();
  db::Transaction transaction(*turn);
  service.Start(*impl_->hub);
  transaction.Commit();
}

std::string TestNode::TableName(const std::string& family, int version, const std::string& table) const {
  return impl_->hub->TableName(family, version, table);
}

std::vector<Row> TestNode::Query(const std::string& sql) {
  const SessionLease session = impl_->connection->TakeSession();
  soci::rowset<soci::row> rows = (session->prepare << sql);
  std::vector<Row> out;
  for (const auto& row : rows) {
    Row values;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const auto& props = row.get_properties(i);
      if (row.get_indicator(i) == soci::i_null) {
        values[props.get_name()] = std::nullopt;
        continue;
      }
      switch (props.get_data_type()) {
        case soci::dt_string: values[props.get_name()] = row.get<std::string>(i); break;
        // A whole number as an integer ("300"), else the shortest exact text ("1.5"): MySQL's SUM is a
        // DECIMAL, which SOCI reads as a double.
        case soci::dt_double: {
          const double value = row.get<double>(i);
          const bool whole = std::trunc(value) == value && std::fabs(value) < 9.0e15;
          values[props.get_name()] = whole ? std::to_string(static_cast<long long>(value)) : fmt::format("{}", value);
          break;
        }
        case soci::dt_integer: values[props.get_name()] = std::to_string(row.get<int>(i)); break;
        case soci::dt_long_long: values[props.get_name()] = std::to_string(row.get<long long>(i)); break;
        case soci::dt_unsigned_long_long: values[props.get_name()] = std::to_string(row.get<unsigned long long>(i)); break;
        case soci::dt_date: {
          std::tm tm = row.get<std::tm>(i);
          char text[32];
          std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &tm);
          values[props.get_name()] = text;
          break;
        }
        default: values[props.get_name()] = row.get<std::string>(i); break;
      }
    }
    out.push_back(std::move(values));
  }
  return out;
}

}  // namespace ledgerhost::testkit
