// Every master changelog of the shared corpus (Corda node and finance, ILP), parsed and checksummed,
// against the MD5SUM and DESCRIPTION real Liquibase 4.28 recorded with changelog-sync on H2 and
// PostgreSQL (data/capture_corpus.sh writes data/corpus/<name>_<db>.txt).
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "migration/checksum/check_sum.h"
#include "migration/parse/change_log_parser.h"

namespace ledgerhost::migration {
namespace {

const std::filesystem::path kSourceDir(LEDGERHOST_SOURCE_DIR);
const std::filesystem::path kDataDir = kSourceDir / "tests/host/migration/checksum/data/corpus";

std::filesystem::path CorpusDir() {
  if (const char* dir = std::getenv("LEDGERHOST_CORPUS_DIR")) return dir;
  return kSourceDir.parent_path() / "shared/corpus";
}

struct Recorded {
  std::string md5sum;
  std::string description;
};

// "FILENAME|ID|AUTHOR" -> what Liquibase recorded.
std::map<std::string, Recorded> ReadRecorded(const std::filesystem::path& file) {
  std::ifstream in(file);
  EXPECT_TRUE(in) << file;
  std::map<std::string, Recorded> out;
  std::string line;
  while (std::getline(in, line)) {
    size_t cut = 0;
    for (int field = 0; field < 3 && cut != std::string::npos; ++field) cut = line.find('|', cut + (field > 0));
    if (cut == std::string::npos) continue;
    const size_t md5_end = line.find('|', cut + 1);
    if (md5_end == std::string::npos) continue;
    out[line.substr(0, cut)] = {line.substr(cut + 1, md5_end - cut - 1), line.substr(md5_end + 1)};
  }
  return out;
}

struct CorpusCase {
  const char* name;
  const char* resources;
  const char* master;
  DatabaseKind database;
};

std::string CaseName(const ::testing::TestParamInfo<CorpusCase>& info) {
  std::string name = std::string(info.param.name) + "_" + std::string(ShortName(info.param.database));
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

class CorpusTest : public ::testing::TestWithParam<CorpusCase> {};

TEST_P(CorpusTest, EveryRecordedChangeSetMatchesLiquibase) {
  const CorpusCase& c = GetParam();
  const auto recorded =
      ReadRecorded(kDataDir / (std::string(c.name) + "_" + std::string(ShortName(c.database)) + ".txt"));
  ASSERT_FALSE(recorded.empty());
  DirectoryResourceLoader loader(CorpusDir() / c.resources);
  ParseOptions options;
  options.database = c.database;
  const ChangeLog log = ParseChangeLog(loader, c.master, options);
  size_t compared = 0;
  for (const auto& change_set : log.change_sets) {
    auto it = recorded.find(change_set.file_path + "|" + change_set.id + "|" + change_set.author);
    if (it == recorded.end()) continue;
    ++compared;
    EXPECT_EQ(ComputeCheckSum(change_set, CheckSumVersion::kV9, c.database, loader), it->second.md5sum)
        << change_set.Identifier();
    EXPECT_EQ(Describe(change_set), it->second.description) << change_set.Identifier();
  }
  // Every row Liquibase wrote corresponds to a changeset we parsed.
  EXPECT_EQ(compared, recorded.size());
}

constexpr const char* kCordaNode = "corda/node/src/main/resources";
constexpr const char* kCordaFinance = "corda/finance/workflows/src/main/resources";
constexpr const char* kIlp = "ilp/connector-persistence/src/main/resources";

std::vector<CorpusCase> AllCases() {
  const CorpusCase masters[] = {
      {"corda_finance_cash", kCordaFinance, "migration/cash.changelog-master.xml", DatabaseKind::kH2},
      {"corda_finance_commercial-paper", kCordaFinance, "migration/commercial-paper.changelog-master.xml",
       DatabaseKind::kH2},
      {"corda_node_common", kCordaNode, "migration/common.changelog-master.xml", DatabaseKind::kH2},
      {"corda_node_node-core", kCordaNode, "migration/node-core.changelog-master.xml", DatabaseKind::kH2},
      {"corda_node_node-info", kCordaNode, "migration/node-info.changelog-master.xml", DatabaseKind::kH2},
      {"corda_node_node-notary", kCordaNode, "migration/node-notary.changelog-master.xml", DatabaseKind::kH2},
      {"corda_node_notary-bft-smart", kCordaNode, "migration/notary-bft-smart.changelog-master.xml",
       DatabaseKind::kH2},
      {"corda_node_notary-raft", kCordaNode, "migration/notary-raft.changelog-master.xml", DatabaseKind::kH2},
      {"corda_node_vault-schema", kCordaNode, "migration/vault-schema.changelog-master.xml", DatabaseKind::kH2},
      {"ilp_connector-persistence", kIlp, "db/changelog-master.xml", DatabaseKind::kH2},
  };
  std::vector<CorpusCase> cases;
  for (const auto& m : masters) {
    cases.push_back(m);
    cases.push_back({m.name, m.resources, m.master, DatabaseKind::kPostgresql});
  }
  return cases;
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusTest, ::testing::ValuesIn(AllCases()), CaseName);

}  // namespace
}  // namespace ledgerhost::migration
