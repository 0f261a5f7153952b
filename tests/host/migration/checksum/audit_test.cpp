// The checksum audit (data/audit/): one changeset per attribute, nested element and value form of
// every Liquibase change type, with the MD5SUM real Liquibase 4.28 records for each
// (expected.txt, captured by capture.sh). Every changeset must match, except the ones listed in
// known_mismatches.txt, whose causes FINDINGS.md gives; one that starts matching must leave the list.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "migration/checksum/check_sum.h"
#include "migration/parse/change_log_parser.h"

namespace ledgerhost::migration {
namespace {

const std::filesystem::path kAuditDir =
    std::filesystem::path(LEDGERHOST_SOURCE_DIR) / "tests/host/migration/checksum/data/audit";

std::map<std::string, std::string> ReadPairs(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::map<std::string, std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    const auto bar = line.find('|');
    if (bar != std::string::npos) out[line.substr(0, bar)] = line.substr(bar + 1);
  }
  return out;
}

std::set<std::string> ReadKnown() {
  std::ifstream in(kAuditDir / "known_mismatches.txt");
  std::set<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != '#') out.insert(line);
  }
  return out;
}

TEST(CheckSumAudit, EveryChangeTypeAttributeAndValueFormMatchesLiquibase) {
  const auto expected = ReadPairs(kAuditDir / "expected.txt");
  const auto known = ReadKnown();
  ASSERT_GT(expected.size(), 1500u);
  DirectoryResourceLoader loader(kAuditDir);
  std::size_t compared = 0;
  for (const char* file : {"audit.xml", "audit.yaml"}) {
    ParseOptions options;
    options.database = db::DatabaseKind::kSqlite;
    const ChangeLog log = ParseChangeLog(loader, file, options);
    for (const auto& cs : log.change_sets) {
      const auto it = expected.find(cs.id);
      if (it == expected.end()) continue;
      ++compared;
      const std::string actual = ComputeCheckSum(cs, CheckSumVersion::kV9, db::DatabaseKind::kSqlite, loader);
      if (known.count(cs.id)) {
        EXPECT_NE(actual, it->second) << cs.id << " now matches Liquibase: remove it from known_mismatches.txt";
      } else {
        EXPECT_EQ(actual, it->second) << cs.Identifier();
      }
    }
  }
  EXPECT_EQ(compared, expected.size());
}

}  // namespace
}  // namespace ledgerhost::migration
