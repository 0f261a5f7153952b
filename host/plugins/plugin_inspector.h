// PluginInspector: looks at a candidate plugin file without running any of its code.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace ledgerhost::plugins {

// nullopt when `path` is a regular ELF shared object (ET_DYN) whose dynamic symbol table exports a
// defined, default-visibility `ledgerhost_plugin_v1`; otherwise the reason it is not a plugin.
// Only reads the file's bytes: nothing is dlopen'ed, so a foreign library's initializers never run.
std::optional<std::string> InspectPluginFile(const std::filesystem::path& path);
// The same checks on a file's bytes (a PluginImage's): nullopt when it is a plugin, else why not.
std::optional<std::string> InspectPluginBytes(const std::string& bytes);

}  // namespace ledgerhost::plugins
