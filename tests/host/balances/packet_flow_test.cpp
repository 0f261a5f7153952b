// The packet-flow driver on every store: contention on a hot account, refusals for liquidity,
// retried fulfills, partial settlements; money conserved and every journal reconciled. And the
// driver's own check: drift put into a store on purpose is reported.
#include "balances/packet_flow.h"

#include <gtest/gtest.h>

#include "balance_test_support.h"
#include "balances/redis_balance_store.h"
#include "balances/sql_balance_store.h"

namespace ledgerhost::balances {
namespace {

using test::Store;

class PacketFlowTest : public ::testing::TestWithParam<Store> {
 protected:
  void SetUp() override {
    if (GetParam() == Store::kRedis) {
      RedisEndpoint endpoint;
      endpoint.port = test::RedisPort();
      endpoint.prefix = redis_prefix_ = testing::UniqueName("lh_test");
      store_ = std::make_shared<RedisBalanceStore>(endpoint);
    } else {
      database_ = std::make_unique<testing::TestDatabase>(test::KindOf(GetParam()));
      test::MigrateHostTables(*database_, test::KindOf(GetParam()));
      store_ = std::make_shared<SqlBalanceStore>(database_->Connect());
    }
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
    if (!redis_prefix_.empty()) test::DeleteRedisKeys(redis_prefix_);
  }

  std::unique_ptr<testing::TestDatabase> database_;
  std::string redis_prefix_;
  std::shared_ptr<BalanceStore> store_;
};

TEST_P(PacketFlowTest, ConservesMoneyUnderContention) {
  PacketFlowOptions options;
  options.accounts = 6;
  options.packets = 1500;
  options.threads = 4;
  options.hot_share = 0.5;
  options.incoming_share = 0.2;
  options.settings = {Amount{0}, Amount{300}, 50};  // no credit: prepares wait for incoming settlements
  const PacketFlowReport report = RunPacketFlow(*store_, options);
  EXPECT_TRUE(report.problems.empty()) << report.problems.front();
  EXPECT_EQ(report.prepared + report.refused, options.packets);
  EXPECT_EQ(report.prepared, report.fulfilled + report.rejected);
  EXPECT_GT(report.refused, 0) << "a minimum of 0 should refuse some packets";
  EXPECT_GT(report.retried, 0);
  EXPECT_GT(report.settlements, 0);
  EXPECT_GT(report.partly_settled, 0);
  for (int i = 0; i < options.accounts; ++i) {
    const AccountBalance b = store_->Balance("flow-" + std::to_string(i));
    EXPECT_EQ(b.pending, 0) << "every packet was finished";
    EXPECT_GE(b.Net(), 0) << "the minimum was never breached";
  }
  // A second run on the same accounts plays new packets.
  options.packets = 200;
  EXPECT_TRUE(RunPacketFlow(*store_, options).problems.empty());
}

TEST(PacketFlow, ReportsDriftPutIntoTheStore) {
  testing::TestDatabase database(db::DatabaseKind::kSqlite);
  test::MigrateHostTables(database, db::DatabaseKind::kSqlite);
  SqlBalanceStore store(database.Connect());
  PacketFlowOptions options;
  options.accounts = 3;
  options.packets = 50;
  options.threads = 2;
  ASSERT_TRUE(RunPacketFlow(store, options).problems.empty());
  database.Connect()->Execute("UPDATE balance_accounts SET prepaid = prepaid + 7 WHERE account_id = 'flow-1'");
  options.packets = 0;
  const PacketFlowReport report = RunPacketFlow(store, options);
  ASSERT_FALSE(report.problems.empty());
  EXPECT_NE(report.problems.front().find("flow-1"), std::string::npos) << report.problems.front();
  PacketFlowOptions lonely;
  lonely.accounts = 1;
  EXPECT_THROW(RunPacketFlow(store, lonely), BalanceError);
}

INSTANTIATE_TEST_SUITE_P(Stores, PacketFlowTest, ::testing::Values(Store::kSqlite, Store::kPostgresql, Store::kMariadb, Store::kRedis),
                         test::StoreName);

}  // namespace
}  // namespace ledgerhost::balances
