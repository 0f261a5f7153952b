#include "migration/checksum/check_sum.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "migration/parse/change_log_parser.h"

namespace ledgerhost::migration {
namespace {

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::filesystem::path SharedDir() {
  if (const char* dir = std::getenv("LEDGERHOST_SHARED_DIR")) return dir;
  return std::filesystem::path(LEDGERHOST_SOURCE_DIR) / ".." / "shared";
}

struct Expected {
  std::string md5sum;
  std::string description;
};

// id -> (MD5SUM, DESCRIPTION) from the INSERT INTO DATABASECHANGELOG lines of a Liquibase update-sql file.
std::map<std::string, Expected> FromUpdateSql(const std::string& script) {
  static const std::regex insert(
      R"(INSERT INTO \S*databasechangelog \([^)]*\) VALUES \('([^']*)', '[^']*', '[^']*', [^,]+, \d+, '([^']*)', '([^']*)')",
      std::regex::icase);
  std::map<std::string, Expected> out;
  for (auto it = std::sregex_iterator(script.begin(), script.end(), insert); it != std::sregex_iterator(); ++it) {
    out[(*it)[1]] = {(*it)[2], (*it)[3]};
  }
  return out;
}

void ExpectSameAsLiquibase(const std::filesystem::path& dir, const std::string& file, DatabaseKind database,
                           const std::map<std::string, Expected>& expected) {
  DirectoryResourceLoader loader(dir);
  ParseOptions options;
  options.database = database;
  ChangeLog log = ParseChangeLog(loader, file, options);
  ASSERT_FALSE(expected.empty());
  size_t compared = 0;
  for (const auto& cs : log.change_sets) {
    auto it = expected.find(cs.id);
    if (it == expected.end()) continue;
    ++compared;
    EXPECT_EQ(ComputeCheckSum(cs, CheckSumVersion::kV9, database, loader), it->second.md5sum) << cs.Identifier();
    EXPECT_EQ(Describe(cs), it->second.description) << cs.Identifier();
  }
  EXPECT_EQ(compared, expected.size());
}

TEST(CheckSumTest, GoldenChangelogOnPostgresqlMatchesLiquibase) {
  const auto dir = SharedDir() / "reference/liquibase-update-sql";
  ExpectSameAsLiquibase(dir, "changelog.xml", DatabaseKind::kPostgresql, FromUpdateSql(ReadText(dir / "postgresql.sql")));
}

TEST(CheckSumTest, GoldenChangelogOnSqliteMatchesLiquibase) {
  const auto dir = SharedDir() / "reference/liquibase-update-sql";
  ExpectSameAsLiquibase(dir, "changelog_sqlite.xml", DatabaseKind::kSqlite, FromUpdateSql(ReadText(dir / "sqlite.sql")));
}

TEST(CheckSumTest, FeatureChangelogMatchesLiquibase) {
  std::map<std::string, Expected> expected;
  std::istringstream rows(ReadText(std::filesystem::path(LEDGERHOST_SOURCE_DIR) /
                                   "tests/host/migration/checksum/data/features_xml_sqlite.txt"));
  std::string line;
  while (std::getline(rows, line)) {
    std::vector<std::string> parts;
    std::stringstream in(line);
    std::string part;
    while (std::getline(in, part, '|')) parts.push_back(part);
    if (parts.size() == 4) expected[parts[0]] = {parts[2], parts[3]};
  }
  ExpectSameAsLiquibase(std::filesystem::path(LEDGERHOST_SOURCE_DIR) / "tests/compat/changelogs", "features.xml",
                        DatabaseKind::kSqlite, expected);
}

ChangeSet SqlChangeSet(const std::string& sql) {
  ChangeSet cs;
  cs.id = "1";
  cs.author = "a";
  Change change;
  change.type = "sql";
  change.attributes["sql"] = sql;
  cs.changes.push_back(change);
  return cs;
}

TEST(CheckSumTest, SqlChecksumIgnoresWhitespaceInV9) {
  MemoryResourceLoader loader("test", {});
  // liquibase-spec.md §1.5: <sql>select 1</sql> -> changeset 9:3b78b9910981c62ca27148640fad7bc2 (verified).
  EXPECT_EQ(ComputeCheckSum(SqlChangeSet("select 1"), CheckSumVersion::kV9, DatabaseKind::kSqlite, loader),
            "9:3b78b9910981c62ca27148640fad7bc2");
  EXPECT_EQ(ComputeCheckSum(SqlChangeSet("select\n\t 1"), CheckSumVersion::kV9, DatabaseKind::kSqlite, loader),
            "9:3b78b9910981c62ca27148640fad7bc2");
  EXPECT_NE(ComputeCheckSum(SqlChangeSet("select 2"), CheckSumVersion::kV9, DatabaseKind::kSqlite, loader),
            "9:3b78b9910981c62ca27148640fad7bc2");
  EXPECT_EQ(ComputeCheckSum(SqlChangeSet("select 1"), CheckSumVersion::kV8, DatabaseKind::kSqlite, loader).substr(0, 2), "8:");
}

TEST(CheckSumTest, EmptyChangeSetAndValidCheckSums) {
  MemoryResourceLoader loader("test", {});
  ChangeSet empty;
  EXPECT_EQ(ComputeCheckSum(empty, CheckSumVersion::kV9, DatabaseKind::kSqlite, loader), "9:d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(Describe(empty), "empty");
  ChangeSet cs = SqlChangeSet("select 1");
  EXPECT_FALSE(CheckSumAccepted(cs, "9:aaa", "9:bbb"));
  cs.valid_checksums = {"9:bbb"};
  EXPECT_TRUE(CheckSumAccepted(cs, "9:aaa", "9:bbb"));
  cs.valid_checksums = {"any"};
  EXPECT_TRUE(CheckSumAccepted(cs, "9:aaa", "9:ccc"));
  EXPECT_EQ(CheckSumVersionOf("8:abc"), 8);
  EXPECT_EQ(CheckSumVersionOf("ANY"), 1);
}

}  // namespace
}  // namespace ledgerhost::migration
