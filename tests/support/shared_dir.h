// Where the tests find the project's shared/ folder (real changelog corpora, reference captures):
// LEDGERHOST_SHARED_DIR when set, else ../shared beside the checkout, as CI lays it out. Never an
// absolute path of one machine.
#pragma once

#include <cstdlib>
#include <filesystem>

namespace ledgerhost::testing {

inline std::filesystem::path SharedDir() {
  if (const char* dir = std::getenv("LEDGERHOST_SHARED_DIR"); dir != nullptr && *dir != '\0') return dir;
  return std::filesystem::path(LEDGERHOST_SOURCE_DIR).parent_path() / "shared";
}

inline std::filesystem::path CorpusDir() { return SharedDir() / "corpus"; }

}  // namespace ledgerhost::testing
