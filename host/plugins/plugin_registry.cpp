#include "plugins/plugin_registry.h"

#include <algorithm>
#include <map>
#include <vector>  // before boost/dll (Boost 1.74 under BOOST_DLL_USE_STD_FS)

#include <boost/dll/shared_library.hpp>

#include "core/error.h"
#include "core/logging.h"
#include "ledgerhost/plugin.h"
#include "plugins/plugin_inspector.h"
#include "plugins/schema_name.h"

namespace ledgerhost::plugins {
namespace {

std::string Text(const char* text) { return text ? text : ""; }

}  // namespace

migration::MemoryResourceLoader LoadedPlugin::Resources() const {
  return migration::MemoryResourceLoader("plugin " + path_.filename().string(), resources_);
}

std::shared_ptr<LoadedPlugin> LoadPlugin(const std::filesystem::path& path) {
  auto library = std::make_shared<boost::dll::shared_library>();
  std::error_code ec;
  library->load(path, ec, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  if (ec) throw PluginError(path.string(), "cannot be loaded: " + ec.message());
  if (!library->has(LEDGERHOST_PLUGIN_ENTRY_NAME)) {
    throw PluginError(path.string(), "does not export " LEDGERHOST_PLUGIN_ENTRY_NAME);
  }
  auto entry = library->get<const lh_plugin_descriptor*()>(LEDGERHOST_PLUGIN_ENTRY_NAME);
  const lh_plugin_descriptor* d = entry();
  if (d == nullptr) throw PluginError(path.string(), "returned no descriptor");
  if (d->abi_version != LEDGERHOST_PLUGIN_ABI_VERSION) {
    throw PluginError(path.string(), "was built for plugin ABI version " + std::to_string(d->abi_version) +
                                         ", this host supports version " + std::to_string(LEDGERHOST_PLUGIN_ABI_VERSION));
  }
  if (d->struct_size != sizeof(lh_plugin_descriptor)) {
    throw PluginError(path.string(), "has a descriptor of " + std::to_string(d->struct_size) + " bytes, expected " +
                                         std::to_string(sizeof(lh_plugin_descriptor)));
  }
  const std::string host_fingerprint = BuildFingerprint();
  if (Text(d->build_fingerprint) != host_fingerprint) {
    throw PluginError(path.string(), "was built with '" + Text(d->build_fingerprint) + "' but this host with '" +
                                         host_fingerprint + "'; rebuild the plugin against this SDK and toolchain");
  }
  auto plugin = std::make_shared<LoadedPlugin>();
  plugin->path_ = path;
  plugin->name_ = Text(d->name);
  plugin->version_ = Text(d->version);
  for (uint32_t i = 0; i < d->resource_count; ++i) {
    const lh_resource& r = d->resources[i];
    plugin->resources_[Text(r.path)] = std::string(reinterpret_cast<const char*>(r.data), r.size);
  }
  for (uint32_t i = 0; i < d->schema_count; ++i) {
    const lh_schema& s = d->schemas[i];
    LoadedSchema schema;
    schema.family = Text(s.family);
    schema.version = static_cast<int>(s.version);
    schema.name = Text(s.name);
    schema.explicit_resource = Text(s.migration_resource);
    for (uint32_t e = 0; e < s.entity_count; ++e) {
      MappedEntity entity;
      entity.table_name = Text(s.entities[e].table_name);
      entity.parent_table = Text(s.entities[e].parent_table);
      for (uint32_t c = 0; c < s.entities[e].column_count; ++c) {
        const lh_column& col = s.entities[e].columns[c];
        entity.columns.push_back({Text(col.name), Text(col.type), col.nullable != 0, col.primary_key != 0, col.length});
      }
      schema.entities.push_back(std::move(entity));
    }
    schema.migration_resource = ResolveMigrationResource(schema.name, schema.explicit_resource, plugin->resources_);
    plugin->schemas_.push_back(std::move(schema));
  }
  for (uint32_t i = 0; i < d->service_count; ++i) {
    const lh_service_factory& f = d->services[i];
    ServiceFactory factory{Text(f.name), {}, f.create, f.destroy};
    for (uint32_t k = 0; k < f.depends_on_count; ++k) factory.depends_on.push_back(Text(f.depends_on[k]));
    plugin->services_.push_back(std::move(factory));
  }
  plugin->library_ = std::move(library);
  return plugin;
}

PluginRegistry PluginRegistry::Load(const PluginLoadOptions& options) {
  PluginRegistry registry;
  auto log = Logger("plugins");
  std::error_code ec;
  if (!std::filesystem::is_directory(options.directory, ec)) {
    log->info("no plugins directory at {}", options.directory.string());
    return registry;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(options.directory, ec)) {
    if (entry.path().extension() == ".so") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  SignatureVerifier verifier(options.trusted_keys);
  std::map<std::pair<std::string, int>, std::filesystem::path> schema_owner;
  for (const auto& file : files) {
    auto skip = [&](const std::string& reason) {
      log->warn("skipping {}: {}", file.string(), reason);
      registry.skipped_.push_back({file, reason});
    };
    if (auto problem = InspectPluginFile(file)) {
      skip(*problem);
      continue;
    }
    if (verifier.enabled()) {
      if (auto problem = verifier.Verify(file)) {
        skip(*problem);
        continue;
      }
    }
    std::shared_ptr<LoadedPlugin> plugin;
    try {
      plugin = LoadPlugin(file);
    } catch (const PluginError& e) {
      skip(e.reason());
      continue;
    }
    for (const auto& schema : plugin->schemas()) {
      auto [it, inserted] = schema_owner.emplace(std::make_pair(schema.family, schema.version), file);
      if (!inserted) {
        throw PluginError(file.string(), "declares schema " + schema.family + " version " +
                                             std::to_string(schema.version) + " (" + schema.name +
                                             "), which " + it->second.string() + " declares too");
      }
    }
    log->info("loaded plugin {} {} from {}", plugin->name(), plugin->version(), file.string());
    registry.plugins_.push_back(std::move(plugin));
  }
  return registry;
}

}  // namespace ledgerhost::plugins
