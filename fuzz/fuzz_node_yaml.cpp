// Fuzz target: node.yaml.
#include "config/node_config.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    ledgerhost::config::ParseNodeConfig(ledgerhost::fuzz::Text(data, size), "node.yaml", "node");
  } catch (const ledgerhost::Error&) {
  }
  return 0;
}
