#include "vault_test_database.h"

#include "migration/engine/migrator.h"
#include "migration/parse/change_log_parser.h"
#include "schema/node_schema.h"

namespace ledgerhost::vault::test {

VaultTestDatabase::VaultTestDatabase(db::DatabaseKind kind) : database_(kind) {
  auto connection = database_.Connect();
  migration::ParseOptions options;
  options.database = kind;
  const migration::DirectoryResourceLoader host_files(LEDGERHOST_NODE_MIGRATIONS_DIR);
  const migration::DirectoryResourceLoader test_files(VAULT_TEST_DATA_DIR);
  const migration::ChangeLog host =
      migration::ParseChangeLog(host_files, "ledgerhost-node.changelog-master.xml", options);
  const migration::ChangeLog loans = migration::ParseChangeLog(test_files, "vault-test.changelog.xml", options);
  migration::Migrator migrator({{&host, &host_files}, {&loans, &test_files}}, kind, connection.get());
  migrator.Update();
  connection_ = std::make_unique<db::SharedConnection>(std::move(connection));
}

long long VaultTestDatabase::Count(const std::string& table) {
  return std::stoll(connection_->Take()->QueryScalar("SELECT COUNT(*) FROM " + table).value_or("-1"));
}

schema::SchemaCatalog CatalogWith(std::vector<schema::SelectedSchema> plugin_schemas) {
  std::vector<schema::SelectedSchema> schemas{schema::NodeSchema()};
  for (auto& s : plugin_schemas) schemas.push_back(std::move(s));
  return schema::SchemaCatalog(std::move(schemas));
}

TestClock::TestClock()
    : now_(std::chrono::sys_days(std::chrono::year(2024) / 5 / 6) + std::chrono::hours(7) + std::chrono::minutes(8) +
           std::chrono::seconds(9) + std::chrono::microseconds(123456)) {}

}  // namespace ledgerhost::vault::test
