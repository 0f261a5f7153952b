#include "node/node_schemas.h"

#include "core/logging.h"
#include "node/node_database.h"
#include "schema/schema_selector.h"

namespace ledgerhost::node {

NodeSchemas LoadNodeSchemas(const config::NodeConfig& config) {
  NodeSchemas out{plugins::PluginRegistry::Load({config.plugins.directory, config.plugins.trusted_keys}),
                  NodeDatabaseUrl(config), {}};
  for (const auto& skipped : out.registry.skipped()) {
    Logger("node")->warn("plugin refused: {}: {}", skipped.path.string(), skipped.reason);
  }
  out.catalog = schema::SelectSchemas(out.registry.plugins(), config.schemas, out.url.kind);
  return out;
}

}  // namespace ledgerhost::node
