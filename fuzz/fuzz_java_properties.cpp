// Fuzz target: Java .properties text (Liquibase's defaults file, liquibase.properties). Any input
// either parses or is refused with a ConfigError; nothing else may escape.
#include "config/java_properties.h"
#include "core/error.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input = ledgerhost::fuzz::Text(data, size);
  try {
    for (const auto& entry : ledgerhost::config::ParseJavaProperties(input, "liquibase.properties")) {
      if (entry.line < 1) __builtin_trap();
    }
  } catch (const ledgerhost::ConfigError&) {
  }
  return 0;
}
