// Every case changelog in data/cases/, generated for every database, must print what real
// Liquibase 4.28 printed for it (data/expected/, captured by data/capture.sh), changeset by
// changeset, modulo whitespace. Where Liquibase refused the changelog on a database
// (<case>.<db>.error), the generator must refuse the same change type.
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <regex>
#include <set>

#include "core/error.h"
#include "liquibase_output.h"
#include "migration/parse/change_log_parser.h"
#include "migration/sql/sql_generator.h"
#include "support/shared_dir.h"

namespace ledgerhost::migration {
namespace {

using ledgerhost::testing::CorpusDir;
using testing::Normalize;
using testing::ReadFile;
using testing::Render;
using testing::SplitByChangeSet;
using testing::SortCreateTableForeignKeys;
using testing::SqlTestData;

struct Case {
  std::string changelog;  // file name in data/cases
  db::DatabaseKind database;
};

std::string CaseName(const ::testing::TestParamInfo<Case>& info) {
  std::string name = info.param.changelog.substr(0, info.param.changelog.rfind('.')) + "_" +
                     std::string(ShortName(info.param.database));
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

std::vector<Case> AllCases() {
  std::vector<Case> cases;
  std::set<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(SqlTestData() / "cases")) {
    if (entry.path().extension() == ".xml") files.insert(entry.path().filename().string());
  }
  // Cases meant for one database (sqlite_*.xml) were captured only there.
  for (const auto& file : files) {
    const std::string stem = file.substr(0, file.rfind('.'));
    for (auto db : {db::DatabaseKind::kPostgresql, db::DatabaseKind::kMysql, db::DatabaseKind::kMariadb, db::DatabaseKind::kOracle,
                    db::DatabaseKind::kMssql, db::DatabaseKind::kSqlite, db::DatabaseKind::kH2}) {
      const auto base = SqlTestData() / "expected" / (stem + "." + std::string(ShortName(db)));
      if (std::filesystem::exists(base.string() + ".sql") || std::filesystem::exists(base.string() + ".error")) {
        cases.push_back({file, db});
      }
    }
  }
  return cases;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

class LiquibaseCaptureTest : public ::testing::TestWithParam<Case> {};

// Generates every changeset of `changelog` (in `dir`) for `db` and compares it with Liquibase's
// update-sql output `expected_sql`, or, when Liquibase refused, with its error `expected_error`.
void CompareWithLiquibase(const std::filesystem::path& dir, const std::string& changelog, db::DatabaseKind db,
                          const std::filesystem::path& expected_sql, const std::filesystem::path& expected_error) {
  DirectoryResourceLoader loader(dir);
  ParseOptions options;
  options.database = db;
  const ChangeLog log = ParseChangeLog(loader, changelog, options);
  if (std::filesystem::exists(expected_error)) {
    // Liquibase names the refused change type ("addPrimaryKey is not supported on sqlite",
    // "... requires access to up to date database metadata"): at least one change of the
    // changelog must be refused by us too, and only change types Liquibase named.
    const std::string error = ReadFile(expected_error);
    int refused = 0;
    std::set<std::string> refused_types;
    for (const auto& cs : log.change_sets) {
      if (!db::DbmsMatches(cs.dbms, ShortName(db))) continue;
      for (const auto& change : cs.changes) {
        SqlGenerationContext context{db, &loader, cs.physical_path, {}};
        try {
          GenerateSql(change, context);
        } catch (const MigrationError& e) {
          ++refused;
          refused_types.insert(change.type);
          // Liquibase names the change ("addColumn is not supported") or its statement class
          // ("AddColumnStatement requires ..."), or gives the same reason we give.
          const std::string ours = e.what();
          const std::string reason = ours.substr(ours.rfind(": ") == std::string::npos ? 0 : ours.rfind(": ") + 2);
          // When Liquibase stopped at validation it never reached changes it refuses only while
          // running (SQLite's metadata-needing rebuilds, seen in sqlite_live_rebuild.xml).
          const bool runtime_refusal = reason.find("requires access to up to date database metadata") != std::string::npos;
          EXPECT_TRUE(Lower(error).find(Lower(change.type)) != std::string::npos ||
                      error.find(reason) != std::string::npos ||
                      (runtime_refusal && error.find("Validation Failed") != std::string::npos))
              << "we refused " << change.type << " (" << e.what() << ") but Liquibase said:\n" << error;
        }
      }
    }
    // On SQLite ledgerhost adds a column SQLite's ALTER TABLE can add in place without reading the
    // table, where Liquibase always wants the live table: it may refuse nothing there.
    const bool only_metadata_refusal = db == db::DatabaseKind::kSqlite &&
                                       error.find("requires access to up to date database metadata") != std::string::npos;
    if (!only_metadata_refusal) {
      EXPECT_GT(refused, 0) << "Liquibase refused this changelog:\n" << error;
    }
    // Every change type Liquibase's validation names ("<type> is not supported on <db>") must be
    // refused by us as well.
    const std::regex unsupported(R"((\w+) is not supported on )");
    for (std::sregex_iterator it(error.begin(), error.end(), unsupported), end; it != end; ++it) {
      EXPECT_TRUE(refused_types.count((*it)[1].str())) << "Liquibase refused " << (*it)[1].str() << ", we did not";
    }
    if (changelog.find("unsupported") != std::string::npos) {
      // A changelog of changes Liquibase refuses one by one: we must refuse every one of them.
      // (Except dropColumn on SQLite: Liquibase refuses nested columns without a columnName beside
      // them, a rule of its own ledgerhost does not copy; offline it prints Liquibase's rebuild.)
      int changes = 0;
      for (const auto& cs : log.change_sets) {
        for (const auto& change : cs.changes) changes += db == db::DatabaseKind::kSqlite && change.type == "dropColumn" ? 0 : 1;
      }
      EXPECT_EQ(refused, changes);
    }
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(expected_sql)) << expected_sql << " missing: run data/capture.sh";
  const auto expected = SplitByChangeSet(ReadFile(expected_sql));
  size_t compared = 0;
  for (const auto& cs : log.change_sets) {
    if (!db::DbmsMatches(cs.dbms, ShortName(db))) continue;
    std::vector<SqlStatement> statements;
    for (const auto& change : cs.changes) {
      if (const std::string* dbms = change.Find("dbms"); dbms && !db::DbmsMatches(*dbms, ShortName(db))) continue;
      if (change.type == "output") continue;  // the engine prints it; Liquibase does not put it in the script
      SqlGenerationContext context{db, &loader, cs.physical_path, {}};
      try {
        auto generated = GenerateSql(change, context);
        statements.insert(statements.end(), generated.begin(), generated.end());
      } catch (const std::exception& e) {
        ADD_FAILURE() << cs.id << "::" << cs.author << " " << change.type << ": " << e.what();
      }
    }
    const std::string key = cs.id + "::" + cs.author;
    auto it = expected.find(key);
    if (it == expected.end()) {
      ADD_FAILURE() << "Liquibase printed no changeset " << key;
      continue;
    }
    EXPECT_EQ(SortCreateTableForeignKeys(Normalize(Render(statements, db))),
              SortCreateTableForeignKeys(Normalize(it->second)))
        << "changeset " << key;
    ++compared;
  }
  EXPECT_EQ(compared, expected.size());
}

// "<case>.<database>" -> why it still differs, from data/known_differences.txt (listed in
// docs/compatibility.md). Such a case must still differ: when it starts matching, the list is stale.
std::map<std::string, std::string> KnownDifferences() {
  std::map<std::string, std::string> known;
  std::istringstream lines(ReadFile(SqlTestData() / "known_differences.txt"));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto colon = line.find(':');
    if (colon != std::string::npos) known[line.substr(0, colon)] = line.substr(colon + 1);
  }
  return known;
}

TEST_P(LiquibaseCaptureTest, MatchesLiquibaseUpdateSql) {
  const std::string stem = GetParam().changelog.substr(0, GetParam().changelog.rfind('.'));
  const std::string name = stem + "." + std::string(ShortName(GetParam().database));
  const auto base = SqlTestData() / "expected" / name;
  const auto known = KnownDifferences();
  if (auto it = known.find(name); it != known.end()) {
    ::testing::TestPartResultArray differences;
    {
      ::testing::ScopedFakeTestPartResultReporter reporter(
          ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &differences);
      CompareWithLiquibase(SqlTestData() / "cases", GetParam().changelog, GetParam().database,
                           base.string() + ".sql", base.string() + ".error");
    }
    EXPECT_GT(differences.size(), 0) << name << " now matches Liquibase: remove it from data/known_differences.txt";
    return;
  }
  CompareWithLiquibase(SqlTestData() / "cases", GetParam().changelog, GetParam().database, base.string() + ".sql",
                       base.string() + ".error");
}

TEST(LiquibaseCaptureCoverage, EveryCaseWasCaptured) {
  std::set<std::string> captured;
  for (const auto& c : AllCases()) captured.insert(c.changelog);
  for (const auto& entry : std::filesystem::directory_iterator(SqlTestData() / "cases")) {
    if (entry.path().extension() == ".xml") {
      EXPECT_TRUE(captured.count(entry.path().filename().string())) << entry.path() << ": run data/capture.sh";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, LiquibaseCaptureTest, ::testing::ValuesIn(AllCases()), CaseName);

// The real Corda and ILP master changelogs (../shared/corpus, read in place) against what
// Liquibase printed for them offline (data/corpus/, captured by data/capture_corpus.sh).
struct CorpusCase {
  std::string name;
  std::string root;       // resource root, relative to the corpus
  std::string changelog;  // relative to the root
  db::DatabaseKind database;
};

std::vector<CorpusCase> CorpusCases() {
  std::vector<CorpusCase> cases;
  std::istringstream lines(ReadFile(SqlTestData() / "corpus" / "masters.txt"));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    CorpusCase c;
    fields >> c.name >> c.root >> c.changelog;
    for (auto db : {db::DatabaseKind::kPostgresql, db::DatabaseKind::kMysql, db::DatabaseKind::kMariadb, db::DatabaseKind::kOracle,
                    db::DatabaseKind::kMssql, db::DatabaseKind::kSqlite, db::DatabaseKind::kH2}) {
      const auto base = SqlTestData() / "corpus" / (c.name + "." + std::string(ShortName(db)));
      if (std::filesystem::exists(base.string() + ".sql") || std::filesystem::exists(base.string() + ".error")) {
        c.database = db;
        cases.push_back(c);
      }
    }
  }
  return cases;
}

class CorpusTest : public ::testing::TestWithParam<CorpusCase> {};

TEST_P(CorpusTest, MatchesLiquibaseUpdateSql) {
  const auto& c = GetParam();
  const auto base = SqlTestData() / "corpus" / (c.name + "." + std::string(ShortName(c.database)));
  ASSERT_TRUE(std::filesystem::exists(CorpusDir() / c.root / c.changelog)) << "corpus missing: " << CorpusDir();
  CompareWithLiquibase(CorpusDir() / c.root, c.changelog, c.database, base.string() + ".sql", base.string() + ".error");
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusTest, ::testing::ValuesIn(CorpusCases()),
                         [](const ::testing::TestParamInfo<CorpusCase>& info) {
                           std::string name = info.param.name + "_" + std::string(ShortName(info.param.database));
                           for (char& ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

// The shared golden changelog (../shared/reference/liquibase-update-sql, copied here as
// data/golden/): Liquibase's default offline output (<db>.default.sql, change SQL only, no
// DATABASECHANGELOG bookkeeping). SQLite's golden run used changelog_sqlite.xml (without the
// changes Liquibase refuses offline there).
class GoldenChangeLogTest : public ::testing::TestWithParam<db::DatabaseKind> {};

TEST_P(GoldenChangeLogTest, MatchesLiquibaseDefaultOfflineOutput) {
  const db::DatabaseKind db = GetParam();
  const auto dir = SqlTestData() / "golden";
  const std::string changelog = db == db::DatabaseKind::kSqlite ? "changelog_sqlite.xml" : "changelog.xml";
  CompareWithLiquibase(dir, changelog, db, dir / (std::string(ShortName(db)) + ".default.sql"), dir / "none");
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenChangeLogTest,
                         ::testing::Values(db::DatabaseKind::kPostgresql, db::DatabaseKind::kMysql, db::DatabaseKind::kMariadb,
                                           db::DatabaseKind::kOracle, db::DatabaseKind::kMssql, db::DatabaseKind::kSqlite,
                                           db::DatabaseKind::kH2),
                         [](const auto& info) { return std::string(ShortName(info.param)); });

}  // namespace
}  // namespace ledgerhost::migration
