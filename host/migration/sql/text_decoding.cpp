#include "migration/sql/text_decoding.h"

#include <algorithm>
#include <cctype>

#include "core/error.h"
#include "core/text.h"

namespace ledgerhost::migration {
namespace {

std::string Canonical(std::string name) {
  name.erase(std::remove_if(name.begin(), name.end(), [](char c) { return c == '-' || c == '_' || c == ' '; }),
             name.end());
  return text::Upper(name);
}

bool ValidUtf8(const std::string& text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    size_t extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 4;
    if (extra == 4) return false;
    for (size_t k = 1; k <= extra; ++k) {
      if (i + k >= text.size() || (static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return false;
    }
    i += extra + 1;
  }
  return true;
}

}  // namespace

std::string DecodeText(const std::string& bytes, const std::string& encoding, const std::string& where) {
  const std::string name = Canonical(encoding.empty() ? "UTF-8" : encoding);
  if (name == "UTF8") {
    std::string text = bytes;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // byte-order mark
    if (!ValidUtf8(text)) throw MigrationError(where + ": not valid UTF-8 (set encoding= on the change)");
    return text;
  }
  if (name == "ISO88591" || name == "LATIN1" || name == "USASCII" || name == "ASCII" || name == "WINDOWS1252" ||
      name == "CP1252") {
    const bool ascii = name == "USASCII" || name == "ASCII";
    std::string text;
    text.reserve(bytes.size());
    for (char raw : bytes) {
      const auto c = static_cast<unsigned char>(raw);
      if (c < 0x80) {
        text += raw;
      } else if (ascii || ((name == "WINDOWS1252" || name == "CP1252") && c < 0xA0)) {
        throw MigrationError(where + ": byte 0x" + "0123456789ABCDEF"[c >> 4] + "0123456789ABCDEF"[c & 0xF] +
                             " cannot be decoded as " + encoding);
      } else {
        text += static_cast<char>(0xC0 | (c >> 6));
        text += static_cast<char>(0x80 | (c & 0x3F));
      }
    }
    return text;
  }
  throw UnsupportedChangeError(where + ": encoding '" + encoding + "' is not supported (UTF-8, ISO-8859-1, US-ASCII)");
}

}  // namespace ledgerhost::migration
