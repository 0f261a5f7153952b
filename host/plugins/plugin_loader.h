// PluginLoader: loads one inspected plugin file with Boost.DLL and copies its descriptor into host
// types after checking the ABI version, descriptor size and build fingerprint.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ledgerhost/custom_change.h"
#include "ledgerhost/schema.h"
#include "ledgerhost/service.h"
#include "migration/model/resource_loader.h"
#include "plugins/plugin_image.h"

namespace boost::dll {
class shared_library;
}

namespace ledgerhost::plugins {

struct LoadedSchema {
  std::string family;             // e.g. com.example.schemas.IOUSchema
  int version = 0;
  std::string name;               // class-style, e.g. IOUSchemaV1
  std::string explicit_resource;  // "" when the hyphenated name is used
  std::vector<MappedEntity> entities;
  std::optional<std::string> migration_resource;  // resolved resource path, or none
};

struct ServiceFactory {
  std::string name;
  std::vector<std::string> depends_on;
};

// A loaded plugin. Everything it exposes is a copy owned by the host except services, whose code
// lives in the library: the library stays loaded while this object or any service it created lives.
// Immutable after loading, so safe to share between threads.
class LoadedPlugin : public std::enable_shared_from_this<LoadedPlugin> {
 public:
  const std::filesystem::path& path() const { return path_; }
  const std::string& name() const { return name_; }
  const std::string& version() const { return version_; }
  const std::vector<LoadedSchema>& schemas() const { return schemas_; }
  const std::vector<ServiceFactory>& services() const { return services_; }
  // Embedded files by resource path ("migration/i-o-u-schema-v1.changelog-master.xml").
  const std::map<std::string, std::string>& resources() const { return resources_; }
  // The embedded files as the migration engine reads them: includes cannot leave them.
  migration::MemoryResourceLoader Resources() const;
  // Creates the service `name` through the plugin's factory. The returned object keeps the library
  // loaded and is destroyed by the plugin's own destroy(). Throws PluginError for an unknown name.
  std::shared_ptr<Service> CreateService(const std::string& name) const;
  // The Java customChange class names the plugin implements natively, in declaration order.
  const std::vector<std::string>& custom_changes() const { return custom_change_classes_; }
  // Creates the implementation of `class_name` through the plugin's factory; kept alive and destroyed
  // as services are. Throws PluginError for a class the plugin does not implement.
  std::shared_ptr<const CustomChange> CreateCustomChange(const std::string& class_name) const;

 private:
  friend std::shared_ptr<LoadedPlugin> LoadPlugin(const PluginImage& image);
  struct Factory {
    void* (*create)(void) = nullptr;
    void (*destroy)(void*) = nullptr;
  };
  std::filesystem::path path_;
  std::string name_;
  std::string version_;
  std::vector<LoadedSchema> schemas_;
  std::vector<ServiceFactory> services_;
  std::map<std::string, Factory> factories_;
  std::vector<std::string> custom_change_classes_;
  std::map<std::string, Factory> custom_change_factories_;
  std::map<std::string, std::string> resources_;
  std::shared_ptr<boost::dll::shared_library> library_;
};

// Loads the image (already inspected: see InspectPluginBytes): exactly the bytes that were checked.
// Throws PluginError naming the path when it cannot be loaded or its ABI version, descriptor size or
// build fingerprint differ from the host's; the message names both sides.
std::shared_ptr<LoadedPlugin> LoadPlugin(const PluginImage& image);
// The same for a file read now (tests, tools).
std::shared_ptr<LoadedPlugin> LoadPlugin(const std::filesystem::path& path);

}  // namespace ledgerhost::plugins
