#include "core/files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/error.h"

namespace ledgerhost {
namespace {

namespace fs = std::filesystem;

std::string ErrorOf(const fs::path& path) {
  try {
    ReadWholeFile(path, "--sql-file");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Files, ReadsAWholeFileAndNamesWhatItCannotRead) {
  const fs::path dir = fs::temp_directory_path() / ("ledgerhost_files_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "a.sql", std::ios::binary) << std::string("select 1;\0after\n", 16);
  EXPECT_EQ(ReadWholeFile(dir / "a.sql", "--sql-file"), std::string("select 1;\0after\n", 16));
  EXPECT_EQ(ErrorOf(dir / "missing.sql"), "--sql-file " + (dir / "missing.sql").string() + ": no such file");
  EXPECT_EQ(ErrorOf(dir), "--sql-file " + dir.string() + ": not a regular file");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ledgerhost
