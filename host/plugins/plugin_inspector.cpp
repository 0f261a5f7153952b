#include "plugins/plugin_inspector.h"

#include <algorithm>

#include "ledgerhost/plugin.h"
#include "plugins/elf_file.h"

namespace ledgerhost::plugins {
namespace {

std::optional<std::string> Inspect(const ElfReadResult& elf) {
  if (!elf.info) return elf.problem;
  if (!elf.info->shared_object) return "an ELF file but not a shared object";
  const auto exported = ExportedSymbols(*elf.info);
  if (std::find(exported.begin(), exported.end(), LEDGERHOST_PLUGIN_ENTRY_NAME) == exported.end()) {
    return "a shared object that does not export " LEDGERHOST_PLUGIN_ENTRY_NAME " (not a ledgerhost plugin)";
  }
  return std::nullopt;
}

}  // namespace

// Our own bounds-checked ELF reader rather than boost::dll::library_info: Boost 1.74 reads the
// static .symtab (gone after `strip`) and pairs it with the last string table of the file.
std::optional<std::string> InspectPluginFile(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return "not a regular file";
  return Inspect(ReadElf(path));
}

std::optional<std::string> InspectPluginBytes(const std::string& bytes) { return Inspect(ReadElfBytes(bytes)); }

}  // namespace ledgerhost::plugins
