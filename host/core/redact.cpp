#include "core/redact.h"

#include <cctype>
#include <regex>

namespace ledgerhost {
namespace {

bool EndsUrl(char c) { return std::isspace(static_cast<unsigned char>(c)) || c == '\'' || c == '"' || c == '<' || c == '>'; }

// "scheme://user:password@host/..." with the password replaced. The user info ends at the last '@'
// before the query, as ParseDatabaseUrl reads it, so a password holding '@', ':' or '/' is hidden whole.
std::string RedactUrlPasswords(std::string_view text) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t scheme_end = text.find("://"); scheme_end != std::string_view::npos;
       scheme_end = text.find("://", scheme_end + 3)) {
    if (scheme_end < copied) continue;  // inside a password already hidden
    const std::size_t authority = scheme_end + 3;
    std::size_t end = authority;
    while (end < text.size() && !EndsUrl(text[end]) && text[end] != '?') ++end;
    const std::size_t at = text.substr(authority, end - authority).rfind('@');
    if (at == std::string_view::npos) continue;
    const std::size_t colon = text.substr(authority, at).find(':');
    if (colon == std::string_view::npos) continue;  // a user without a password
    const std::size_t password = authority + colon + 1;
    out.append(text.substr(copied, password - copied));
    out += "***";
    copied = authority + at;  // from the '@' on
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace

std::string RedactSecrets(std::string_view text) {
  static const std::regex key_password(R"(((?:password|pass|pwd)\s*=\s*)('[^']*'|[^\s&;]+))",
                                       std::regex::icase);
  return std::regex_replace(RedactUrlPasswords(text), key_password, "$1***");
}

}  // namespace ledgerhost
