#include "config/java_properties.h"

#include "core/error.h"
#include "core/text.h"

namespace ledgerhost::config {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// The four hex digits of a \u escape at text[i...]; advances i.
unsigned Hex4(const std::string& text, std::size_t& i, int line, const std::string& file) {
  if (i + 4 > text.size()) throw ConfigError(file + ":" + std::to_string(line) + ": malformed \\uXXXX escape");
  unsigned code = 0;
  for (int k = 0; k < 4; ++k) {
    const char h = text[i++];
    code <<= 4;
    if (h >= '0' && h <= '9') code |= static_cast<unsigned>(h - '0');
    else if (h >= 'a' && h <= 'f') code |= static_cast<unsigned>(h - 'a' + 10);
    else if (h >= 'A' && h <= 'F') code |= static_cast<unsigned>(h - 'A' + 10);
    else throw ConfigError(file + ":" + std::to_string(line) + ": malformed \\uXXXX escape");
  }
  return code;
}

void AppendUtf8(std::string& out, unsigned code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// One logical line (continuations joined, escapes still in) -> key and value.
JavaProperty Split(const std::string& logical, int line, const std::string& file) {
  JavaProperty entry;
  entry.line = line;
  std::string* target = &entry.key;
  bool key_done = false;
  std::size_t i = 0;
  while (i < logical.size()) {
    char c = logical[i++];
    if (!key_done && (c == '=' || c == ':' || IsBlank(c))) {
      // The key ends at the first unescaped separator; blanks around one '=' or ':' belong to it.
      key_done = true;
      target = &entry.value;
      while (i < logical.size() && IsBlank(logical[i])) ++i;
      if (IsBlank(c) && i < logical.size() && (logical[i] == '=' || logical[i] == ':')) ++i;
      while (i < logical.size() && IsBlank(logical[i])) ++i;
      continue;
    }
    if (c != '\\' || i == logical.size()) {
      *target += c;
      continue;
    }
    c = logical[i++];
    switch (c) {
      case 't': *target += '\t'; break;
      case 'n': *target += '\n'; break;
      case 'r': *target += '\r'; break;
      case 'f': *target += '\f'; break;
      case 'u': {
        unsigned code = Hex4(logical, i, line, file);
        // A UTF-16 surrogate pair (\uD83D\uDE00) is one character.
        if (code >= 0xD800 && code < 0xDC00 && i + 6 <= logical.size() && logical[i] == '\\' && logical[i + 1] == 'u') {
          std::size_t next = i + 2;
          const unsigned low = Hex4(logical, next, line, file);
          if (low >= 0xDC00 && low < 0xE000) {
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            i = next;
          }
        }
        AppendUtf8(*target, code);
        break;
      }
      default: *target += c;
    }
  }
  entry.value = text::JavaTrim(entry.value);  // Liquibase trims each value (String.trim), escapes decoded
  return entry;
}

// Whether a physical line ends in an odd number of backslashes: it continues on the next.
bool Continues(std::string_view line) {
  std::size_t n = 0;
  for (auto it = line.rbegin(); it != line.rend() && *it == '\\'; ++it) ++n;
  return n % 2 == 1;
}

}  // namespace

std::vector<JavaProperty> ParseJavaProperties(std::string_view text, const std::string& file) {
  std::vector<JavaProperty> out;
  std::size_t pos = 0;
  int line_number = 0;
  std::string logical;
  int logical_start = 0;
  bool continuing = false;
  while (pos <= text.size()) {
    std::size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    ++line_number;
    pos = end + (end < text.size() && text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
    std::size_t first = 0;
    while (first < line.size() && IsBlank(line[first])) ++first;
    line.remove_prefix(first);
    if (!continuing) {
      if (line.empty() || line.front() == '#' || line.front() == '!') continue;
      logical.clear();
      logical_start = line_number;
    }
    continuing = Continues(line);
    logical.append(line.substr(0, line.size() - (continuing ? 1 : 0)));
    if (!continuing) out.push_back(Split(logical, logical_start, file));
  }
  if (continuing) out.push_back(Split(logical, logical_start, file));
  return out;
}

}  // namespace ledgerhost::config
