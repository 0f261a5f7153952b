#include "plugins/plugin_loader.h"

#include <dlfcn.h>

#include <vector>  // before boost/dll (Boost 1.74 under BOOST_DLL_USE_STD_FS)

#include <boost/dll/shared_library.hpp>

#include "core/error.h"
#include "ledgerhost/plugin.h"
#include "plugins/schema_name.h"

namespace ledgerhost::plugins {
namespace {

std::string Text(const char* text) { return text ? text : ""; }

}  // namespace

migration::MemoryResourceLoader LoadedPlugin::Resources() const {
  return migration::MemoryResourceLoader("plugin " + path_.string(), resources_);
}

std::shared_ptr<Service> LoadedPlugin::CreateService(const std::string& name) const {
  auto it = factories_.find(name);
  if (it == factories_.end()) throw PluginError(path_.string(), "has no service named '" + name + "'");
  void* raw = it->second.create();
  if (raw == nullptr) throw PluginError(path_.string(), "service '" + name + "' factory returned nothing");
  // The deleter holds the plugin (and so the library) until the service is gone.
  auto destroy = it->second.destroy;
  return std::shared_ptr<Service>(static_cast<Service*>(raw),
                                  [destroy, keep_alive = shared_from_this()](Service* service) { destroy(service); });
}

std::shared_ptr<const CustomChange> LoadedPlugin::CreateCustomChange(const std::string& class_name) const {
  auto it = custom_change_factories_.find(class_name);
  if (it == custom_change_factories_.end()) {
    throw PluginError(path_.string(), "implements no customChange class '" + class_name + "'");
  }
  void* raw = it->second.create();
  if (raw == nullptr) throw PluginError(path_.string(), "customChange '" + class_name + "' factory returned nothing");
  auto destroy = it->second.destroy;
  return std::shared_ptr<const CustomChange>(
      static_cast<CustomChange*>(raw),
      [destroy, keep_alive = shared_from_this()](const CustomChange* change) { destroy(const_cast<CustomChange*>(change)); });
}

std::shared_ptr<LoadedPlugin> LoadPlugin(const std::filesystem::path& path) { return LoadPlugin(PluginImage::Open(path)); }

std::shared_ptr<LoadedPlugin> LoadPlugin(const PluginImage& image) {
  const std::filesystem::path& path = image.path();
  const std::string load_path = "/proc/self/fd/" + std::to_string(image.Duplicate());  // kept: see Duplicate()
  auto library = std::make_shared<boost::dll::shared_library>();
  std::error_code ec;
  library->load(load_path, ec, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  if (ec) {
    // Boost.DLL reports errno, which hides the loader's reason (an undefined symbol, a missing
    // library); asking dlopen again, which fails the same way, gives dlerror()'s text.
    std::string reason = ec.message();
    if (void* handle = dlopen(load_path.c_str(), RTLD_NOW | RTLD_LOCAL); handle != nullptr) {
      dlclose(handle);
    } else if (const char* error = dlerror(); error != nullptr) {
      reason = error;
    }
    throw PluginError(path.string(), "cannot be loaded: " + reason);
  }
  if (!library->has(LEDGERHOST_PLUGIN_ENTRY_NAME)) {
    throw PluginError(path.string(), "does not export " LEDGERHOST_PLUGIN_ENTRY_NAME);
  }
  auto entry = library->get<const lh_plugin_descriptor*()>(LEDGERHOST_PLUGIN_ENTRY_NAME);
  const lh_plugin_descriptor* d = entry();
  if (d == nullptr) throw PluginError(path.string(), "returned no descriptor");
  // abi_version and struct_size are the first two fields of every ABI version, so they are safe to read.
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
    ServiceFactory factory{Text(f.name), {}};
    for (uint32_t k = 0; k < f.depends_on_count; ++k) factory.depends_on.push_back(Text(f.depends_on[k]));
    if (f.create == nullptr || f.destroy == nullptr) {
      throw PluginError(path.string(), "service '" + factory.name + "' has no create/destroy function");
    }
    if (!plugin->factories_.emplace(factory.name, LoadedPlugin::Factory{f.create, f.destroy}).second) {
      throw PluginError(path.string(), "declares service '" + factory.name + "' twice");
    }
    plugin->services_.push_back(std::move(factory));
  }
  for (uint32_t i = 0; i < d->custom_change_count; ++i) {
    const lh_custom_change_factory& f = d->custom_changes[i];
    const std::string class_name = Text(f.class_name);
    if (class_name.empty()) throw PluginError(path.string(), "declares a customChange without a class name");
    if (f.create == nullptr || f.destroy == nullptr) {
      throw PluginError(path.string(), "customChange '" + class_name + "' has no create/destroy function");
    }
    if (!plugin->custom_change_factories_.emplace(class_name, LoadedPlugin::Factory{f.create, f.destroy}).second) {
      throw PluginError(path.string(), "declares customChange '" + class_name + "' twice");
    }
    plugin->custom_change_classes_.push_back(class_name);
  }
  plugin->library_ = std::move(library);
  return plugin;
}

}  // namespace ledgerhost::plugins
