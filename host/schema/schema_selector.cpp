#include "schema/schema_selector.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/error.h"
#include "core/logging.h"
#include "schema/node_schema.h"

namespace ledgerhost::schema {

SchemaCatalog SelectSchemas(const std::vector<std::shared_ptr<plugins::LoadedPlugin>>& plugins,
                            const std::map<std::string, config::SchemaFamilyConfig>& options,
                            db::DatabaseKind database) {
  // Every offered version per family, to resolve "latest" and check listed versions.
  std::map<std::string, std::set<int>> offered;
  for (const auto& plugin : plugins) {
    for (const auto& schema : plugin->schemas()) offered[schema.family].insert(schema.version);
  }
  for (const auto& [family, option] : options) {
    if (family == kNodeSchemaFamily) {
      throw ConfigError("node.yaml: schemas." + family + ": the host's own schema cannot be configured here; use "
                        "database.schema to place the host's tables");
    }
    if (!offered.count(family)) {
      Logger("schema")->warn("node.yaml: schemas.{} names a family no loaded plugin offers; ignored", family);
      continue;
    }
    for (int version : option.listed_versions) {
      if (!offered[family].count(version)) {
        std::string available;
        for (int v : offered[family]) available += (available.empty() ? "" : ", ") + std::to_string(v);
        throw ConfigError("node.yaml: schemas." + family + ".versions lists version " + std::to_string(version) +
                          ", but the plugins offer only " + available);
      }
    }
    if (!option.database_schema.empty() && database != db::DatabaseKind::kPostgresql) {
      throw ConfigError("node.yaml: schemas." + family + ".databaseSchema needs PostgreSQL; " +
                        std::string(db::ShortName(database)) + " has no database schemas");
    }
  }

  std::vector<SelectedSchema> selected;
  selected.push_back(NodeSchema());
  for (const auto& plugin : plugins) {
    for (const auto& schema : plugin->schemas()) {
      config::SchemaFamilyConfig option;
      if (auto it = options.find(schema.family); it != options.end()) option = it->second;
      using Versions = config::SchemaFamilyConfig::Versions;
      if (option.versions == Versions::kNone) continue;
      if (option.versions == Versions::kLatest && schema.version != *offered[schema.family].rbegin()) continue;
      if (option.versions == Versions::kListed &&
          std::find(option.listed_versions.begin(), option.listed_versions.end(), schema.version) ==
              option.listed_versions.end()) {
        continue;
      }
      SelectedSchema s;
      s.family = schema.family;
      s.version = schema.version;
      s.name = schema.name;
      s.entities = schema.entities;
      s.table_prefix = option.table_prefix;
      s.database_schema = option.database_schema;
      s.plugin = plugin;
      s.migration_resource = schema.migration_resource;
      selected.push_back(std::move(s));
    }
  }
  return SchemaCatalog(std::move(selected));
}

}  // namespace ledgerhost::schema
