#include "vault/text_limits.h"

namespace ledgerhost::vault {

std::string TextProblem(const std::string& value, int max_chars) {
  if (value.find('\0') != std::string::npos) return "contains a NUL character";
  if (max_chars <= 0) return "";
  long long chars = 0;
  for (unsigned char c : value) {
    if ((c & 0xC0) != 0x80) ++chars;  // continuation bytes belong to the previous character
  }
  if (chars <= max_chars) return "";
  return "has " + std::to_string(chars) + " characters, more than the " + std::to_string(max_chars) + " allowed";
}

}  // namespace ledgerhost::vault
