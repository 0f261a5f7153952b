// Reads an ELF file's header and dynamic symbol table from its bytes, without loading it: the host
// decides whether a file is a plugin before any of its code (static initializers included) can run.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ledgerhost::plugins {

struct ElfSymbol {
  std::string name;
  bool defined = false;   // st_shndx != SHN_UNDEF: the file provides it rather than imports it
  bool global = false;    // STB_GLOBAL or STB_WEAK
  bool visible = false;   // STV_DEFAULT or STV_PROTECTED: other objects can bind to it
  bool function = false;  // STT_FUNC
};

struct ElfInfo {
  bool shared_object = false;          // e_type == ET_DYN
  std::vector<ElfSymbol> dynamic_symbols;  // .dynsym, which survives `strip`
};

// nullopt `info` plus a reason when `path` is not a readable, well-formed ELF file. Every offset read
// from the file is bounds-checked, so a truncated or hostile file cannot make the host read past it.
struct ElfReadResult {
  std::optional<ElfInfo> info;
  std::string problem;
};
ElfReadResult ReadElf(const std::filesystem::path& path);
ElfReadResult ReadElfBytes(const std::string& bytes);  // the same, of a file already read

// The names a dynamic linker could bind to: defined, global, default-visibility dynamic symbols.
std::vector<std::string> ExportedSymbols(const ElfInfo& info);

}  // namespace ledgerhost::plugins
