// The rules on the ILPv4 connector's own test tables (RedisBalanceTracker*Test, ilp-connector-
// persistence.md §1.4), with the corrections the Java connector lacked: one threshold rule, exact
// 64-bit arithmetic, voids that give back exactly what prepare took.
#include "balances/balance_rules.h"

#include <limits>

#include <gtest/gtest.h>

namespace ledgerhost::balances {
namespace {

constexpr Amount kMax = std::numeric_limits<Amount>::max();
constexpr Amount kMin = std::numeric_limits<Amount>::min();

TEST(BalanceRules, PrepareTakesPrepaidFirstAndHonoursTheMinimum) {
  struct Case { Amount clearing, prepaid, amount; std::optional<Amount> minimum; bool refused; Amount clearing_after, prepaid_after; };
  const Case cases[] = {
      {0, 0, 10, std::nullopt, false, -10, 0},  {0, 100, 10, std::nullopt, false, 0, 90},
      {0, 5, 10, std::nullopt, false, -5, 0},   {10, 0, 10, Amount{0}, false, 0, 0},
      {10, 0, 11, Amount{0}, true, 0, 0},       {0, 0, 1, Amount{-1}, false, -1, 0},
      {0, 0, 2, Amount{-1}, true, 0, 0},        {-10, 0, 0, Amount{-10}, false, -10, 0},
      {0, 0, 10, Amount{-10}, false, -10, 0},   {0, 0, 10, Amount{1}, true, 0, 0},
  };
  for (const auto& c : cases) {
    const AccountState state{c.clearing, c.prepaid, 0};
    if (c.refused) {
      EXPECT_THROW(ApplyPrepare("a", state, c.amount, c.minimum), InsufficientLiquidity) << c.clearing << "/" << c.amount;
      continue;
    }
    const PrepareOutcome out = ApplyPrepare("a", state, c.amount, c.minimum);
    EXPECT_EQ(out.state, (AccountState{c.clearing_after, c.prepaid_after, c.amount})) << c.clearing << "/" << c.amount;
    EXPECT_EQ(out.reservation.from_prepaid + out.reservation.from_clearing, c.amount);
    // A void gives back exactly what was taken from each.
    EXPECT_EQ(ApplyVoid("a", out.state, out.reservation), state);
  }
}

TEST(BalanceRules, FulfillCutsAtTheThresholdToSettleTo) {
  struct Case { Amount clearing, amount; std::optional<Amount> threshold; Amount settle_to, settle, clearing_after; };
  const Case cases[] = {
      {9, 1, Amount{10}, 0, 10, 0},     // the connector's example: 9 + 1, threshold 10 -> settle 10
      {10, 1, Amount{5}, 5, 6, 5},      // 10 + 1, threshold 5, settle-to 5 -> settle 6
      {1, 1, Amount{2}, 1, 1, 1},       // threshold 2, settle-to 1: the Java connector cut without settling
      {0, 1, Amount{10}, 0, 0, 1},      // under the threshold: nothing
      {0, 5, std::nullopt, 0, 0, 5},    // no threshold: never
      {0, 3, Amount{3}, 3, 0, 3},       // reaches it but nothing above settle-to: no intent of 0
      {-20, 25, Amount{5}, 0, 5, 0},
  };
  for (const auto& c : cases) {
    BalanceSettings settings;
    settings.settle_threshold = c.threshold;
    settings.settle_to = c.settle_to;
    const CreditOutcome out = ApplyFulfillCredit("d", {c.clearing, 0, 0}, c.amount, settings);
    EXPECT_EQ(out.settle_amount, c.settle) << c.clearing << "+" << c.amount;
    EXPECT_EQ(out.state.clearing, c.clearing_after) << c.clearing << "+" << c.amount;
  }
}

TEST(BalanceRules, IncomingSettlementPaysDebtThenPrepaid) {
  EXPECT_EQ(ApplyIncomingSettlement("a", {0, 0, 0}, 10), (AccountState{0, 10, 0}));
  EXPECT_EQ(ApplyIncomingSettlement("a", {-30, 0, 0}, 10), (AccountState{-20, 0, 0}));
  EXPECT_EQ(ApplyIncomingSettlement("a", {-10, 5, 0}, 25), (AccountState{0, 20, 0}));
  EXPECT_EQ(ApplyIncomingSettlement("a", {kMin, 0, 0}, 10), (AccountState{kMin + 10, 0, 0}));
}

TEST(BalanceRules, ExactAtTheEdgesOfSixtyFourBits) {
  // Above 2^53, where the connector's Lua compared doubles.
  const Amount big = (Amount{1} << 60) + 1;
  const PrepareOutcome out = ApplyPrepare("a", {big, 0, 0}, big - 1, Amount{1});
  EXPECT_EQ(out.state.clearing, 1);
  EXPECT_THROW(ApplyPrepare("a", {big, 0, 0}, big, Amount{1}), InsufficientLiquidity);
  EXPECT_THROW(ApplyFulfillCredit("a", {kMax, 0, 0}, 1, {}), AmountOutOfRange);
  EXPECT_THROW(ApplyFulfillCredit("a", {kMax - 5, 10, 0}, 0, {}), AmountOutOfRange);  // the net would not fit
  EXPECT_THROW(ApplyPrepare("a", {kMin, 0, 0}, 1, std::nullopt), AmountOutOfRange);
  EXPECT_THROW(ApplyPrepare("a", {0, 0, 0}, -1, std::nullopt), AmountOutOfRange);
  EXPECT_THROW(ApplyIncomingSettlement("a", {0, kMax, 0}, 1), AmountOutOfRange);
  EXPECT_THROW(CheckSettings("a", {std::nullopt, Amount{1}, 2}), BalanceError);
}

}  // namespace
}  // namespace ledgerhost::balances
