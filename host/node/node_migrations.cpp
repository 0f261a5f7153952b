#include "node/node_migrations.h"

#include <algorithm>
#include <exception>
#include <set>
#include <vector>

#include "core/error.h"
#include "plugins/plugin_loader.h"

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

void NodeMigrations::Validate() {
  try {
    migrator_->Validate();
  } catch (const MigrationError& error) {
    RethrowExplained(error);
  }
}

void NodeMigrations::RethrowExplained(const MigrationError& error) {
  const std::exception_ptr original = std::current_exception();  // called from its handler
  std::vector<migration::ValidationFailure> failures;
  try {
    failures = migrator_->ValidationFailures();
  } catch (...) {
    std::rethrow_exception(original);  // no explanation rather than another error in its place
  }
  std::string hints;
  std::set<const schema::SchemaChangeLog*> explained;
  for (const auto& failure : failures) {
    if (failure.kind != migration::ValidationFailure::Kind::kCheckSumChanged) continue;
    for (const auto& entry : change_logs_) {
      if (entry.schemas.empty() || entry.schemas.front()->plugin == nullptr || explained.count(&entry)) continue;
      const bool holds = std::any_of(entry.change_log.change_sets.begin(), entry.change_log.change_sets.end(),
                                     [&](const migration::ChangeSet& cs) {
                                       return cs.file_path == failure.file && cs.id == failure.id &&
                                              cs.author == failure.author;
                                     });
      if (!holds) continue;
      explained.insert(&entry);
      const schema::SelectedSchema& schema = *entry.schemas.front();
      auto option = [](const std::string& value) { return value.empty() ? std::string("none") : "'" + value + "'"; };
      hints += "\n" + failure.file + " comes from plugin " + schema.plugin->path().string() + " (schema " +
               schema.family + " v" + std::to_string(schema.version) + "). The node rewrites its changelog with "
               "node.yaml's schemas." + schema.family + ".tablePrefix (now " + option(schema.table_prefix) +
               ") and databaseSchema (now " + option(schema.database_schema) +
               "): if either changed since these changesets ran, set it back; otherwise the plugin was rebuilt "
               "with edited changesets, and its author should put the edit in a new changeset.";
    }
  }
  if (hints.empty()) std::rethrow_exception(original);  // of its own type
  throw MigrationError(std::string(error.what()) + hints);
}

std::string NodeMigrations::Describe() const {
  std::string out;
  for (const auto& entry : change_logs_) out += (out.empty() ? "" : ", ") + entry.change_log.physical_path;
  return out;
}

}  // namespace ledgerhost::node
