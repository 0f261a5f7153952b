// How the balance tracker counts its operations: a refusal by the rules is "refused", a store that
// cannot be asked is "error" (the alert an operator needs), and every operation is timed.
#include <gtest/gtest.h>

#include "balances/balance_store.h"
#include "balances/balance_tracker_service.h"
#include "monitoring/metrics.h"

namespace ledgerhost::balances {
namespace {

// A store that answers Balance() by the account's name: "down" cannot be asked, "unknown" is
// refused, anything else is fine. Only what these tests call does anything.
class ScriptedStore : public BalanceStore {
 public:
  std::string Describe() const override { return "scripted store"; }
  void ConfigureAccount(const std::string&, const BalanceSettings&) override {}
  BalanceSettings Settings(const std::string&) override { return {}; }
  AccountBalance Balance(const std::string& account) override {
    if (account == "down") throw BalanceStoreUnavailable("scripted store: cannot connect");
    if (account == "unknown") throw BalanceError("unknown account 'unknown'");
    AccountBalance balance;
    balance.account = account;
    return balance;
  }
  std::vector<std::string> Accounts() override { return {}; }
  AccountBalance Prepare(const PrepareRequest&) override { throw InsufficientLiquidity("not enough"); }
  FulfillResult Fulfill(const std::string&, const std::string&, Amount) override { return {}; }
  AccountBalance Reject(const std::string&) override { throw std::runtime_error("a bug"); }
  AccountBalance IncomingSettlement(const std::string&, const std::string&, Amount) override { return {}; }
  std::vector<std::string> ExpirePrepares(std::chrono::system_clock::time_point, int) override { return {}; }
  std::vector<SettlementIntent> UnfinishedSettlements() override { return {}; }
  void FinishSettlement(const std::string&, Amount) override {}
  std::vector<JournalEntry> Journal(const std::string&) override { return {}; }
};

bool Has(const std::string& text, const std::string& line) { return text.find(line + "\n") != std::string::npos; }

TEST(BalanceTrackerMetrics, RefusalsErrorsAndSuccessesAreToldApart) {
  monitoring::Metrics metrics;
  BalanceTrackerOptions options;
  options.background = false;
  options.metrics = &metrics;
  BalanceTrackerService tracker(std::make_shared<ScriptedStore>(), options);
  tracker.Balance("alice");
  EXPECT_THROW(tracker.Balance("unknown"), BalanceError);
  EXPECT_THROW(tracker.Balance("down"), BalanceError);  // still a BalanceError for the caller
  EXPECT_THROW(tracker.Prepare(PrepareRequest{}), InsufficientLiquidity);
  EXPECT_THROW(tracker.Reject("p1"), std::runtime_error);

  const std::string text = metrics.Render();
  EXPECT_TRUE(Has(text, R"(ledgerhost_balance_operations_total{operation="balance",outcome="ok"} 1)")) << text;
  EXPECT_TRUE(Has(text, R"(ledgerhost_balance_operations_total{operation="balance",outcome="refused"} 1)")) << text;
  EXPECT_TRUE(Has(text, R"(ledgerhost_balance_operations_total{operation="balance",outcome="error"} 1)")) << text;
  EXPECT_TRUE(Has(text, R"(ledgerhost_balance_operations_total{operation="prepare",outcome="refused"} 1)")) << text;
  EXPECT_TRUE(Has(text, R"(ledgerhost_balance_operations_total{operation="reject",outcome="error"} 1)")) << text;
  EXPECT_TRUE(Has(text, R"(ledgerhost_balance_operation_seconds_count{operation="balance"} 3)")) << text;
  EXPECT_TRUE(Has(text, R"(ledgerhost_balance_settlements_total{outcome="unanswered"} 0)"))
      << "series exist from the start\n"
      << text;
}

}  // namespace
}  // namespace ledgerhost::balances
