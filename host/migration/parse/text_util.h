// Small string helpers with Java's semantics where Liquibase relies on them (String.trim,
// Boolean.parseBoolean, equalsIgnoreCase).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ledgerhost::migration::parse {

// Java String.trim(): drops every char <= ' ' at both ends.
std::string JavaTrim(std::string_view text);
std::string Lower(std::string_view text);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool EndsWithIgnoreCase(std::string_view text, std::string_view suffix);
// Boolean.parseBoolean: "true" in any case is true, anything else false.
bool ParseJavaBoolean(std::string_view text);
// Splits on `separator`, trimming each piece and dropping empty ones.
std::vector<std::string> SplitAndTrim(std::string_view text, char separator);
// A logicalFilePath as Liquibase stores it: '\' -> '/', one leading '/' removed.
std::string NormalizeLogicalPath(std::string_view path);
// 1-based line number of byte `offset` in `text`.
int LineOfOffset(std::string_view text, std::size_t offset);

// Line numbers of many offsets in one text: the line starts are found once, then each look-up is a
// binary search (LineOfOffset per element made large changelogs quadratic).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  int LineOf(std::size_t offset) const;

 private:
  std::vector<std::size_t> newlines_;
};

}  // namespace ledgerhost::migration::parse
