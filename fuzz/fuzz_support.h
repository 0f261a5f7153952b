// What the fuzz targets share. A target feeds its input to one parser: a ledgerhost error (bad input,
// reported with file and line) is the expected answer to garbage; a crash, a sanitizer report or any
// other exception escaping is a bug.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "core/error.h"
#include "migration/model/resource_loader.h"
#include "migration/parse/change_log_parser.h"

namespace ledgerhost::fuzz {

inline std::string Text(const uint8_t* data, std::size_t size) { return std::string(reinterpret_cast<const char*>(data), size); }

// Parses `data` as the changelog `name` (its extension picks the format).
inline void ParseChangeLogText(const uint8_t* data, std::size_t size, const std::string& name) {
  const migration::MemoryResourceLoader loader("fuzz input", {{name, Text(data, size)}});
  migration::ParseOptions options;
  try {
    migration::ParseChangeLog(loader, name, options);
  } catch (const Error&) {
  }
}

}  // namespace ledgerhost::fuzz
