// One DATABASECHANGELOG row, as Liquibase 4.28 lays it out.
#pragma once

#include <optional>
#include <string>

namespace ledgerhost::migration {

struct HistoryRow {
  std::string id;
  std::string author;
  std::string filename;
  std::string date_executed;
  int order_executed = 0;
  std::string exec_type;  // EXECUTED | RERAN | MARK_RAN
  std::optional<std::string> md5sum;
  std::optional<std::string> description;
  std::optional<std::string> comments;
  std::optional<std::string> tag;
  std::optional<std::string> liquibase;
  std::optional<std::string> contexts;
  std::optional<std::string> labels;
  std::optional<std::string> deployment_id;
};

// The version ledgerhost writes into the LIQUIBASE column: the Liquibase release whose behaviour it
// reproduces, so that Liquibase and tools reading the table see familiar rows.
inline constexpr const char* kLiquibaseCompatibleVersion = "4.28.0";

}  // namespace ledgerhost::migration
