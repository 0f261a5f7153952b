// The balance tracker under load: caller threads play prepare + fulfill pairs over N accounts for a
// few seconds against one store; prints operations per second and latency percentiles. The floors
// it is compared with (redis-benchmark, pgbench, sqlite3) run beside it in scripts/bench/balances.py.
//
//   ledgerhost_balance_benchmark --store sqlite --url sqlite:/tmp/b.db [--threads 8] [--seconds 5] [--accounts 1]
//   ledgerhost_balance_benchmark --store postgresql --url postgresql://u:p@127.0.0.1:5432/db
//   ledgerhost_balance_benchmark --store redis --url redis://127.0.0.1:6390
//   ... --rate 5000      pace the callers to 5,000 operations a second in all (latency at a given load)
//   ... --configure-only 100000   configure that many accounts and stop (the memory they take)
#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <limits>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "balances/balance_store_factory.h"
#include "core/logging.h"
#include "db/database_url.h"
#include "migration/engine/migrator.h"
#include "migration/parse/change_log_parser.h"

using namespace ledgerhost;

int main(int argc, char** argv) {
  CLI::App app("balance tracker benchmark");
  std::string store_kind = "sqlite", url, prefix = "lh_bench";
  int threads = 8, seconds = 5, accounts = 1;
  double rate = 0;
  bool configure_only = false;
  app.add_option("--store", store_kind)->check(CLI::IsMember({"sqlite", "postgresql", "redis"}));
  app.add_option("--url", url)->required();
  app.add_option("--threads", threads);
  app.add_option("--seconds", seconds);
  app.add_option("--accounts", accounts);
  app.add_option("--key-prefix", prefix);
  app.add_option("--rate", rate, "operations per second in all (0: as fast as the store answers)");
  app.add_flag("--configure-only", configure_only, "configure --accounts accounts and stop");
  CLI11_PARSE(app, argc, argv);
  ConfigureLogging("warn");

  if (store_kind != "redis") {  // the host's balance tables
    const auto database = db::ParseDatabaseUrl(url);
    auto connection = db::Connection::Open(database);
    migration::ParseOptions options;
    options.database = database.kind;
    const migration::DirectoryResourceLoader files(LEDGERHOST_NODE_MIGRATIONS_DIR);
    const auto log = migration::ParseChangeLog(files, "ledgerhost-node.changelog-master.xml", options);
    migration::Migrator(log, files, database.kind, connection.get()).Update();
  }
  const auto store = balances::OpenBalanceStore(
      store_kind == "redis" ? "redis" : "database", url, prefix,
      [&] { return db::Connection::Open(db::ParseDatabaseUrl(url)); });
  // Liquidity never runs out, settlement never triggers: the benchmark measures the operations.
  BalanceSettings settings;
  settings.minimum = std::numeric_limits<Amount>::min() / 2;
  {
    const auto configure_start = std::chrono::steady_clock::now();
    std::atomic<int> next{0};
    std::vector<std::thread> configurers;
    for (int t = 0; t < threads; ++t) {
      configurers.emplace_back([&] {
        for (int a = next++; a < accounts; a = next++) store->ConfigureAccount("acct-" + std::to_string(a), settings);
      });
    }
    for (auto& c : configurers) c.join();
    if (configure_only) {
      const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - configure_start).count();
      std::cout << "store=" << store_kind << " configured=" << accounts << " seconds=" << took << std::endl;
      return 0;
    }
  }

  const auto run_id = std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  std::vector<std::vector<double>> latencies(threads);
  std::atomic<long long> operations{0};
  std::vector<std::thread> workers;
  const auto start = std::chrono::steady_clock::now();
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      std::mt19937 random(t + 1);
      // Paced callers: each sends a pair every `interval`, so the store sees `rate` operations a second.
      const auto interval = rate > 0 ? std::chrono::duration<double>(2.0 * threads / rate) : std::chrono::duration<double>(0);
      // Callers start spread over one interval, so that their sends do not arrive in bursts.
      auto next_send = std::chrono::steady_clock::now() +
                       std::chrono::duration_cast<std::chrono::steady_clock::duration>(interval * t / threads);
      for (long long i = 0; std::chrono::steady_clock::now() < deadline; ++i) {
        if (rate > 0) {
          next_send += std::chrono::duration_cast<std::chrono::steady_clock::duration>(interval);
          std::this_thread::sleep_until(next_send);
        }
        const std::string packet = run_id + "-" + std::to_string(t) + "-" + std::to_string(i);
        const std::string source = "acct-" + std::to_string(random() % accounts);
        const std::string destination = "acct-" + std::to_string(random() % accounts);
        auto timed = [&](auto&& op) {
          const auto before = std::chrono::steady_clock::now();
          op();
          latencies[t].push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - before).count());
          ++operations;
        };
        timed([&] { store->Prepare({packet, source, 1, std::chrono::system_clock::now() + std::chrono::minutes(5)}); });
        timed([&] { store->Fulfill(packet, destination, 1); });
      }
    });
  }
  for (auto& w : workers) w.join();
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  auto percentile = [&](double p) { return all.empty() ? 0.0 : all[static_cast<size_t>(p * (all.size() - 1))]; };
  std::cout << "store=" << store_kind << " threads=" << threads << " accounts=" << accounts << " ops=" << operations
            << " seconds=" << elapsed << " ops_per_s=" << static_cast<long long>(operations / elapsed)
            << " p50_us=" << static_cast<long long>(percentile(0.5)) << " p99_us=" << static_cast<long long>(percentile(0.99))
            << std::endl;
  return 0;
}
