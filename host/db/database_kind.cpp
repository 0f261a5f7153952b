#include "db/database_kind.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <sstream>
#include <vector>

#include "core/text.h"

namespace ledgerhost::db {
namespace {

constexpr std::array<std::pair<DatabaseKind, std::string_view>, 7> kNames{{
    {DatabaseKind::kSqlite, "sqlite"},
    {DatabaseKind::kPostgresql, "postgresql"},
    {DatabaseKind::kMysql, "mysql"},
    {DatabaseKind::kMariadb, "mariadb"},
    {DatabaseKind::kOracle, "oracle"},
    {DatabaseKind::kMssql, "mssql"},
    {DatabaseKind::kH2, "h2"},
}};

using text::Lower;
using text::Trim;

}  // namespace

std::string Placeholder(DatabaseKind kind, int position) {
  switch (kind) {
    case DatabaseKind::kPostgresql: return "$" + std::to_string(position);
    default: return "?" + std::to_string(position);
  }
}

std::string_view ShortName(DatabaseKind kind) {
  for (const auto& [k, name] : kNames) {
    if (k == kind) return name;
  }
  return "unknown";
}

std::optional<DatabaseKind> DatabaseKindFromShortName(std::string_view name) {
  const std::string lowered = Lower(std::string(name));
  for (const auto& [k, n] : kNames) {
    if (n == lowered) return k;
  }
  return std::nullopt;
}

bool DbmsMatches(std::string_view definition, std::string_view short_name) {
  std::vector<std::string> entries;
  std::stringstream in{std::string(definition)};
  std::string item;
  while (std::getline(in, item, ',')) {
    item = Lower(Trim(item));
    if (!item.empty()) entries.push_back(item);
  }
  if (entries.empty()) return true;
  const std::string name = Lower(std::string(short_name));
  bool has_positive = false;
  bool positive_match = false;
  for (const auto& e : entries) {
    if (e == "all") return true;
  }
  for (const auto& e : entries) {
    if (e == "none") return false;
    if (e[0] == '!') {
      if (e.substr(1) == name) return false;
    } else {
      has_positive = true;
      if (e == name) positive_match = true;
    }
  }
  return !has_positive || positive_match;
}

}  // namespace ledgerhost::db
