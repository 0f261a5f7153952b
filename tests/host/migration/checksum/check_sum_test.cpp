#include "migration/checksum/check_sum.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "core/error.h"
#include "migration/parse/change_log_parser.h"
#include "support/shared_dir.h"

namespace ledgerhost::migration {
namespace {

using ledgerhost::testing::SharedDir;

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
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

void ExpectSameAsLiquibase(const std::filesystem::path& dir, const std::string& file, db::DatabaseKind database,
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
  ExpectSameAsLiquibase(dir, "changelog.xml", db::DatabaseKind::kPostgresql, FromUpdateSql(ReadText(dir / "postgresql.sql")));
}

TEST(CheckSumTest, GoldenChangelogOnSqliteMatchesLiquibase) {
  const auto dir = SharedDir() / "reference/liquibase-update-sql";
  ExpectSameAsLiquibase(dir, "changelog_sqlite.xml", db::DatabaseKind::kSqlite, FromUpdateSql(ReadText(dir / "sqlite.sql")));
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
                        db::DatabaseKind::kSqlite, expected);
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
  EXPECT_EQ(ComputeCheckSum(SqlChangeSet("select 1"), CheckSumVersion::kV9, db::DatabaseKind::kSqlite, loader),
            "9:3b78b9910981c62ca27148640fad7bc2");
  EXPECT_EQ(ComputeCheckSum(SqlChangeSet("select\n\t 1"), CheckSumVersion::kV9, db::DatabaseKind::kSqlite, loader),
            "9:3b78b9910981c62ca27148640fad7bc2");
  EXPECT_NE(ComputeCheckSum(SqlChangeSet("select 2"), CheckSumVersion::kV9, db::DatabaseKind::kSqlite, loader),
            "9:3b78b9910981c62ca27148640fad7bc2");
  EXPECT_EQ(ComputeCheckSum(SqlChangeSet("select 1"), CheckSumVersion::kV8, db::DatabaseKind::kSqlite, loader).substr(0, 2), "8:");
}

TEST(CheckSumTest, EmptyChangeSetAndValidCheckSums) {
  MemoryResourceLoader loader("test", {});
  ChangeSet empty;
  EXPECT_EQ(ComputeCheckSum(empty, CheckSumVersion::kV9, db::DatabaseKind::kSqlite, loader), "9:d41d8cd98f00b204e9800998ecf8427e");
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

ChangeSet OneChange(Change change) {
  ChangeSet cs;
  cs.id = "1";
  cs.author = "a";
  cs.file_path = "changelog.xml";
  cs.physical_path = "db/changelog.xml";
  cs.changes.push_back(std::move(change));
  return cs;
}

TEST(CheckSumTest, AttributeThatIsNotAParameterDoesNotCount) {
  MemoryResourceLoader loader("test", {});
  Change rename;
  rename.type = "renameTable";
  rename.attributes = {{"oldTableName", "a"}, {"newTableName", "b"}};
  const std::string plain = ComputeCheckSum(OneChange(rename), CheckSumVersion::kV9, db::DatabaseKind::kSqlite, loader);
  rename.attributes["newTabelName"] = "typo";
  EXPECT_EQ(ComputeCheckSum(OneChange(rename), CheckSumVersion::kV9, db::DatabaseKind::kSqlite, loader), plain);
  EXPECT_EQ(Describe(OneChange(rename)), "renameTable newTableName=b, oldTableName=a");
  rename.attributes["schemaName"] = "s";  // a real parameter does count
  EXPECT_NE(ComputeCheckSum(OneChange(rename), CheckSumVersion::kV9, db::DatabaseKind::kSqlite, loader), plain);
}

TEST(CheckSumTest, ColumnFieldsAreNormalisedByKind) {
  MemoryResourceLoader loader("test", {});
  auto with_column = [&](Attributes column) {
    Change create;
    create.type = "createTable";
    create.attributes = {{"tableName", "t"}};
    create.columns.push_back({std::move(column), std::nullopt, {}});
    return ComputeCheckSum(OneChange(create), CheckSumVersion::kV9, db::DatabaseKind::kSqlite, loader);
  };
  // Boolean.valueOf, BigInteger, "(42)" and ISO dates (liquibase-spec.md §1.4, verified there on H2).
  EXPECT_EQ(with_column({{"name", "x"}, {"autoIncrement", "TRUE"}}), with_column({{"name", "x"}, {"autoIncrement", "true"}}));
  EXPECT_EQ(with_column({{"name", "x"}, {"autoIncrement", "1"}}), with_column({{"name", "x"}, {"autoIncrement", "false"}}));
  EXPECT_EQ(with_column({{"name", "x"}, {"startWith", "0100"}}), with_column({{"name", "x"}, {"startWith", "100"}}));
  EXPECT_EQ(with_column({{"name", "x"}, {"valueNumeric", "(42)"}}), with_column({{"name", "x"}, {"valueNumeric", "42"}}));
  EXPECT_NE(with_column({{"name", "x"}, {"valueNumeric", "1.50"}}), with_column({{"name", "x"}, {"valueNumeric", "1.5"}}));
  EXPECT_EQ(with_column({{"name", "x"}, {"valueNumeric", "abc"}}), with_column({{"name", "x"}, {"valueComputed", "abc"}}));
  EXPECT_EQ(with_column({{"name", "x"}, {"valueDate", "2024-01-02 03:04:05"}}),
            with_column({{"name", "x"}, {"valueDate", "2024-01-02T03:04:05"}}));
  EXPECT_EQ(with_column({{"name", "x"}, {"notAColumnField", "y"}}), with_column({{"name", "x"}}));
}

TEST(CheckSumTest, LineEndingsAreStandardised) {
  MemoryResourceLoader loader("test", {});
  Change remarks;
  remarks.type = "setTableRemarks";
  remarks.attributes = {{"tableName", "t"}, {"remarks", "a\nb"}};
  const std::string lf = ComputeCheckSum(OneChange(remarks), CheckSumVersion::kV9, db::DatabaseKind::kSqlite, loader);
  remarks.attributes["remarks"] = "a\r\nb";
  EXPECT_EQ(ComputeCheckSum(OneChange(remarks), CheckSumVersion::kV9, db::DatabaseKind::kSqlite, loader), lf);
  remarks.attributes["remarks"] = "a\rb";
  EXPECT_EQ(ComputeCheckSum(OneChange(remarks), CheckSumVersion::kV9, db::DatabaseKind::kSqlite, loader), lf);
}

TEST(CheckSumTest, SqlFileIsReadThroughTheLoaderRelativeToTheChangelog) {
  MemoryResourceLoader loader("test", {{"db/x.sql", "\xEF\xBB\xBFselect 1"}, {"x.sql", "select 2"}});
  Change file;
  file.type = "sqlFile";
  file.attributes = {{"path", "x.sql"}, {"relativeToChangelogFile", "true"}};
  // BOM stripped, then like <sql>select 1</sql> (liquibase-spec.md §1.5: 9:3b78b9910981c62ca27148640fad7bc2).
  EXPECT_EQ(ComputeCheckSum(OneChange(file), CheckSumVersion::kV9, db::DatabaseKind::kSqlite, loader),
            "9:3b78b9910981c62ca27148640fad7bc2");
  file.attributes["relativeToChangelogFile"] = "false";
  EXPECT_EQ(ComputeCheckSum(OneChange(file), CheckSumVersion::kV9, db::DatabaseKind::kSqlite, loader),
            ComputeCheckSum(SqlChangeSet("select 2"), CheckSumVersion::kV9, db::DatabaseKind::kSqlite, loader));
}

TEST(CheckSumTest, MissingFileNamesChangeSetAndPath) {
  MemoryResourceLoader loader("test", {});
  Change load;
  load.type = "loadData";
  load.attributes = {{"tableName", "t"}, {"file", "rows.csv"}, {"relativeToChangelogFile", "true"}};
  try {
    ComputeCheckSum(OneChange(load), CheckSumVersion::kV9, db::DatabaseKind::kSqlite, loader);
    FAIL() << "expected ChangeLogError";
  } catch (const ChangeLogError& error) {
    EXPECT_NE(std::string(error.what()).find("1::a"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("db/rows.csv"), std::string::npos) << error.what();
  }
}

TEST(CheckSumTest, DbmsTargetedChangesCountOnlyOnTheirDatabaseInV9) {
  MemoryResourceLoader loader("test", {});
  ChangeSet cs = SqlChangeSet("select 1");
  cs.changes[0].attributes["dbms"] = "postgresql";
  EXPECT_EQ(ComputeCheckSum(cs, CheckSumVersion::kV9, db::DatabaseKind::kPostgresql, loader),
            "9:3b78b9910981c62ca27148640fad7bc2");
  EXPECT_EQ(ComputeCheckSum(cs, CheckSumVersion::kV9, db::DatabaseKind::kSqlite, loader),
            "9:d41d8cd98f00b204e9800998ecf8427e");  // nothing counted: md5("")
  EXPECT_EQ(ComputeCheckSum(cs, CheckSumVersion::kV8, db::DatabaseKind::kSqlite, loader),
            ComputeCheckSum(cs, CheckSumVersion::kV8, db::DatabaseKind::kPostgresql, loader));
}

TEST(CheckSumTest, ValidCheckSumWildcardsAndListedValues) {
  ChangeSet cs = SqlChangeSet("select 1");
  for (const char* wildcard : {"ANY", "any", "All", "*", " * "}) {
    cs.valid_checksums = {wildcard};
    EXPECT_TRUE(CheckSumAccepted(cs, "9:aaa", "9:bbb")) << wildcard;
  }
  cs.valid_checksums = {"9:ccc"};
  EXPECT_FALSE(CheckSumAccepted(cs, "9:aaa", "9:bbb"));
  EXPECT_TRUE(CheckSumAccepted(cs, "9:ccc", "9:bbb"));  // the stored value is listed
  EXPECT_TRUE(CheckSumAccepted(cs, "9:aaa", "9:ccc"));  // the current value is listed
  EXPECT_TRUE(CheckSumAccepted(cs, "9:aaa", "9:aaa"));
  cs.valid_checksums = {"anything"};
  EXPECT_FALSE(CheckSumAccepted(cs, "9:aaa", "9:bbb"));
}

TEST(CheckSumTest, DescriptionIsLimitedTo250Characters) {
  ChangeSet cs;
  for (int i = 0; i < 40; ++i) {
    Change drop;
    drop.type = "dropTable";
    drop.attributes = {{"tableName", "table_" + std::to_string(i)}, {"schemaName", "s"}};
    cs.changes.push_back(drop);
  }
  const std::string description = Describe(cs);
  EXPECT_EQ(description.size(), 250u);
  EXPECT_EQ(description.substr(0, 32), "dropTable tableName=table_0; dro");
  EXPECT_EQ(description.substr(247), "...");
}

}  // namespace
}  // namespace ledgerhost::migration
