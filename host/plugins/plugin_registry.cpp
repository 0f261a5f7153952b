#include "plugins/plugin_registry.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "core/error.h"
#include "core/logging.h"
#include "plugins/plugin_image.h"
#include "plugins/plugin_inspector.h"
#include "plugins/plugin_scanner.h"
#include "plugins/signature_verifier.h"

namespace ledgerhost::plugins {

PluginRegistry PluginRegistry::Load(const PluginLoadOptions& options) {
  PluginRegistry registry;
  auto log = Logger("plugins");
  const SignatureVerifier verifier(options.trusted_keys);
  if (!std::filesystem::is_directory(options.directory)) {
    log->info("no plugins directory at {}", options.directory.string());
  }
  std::map<std::pair<std::string, int>, std::filesystem::path> schema_owner;
  for (const auto& file : ScanPluginDirectory(options.directory)) {
    const std::string name = file.filename().string();
    if (std::find(options.ignored_files.begin(), options.ignored_files.end(), name) != options.ignored_files.end()) {
      log->info("leaving out {} (plugins.ignore)", file.string());
      continue;
    }
    auto skip = [&](const std::string& reason) {
      log->warn("skipping {}: {}", file.string(), reason);
      registry.skipped_.push_back({file, reason});
    };
    // One read of the file: the signature, the inspection and the loader all see the same bytes.
    std::optional<PluginImage> image;
    try {
      image.emplace(PluginImage::Open(file, options.directory));
    } catch (const PluginError& e) {
      skip(e.reason());
      continue;
    }
    // Signature first: an unsigned file is not even parsed when signatures are required.
    if (verifier.enabled()) {
      if (auto problem = verifier.Verify(file, image->bytes())) {
        skip(*problem);
        continue;
      }
    }
    if (auto problem = InspectPluginBytes(image->bytes())) {
      skip(*problem);
      continue;
    }
    log->info("loading plugin {}", file.string());  // named before its code runs: a crash here is its
    std::shared_ptr<LoadedPlugin> plugin;
    try {
      plugin = LoadPlugin(*image);
    } catch (const PluginError& e) {
      skip(e.reason());
      continue;
    }
    for (const auto& schema : plugin->schemas()) {
      auto [it, inserted] = schema_owner.emplace(std::make_pair(schema.family, schema.version), file);
      if (!inserted) {
        throw PluginError(file.string(), "declares schema " + schema.family + " version " +
                                             std::to_string(schema.version) + " (" + schema.name + "), which " +
                                             it->second.string() + " declares too");
      }
    }
    // The node says which plugins it runs in one line; each file's load is detail.
    log->debug("loaded plugin {} {} from {}", plugin->name(), plugin->version(), file.string());
    registry.plugins_.push_back(std::move(plugin));
  }
  return registry;
}

}  // namespace ledgerhost::plugins
