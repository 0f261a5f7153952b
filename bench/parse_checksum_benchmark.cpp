// In-process cost of what every ledgerhost command does first: parse the changelog and compute the
// checksum of each changeset. Uses the same 2,000-changeset shape as scripts/bench/generate_changelog.py.
#include <benchmark/benchmark.h>

#include <map>
#include <string>

#include "migration/checksum/check_sum.h"
#include "migration/model/resource_loader.h"
#include "migration/parse/change_log_parser.h"

namespace ledgerhost::bench {
namespace {

constexpr char kChangeLogPath[] = "bench.xml";

std::string GenerateChangeLog(int groups) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n";
  for (int i = 0; i < groups; ++i) {
    const std::string n = std::to_string(i);
    xml += "<changeSet id=\"" + n + "-table\" author=\"bench\"><createTable tableName=\"bench_" + n +
           "\"><column name=\"id\" type=\"BIGINT\"><constraints primaryKey=\"true\" nullable=\"false\"/></column>"
           "<column name=\"name\" type=\"VARCHAR(100)\"><constraints nullable=\"false\"/></column>"
           "<column name=\"created_at\" type=\"TIMESTAMP\"/></createTable></changeSet>\n";
    xml += "<changeSet id=\"" + n + "-column\" author=\"bench\"><addColumn tableName=\"bench_" + n +
           "\"><column name=\"amount\" type=\"INT\" defaultValueNumeric=\"0\"/></addColumn></changeSet>\n";
    xml += "<changeSet id=\"" + n + "-index\" author=\"bench\"><createIndex indexName=\"idx_bench_" + n +
           "_name\" tableName=\"bench_" + n + "\"><column name=\"name\"/></createIndex></changeSet>\n";
    xml += "<changeSet id=\"" + n + "-row\" author=\"bench\"><insert tableName=\"bench_" + n +
           "\"><column name=\"id\" valueNumeric=\"" + n + "\"/><column name=\"name\" value=\"row " + n +
           "\"/><column name=\"amount\" valueNumeric=\"" + n + "\"/></insert></changeSet>\n";
  }
  return xml + "</databaseChangeLog>\n";
}

const migration::MemoryResourceLoader& Loader(int groups) {
  static std::map<int, migration::MemoryResourceLoader> loaders;
  auto it = loaders.find(groups);
  if (it == loaders.end()) {
    it = loaders
             .emplace(groups, migration::MemoryResourceLoader(
                                  "bench", {{kChangeLogPath, GenerateChangeLog(groups)}}))
             .first;
  }
  return it->second;
}

void BM_Parse(benchmark::State& state) {
  const auto& loader = Loader(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto change_log = migration::ParseChangeLog(loader, kChangeLogPath, {});
    benchmark::DoNotOptimize(change_log.change_sets.data());
  }
  state.counters["changesets"] = static_cast<double>(state.range(0) * 4);
}

void BM_CheckSum(benchmark::State& state) {
  const auto& loader = Loader(static_cast<int>(state.range(0)));
  const auto change_log = migration::ParseChangeLog(loader, kChangeLogPath, {});
  for (auto _ : state) {
    for (const auto& change_set : change_log.change_sets) {
      auto sum = migration::ComputeCheckSum(change_set, migration::CheckSumVersion::kV9,
                                            db::DatabaseKind::kPostgresql, loader);
      benchmark::DoNotOptimize(sum.data());
    }
  }
  state.counters["changesets"] = static_cast<double>(change_log.change_sets.size());
}

void BM_ParseAndCheckSum(benchmark::State& state) {
  const auto& loader = Loader(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    const auto change_log = migration::ParseChangeLog(loader, kChangeLogPath, {});
    for (const auto& change_set : change_log.change_sets) {
      auto sum = migration::ComputeCheckSum(change_set, migration::CheckSumVersion::kV9,
                                            db::DatabaseKind::kPostgresql, loader);
      benchmark::DoNotOptimize(sum.data());
    }
  }
}

BENCHMARK(BM_Parse)->Arg(125)->Arg(250)->Arg(500)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckSum)->Arg(500)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseAndCheckSum)->Arg(500)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ledgerhost::bench

BENCHMARK_MAIN();
