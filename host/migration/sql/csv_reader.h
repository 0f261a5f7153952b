// Reads loadData / loadUpdateData CSV files the way Liquibase's CSVReader (opencsv) does: separator,
// quote character, comment lines, header row, empty lines skipped.
#pragma once

#include <string>
#include <vector>

namespace ledgerhost::migration {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

CsvTable ReadCsv(const std::string& text, char separator, char quote, const std::string& comment_prefix);

}  // namespace ledgerhost::migration
