// Every changeset of the shared corpus (real Corda and ILP changelogs) gets the MD5SUM and
// DESCRIPTION real Liquibase 4.28 recorded for it with changelog-sync on PostgreSQL and H2
// (data/capture_corpus.sh writes data/corpus/<master>_<db>.txt).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "migration/checksum/check_sum.h"
#include "migration/parse/change_log_parser.h"
#include "support/shared_dir.h"

namespace ledgerhost::migration {
namespace {

using ledgerhost::testing::SharedDir;

struct CorpusMaster {
  const char* name;       // data/corpus/<name>_<db>.txt
  const char* resources;  // below ../shared/corpus
  const char* master;     // below resources
};

const CorpusMaster kMasters[] = {
    {"corda_finance_cash", "corda/finance/workflows/src/main/resources", "migration/cash.changelog-master.xml"},
    {"corda_finance_commercial-paper", "corda/finance/workflows/src/main/resources",
     "migration/commercial-paper.changelog-master.xml"},
    {"corda_node_common", "corda/node/src/main/resources", "migration/common.changelog-master.xml"},
    {"corda_node_node-core", "corda/node/src/main/resources", "migration/node-core.changelog-master.xml"},
    {"corda_node_node-info", "corda/node/src/main/resources", "migration/node-info.changelog-master.xml"},
    {"corda_node_node-notary", "corda/node/src/main/resources", "migration/node-notary.changelog-master.xml"},
    {"corda_node_notary-bft-smart", "corda/node/src/main/resources", "migration/notary-bft-smart.changelog-master.xml"},
    {"corda_node_notary-raft", "corda/node/src/main/resources", "migration/notary-raft.changelog-master.xml"},
    {"corda_node_vault-schema", "corda/node/src/main/resources", "migration/vault-schema.changelog-master.xml"},
    {"ilp_connector-persistence", "ilp/connector-persistence/src/main/resources", "db/changelog-master.xml"},
};

struct RecordedChangeSet {
  std::string md5sum;
  std::string description;
};

// "file::id::author" -> what Liquibase recorded, from FILENAME|ID|AUTHOR|MD5SUM|DESCRIPTION lines.
std::map<std::string, RecordedChangeSet> ReadRecordedCorpus(const std::string& file) {
  std::ifstream in(std::filesystem::path(LEDGERHOST_SOURCE_DIR) / "tests/host/migration/checksum/data/corpus" / file);
  EXPECT_TRUE(in) << file;
  std::map<std::string, RecordedChangeSet> out;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t bar; parts.size() < 4 && (bar = line.find('|', start)) != std::string::npos; start = bar + 1) {
      parts.push_back(line.substr(start, bar - start));
    }
    if (parts.size() != 4) continue;
    out[parts[0] + "::" + parts[1] + "::" + parts[2]] = {parts[3], line.substr(start)};
  }
  return out;
}

class CorpusCheckSumTest : public ::testing::TestWithParam<std::tuple<CorpusMaster, db::DatabaseKind>> {};

TEST_P(CorpusCheckSumTest, EveryChangeSetMatchesLiquibase) {
  const auto& [master, database] = GetParam();
  const auto recorded = ReadRecordedCorpus(std::string(master.name) + "_" + std::string(ShortName(database)) + ".txt");
  ASSERT_FALSE(recorded.empty());
  DirectoryResourceLoader loader(SharedDir() / "corpus" / master.resources);
  ParseOptions options;
  options.database = database;
  const ChangeLog log = ParseChangeLog(loader, master.master, options);
  size_t compared = 0;
  size_t matched = 0;
  for (const auto& change_set : log.change_sets) {
    auto it = recorded.find(change_set.Identifier());
    if (it == recorded.end()) continue;
    ++compared;
    const std::string md5sum = ComputeCheckSum(change_set, CheckSumVersion::kV9, database, loader);
    EXPECT_EQ(md5sum, it->second.md5sum) << change_set.Identifier();
    EXPECT_EQ(Describe(change_set), it->second.description) << change_set.Identifier();
    if (md5sum == it->second.md5sum) ++matched;
  }
  EXPECT_EQ(compared, recorded.size()) << "changesets Liquibase recorded that the parser did not yield";
  RecordProperty("matched", std::to_string(matched) + "/" + std::to_string(recorded.size()));
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusCheckSumTest,
                         ::testing::Combine(::testing::ValuesIn(kMasters),
                                            ::testing::Values(db::DatabaseKind::kPostgresql, db::DatabaseKind::kH2)),
                         [](const auto& info) {
                           std::string name = std::string(std::get<0>(info.param).name) + "_" +
                                              std::string(ShortName(std::get<1>(info.param)));
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace ledgerhost::migration
