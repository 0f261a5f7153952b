// ledgerhost::BalanceTracker (the SDK interface) over one store, with the two background duties that
// keep it honest: a sweeper that voids expired reservations, and a settlement worker that offers every
// unfinished settlement intent (also those written before a crash) to the attached engine with the
// same key until it answers.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <map>
#include <string_view>
#include <vector>

#include "balances/balance_store.h"
#include "ledgerhost/balances.h"
#include "monitoring/metrics.h"

namespace ledgerhost::balances {

struct BalanceTrackerOptions {
  std::chrono::milliseconds sweep_interval{1000};  // how often expired reservations are voided
  std::chrono::milliseconds retry_interval{1000};  // how soon an engine that did not answer is asked again
  bool background = true;  // false: no thread; the owner calls SweepOnce/SettleOnce (tests)
  // Where operations are counted and timed (ledgerhost_balance_*); null: not measured. Must outlive
  // the service.
  monitoring::Metrics* metrics = nullptr;
};

class BalanceTrackerService : public BalanceTracker {
 public:
  BalanceTrackerService(std::shared_ptr<BalanceStore> store, BalanceTrackerOptions options = {});
  ~BalanceTrackerService() override;  // stops the background work; intents in flight stay unfinished

  void ConfigureAccount(const std::string& account, const BalanceSettings& settings) override;
  BalanceSettings Settings(const std::string& account) override;
  AccountBalance Balance(const std::string& account) override;
  AccountBalance Prepare(const PrepareRequest& request) override;
  FulfillResult Fulfill(const std::string& packet_id, const std::string& destination, Amount amount) override;
  AccountBalance Reject(const std::string& packet_id) override;
  AccountBalance IncomingSettlement(const std::string& key, const std::string& account, Amount amount) override;
  void AttachSettlementEngine(std::shared_ptr<SettlementEngine> engine) override;

  // One pass of each duty, as the background thread runs them (tests call them directly).
  int SweepOnce(std::chrono::system_clock::time_point now = std::chrono::system_clock::now());
  int SettleOnce();

  BalanceStore& store() { return *store_; }

 private:
  void Background();
  // Runs one operation of the SDK interface, counted by outcome (ok; refused: a BalanceError of the
  // rules; error: a store that is down, BalanceStoreUnavailable, or any other failure) and timed.
  template <typename Operation>
  auto Measured(int operation, Operation&& run) -> decltype(run());
  void CountSettlement(const char* outcome);

  struct OperationMeasures {
    monitoring::Counter::Series* ok = nullptr;
    monitoring::Counter::Series* refused = nullptr;
    monitoring::Counter::Series* error = nullptr;
    monitoring::Histogram::Series* seconds = nullptr;
  };
  std::vector<OperationMeasures> operation_measures_;  // by operation index; empty: not measured
  std::map<std::string_view, monitoring::Counter::Series*> settlement_measures_;  // by outcome; empty: not measured
  monitoring::Counter::Series* expired_ = nullptr;

  std::shared_ptr<BalanceStore> store_;
  BalanceTrackerOptions options_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::shared_ptr<SettlementEngine> engine_;
  bool stopping_ = false;
  bool poked_ = false;  // a new intent or engine: settle now, not at the next tick
  std::thread background_;
};

}  // namespace ledgerhost::balances
