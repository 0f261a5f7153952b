// The schema service's choice: which mapped schemas a node persists. By default every version every
// plugin offers; `schemas.<family>` in node.yaml narrows a family to its latest or listed versions
// and gives it a table prefix or database schema. The host's own schema always comes first.
#pragma once

#include <memory>
#include <vector>

#include "config/node_config.h"
#include "db/database_kind.h"
#include "plugins/plugin_loader.h"
#include "schema/selected_schema.h"

namespace ledgerhost::schema {

// Throws ConfigError when node.yaml names a version no plugin offers, or asks for a database
// schema on a database without schemas (SQLite). A `schemas:` entry for a family no loaded plugin
// offers is only warned about: removing a plugin must not stop the node.
SchemaCatalog SelectSchemas(const std::vector<std::shared_ptr<plugins::LoadedPlugin>>& plugins,
                            const std::map<std::string, config::SchemaFamilyConfig>& options,
                            db::DatabaseKind database);

}  // namespace ledgerhost::schema
