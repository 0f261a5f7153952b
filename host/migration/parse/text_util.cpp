#include "migration/parse/text_util.h"

#include <algorithm>

namespace ledgerhost::migration::parse {

std::string NormalizeLogicalPath(std::string_view path) {
  std::string out(path);
  std::replace(out.begin(), out.end(), '\\', '/');
  if (!out.empty() && out.front() == '/') out.erase(0, 1);
  return out;
}

int LineOfOffset(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

LineIndex::LineIndex(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') newlines_.push_back(i);
  }
}

int LineIndex::LineOf(std::size_t offset) const {
  return 1 + static_cast<int>(std::lower_bound(newlines_.begin(), newlines_.end(), offset) - newlines_.begin());
}

}  // namespace ledgerhost::migration::parse
