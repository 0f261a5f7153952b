#include "migration/sql/csv_reader.h"

namespace ledgerhost::migration {

CsvTable ReadCsv(const std::string& text, char separator, char quote, const std::string& comment_prefix) {
  CsvTable table;
  std::vector<std::string> record;
  std::string field;
  bool in_quotes = false;
  bool at_record_start = true;
  bool skipping_comment = false;
  auto end_record = [&]() {
    record.push_back(field);
    field.clear();
    const bool empty = record.size() == 1 && record[0].empty();
    if (!empty) {
      if (table.header.empty()) table.header = record;
      else table.rows.push_back(record);
    }
    record.clear();
    at_record_start = true;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (skipping_comment) {
      if (c == '\n') skipping_comment = false;
      continue;
    }
    // Liquibase reads the header before it starts skipping comment lines.
    if (at_record_start && !table.header.empty() && !comment_prefix.empty() &&
        text.compare(i, comment_prefix.size(), comment_prefix) == 0) {
      skipping_comment = true;
      continue;
    }
    at_record_start = false;
    if (in_quotes) {
      if (c == quote && i + 1 < text.size() && text[i + 1] == quote) {
        field += quote;
        ++i;
      } else if (c == quote) {
        in_quotes = false;
      } else {
        field += c;
      }
    } else if (c == quote) {
      in_quotes = true;
    } else if (c == separator) {
      record.push_back(field);
      field.clear();
    } else if (c == '\n') {
      end_record();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !record.empty()) end_record();
  return table;
}

}  // namespace ledgerhost::migration
