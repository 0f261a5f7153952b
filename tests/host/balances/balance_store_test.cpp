// Every store (SQLite, PostgreSQL, Redis) against a small reference model (written here, independently of balance_rules.cpp):
// random operation sequences with retries of the same ids, unknown ids, expiries and settlements, on a
// real SQLite file and a real PostgreSQL database; then concurrent callers. Answers, balances and the
// journal must match the model exactly.
#include "balances/redis_balance_store.h"
#include "balances/sql_balance_store.h"

#include <hiredis/hiredis.h>
#include <unistd.h>

#include <filesystem>

#include <limits>
#include <map>
#include <random>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "balance_test_support.h"
#include "balances/balance_store_factory.h"
#include "balances/balance_tracker_service.h"
#include "balances/reconcile.h"

namespace ledgerhost::balances {
namespace {

using Clock = std::chrono::system_clock;

using test::DeleteRedisKeys;
using test::RedisPort;
using test::Store;

// The reference model: plain arithmetic in 128 bits, range checks at the end of each operation.
struct Model {
  struct Acct {
    __int128 clearing = 0, prepaid = 0, pending = 0;
    std::optional<Amount> minimum, threshold;
    Amount settle_to = 0;
  };
  struct Res {
    std::string account;
    Amount amount = 0, from_prepaid = 0;
    std::string state = "pending";
    std::string destination;
    Amount destination_amount = 0;
  };
  std::map<std::string, Acct> accounts;
  std::map<std::string, Res> reservations;
  std::map<std::string, std::pair<std::string, Amount>> incoming;
  std::map<std::string, std::pair<std::string, Amount>> settlements;  // key -> account, amount (pending)

  static bool Fits(__int128 v) {
    return v >= std::numeric_limits<Amount>::min() && v <= std::numeric_limits<Amount>::max();
  }
  static bool Valid(const Acct& a) {
    return Fits(a.clearing) && Fits(a.prepaid) && Fits(a.pending) && Fits(a.clearing + a.prepaid);
  }
  AccountBalance Balance(const std::string& id) const {
    const Acct& a = accounts.at(id);
    return {id, static_cast<Amount>(a.clearing), static_cast<Amount>(a.prepaid), static_cast<Amount>(a.pending)};
  }
};

class BalanceStoreTest : public ::testing::TestWithParam<Store> {
 protected:
  void SetUp() override {
    if (GetParam() == Store::kRedis) {
      redis_prefix_ = testing::UniqueName("lh_test");
    } else {
      database_ = std::make_unique<testing::TestDatabase>(test::KindOf(GetParam()));
      test::MigrateHostTables(*database_, test::KindOf(GetParam()));
    }
    store_ = MakeStore();
  }
  // A new store on the same data, as a restarted process opens it.
  std::shared_ptr<BalanceStore> MakeStore() {
    if (GetParam() != Store::kRedis) return std::make_shared<SqlBalanceStore>(database_->Connect());
    RedisEndpoint endpoint;
    endpoint.port = RedisPort();
    endpoint.prefix = redis_prefix_;
    return std::make_shared<RedisBalanceStore>(endpoint);
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
    if (!redis_prefix_.empty()) DeleteRedisKeys(redis_prefix_);
  }
  // Every account's journal is one gapless chain ending at its balance.
  void ExpectJournalsReconcile() {
    for (const auto& account : store_->Accounts()) {
      const auto journal = store_->Journal(account);
      AccountBalance running{account, 0, 0, 0};
      long long seq = 0;
      for (const auto& e : journal) {
        EXPECT_EQ(e.seq, ++seq) << account;
        EXPECT_EQ(e.before.clearing, running.clearing) << account << " #" << e.seq;
        EXPECT_EQ(e.before.prepaid, running.prepaid) << account << " #" << e.seq;
        EXPECT_EQ(e.before.pending, running.pending) << account << " #" << e.seq;
        running = e.after;
      }
      const AccountBalance now = store_->Balance(account);
      EXPECT_EQ(now.clearing, running.clearing) << account;
      EXPECT_EQ(now.prepaid, running.prepaid) << account;
      EXPECT_EQ(now.pending, running.pending) << account;
    }
  }

