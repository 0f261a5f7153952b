#include "plugins/plugin_scanner.h"

#include <algorithm>

#include "core/error.h"

namespace ledgerhost::plugins {

std::vector<std::filesystem::path> ScanPluginDirectory(const std::filesystem::path& directory) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) return files;
  std::filesystem::directory_iterator it(directory, ec);
  if (ec) throw PluginError(directory.string(), "cannot list the plugins directory: " + ec.message());
  for (const auto& entry : it) {
    if (entry.path().extension() == ".so") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace ledgerhost::plugins
