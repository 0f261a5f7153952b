// Fuzz target: what generate-changelog writes must read back as written. The input becomes attribute
// values of a createTable and a createView (split at NUL bytes); each format (XML, YAML, JSON) is
// written, parsed by ledgerhost's own parser and compared. Values are text a database could hold:
// valid UTF-8 without control characters other than tab, line feed and carriage return.
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "migration/write/change_log_writer.h"

namespace {

bool Acceptable(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n') return false;  // XML keeps no \r in text; attributes none of these
    if (c == 0x7f) return false;
    // Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
    const size_t length = c < 0x80 ? 1 : (c >= 0xc2 && c <= 0xdf) ? 2 : (c >= 0xe0 && c <= 0xef) ? 3 : (c >= 0xf0 && c <= 0xf4) ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return false;
    }
    const auto second = static_cast<unsigned char>(length > 1 ? text[i + 1] : 0);
    if ((c == 0xe0 && second < 0xa0) || (c == 0xed && second >= 0xa0) || (c == 0xf0 && second < 0x90) ||
        (c == 0xf4 && second >= 0x90)) {
      return false;
    }
    i += length;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ledgerhost::migration;
  const std::string input = ledgerhost::fuzz::Text(data, size);
  std::vector<std::string> values;
  size_t start = 0;
  while (values.size() < 4) {
    const size_t end = input.find('\0', start);
    values.push_back(input.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  values.resize(4);
  for (const auto& value : values) {
    if (!Acceptable(value)) return 0;
  }
  // Leading or trailing whitespace is not kept by the parsers (Liquibase trims attribute values too),
  // and an empty attribute is absent: both are outside what a catalog gives.
  for (const auto& value : values) {
    if (value.empty() || value.front() == ' ' || value.back() == ' ' || value.front() == '\n' || value.back() == '\n' ||
        value.front() == '\t' || value.back() == '\t') {
      return 0;
    }
  }
  ChangeSet change_set;
  change_set.id = "1-1";
  change_set.author = values[0];
  Change table;
  table.type = "createTable";
  table.attributes = {{"tableName", "t"}, {"remarks", values[1]}};
  ColumnConfig column;
  column.attributes = {{"name", "c"}, {"type", "VARCHAR(10)"}, {"defaultValue", values[2]}};
  table.columns.push_back(column);
  change_set.changes.push_back(table);
  Change view;
  view.type = "createView";
  view.attributes = {{"viewName", "v"}, {"selectQuery", values[3]}};
  change_set.changes.push_back(view);

  for (const auto& [format, file] : {std::pair{ChangeLogFormat::kXml, "c.xml"}, {ChangeLogFormat::kYaml, "c.yaml"},
                                     {ChangeLogFormat::kJson, "c.json"}}) {
    const std::string text = WriteChangeLog({change_set}, format);
    const MemoryResourceLoader loader("fuzz", {{file, text}});
    ChangeLog read;
    try {
      read = ParseChangeLog(loader, file, ParseOptions{});
    } catch (const ledgerhost::Error&) {
      __builtin_trap();  // what was written must parse
    }
    if (read.change_sets.size() != 1 || read.change_sets[0].author != values[0] ||
        read.change_sets[0].changes.size() != 2 || read.change_sets[0].changes[0].attributes != table.attributes ||
        read.change_sets[0].changes[0].columns.size() != 1 ||
        read.change_sets[0].changes[0].columns[0].attributes != column.attributes ||
        read.change_sets[0].changes[1].attributes != view.attributes) {
      __builtin_trap();
    }
  }
  return 0;
}
