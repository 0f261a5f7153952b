// Reading a whole file the operator named (node.yaml, a defaults file, --sql-file): one place that
// checks it is a regular file, so a directory or a missing file is an error that names it rather
// than an empty text.
#pragma once

#include <filesystem>
#include <string>

namespace ledgerhost {

// The file's bytes. ConfigError "<what> <path>: no such file | not a regular file | cannot be read".
std::string ReadWholeFile(const std::filesystem::path& path, const std::string& what);

}  // namespace ledgerhost
