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

void WriteWholeFile(const std::filesystem::path& path, const std::string& contents, const std::string& what) {
  const std::string named = what + " " + path.string();
  std::error_code error;
  const auto status = std::filesystem::symlink_status(path, error);
  const bool replace = !std::filesystem::exists(status) || std::filesystem::is_regular_file(status);
  const std::filesystem::path written = replace ? std::filesystem::path(path.string() + ".tmp") : path;
  try {
    std::ofstream file(written, std::ios::binary);
    if (!file) throw ConfigError("cannot write " + named);
    file << contents;
    file.close();
    if (!file) throw ConfigError("writing " + named + " failed");
    if (replace) std::filesystem::rename(written, path);
  } catch (const std::filesystem::filesystem_error& e) {
    if (replace) std::filesystem::remove(written, error);
    throw ConfigError("cannot write " + named + ": " + e.code().message());
  } catch (...) {
    if (replace) std::filesystem::remove(written, error);
    throw;
  }
}

}  // namespace ledgerhost
