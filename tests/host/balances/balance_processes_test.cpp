// Four processes on one store (balance_worker): two of them race for the same packets, one is killed
// with SIGKILL in the middle of its work. No update lost or doubled, no packet posted or voided twice,
// the minimum never breached, every journal reconciles, and once the sweeper has run, money is
// conserved (sum of net + pending over all accounts is what it was: 0).
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include <gtest/gtest.h>

#include "balance_test_support.h"
#include "balances/reconcile.h"
#include "balances/redis_balance_store.h"
#include "balances/sql_balance_store.h"

extern char** environ;

namespace ledgerhost::balances {
namespace {

using test::RedisPort;
using test::Store;

pid_t Spawn(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  EXPECT_EQ(posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ), 0) << args[0];
  return pid;
}

// The store under test, and the arguments that give balance_worker the same one.
class BalanceProcessesTest : public ::testing::TestWithParam<Store> {
 protected:
  void SetUp() override {
    if (GetParam() == Store::kRedis) {
      redis_prefix = testing::UniqueName("lh_procs");
      store_args = {"--store", "redis", "--url", "redis://127.0.0.1:" + std::to_string(RedisPort()), "--key-prefix",
                    redis_prefix};
      RedisEndpoint endpoint;
      endpoint.port = RedisPort();
      endpoint.prefix = redis_prefix;
      store = std::make_shared<RedisBalanceStore>(endpoint);
    } else {
      database = std::make_unique<testing::TestDatabase>(test::KindOf(GetParam()));
      test::MigrateHostTables(*database, test::KindOf(GetParam()));
      store_args = {"--store", "sql", "--url", database->url()};
      store = std::make_shared<SqlBalanceStore>(database->Connect());
    }
  }
  void TearDown() override {
    store.reset();
    if (!redis_prefix.empty()) test::DeleteRedisKeys(redis_prefix);
  }

