#include "core/files.h"

#include <fstream>
#include <sstream>

#include "core/error.h"

namespace ledgerhost {

std::string ReadWholeFile(const std::filesystem::path& path, const std::string& what) {
  const std::string named = what + " " + path.string();
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (!std::filesystem::exists(status)) throw ConfigError(named + ": no such file");
  if (!std::filesystem::is_regular_file(status)) throw ConfigError(named + ": not a regular file");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  if (!in || in.bad()) throw ConfigError(named + ": cannot be read");
  return contents.str();
}

}  // namespace ledgerhost
