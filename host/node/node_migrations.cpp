#include "node/node_migrations.h"

namespace ledgerhost::node {

NodeMigrations::NodeMigrations(const schema::SchemaCatalog& catalog, migration::DatabaseKind database,
                               bool allow_derived_tables, migration::Connection* connection,
                               const std::string& database_display) {
  schema::SchemaChangeLogOptions options;
  options.database = database;
  options.allow_derived_tables = allow_derived_tables;
  change_logs_ = schema::BuildSchemaChangeLogs(catalog, options);
  migration::MigratorOptions migrator_options;
  migrator_options.changelog_display = Describe();
  migrator_options.database_display = database_display;
  migrator_ = std::make_unique<migration::Migrator>(schema::MigratorSources(change_logs_), database, connection,
                                                    migrator_options);
}

std::string NodeMigrations::Describe() const {
  std::string out;
  for (const auto& entry : change_logs_) out += (out.empty() ? "" : ", ") + entry.change_log.physical_path;
  return out;
}

}  // namespace ledgerhost::node
