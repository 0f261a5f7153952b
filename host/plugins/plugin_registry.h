// PluginRegistry: the plugins of a node. Scans the plugins directory (sorted), inspects each file
// without running it, checks its signature when trusted keys are configured, loads it and checks
// its ABI and build fingerprint. Refused files are kept with the reason; two plugins declaring the
// same schema family and version is an error naming both files.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "plugins/plugin_loader.h"

namespace ledgerhost::plugins {

struct SkippedFile {
  std::filesystem::path path;
  std::string reason;
};

struct PluginLoadOptions {
  std::filesystem::path directory;                   // usually <base-directory>/plugins
  std::vector<std::filesystem::path> trusted_keys;  // PEM Ed25519 public keys; empty: signatures not required
  std::vector<std::string> ignored_files = {};      // file names left out unopened (node.yaml plugins.ignore)
};

class PluginRegistry {
 public:
  // Scans and loads. Throws PluginError when two plugins declare the same schema family and version,
  // ConfigError when a trusted key file is unusable.
  static PluginRegistry Load(const PluginLoadOptions& options);

  // In load (file name) order. Shared: holders keep the libraries loaded after the registry is gone.
  const std::vector<std::shared_ptr<LoadedPlugin>>& plugins() const { return plugins_; }
  // Every *.so that was not loaded, with why, in file name order.
  const std::vector<SkippedFile>& skipped() const { return skipped_; }

 private:
  std::vector<std::shared_ptr<LoadedPlugin>> plugins_;
  std::vector<SkippedFile> skipped_;
};

}  // namespace ledgerhost::plugins
