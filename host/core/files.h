// Reading a whole file the operator named (node.yaml, a defaults file, --sql-file): one place that
// checks it is a regular file, so a directory or a missing file is an error that names it rather
// than an empty text. Writing one whole: a reader never sees half of it.
#pragma once

#include <filesystem>
#include <string>

namespace ledgerhost {

// The file's bytes. ConfigError "<what> <path>: no such file | not a regular file | cannot be read".
std::string ReadWholeFile(const std::filesystem::path& path, const std::string& what);

// Writes `contents` as the file at `path`: a regular file (or a new one) is replaced whole through a
// temporary beside it; /dev/stdout, a pipe or a symbolic link is written directly. ConfigError
// "cannot write <what> <path>: ..." on failure, with the temporary removed.
void WriteWholeFile(const std::filesystem::path& path, const std::string& contents, const std::string& what);

}  // namespace ledgerhost