  std::unique_ptr<testing::TestDatabase> database;
  std::vector<std::string> store_args;
  std::shared_ptr<BalanceStore> store;
  std::string redis_prefix;
};

TEST_P(BalanceProcessesTest, FourProcessesOneKilledLoseNothing) {
  constexpr int kAccounts = 4;
  constexpr Amount kMinimum = -50;
  for (int a = 0; a < kAccounts; ++a) store->ConfigureAccount("acct-" + std::to_string(a), {kMinimum, std::nullopt, 0});

  std::vector<pid_t> workers;
  for (int w = 0; w < 4; ++w) {
    std::vector<std::string> args{BALANCE_WORKER};
    args.insert(args.end(), store_args.begin(), store_args.end());
    for (const std::string& extra : {std::string("--worker"), std::to_string(w), std::string("--packets"),
                                     std::to_string(w == 3 ? 100000 : 150), std::string("--accounts"),
                                     std::to_string(kAccounts)}) {
      args.push_back(extra);
    }
    if (w < 2) {  // workers 0 and 1 race for the same packets
      args.push_back("--packet-prefix");
      args.push_back("shared");
    }
    workers.push_back(Spawn(args));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  kill(workers[3], SIGKILL);  // in the middle of its 100,000 packets
  for (size_t w = 0; w < workers.size(); ++w) {
    int status = 0;
    ASSERT_EQ(waitpid(workers[w], &status, 0), workers[w]);
    if (w < 3) {
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "worker " << w << " status " << status;
    } else {
      EXPECT_TRUE(WIFSIGNALED(status)) << "worker 3 finished before it was killed";
    }
  }
  // The sweeper voids what the killed process left in flight (and, on Redis, finishes a fulfill
  // interrupted between its source and destination).
  store->ExpirePrepares(std::chrono::system_clock::now() + std::chrono::hours(1), 100000);

  const ReconcileReport report = Reconcile(*store);
  EXPECT_TRUE(report.drift.empty()) << report.drift.front();
  EXPECT_GT(report.entries, 4 * 150);
  Amount total = 0;
  for (int a = 0; a < kAccounts; ++a) {
    const AccountBalance b = store->Balance("acct-" + std::to_string(a));
    EXPECT_GE(b.Net(), kMinimum) << b.account;
    EXPECT_EQ(b.pending, 0) << b.account;
    total += b.Net() + b.pending;
  }
  EXPECT_EQ(total, 0) << "money created or destroyed";
}

// kill -9 of the settlement side, then a restart: every intent is settled exactly once. The engine
// (balance_worker --settle) keeps its own ledger; the kill lands anywhere, also between the engine's
// payment and the tracker's record of it, which the restarted worker completes with the same key.
TEST_P(BalanceProcessesTest, SettlementKilledAndRestartedSettlesEachIntentOnce) {
  const std::vector<std::string> accounts{"payer", "acct-0", "acct-1", "acct-2"};
  store->ConfigureAccount("payer", {});
  for (int a = 1; a < 4; ++a) store->ConfigureAccount(accounts[a], {std::nullopt, Amount{10}, 0});
  constexpr int kIntents = 240;
  for (int i = 0; i < kIntents; ++i) {  // each fulfill of 20 crosses the threshold: an intent of 20
    const std::string packet = "p" + std::to_string(i);
    store->Prepare({packet, "payer", 20, std::chrono::system_clock::now() + std::chrono::hours(1)});
    ASSERT_TRUE(store->Fulfill(packet, accounts[1 + i % 3], 20).settlement.has_value());
  }
  auto total = [&] {
    Amount sum = 0;
    for (const auto& a : accounts) {
      const AccountBalance b = store->Balance(a);
      sum += b.Net() + b.pending;
    }
    return sum;
  };
  const Amount before = total();
  const std::string ledger = (std::filesystem::temp_directory_path() / testing::UniqueName("lh_ledger")).string();
  auto ledger_lines = [&] {
    std::ifstream in(ledger);
    std::vector<std::pair<std::string, Amount>> lines;
    std::string key;
    Amount amount = 0;
    while (in >> key >> amount) lines.emplace_back(key, amount);
    return lines;
  };
  std::vector<std::string> args{BALANCE_WORKER};
  args.insert(args.end(), store_args.begin(), store_args.end());
  args.push_back("--settle");
  args.push_back(ledger);
  const pid_t first = Spawn(args);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (ledger_lines().size() < kIntents / 4 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  kill(first, SIGKILL);
  int status = 0;
  ASSERT_EQ(waitpid(first, &status, 0), first);
  EXPECT_TRUE(WIFSIGNALED(status)) << "the settlement worker finished before it was killed";
  EXPECT_FALSE(store->UnfinishedSettlements().empty());
  const pid_t second = Spawn(args);
  ASSERT_EQ(waitpid(second, &status, 0), second);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;

  EXPECT_TRUE(store->UnfinishedSettlements().empty());
  std::map<std::string, Amount> paid;
  Amount paid_total = 0;
  for (const auto& [key, amount] : ledger_lines()) {
    EXPECT_TRUE(paid.emplace(key, amount).second) << key << " was settled twice";
    paid_total += amount;
  }
  EXPECT_EQ(paid.size(), static_cast<std::size_t>(kIntents));
  // The cuts took 20 per intent out of the accounts; what the engine did not pay came back once.
  EXPECT_EQ(total(), before + Amount{kIntents} * 20 - paid_total);
  const ReconcileReport report = Reconcile(*store);
  EXPECT_TRUE(report.drift.empty()) << report.drift.front();
  std::filesystem::remove(ledger);
}

INSTANTIATE_TEST_SUITE_P(Stores, BalanceProcessesTest, ::testing::Values(Store::kSqlite, Store::kPostgresql, Store::kMariadb, Store::kRedis),
                         test::StoreName);

}  // namespace
}  // namespace ledgerhost::balances
