#include "core/redact.h"

#include <regex>

namespace ledgerhost {

std::string RedactSecrets(std::string_view text) {
  static const std::regex url_password(R"(([A-Za-z][A-Za-z0-9+.\-]*://[^:/@\s]*:)[^@\s]*@)");
  static const std::regex key_password(R"(((?:password|pass|pwd)\s*=\s*)('[^']*'|[^\s&;]+))",
                                       std::regex::icase);
  std::string out = std::regex_replace(std::string(text), url_password, "$1***@");
  return std::regex_replace(out, key_password, "$1***");
}

}  // namespace ledgerhost
