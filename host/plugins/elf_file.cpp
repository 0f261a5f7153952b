#include "plugins/elf_file.h"

#include <elf.h>

#include <cstring>
#include <fstream>
#include <iterator>

namespace ledgerhost::plugins {
namespace {

// The parts of both ELF classes the reader needs, widened to 64 bits.
struct Section {
  uint32_t type = 0;
  uint64_t offset = 0;
  uint64_t size = 0;
  uint32_t link = 0;
  uint64_t entry_size = 0;
};

class Reader {
 public:
  Reader(const std::string& bytes, bool big_endian) : bytes_(bytes), big_endian_(big_endian) {}

  bool Fits(uint64_t offset, uint64_t size) const { return offset <= bytes_.size() && size <= bytes_.size() - offset; }

  uint64_t Read(uint64_t offset, unsigned width) const {
    uint64_t value = 0;
    for (unsigned i = 0; i < width; ++i) {
      const uint64_t byte = static_cast<unsigned char>(bytes_[offset + (big_endian_ ? i : width - 1 - i)]);
      value = value << 8 | byte;
    }
    return value;
  }

 private:
  const std::string& bytes_;
  bool big_endian_;
};

}  // namespace

ElfReadResult ReadElf(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {std::nullopt, "cannot be read"};
  return ReadElfBytes(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
}

ElfReadResult ReadElfBytes(const std::string& bytes) {
  if (bytes.size() < EI_NIDENT || std::memcmp(bytes.data(), ELFMAG, SELFMAG) != 0) return {std::nullopt, "not an ELF file"};
  const unsigned char elf_class = static_cast<unsigned char>(bytes[EI_CLASS]);
  const unsigned char data = static_cast<unsigned char>(bytes[EI_DATA]);
  if ((elf_class != ELFCLASS32 && elf_class != ELFCLASS64) || (data != ELFDATA2LSB && data != ELFDATA2MSB)) {
    return {std::nullopt, "an ELF file of unknown class or byte order"};
  }
  const bool is64 = elf_class == ELFCLASS64;
  const Reader r(bytes, data == ELFDATA2MSB);
  const uint64_t header_size = is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
  if (!r.Fits(0, header_size)) return {std::nullopt, "a truncated ELF file"};

  ElfInfo info;
  info.shared_object = r.Read(EI_NIDENT, 2) == ET_DYN;
  const uint64_t section_table = is64 ? r.Read(offsetof(Elf64_Ehdr, e_shoff), 8) : r.Read(offsetof(Elf32_Ehdr, e_shoff), 4);
  const uint64_t section_entry = r.Read(is64 ? offsetof(Elf64_Ehdr, e_shentsize) : offsetof(Elf32_Ehdr, e_shentsize), 2);
  const uint64_t section_count = r.Read(is64 ? offsetof(Elf64_Ehdr, e_shnum) : offsetof(Elf32_Ehdr, e_shnum), 2);
  const uint64_t min_entry = is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
  if (section_count == 0) return {info, ""};
  if (section_entry < min_entry || !r.Fits(section_table, section_entry * section_count)) {
    return {std::nullopt, "an ELF file with a corrupt section table"};
  }
  auto section_at = [&](uint64_t index) {
    const uint64_t base = section_table + index * section_entry;
    Section s;
    s.type = static_cast<uint32_t>(r.Read(base + (is64 ? offsetof(Elf64_Shdr, sh_type) : offsetof(Elf32_Shdr, sh_type)), 4));
    const unsigned word = is64 ? 8 : 4;
    s.offset = r.Read(base + (is64 ? offsetof(Elf64_Shdr, sh_offset) : offsetof(Elf32_Shdr, sh_offset)), word);
    s.size = r.Read(base + (is64 ? offsetof(Elf64_Shdr, sh_size) : offsetof(Elf32_Shdr, sh_size)), word);
    s.link = static_cast<uint32_t>(r.Read(base + (is64 ? offsetof(Elf64_Shdr, sh_link) : offsetof(Elf32_Shdr, sh_link)), 4));
    s.entry_size = r.Read(base + (is64 ? offsetof(Elf64_Shdr, sh_entsize) : offsetof(Elf32_Shdr, sh_entsize)), word);
    return s;
  };
  for (uint64_t i = 0; i < section_count; ++i) {
    const Section symbols = section_at(i);
    if (symbols.type != SHT_DYNSYM) continue;
    const uint64_t symbol_size = is64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym);
    if (symbols.link >= section_count || symbols.entry_size < symbol_size || !r.Fits(symbols.offset, symbols.size)) {
      return {std::nullopt, "an ELF file with a corrupt dynamic symbol table"};
    }
    const Section names = section_at(symbols.link);
    if (names.type != SHT_STRTAB || !r.Fits(names.offset, names.size)) {
      return {std::nullopt, "an ELF file with a corrupt dynamic string table"};
    }
    const uint64_t symbol_count = symbols.size / symbols.entry_size;
    for (uint64_t k = 0; k < symbol_count; ++k) {
      const uint64_t offset = symbols.offset + k * symbols.entry_size;
      const uint64_t name = r.Read(offset + (is64 ? offsetof(Elf64_Sym, st_name) : offsetof(Elf32_Sym, st_name)), 4);
      const auto symbol_info = static_cast<unsigned char>(bytes[offset + (is64 ? offsetof(Elf64_Sym, st_info) : offsetof(Elf32_Sym, st_info))]);
      const auto other = static_cast<unsigned char>(bytes[offset + (is64 ? offsetof(Elf64_Sym, st_other) : offsetof(Elf32_Sym, st_other))]);
      const uint64_t section_index = r.Read(offset + (is64 ? offsetof(Elf64_Sym, st_shndx) : offsetof(Elf32_Sym, st_shndx)), 2);
      if (name >= names.size) return {std::nullopt, "an ELF file with a symbol name outside its string table"};
      const char* begin = bytes.data() + names.offset + name;
      const void* end = std::memchr(begin, '\0', names.size - name);
      if (end == nullptr) return {std::nullopt, "an ELF file with an unterminated symbol name"};
      ElfSymbol symbol;
      symbol.name.assign(begin, static_cast<const char*>(end));
      if (symbol.name.empty()) continue;
      symbol.defined = section_index != SHN_UNDEF;
      symbol.global = ELF64_ST_BIND(symbol_info) == STB_GLOBAL || ELF64_ST_BIND(symbol_info) == STB_WEAK;
      symbol.visible = ELF64_ST_VISIBILITY(other) == STV_DEFAULT || ELF64_ST_VISIBILITY(other) == STV_PROTECTED;
      symbol.function = ELF64_ST_TYPE(symbol_info) == STT_FUNC;
      info.dynamic_symbols.push_back(std::move(symbol));
    }
  }
  return {info, ""};
}

std::vector<std::string> ExportedSymbols(const ElfInfo& info) {
  std::vector<std::string> names;
  for (const auto& symbol : info.dynamic_symbols) {
    if (symbol.defined && symbol.global && symbol.visible) names.push_back(symbol.name);
  }
  return names;
}

}  // namespace ledgerhost::plugins