  std::unique_ptr<testing::TestDatabase> database_;
  std::string redis_prefix_;
  std::shared_ptr<BalanceStore> store_;
};

TEST_P(BalanceStoreTest, RandomOperationsMatchTheModel) {
  Model model;
  const std::vector<std::string> ids{"alice", "bob", "carol"};
  const BalanceSettings settings[] = {{Amount{-100}, std::nullopt, 0}, {std::nullopt, Amount{50}, 10}, {Amount{0}, Amount{30}, 0}};
  for (int i = 0; i < 3; ++i) {
    store_->ConfigureAccount(ids[i], settings[i]);
    auto& a = model.accounts[ids[i]];
    a.minimum = settings[i].minimum;
    a.threshold = settings[i].settle_threshold;
    a.settle_to = settings[i].settle_to;
  }
  std::mt19937 random(20261205);
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const auto far = Clock::now() + std::chrono::hours(1);
  int packets = 0, keys = 0, refused = 0;
  for (int step = 0; step < 400; ++step) {
    const int op = pick(10);
    const std::string account = ids[pick(3)];
    if (op < 4) {  // prepare, sometimes a retry of an earlier packet
      const bool retry = packets > 0 && pick(4) == 0;
      const std::string packet = "p" + std::to_string(retry ? pick(packets) : packets++);
      const Amount amount = pick(60);
      if (retry) {
        const auto& res = model.reservations.find(packet);
        if (res == model.reservations.end()) continue;  // that prepare was refused
        EXPECT_NO_THROW(store_->Prepare({packet, res->second.account, res->second.amount, far}));
        EXPECT_THROW(store_->Prepare({packet, res->second.account, res->second.amount + 1, far}), BalanceError);
        continue;
      }
      Model::Acct& a = model.accounts[account];
      const __int128 net_after = a.clearing + a.prepaid - amount;
      if (a.minimum && net_after < *a.minimum) {
        EXPECT_THROW(store_->Prepare({packet, account, amount, far}), InsufficientLiquidity) << packet;
        ++refused;
        continue;
      }
      const Amount from_prepaid = std::min<Amount>(static_cast<Amount>(std::max<__int128>(a.prepaid, 0)), amount);
      a.prepaid -= from_prepaid;
      a.clearing -= amount - from_prepaid;
      a.pending += amount;
      model.reservations[packet] = {account, amount, from_prepaid, "pending", "", 0};
      EXPECT_EQ(store_->Prepare({packet, account, amount, far}).clearing, model.Balance(account).clearing);
    } else if (op < 7 && packets > 0) {  // fulfill or reject an earlier packet (possibly again)
      const std::string packet = "p" + std::to_string(pick(packets));
      auto res = model.reservations.find(packet);
      if (res == model.reservations.end()) {
        EXPECT_THROW(store_->Reject(packet), BalanceError);
        continue;
      }
      Model::Res& r = res->second;
      if (op == 6) {  // reject
        if (r.state == "fulfilled") {
          EXPECT_THROW(store_->Reject(packet), BalanceError);
          continue;
        }
        if (r.state == "pending") {
          Model::Acct& a = model.accounts[r.account];
          a.prepaid += r.from_prepaid;
          a.clearing += r.amount - r.from_prepaid;
          a.pending -= r.amount;
          r.state = "rejected";
        }
        const AccountBalance answer = store_->Reject(packet);
        EXPECT_EQ(answer.account, r.account);
        continue;
      }
      const Amount amount = pick(40);
      if (r.state == "rejected") {
        EXPECT_THROW(store_->Fulfill(packet, account, amount), BalanceError);
        continue;
      }
      if (r.state == "fulfilled") {
        const FulfillResult again = store_->Fulfill(packet, r.destination, r.destination_amount);
        EXPECT_EQ(again.destination.account, r.destination);
        EXPECT_THROW(store_->Fulfill(packet, r.destination, r.destination_amount + 1), BalanceError);
        continue;
      }
      model.accounts[r.account].pending -= r.amount;
      Model::Acct& d = model.accounts[account];
      d.clearing += amount;
      std::optional<Amount> settle;
      if (d.threshold && d.clearing >= *d.threshold && d.clearing - d.settle_to > 0) {
        settle = static_cast<Amount>(d.clearing - d.settle_to);
        d.clearing = d.settle_to;
        model.settlements["settle:" + packet] = {account, *settle};
      }
      r.state = "fulfilled";
      r.destination = account;
      r.destination_amount = amount;
      const FulfillResult result = store_->Fulfill(packet, account, amount);
      EXPECT_EQ(result.destination.clearing, model.Balance(account).clearing) << packet;
      ASSERT_EQ(result.settlement.has_value(), settle.has_value()) << packet;
      if (settle) {
        EXPECT_EQ(result.settlement->amount, *settle);
      }
    } else if (op < 9) {  // incoming settlement, sometimes a retry
      const bool retry = keys > 0 && pick(3) == 0;
      const std::string key = "k" + std::to_string(retry ? pick(keys) : keys++);
      if (retry) {
        const auto& [acct, amount] = model.incoming.at(key);
        EXPECT_NO_THROW(store_->IncomingSettlement(key, acct, amount));
        EXPECT_THROW(store_->IncomingSettlement(key, acct, amount + 1), BalanceError);
        continue;
      }
      const Amount amount = pick(80);
      Model::Acct& a = model.accounts[account];
      if (a.clearing >= 0) {
        a.prepaid += amount;
      } else if (a.clearing + amount <= 0) {
        a.clearing += amount;
      } else {
        a.prepaid += a.clearing + amount;
        a.clearing = 0;
      }
      model.incoming[key] = {account, amount};
      const AccountBalance answer = store_->IncomingSettlement(key, account, amount);
      EXPECT_EQ(answer.prepaid, model.Balance(account).prepaid) << key;
    } else if (!model.settlements.empty()) {  // the engine answers a settlement: partly settled
      const auto it = model.settlements.begin();
      const Amount settled = it->second.second / 2;
      model.accounts[it->second.first].clearing += it->second.second - settled;
      store_->FinishSettlement(it->first, settled);
      store_->FinishSettlement(it->first, settled);  // again: nothing more
      model.settlements.erase(it);
    }
    for (const auto& id : ids) {
      const AccountBalance actual = store_->Balance(id);
      const AccountBalance expected = model.Balance(id);
      ASSERT_EQ(actual.clearing, expected.clearing) << id << " after step " << step;
      ASSERT_EQ(actual.prepaid, expected.prepaid) << id << " after step " << step;
      ASSERT_EQ(actual.pending, expected.pending) << id << " after step " << step;
    }
  }
  EXPECT_GT(refused, 0) << "the sequence should reach a minimum";
  EXPECT_EQ(store_->UnfinishedSettlements().size(), model.settlements.size());
  ExpectJournalsReconcile();
}

TEST_P(BalanceStoreTest, ExpiredReservationsAreVoidedBySweeper) {
  store_->ConfigureAccount("a", {});
  store_->ConfigureAccount("b", {});
  store_->IncomingSettlement("fund", "a", 100);
  store_->Prepare({"old", "a", 30, Clock::now() - std::chrono::seconds(1)});
  store_->Prepare({"new", "a", 20, Clock::now() + std::chrono::hours(1)});
  BalanceTrackerService service(store_, {std::chrono::hours(1), std::chrono::hours(1), false});
  EXPECT_EQ(service.SweepOnce(), 1);
  const AccountBalance a = store_->Balance("a");
  EXPECT_EQ(a.prepaid, 80);  // got back exactly what "old" took from prepaid
  EXPECT_EQ(a.pending, 20);
  EXPECT_THROW(store_->Fulfill("old", "b", 30), BalanceError);
  EXPECT_EQ(store_->Reject("old").prepaid, 80);  // a reject after expiry answers as the expiry did
  EXPECT_EQ(store_->Fulfill("new", "b", 20).destination.clearing, 20);
  ExpectJournalsReconcile();
}

// An engine that settles part, one that refuses, one that does not answer the first time: the
// leftover and refusals are credited back, the silent one is asked again with the same key.
TEST_P(BalanceStoreTest, SettlementWorkerFinishesEveryIntentExactlyOnce) {
  store_->ConfigureAccount("src", {});
  store_->ConfigureAccount("dst", {std::nullopt, Amount{10}, 0});
  for (int i = 0; i < 3; ++i) {
    const std::string packet = "s" + std::to_string(i);
    store_->Prepare({packet, "src", 10, Clock::now() + std::chrono::hours(1)});
    ASSERT_TRUE(store_->Fulfill(packet, "dst", 10).settlement.has_value());
  }
  struct Engine : SettlementEngine {
    std::map<std::string, int> calls;
    Amount Settle(const SettlementIntent& intent) override {
      const int n = ++calls[intent.key];
      if (intent.key == "settle:s0") return 7;                     // settles 7 of 10
      if (intent.key == "settle:s1") throw SettlementRefused("no");  // refuses
      if (n == 1) throw std::runtime_error("timeout");              // s2: no answer at first
      return 10;
    }
  };
  auto engine = std::make_shared<Engine>();
  BalanceTrackerService service(store_, {std::chrono::hours(1), std::chrono::hours(1), false});
  service.AttachSettlementEngine(engine);
  service.SettleOnce();
  EXPECT_EQ(store_->UnfinishedSettlements().size(), 1u);  // s2 waits for an answer
  service.SettleOnce();
  EXPECT_TRUE(store_->UnfinishedSettlements().empty());
  EXPECT_EQ(engine->calls["settle:s2"], 2);
  EXPECT_EQ(engine->calls["settle:s0"], 1);
  EXPECT_EQ(store_->Balance("dst").clearing, 3 + 10);  // leftover of s0 and all of s1 credited back
  ExpectJournalsReconcile();
}

// Intents written before a restart are offered to the engine by the new process's background worker,
// and expired reservations are voided by its sweeper, without anyone calling them.
TEST_P(BalanceStoreTest, BackgroundWorkResumesAfterARestart) {
  store_->ConfigureAccount("src", {});
  store_->ConfigureAccount("dst", {std::nullopt, Amount{5}, 0});
  store_->Prepare({"before-crash", "src", 8, Clock::now() + std::chrono::hours(1)});
  ASSERT_TRUE(store_->Fulfill("before-crash", "dst", 8).settlement.has_value());
  store_->Prepare({"in-flight", "src", 4, Clock::now() + std::chrono::milliseconds(200)});
  store_.reset();  // the process is gone; what it wrote stays

  store_ = MakeStore();
  struct Engine : SettlementEngine {
    std::atomic<int> calls{0};
    Amount Settle(const SettlementIntent& intent) override {
      ++calls;
      return intent.amount;
    }
  };
  auto engine = std::make_shared<Engine>();
  BalanceTrackerService service(store_, {std::chrono::milliseconds(50), std::chrono::milliseconds(50), true});
  service.AttachSettlementEngine(engine);
  for (int i = 0; i < 200 && (!store_->UnfinishedSettlements().empty() || store_->Balance("src").pending != 0); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(store_->UnfinishedSettlements().empty());
  EXPECT_EQ(engine->calls.load(), 1);
  EXPECT_EQ(store_->Balance("src").pending, 0);
  EXPECT_EQ(store_->Balance("src").clearing, -8);  // the expired 4 came back
}

TEST_P(BalanceStoreTest, ConcurrentCallersLoseNothingAndNeverBreachTheMinimum) {
  store_->ConfigureAccount("pool", {Amount{-500}, std::nullopt, 0});
  store_->ConfigureAccount("sink", {});
  std::vector<std::thread> workers;
  std::atomic<int> fulfilled{0}, refused{0};
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([&, w] {
      for (int i = 0; i < 60; ++i) {
        const std::string packet = "w" + std::to_string(w) + "-" + std::to_string(i);
        try {
          store_->Prepare({packet, "pool", 5, Clock::now() + std::chrono::hours(1)});
          store_->Fulfill(packet, "sink", 5);
          ++fulfilled;
        } catch (const InsufficientLiquidity&) {
          ++refused;
        }
      }
    });
  }
  for (auto& t : workers) t.join();
  EXPECT_EQ(fulfilled.load(), 100);  // exactly 500 / 5 fit above the minimum
  EXPECT_EQ(refused.load(), 140);
  EXPECT_EQ(store_->Balance("pool").clearing, -500);
  EXPECT_EQ(store_->Balance("sink").clearing, 500);
  ExpectJournalsReconcile();
}

TEST_P(BalanceStoreTest, BadInputIsRefusedWithoutWriting) {
  store_->ConfigureAccount("a", {});
  EXPECT_THROW(store_->Prepare({"x", "nobody", 1, Clock::now()}), BalanceError);
  EXPECT_THROW(store_->Prepare({"x", "a", -1, Clock::now()}), AmountOutOfRange);
  EXPECT_THROW(store_->Fulfill("never-prepared", "a", 1), BalanceError);
  EXPECT_THROW(store_->IncomingSettlement("k", "a", -5), AmountOutOfRange);
  EXPECT_THROW(store_->ConfigureAccount("a", {std::nullopt, Amount{1}, 5}), BalanceError);
  EXPECT_THROW(store_->FinishSettlement("unknown", 0), BalanceError);
  EXPECT_TRUE(store_->Journal("a").empty());
  EXPECT_EQ(store_->Balance("a").Net(), 0);
}

// Above 2^53, where the connector's Lua compared doubles, and at the edge of 64 bits.
TEST_P(BalanceStoreTest, ExactInSixtyFourBits) {
  const Amount big = (Amount{1} << 60) + 1;
  store_->ConfigureAccount("big", {Amount{1}, std::nullopt, 0});
  store_->ConfigureAccount("edge", {});
  store_->IncomingSettlement("fund", "big", big);
  EXPECT_THROW(store_->Prepare({"too-much", "big", big, Clock::now() + std::chrono::hours(1)}), InsufficientLiquidity);
  EXPECT_EQ(store_->Prepare({"just", "big", big - 1, Clock::now() + std::chrono::hours(1)}).prepaid, 1);
  store_->IncomingSettlement("max", "edge", std::numeric_limits<Amount>::max());
  EXPECT_THROW(store_->IncomingSettlement("one-more", "edge", 1), AmountOutOfRange);
  EXPECT_EQ(store_->Balance("edge").prepaid, std::numeric_limits<Amount>::max());
  EXPECT_THROW(store_->ConfigureAccount("bad{id}", {}), BalanceError);
  EXPECT_THROW(store_->Prepare({"a|b", "big", 1, Clock::now()}), BalanceError);
}

// A fulfill refused half-way (the destination's credit would leave 64 bits after the source posted):
// nothing of it stays, the packet is still pending and can be rejected.
TEST_P(BalanceStoreTest, AFulfillRefusedHalfwayLeavesNothing) {
  const auto later = Clock::now() + std::chrono::hours(1);
  store_->ConfigureAccount("payer", {});
  store_->ConfigureAccount("full", {});
  store_->Prepare({"fill", "payer", 1, later});
  store_->Fulfill("fill", "full", std::numeric_limits<Amount>::max());
  store_->Prepare({"over", "payer", 1, later});
  const auto journal_before = store_->Journal("payer").size();
  EXPECT_THROW(store_->Fulfill("over", "full", 1), AmountOutOfRange);
  EXPECT_EQ(store_->Balance("payer").pending, 1);
  EXPECT_EQ(store_->Journal("payer").size(), journal_before);
  EXPECT_EQ(store_->Balance("full").clearing, std::numeric_limits<Amount>::max());
  EXPECT_EQ(store_->Reject("over").pending, 0);
  ExpectJournalsReconcile();
}

// PostgreSQL dropped the store's session (a restart, a failover, an administrator): the store opens a
// new connection and the operation goes through; without a way to reconnect, the error names the
// store and the next call does not hang.
TEST(SqlBalanceStore, ResumesAfterPostgresqlDroppedItsSession) {
  testing::TestDatabase database(db::DatabaseKind::kPostgresql);
  test::MigrateHostTables(database, db::DatabaseKind::kPostgresql);
  auto kill_sessions = [&] {
    database.Connect()->Query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                              "AND pid <> pg_backend_pid()");
  };
  {
    const auto store = OpenBalanceStore("database", "", "", [&] { return database.Connect(); });
    store->ConfigureAccount("a", {});
    EXPECT_EQ(store->IncomingSettlement("k1", "a", 5).prepaid, 5);
    kill_sessions();
    EXPECT_EQ(store->IncomingSettlement("k2", "a", 5).prepaid, 10);
    EXPECT_EQ(store->IncomingSettlement("k1", "a", 5).prepaid, 5);  // still idempotent: the first answer
    EXPECT_TRUE(Reconcile(*store).drift.empty());
  }
  SqlBalanceStore without_reopen(database.Connect());
  EXPECT_EQ(without_reopen.Balance("a").prepaid, 10);
  kill_sessions();
  try {
    without_reopen.Balance("a");
    FAIL() << "expected an error";
  } catch (const BalanceError& e) {
    EXPECT_NE(std::string(e.what()).find("postgresql://"), std::string::npos) << e.what();
  }
}

// Redis lost its functions (FUNCTION FLUSH, a restart without persistence): they are loaded again.
TEST(RedisBalanceStore, ReloadsItsFunctionsAndNamesTheStoreWhenDown) {
  RedisEndpoint endpoint;
  endpoint.port = RedisPort();
  endpoint.prefix = testing::UniqueName("lh_test");
  {
    RedisBalanceStore store(endpoint);
    store.ConfigureAccount("a", {});
    redisContext* c = redisConnect("127.0.0.1", RedisPort());
    ASSERT_TRUE(c != nullptr && !c->err);
    freeReplyObject(redisCommand(c, "FUNCTION FLUSH"));
    redisFree(c);
    EXPECT_EQ(store.IncomingSettlement("k", "a", 5).prepaid, 5);
  }
  DeleteRedisKeys(endpoint.prefix);
  RedisEndpoint down = endpoint;
  down.port = 1;  // nothing listens there
  try {
    RedisBalanceStore store(down);
    FAIL() << "expected an error";
  } catch (const BalanceError& e) {
    EXPECT_NE(std::string(e.what()).find("redis://127.0.0.1:1"), std::string::npos) << e.what();
  }
  EXPECT_EQ(ParseRedisUrl("redis://:secret@10.0.0.5:7000").port, 7000);
  EXPECT_THROW(ParseRedisUrl("http://x"), BalanceError);
}

// Redis Cluster cannot post the source and credit the destination atomically. Should the credit be
// refused after the post (another credit got there between lh_credit_check and lh_credit), the
// packet is put back to pending, by the caller or, after a crash, by the sweeper: played here by
// posting through Redis directly, then letting the sweeper meet the refusal.
TEST(RedisBalanceStore, ACreditRefusedAfterThePostPutsThePacketBack) {
  RedisEndpoint endpoint;
  endpoint.port = RedisPort();
  endpoint.prefix = testing::UniqueName("lh_test");
  {
    RedisBalanceStore store(endpoint);
    const auto later = Clock::now() + std::chrono::hours(1);
    store.ConfigureAccount("payer", {});
    store.ConfigureAccount("full", {});
    store.Prepare({"fill", "payer", 1, later});
    store.Fulfill("fill", "full", std::numeric_limits<Amount>::max());
    store.Prepare({"over", "payer", 1, later});
    redisContext* c = redisConnect("127.0.0.1", RedisPort());
    ASSERT_TRUE(c != nullptr && !c->err);
    std::vector<std::string> fcall{"FCALL", "lh_post", "8"};
    for (const char* key : {"acct", "res", "answers", "journal", "settle", "incoming", "expiry", "posting"}) {
      fcall.push_back(endpoint.prefix + ":{payer}:" + key);
    }
    for (const char* arg : {"payer", "over", "full", "1", "0"}) fcall.push_back(arg);
    std::vector<const char*> argv;
    std::vector<size_t> lengths;
    for (const auto& a : fcall) {
      argv.push_back(a.c_str());
      lengths.push_back(a.size());
    }
    auto* reply = static_cast<redisReply*>(redisCommandArgv(c, static_cast<int>(argv.size()), argv.data(), lengths.data()));
    ASSERT_TRUE(reply != nullptr && reply->type != REDIS_REPLY_ERROR) << (reply ? reply->str : c->errstr);
    freeReplyObject(reply);
    redisFree(c);
    EXPECT_EQ(store.Balance("payer").pending, 0);  // posted
    EXPECT_TRUE(store.ExpirePrepares(Clock::now(), 10).empty());
    EXPECT_EQ(store.Balance("payer").pending, 1);  // pending again
    EXPECT_EQ(store.Balance("full").clearing, std::numeric_limits<Amount>::max());
    EXPECT_EQ(store.Reject("over").pending, 0);
    EXPECT_TRUE(Reconcile(store).drift.empty());
  }
  DeleteRedisKeys(endpoint.prefix);
}

// A Redis that goes away: operations fail with an error naming the store (no hang), and work again
// once it is back, on the same data (appendonly), without a new store object.
TEST(RedisBalanceStore, OperationsResumeWhenTheServerIsBack) {
  const std::string dir = (std::filesystem::temp_directory_path() / testing::UniqueName("lh_redis")).string();
  std::filesystem::create_directories(dir);
  const int port = 20000 + static_cast<int>(::getpid() % 20000);
  const std::string start = "redis-server --bind 127.0.0.1 --port " + std::to_string(port) + " --daemonize yes --dir " +
                            dir + " --appendonly yes --appendfsync always --save '' --pidfile " + dir + "/redis.pid";
  auto ping = [&] { return std::system(("redis-cli -p " + std::to_string(port) + " ping >/dev/null 2>&1").c_str()) == 0; };
  auto wait_for = [&](bool up) {
    for (int i = 0; i < 100 && ping() != up; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return ping() == up;
  };
  ASSERT_EQ(std::system(start.c_str()), 0);
  ASSERT_TRUE(wait_for(true));
  RedisEndpoint endpoint;
  endpoint.port = port;
  RedisBalanceStore store(endpoint);
  store.ConfigureAccount("a", {});
  store.IncomingSettlement("before", "a", 7);

  (void)std::system(("redis-cli -p " + std::to_string(port) + " shutdown >/dev/null 2>&1").c_str());
  ASSERT_TRUE(wait_for(false));
  try {
    store.IncomingSettlement("while-down", "a", 1);
    FAIL() << "expected an error while Redis is down";
  } catch (const BalanceError& e) {
    EXPECT_NE(std::string(e.what()).find("redis://127.0.0.1:" + std::to_string(port)), std::string::npos) << e.what();
  }
  ASSERT_EQ(std::system(start.c_str()), 0);
  ASSERT_TRUE(wait_for(true));
  EXPECT_EQ(store.IncomingSettlement("after", "a", 5).prepaid, 12);  // the data survived, the store reconnected
  (void)std::system(("redis-cli -p " + std::to_string(port) + " shutdown nosave >/dev/null 2>&1").c_str());
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Stores, BalanceStoreTest, ::testing::Values(Store::kSqlite, Store::kPostgresql, Store::kMariadb, Store::kRedis),
                         test::StoreName);

}  // namespace
}  // namespace ledgerhost::balances
