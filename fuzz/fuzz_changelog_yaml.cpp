// Fuzz target: one YAML changelog.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ledgerhost::fuzz::ParseChangeLogText(data, size, "changelog.yaml");
  return 0;
}
