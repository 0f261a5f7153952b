// What a node is made of before it touches its database: the plugins its configuration loads, its
// database URL and the mapped schemas it selects. The node and `ledgerhost db --base-directory` build
// it the same way, so both run the same changelogs.
#pragma once

#include <memory>

#include "config/node_config.h"
#include "migration/sql/custom_change_registry.h"
#include "migration/engine/database_url.h"
#include "plugins/plugin_registry.h"
#include "schema/selected_schema.h"

namespace ledgerhost::node {

struct NodeSchemas {
  plugins::PluginRegistry registry;  // owns the plugins the catalog's schemas point into
  migration::DatabaseUrl url;
  schema::SchemaCatalog catalog;
  // The plugins' customChange implementations, registered while the node's plugins are loaded.
  std::shared_ptr<migration::ScopedCustomChanges> custom_changes;
};

// Loads the plugins (logging each refused file and why: its schemas are missing from the catalog),
// registers their customChange implementations and selects the schemas. Throws what plugin loading
// and schema selection throw, and PluginError when two plugins implement the same customChange class.
NodeSchemas LoadNodeSchemas(const config::NodeConfig& config);

}  // namespace ledgerhost::node
