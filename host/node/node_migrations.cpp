#include "node/node_migrations.h"

namespace ledgerhost::node {

NodeMigrations::NodeMigrations(const schema::SchemaCatalog& catalog, db::DatabaseKind database,
                               bool allow_derived_tables, db::Connection* connection,
                               const std::string& database_display,
                               const std::map<std::string, std::string>& custom_changes) {
  schema::SchemaChangeLogOptions options;
  options.database = database;
  options.allow_derived_tables = allow_derived_tables;
  change_logs_ = schema::BuildSchemaChangeLogs(catalog, options);
  migration::MigratorOptions migrator_options;
  migrator_options.changelog_display = Describe();
  migrator_options.database_display = database_display;
  for (const auto& [class_name, policy] : custom_changes) {
    migrator_options.custom_changes[class_name] =
        migration::ParseCustomChangePolicy(policy, "database.customChanges." + class_name);
  }
  migrator_ = std::make_unique<migration::Migrator>(schema::MigratorSources(change_logs_), database, connection,
                                                    migrator_options);
}

std::string NodeMigrations::Describe() const {
  std::string out;
  for (const auto& entry : change_logs_) out += (out.empty() ? "" : ", ") + entry.change_log.physical_path;
  return out;
}

}  // namespace ledgerhost::node
