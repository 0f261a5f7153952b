// What a node is made of before it touches its database: the plugins its configuration loads, its
// database URL and the mapped schemas it selects. The node and `ledgerhost db --base-directory` build
// it the same way, so both run the same changelogs.
#pragma once

#include <memory>

#include "config/node_config.h"
#include "migration/sql/custom_change_registry.h"
#include "db/database_url.h"
#include "plugins/plugin_registry.h"
#include "schema/selected_schema.h"

namespace ledgerhost::node {

struct NodeSchemas {
  plugins::PluginRegistry registry;  // owns the plugins the catalog's schemas point into
  db::DatabaseUrl url;
  schema::SchemaCatalog catalog;
  // The plugins' customChange implementations, registered while the node's plugins are loaded.
  std::shared_ptr<migration::ScopedCustomChanges> custom_changes;
};

// What a refused plugin file (not in plugins.ignore) does: stop whatever would run or write the
// changelogs without its schemas (the node, migrations, scripts), or only be reported, by commands
// that look (status, history, validate).
enum class RefusedPlugins { kStop, kReport };

// Loads the plugins, registers their customChange implementations and selects the schemas. Throws
// what plugin loading and schema selection throw, Error (kPlugin) listing the refused files when
// `refused` is kStop, and PluginError when two plugins implement the same customChange class.
NodeSchemas LoadNodeSchemas(const config::NodeConfig& config, RefusedPlugins refused = RefusedPlugins::kStop);

}  // namespace ledgerhost::node
