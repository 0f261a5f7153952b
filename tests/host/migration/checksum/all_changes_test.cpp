// Every change type the engine supports, parsed from data/all/changelog.xml, against the MD5SUM and
// DESCRIPTION real Liquibase 4.28 recorded for it (data/capture.sh writes data/all_<db>.txt).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "migration/checksum/check_sum.h"
#include "migration/parse/change_log_parser.h"

namespace ledgerhost::migration {
namespace {

const std::filesystem::path kDataDir = std::filesystem::path(LEDGERHOST_SOURCE_DIR) / "tests/host/migration/checksum/data";

struct Recorded {
  std::string md5sum;
  std::string description;
};

// id -> what Liquibase recorded, from an "id|MD5SUM|DESCRIPTION" file.
std::map<std::string, Recorded> ReadRecorded(const std::string& file) {
  std::ifstream in(kDataDir / file);
  EXPECT_TRUE(in) << file;
  std::map<std::string, Recorded> out;
  std::string line;
  while (std::getline(in, line)) {
    const size_t first = line.find('|');
    const size_t second = line.find('|', first + 1);
    if (first == std::string::npos || second == std::string::npos) continue;
    out[line.substr(0, first)] = {line.substr(first + 1, second - first - 1), line.substr(second + 1)};
  }
  return out;
}

// Offline mode's databasechangelog.csv keeps descriptions up to 255 characters; a database row gets
// limitSize(description, 250) (checked with changelog-sync on H2: the y-misc row is 250 long).
std::string StoredDescription(const std::string& offline) {
  return offline.size() <= 250 ? offline : offline.substr(0, 247) + "...";
}

// Parses `dir/file` for `database` and compares every changeset Liquibase recorded; returns how many.
size_t ExpectSameAsLiquibase(const std::string& dir, const std::string& file, db::DatabaseKind database,
                             CheckSumVersion version, const std::map<std::string, Recorded>& recorded) {
  DirectoryResourceLoader loader(kDataDir / dir);
  ParseOptions options;
  options.database = database;
  const ChangeLog log = ParseChangeLog(loader, file, options);
  size_t compared = 0;
  for (const auto& change_set : log.change_sets) {
    auto it = recorded.find(change_set.id);
    if (it == recorded.end()) continue;
    ++compared;
    EXPECT_EQ(ComputeCheckSum(change_set, version, database, loader), it->second.md5sum) << change_set.Identifier();
    if (version == CheckSumVersion::kV9) {
      EXPECT_EQ(Describe(change_set), StoredDescription(it->second.description)) << change_set.Identifier();
    }
  }
  return compared;
}

// The same changes written in YAML and JSON (typed scalars, a key that is not a change parameter)
// and formatted SQL give Liquibase's checksums and descriptions.
TEST(FormatsTest, YamlJsonAndFormattedSqlMatchLiquibase) {
  const auto recorded = ReadRecorded("formats_postgresql.txt");
  ASSERT_EQ(recorded.size(), 19u);
  size_t compared = 0;
  for (const char* file : {"changelog.yaml", "changelog.json", "changelog.sql"}) {
    compared += ExpectSameAsLiquibase("formats", file, db::DatabaseKind::kPostgresql, CheckSumVersion::kV9, recorded);
  }
  EXPECT_EQ(compared, recorded.size());
}

class AllChangesTest : public ::testing::TestWithParam<db::DatabaseKind> {};

TEST_P(AllChangesTest, EveryChangeSetMatchesLiquibase) {
  const db::DatabaseKind database = GetParam();
  const auto recorded = ReadRecorded("all_" + std::string(ShortName(database)) + ".txt");
  ASSERT_GE(recorded.size(), 30u);
  DirectoryResourceLoader loader(kDataDir / "all");
  ParseOptions options;
  options.database = database;
  const ChangeLog log = ParseChangeLog(loader, "changelog.xml", options);
  size_t compared = 0;
  for (const auto& change_set : log.change_sets) {
    auto it = recorded.find(change_set.id);
    if (it == recorded.end()) continue;
    ++compared;
    EXPECT_EQ(ComputeCheckSum(change_set, CheckSumVersion::kV9, database, loader), it->second.md5sum)
        << change_set.Identifier();
    EXPECT_EQ(Describe(change_set), it->second.description) << change_set.Identifier();
  }
  EXPECT_EQ(compared, recorded.size());
}

// v8 is what Liquibase 3.5-4.21 stored; 4.28 recomputes it to accept and upgrade such rows. Captured
// on H2 (modifySql visitors for other databases are dropped before any checksum, in v8 too).
TEST(AllChangesV8Test, EveryChangeSetMatchesLiquibase) {
  const auto recorded = ReadRecorded("all_v8.txt");
  ASSERT_GE(recorded.size(), 30u);
  DirectoryResourceLoader loader(kDataDir / "all");
  ParseOptions options;
  options.database = db::DatabaseKind::kH2;
  const ChangeLog log = ParseChangeLog(loader, "changelog.xml", options);
  size_t compared = 0;
  for (const auto& change_set : log.change_sets) {
    auto it = recorded.find(change_set.id);
    if (it == recorded.end()) continue;
    ++compared;
    EXPECT_EQ(ComputeCheckSum(change_set, CheckSumVersion::kV8, db::DatabaseKind::kH2, loader), it->second.md5sum)
        << change_set.Identifier();
  }
  EXPECT_EQ(compared, recorded.size());
}

INSTANTIATE_TEST_SUITE_P(Databases, AllChangesTest, ::testing::Values(db::DatabaseKind::kPostgresql, db::DatabaseKind::kH2),
                         [](const auto& info) { return std::string(ShortName(info.param)); });

}  // namespace
}  // namespace ledgerhost::migration
