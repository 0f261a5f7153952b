// PluginScanner: the candidate plugin files of a directory.
#pragma once

#include <filesystem>
#include <vector>

namespace ledgerhost::plugins {

// Every `*.so` entry directly in `directory`, sorted by path so that load order (and therefore log
// output and duplicate-schema messages) is the same on every start. Empty when the directory does not
// exist; throws PluginError when it exists but cannot be listed.
std::vector<std::filesystem::path> ScanPluginDirectory(const std::filesystem::path& directory);

}  // namespace ledgerhost::plugins
