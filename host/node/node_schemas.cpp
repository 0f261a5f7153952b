#include "node/node_schemas.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/logging.h"
#include "node/node_database.h"
#include "schema/schema_selector.h"

namespace ledgerhost::node {
namespace {

// customChange generators calling the plugins' implementations (ledgerhost/custom_change.h).
std::shared_ptr<migration::ScopedCustomChanges> RegisterCustomChanges(
    const std::vector<std::shared_ptr<plugins::LoadedPlugin>>& loaded) {
  auto registrations = std::make_shared<migration::ScopedCustomChanges>();
  std::map<std::string, std::filesystem::path> implemented_by;
  for (const auto& plugin : loaded) {
    for (const auto& class_name : plugin->custom_changes()) {
      if (auto [it, inserted] = implemented_by.emplace(class_name, plugin->path()); !inserted) {
        throw PluginError(plugin->path().string(), "implements customChange '" + class_name + "', which " +
                                                       it->second.string() + " implements too");
      }
      std::shared_ptr<const CustomChange> implementation = plugin->CreateCustomChange(class_name);
      registrations->Register(class_name, [implementation, class_name](const migration::Change& change,
                                                                       const migration::SqlGenerationContext& context) {
        CustomChangeContext custom;
        custom.database = std::string(db::ShortName(context.database));
        custom.location = change.location.ToString();
        for (const auto& [name, value] : change.params) custom.params[name] = value;
        std::vector<std::string> sql;
        try {
          sql = implementation->GenerateSql(custom);
        } catch (const std::exception& e) {
          throw MigrationError(custom.location + ": customChange " + class_name + ": " + e.what());
        }
        std::vector<migration::SqlStatement> out;
        for (auto& statement : sql) out.push_back({std::move(statement)});
        return out;
      });
      Logger("node")->debug("customChange {} implemented by {}", class_name, plugin->path().string());
    }
  }
  return registrations;
}

}  // namespace

NodeSchemas LoadNodeSchemas(const config::NodeConfig& config, RefusedPlugins refused_plugins) {
  NodeSchemas out{plugins::PluginRegistry::Load(
                      {config.plugins.directory, config.plugins.trusted_keys, config.plugins.ignored_files}),
                  NodeDatabaseUrl(config), {}, nullptr};
  // A refused plugin may own tables and recorded changesets the node would then run without, and
  // nothing of its code may run to tell: the node does not start, unless told to leave the file out.
  const auto& refused = out.registry.skipped();
  if (refused_plugins == RefusedPlugins::kReport) {
    for (const auto& file : refused) {
      Logger("node")->warn("plugin refused: {}: {} (its schemas are missing here)", file.path.string(), file.reason);
    }
  } else if (!refused.empty()) {
    std::string message = std::to_string(refused.size()) + " plugin file(s) in " + config.plugins.directory.string() +
                          " were refused, and the node does not start without them:\n";
    for (const auto& file : refused) message += "  " + file.path.filename().string() + ": " + file.reason + "\n";
    message += "Replace or remove each, or, to start without it, name it in node.yaml: plugins.ignore: [" +
               refused.front().path.filename().string() + "]";
    throw Error(ExitCode::kPlugin, message);
  }
  out.catalog = schema::SelectSchemas(out.registry.plugins(), config.schemas, out.url.kind);
  out.custom_changes = RegisterCustomChanges(out.registry.plugins());
  return out;
}

}  // namespace ledgerhost::node
