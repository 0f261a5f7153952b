// Text positions and paths as the changelog parsers report them. (The general string helpers they
// use are in migration/model/text.h.)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ledgerhost::migration::parse {

// A logicalFilePath as Liquibase stores it: '\' -> '/', one leading '/' removed.
std::string NormalizeLogicalPath(std::string_view path);
// 1-based line number of byte `offset` in `text`.
int LineOfOffset(std::string_view text, std::size_t offset);

// The offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong forms,
// no surrogates, nothing past U+10FFFF), or npos when all of `text` is.
std::size_t FirstInvalidUtf8(std::string_view text);

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
