// Fuzz target: the ELF reader that inspects a plugin before any of its code runs.
#include "fuzz_support.h"
#include "plugins/elf_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto elf = ledgerhost::plugins::ReadElfBytes(ledgerhost::fuzz::Text(data, size));
  if (elf.info) ledgerhost::plugins::ExportedSymbols(*elf.info);
  return 0;
}
