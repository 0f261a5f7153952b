// Java's .properties format (java.util.Properties.load), which Liquibase's defaults file
// (liquibase.properties) is written in: `key=value`, `key: value` or `key value` lines, `#` and `!`
// comments, a trailing backslash continuing the line, and backslash escapes (\t \n \r \f \uXXXX, and
// any other character as itself). Values are trimmed, as Liquibase trims them. The file is read as
// UTF-8 (Java reads ISO-8859-1: non-ASCII text there needs \uXXXX escapes, which work in both).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ledgerhost::config {

struct JavaProperty {
  std::string key;
  std::string value;
  int line = 0;  // where the entry starts, 1-based
};

// The entries in file order (a later duplicate is a later entry). `file` names the text in errors:
// a malformed \u escape is a ConfigError "file:line: ...".
std::vector<JavaProperty> ParseJavaProperties(std::string_view text, const std::string& file);

}  // namespace ledgerhost::config
