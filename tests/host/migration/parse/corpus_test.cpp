// Every master changelog of the shared corpus (real Corda and ILP changelogs)
// parses, and yields exactly the changesets, in the order, that real Liquibase
// lists for PostgreSQL (data/corpus_status, see its README for the command).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/text.h"
#include "migration/parse/change_log_parser.h"
#include "support/shared_dir.h"

namespace ledgerhost::migration {
namespace {

struct CorpusMaster {
  const char *resources;  // below ../shared/corpus
  const char *master;     // below resources
  const char *expected;   // below data/corpus_status
};

const CorpusMaster kMasters[] = {
    {"corda/finance/workflows/src/main/resources", "migration/cash.changelog-master.xml",
     "corda_finance_workflows_cash.txt"},
    {"corda/finance/workflows/src/main/resources", "migration/commercial-paper.changelog-master.xml",
     "corda_finance_workflows_commercial-paper.txt"},
    {"corda/node/src/main/resources", "migration/common.changelog-master.xml", "corda_node_common.txt"},
    {"corda/node/src/main/resources", "migration/node-core.changelog-master.xml", "corda_node_node-core.txt"},
    {"corda/node/src/main/resources", "migration/node-info.changelog-master.xml", "corda_node_node-info.txt"},
    {"corda/node/src/main/resources", "migration/node-notary.changelog-master.xml", "corda_node_node-notary.txt"},
    {"corda/node/src/main/resources", "migration/notary-bft-smart.changelog-master.xml",
     "corda_node_notary-bft-smart.txt"},
    {"corda/node/src/main/resources", "migration/notary-raft.changelog-master.xml", "corda_node_notary-raft.txt"},
    {"corda/node/src/main/resources", "migration/vault-schema.changelog-master.xml", "corda_node_vault-schema.txt"},
    {"corda/testing/cordapps/dbfailure/dbfcontracts/src/main/resources", "migration/dbfailure.changelog-master.xml",
     "corda_testing_cordapps_dbfailure_dbfcontracts_dbfailure.txt"},
    {"ilp/connector-persistence/src/main/resources", "db/changelog-master.xml", "ilp_connector-persistence.txt"},
    {"ilp/_historical/ilpv4-connector-persistence@8169b960/src/main/resources", "db/changelog-master.xml",
     "ilp_historical_8169b960.txt"},
    {"ilp/_refs/nk_new-api/connector-persistence/src/main/resources", "db/changelog-master.xml", "ilp_nk_new-api.txt"},
    {"ilp/_refs/nk_split-rails/connector-persistence/src/main/resources", "db/changelog-master.xml",
     "ilp_nk_split-rails.txt"},
};

std::string CorpusDir() { return ledgerhost::testing::CorpusDir().string() + "/"; }

// Lines 2.. of `status --verbose`: "     file::id::author".
std::vector<std::string> ExpectedIdentifiers(const std::string &file, std::size_t *count) {
  std::ifstream in(std::string(LEDGERHOST_SOURCE_DIR) + "/tests/host/migration/parse/data/corpus_status/" + file);
  EXPECT_TRUE(in) << file;
  std::string line;
  std::getline(in, line);  // "N changesets have not been applied to ..."
  *count = std::stoul(line);
  std::vector<std::string> out;
  while (std::getline(in, line)) {
    std::string trimmed = text::JavaTrim(line);
    if (!trimmed.empty()) out.push_back(trimmed);
  }
  return out;
}

class CorpusTest : public ::testing::TestWithParam<CorpusMaster> {};

TEST_P(CorpusTest, MatchesLiquibaseChangeSetList) {
  const CorpusMaster &master = GetParam();
  DirectoryResourceLoader loader(CorpusDir() + master.resources);
  ParseOptions options;
  options.database = db::DatabaseKind::kPostgresql;
  ChangeLog log = ParseChangeLog(loader, master.master, options);
  std::size_t count = 0;
  std::vector<std::string> expected = ExpectedIdentifiers(master.expected, &count);
  ASSERT_EQ(expected.size(), count);
  std::vector<std::string> actual;
  for (const auto &cs : log.change_sets) actual.push_back(cs.Identifier());
  EXPECT_EQ(actual, expected);
}

INSTANTIATE_TEST_SUITE_P(Masters, CorpusTest, ::testing::ValuesIn(kMasters),
                         [](const ::testing::TestParamInfo<CorpusMaster> &info) {
                           std::string name = info.param.expected;
                           name = name.substr(0, name.size() - 4);
                           for (auto &c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

// Every XML file of the Corda and ILP corpora (not only the masters) parses on
// every database. The other corpora hold fragments that only parse through
// their masters (fineract repeats changeset ids under different contexts) and
// Liquibase's own negative fixtures; their masters run in the corpus harness
// (tests/compat/corpus.py) against real Liquibase.
TEST(CorpusTest, EveryCorpusFileParsesOnEveryDatabase) {
  int files = 0;
  for (const char *project : {"corda", "ilp"}) {
    for (const auto &entry : std::filesystem::recursive_directory_iterator(CorpusDir() + project)) {
      const std::string full = entry.path().generic_string();
      if (entry.path().extension() != ".xml" || full.find("/resources/") == std::string::npos) continue;
      const std::string root = full.substr(0, full.find("/resources/") + 10);
      const std::string relative = full.substr(root.size() + 1);
      DirectoryResourceLoader loader(root);
      for (auto database : {db::DatabaseKind::kSqlite, db::DatabaseKind::kPostgresql, db::DatabaseKind::kMysql,
                            db::DatabaseKind::kOracle, db::DatabaseKind::kMssql, db::DatabaseKind::kH2}) {
        ParseOptions options;
        options.database = database;
        EXPECT_NO_THROW(ParseChangeLog(loader, relative, options)) << full << " on " << ShortName(database);
      }
      ++files;
    }
  }
  EXPECT_GT(files, 80);
}

}  // namespace
}  // namespace ledgerhost::migration
