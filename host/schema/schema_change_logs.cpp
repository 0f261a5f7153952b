#include "schema/schema_change_logs.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/error.h"
#include "core/logging.h"
#include "core/text.h"
#include "migration/parse/change_log_parser.h"
#include "plugins/plugin_loader.h"
#include "schema/derived_change_log.h"
#include "schema/node_schema.h"
#include "schema/table_naming.h"

namespace ledgerhost::schema {
namespace {

using text::Lower;

void RefuseReservedAuthor(const migration::ChangeLog& change_log, const SelectedSchema& schema) {
  for (const auto& change_set : change_log.change_sets) {
    if (Lower(change_set.author) == kReservedAuthor) {
      throw ChangeLogError(change_set.location.ToString() + ": changeset " + change_set.id + "::" + change_set.author +
                           " of " + schema.Describe() + ": the author '" + kReservedAuthor +
                           "' is reserved for the host's own changelogs; use your own name");
    }
  }
}

}  // namespace

std::vector<SchemaChangeLog> BuildSchemaChangeLogs(const SchemaCatalog& catalog, const SchemaChangeLogOptions& options) {
  std::vector<SchemaChangeLog> out;
  // Several schemas of one plugin may name one resource (a Corda habit): it runs once.
  std::map<std::tuple<const void*, std::string, std::string, std::string>, size_t> parsed;
  std::vector<const SelectedSchema*> without_migrations;
  const bool embedded = options.database == db::DatabaseKind::kSqlite;

  for (const auto& schema : catalog.schemas()) {
    if (!schema.migration_resource) {
      if (!embedded && !options.allow_derived_tables) {
        without_migrations.push_back(&schema);
        continue;
      }
      Logger("schema")->warn("{} has no migration: its tables are derived from its entities (not for production; "
                             "add migration/<name>.changelog-master.xml to the plugin)",
                             schema.Describe());
      SchemaChangeLog derived;
      derived.schemas.push_back(&schema);
      derived.loader = std::make_shared<migration::MemoryResourceLoader>("derived tables", std::map<std::string, std::string>{});
      derived.change_log = DeriveChangeLog(schema);
      derived.derived = true;
      out.push_back(std::move(derived));
      continue;
    }
    const void* origin = schema.plugin ? static_cast<const void*>(schema.plugin.get()) : schema.resources.get();
    const auto key = std::make_tuple(origin, *schema.migration_resource, schema.table_prefix, schema.database_schema);
    if (auto it = parsed.find(key); it != parsed.end()) {
      out[it->second].schemas.push_back(&schema);
      continue;
    }
    SchemaChangeLog entry;
    entry.schemas.push_back(&schema);
    if (schema.plugin) {
      entry.loader = std::make_shared<migration::MemoryResourceLoader>(schema.plugin->Resources());
    } else if (schema.resources) {
      entry.loader = schema.resources;
    } else {
      entry.loader = NodeMigrationResources();
    }
    migration::ParseOptions parse_options;
    parse_options.database = options.database;
    parse_options.properties["tablePrefix"] = schema.table_prefix;
    parse_options.properties["databaseSchema"] = schema.database_schema;
    try {
      entry.change_log = migration::ParseChangeLog(*entry.loader, *schema.migration_resource, parse_options);
    } catch (const ChangeLogError& e) {
      throw ChangeLogError(std::string(e.what()) + " (migration of " + schema.Describe() + ")");
    }
    if (schema.plugin || schema.resources) RefuseReservedAuthor(entry.change_log, schema);
    ApplyTableNaming(entry.change_log, schema.table_prefix, schema.database_schema);
    for (auto& change_set : entry.change_log.change_sets) change_set.search_schema = schema.database_schema;
    parsed.emplace(key, out.size());
    out.push_back(std::move(entry));
  }

  if (!without_migrations.empty()) {
    std::string message = std::to_string(without_migrations.size()) + " selected schema(s) have no migration and " +
                          std::string(db::ShortName(options.database)) +
                          " is not the embedded database, so their tables cannot be derived:\n";
    for (const auto* schema : without_migrations) message += "  " + schema->Describe() + "\n";
    message +=
        "Add a changelog to each plugin (migration/<hyphenated-schema-name>.changelog-master.xml), leave the schema out "
        "with schemas.<family>.versions in node.yaml, or set database.allowDerivedTables: true (not for production).";
    throw ConfigError(message);
  }
  return out;
}

std::vector<migration::ChangeLogSource> MigratorSources(const std::vector<SchemaChangeLog>& change_logs) {
  std::vector<migration::ChangeLogSource> sources;
  for (const auto& entry : change_logs) sources.push_back({&entry.change_log, entry.loader.get()});
  return sources;
}

}  // namespace ledgerhost::schema
