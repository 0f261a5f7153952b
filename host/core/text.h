// Small string helpers every migration library shares. Where Liquibase's behaviour depends on a
// Java method (String.trim, Boolean.parseBoolean, equalsIgnoreCase on ASCII names), the helper
// says so and follows it. They live in their own namespace so that files with local helpers of the
// same names keep compiling unchanged.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ledgerhost::text {

// Drops C-locale whitespace (space, \t, \n, \v, \f, \r) at both ends.
std::string Trim(std::string_view text);
// Java String.trim(): drops every char <= ' ' at both ends.
std::string JavaTrim(std::string_view text);
// Drops the given characters at both ends.
std::string TrimChars(std::string_view text, std::string_view chars);

// ASCII case mapping; other bytes (UTF-8 sequences) are kept.
std::string Lower(std::string_view text);
std::string Upper(std::string_view text);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// At least one ASCII upper-case and one lower-case letter (Liquibase's hasMixedCase).
bool HasMixedCase(std::string_view text);

// A JSON string literal with RFC 8259's escapes (control characters as \u00XX; UTF-8 kept).
std::string JsonString(std::string_view text);

bool StartsWith(std::string_view text, std::string_view prefix);
bool EndsWith(std::string_view text, std::string_view suffix);
bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix);
bool EndsWithIgnoreCase(std::string_view text, std::string_view suffix);

// Boolean.parseBoolean: "true" in any case is true, anything else (even " true") false.
bool ParseJavaBoolean(std::string_view text);
// Splits on `separator`, trimming each piece (JavaTrim) and dropping empty ones.
std::vector<std::string> SplitAndTrim(std::string_view text, char separator);

}  // namespace ledgerhost::text
