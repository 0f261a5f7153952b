// Fuzz target: one JSON changelog.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ledgerhost::fuzz::ParseChangeLogText(data, size, "changelog.json");
  return 0;
}
