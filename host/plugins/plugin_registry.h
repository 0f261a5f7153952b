// Finds, checks and loads the plugins of a node: every *.so of the plugins directory, in name order.
// Files that are not plugins, fail their signature check or were built for another ABI are skipped
// with the reason; two plugins declaring the same schema family and version is an error.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ledgerhost/schema.h"
#include "migration/model/resource_loader.h"

namespace boost::dll {
class shared_library;
}

namespace ledgerhost::plugins {

struct LoadedSchema {
  std::string family;
  int version = 0;
  std::string name;               // class-style, e.g. IOUSchemaV1
  std::string explicit_resource;  // "" when the hyphenated name is used
  std::vector<MappedEntity> entities;
  std::optional<std::string> migration_resource;  // resolved resource path, or none
};

struct ServiceFactory {
  std::string name;
  std::vector<std::string> depends_on;
  void* (*create)(void) = nullptr;
  void (*destroy)(void*) = nullptr;
};

// A plugin whose library stays loaded as long as this object (or anything holding it) lives.
class LoadedPlugin {
 public:
  const std::filesystem::path& path() const { return path_; }
  const std::string& name() const { return name_; }
  const std::string& version() const { return version_; }
  const std::vector<LoadedSchema>& schemas() const { return schemas_; }
  const std::vector<ServiceFactory>& services() const { return services_; }
  const std::map<std::string, std::string>& resources() const { return resources_; }
  // The plugin's embedded resources, as the migration engine reads them: includes cannot leave them.
  migration::MemoryResourceLoader Resources() const;

 private:
  friend std::shared_ptr<LoadedPlugin> LoadPlugin(const std::filesystem::path& path);
  std::filesystem::path path_;
  std::string name_;
  std::string version_;
  std::vector<LoadedSchema> schemas_;
  std::vector<ServiceFactory> services_;
  std::map<std::string, std::string> resources_;
  std::shared_ptr<boost::dll::shared_library> library_;
};

// Loads one inspected plugin file. Throws PluginError naming the path when the ABI version, descriptor
// size or build fingerprint differ from the host's.
std::shared_ptr<LoadedPlugin> LoadPlugin(const std::filesystem::path& path);

struct SkippedFile {
  std::filesystem::path path;
  std::string reason;
};

struct PluginLoadOptions {
  std::filesystem::path directory;
  std::vector<std::filesystem::path> trusted_keys;  // empty: signatures not required
};

class PluginRegistry {
 public:
  // Scans and loads. Throws PluginError when two plugins declare the same schema family and version.
  static PluginRegistry Load(const PluginLoadOptions& options);

  const std::vector<std::shared_ptr<LoadedPlugin>>& plugins() const { return plugins_; }
  const std::vector<SkippedFile>& skipped() const { return skipped_; }

 private:
  std::vector<std::shared_ptr<LoadedPlugin>> plugins_;
  std::vector<SkippedFile> skipped_;
};

}  // namespace ledgerhost::plugins
