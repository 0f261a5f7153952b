#include "balances/balance_tracker_service.h"

#include <string_view>

#include "core/logging.h"

namespace ledgerhost::balances {

namespace {

// The operations measured, in the order of their measures.
enum Operation { kBalance, kPrepare, kFulfill, kReject, kIncomingSettlement, kOperationCount };
constexpr const char* kOperationNames[kOperationCount] = {"balance", "prepare", "fulfill", "reject",
                                                          "incoming_settlement"};

}  // namespace

BalanceTrackerService::BalanceTrackerService(std::shared_ptr<BalanceStore> store, BalanceTrackerOptions options)
    : store_(std::move(store)), options_(options) {
  if (options_.metrics != nullptr) {
    monitoring::Metrics& metrics = *options_.metrics;
    auto& operations = metrics.AddCounter("ledgerhost_balance_operations_total",
                                          "Balance tracker operations by outcome (refused: the rules said no)",
                                          {"operation", "outcome"});
    auto& seconds = metrics.AddHistogram("ledgerhost_balance_operation_seconds",
                                         "How long balance tracker operations took, on the store", {"operation"},
                                         monitoring::Histogram::LatencyBounds());
    for (const char* name : kOperationNames) {
      operation_measures_.push_back({&operations.With({name, "ok"}), &operations.With({name, "refused"}),
                                     &operations.With({name, "error"}), &seconds.With({name})});
    }
    auto& settlements = metrics.AddCounter("ledgerhost_balance_settlements_total",
                                           "Settlement intents offered to the settlement engine, by outcome (settled, "
                                           "refused: credited back, invalid: an answer out of range, unanswered: asked "
                                           "again later)",
                                           {"outcome"});
    for (const char* outcome : {"settled", "refused", "invalid", "unanswered"}) {
      settlement_measures_[outcome] = &settlements.With({outcome});  // recorded without a lookup in the registry
    }
    expired_ = &metrics.AddCounter("ledgerhost_balance_prepares_expired_total",
                                   "Prepared packets voided because they expired").With();
  }
  if (options_.background) background_ = std::thread([this] { Background(); });
}

BalanceTrackerService::~BalanceTrackerService() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (background_.joinable()) background_.join();
}

template <typename Run>
auto BalanceTrackerService::Measured(int operation, Run&& run) -> decltype(run()) {
  if (operation_measures_.empty()) return run();
  const OperationMeasures& measures = operation_measures_[static_cast<size_t>(operation)];
  const auto started = std::chrono::steady_clock::now();
  const auto observe = [&] {
    measures.seconds->Observe(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  };
  try {
    auto result = run();
    observe();
    measures.ok->Add();
    return result;
  } catch (const BalanceStoreUnavailable&) {
    observe();
    measures.error->Add();
    throw;
  } catch (const BalanceError&) {
    observe();
    measures.refused->Add();
    throw;
  } catch (...) {
    observe();
    measures.error->Add();
    throw;
  }
}

void BalanceTrackerService::CountSettlement(const char* outcome) {
  if (const auto it = settlement_measures_.find(outcome); it != settlement_measures_.end()) it->second->Add();
}

void BalanceTrackerService::ConfigureAccount(const std::string& account, const BalanceSettings& settings) {
  store_->ConfigureAccount(account, settings);
}
BalanceSettings BalanceTrackerService::Settings(const std::string& account) { return store_->Settings(account); }
AccountBalance BalanceTrackerService::Balance(const std::string& account) {
  return Measured(kBalance, [&] { return store_->Balance(account); });
}
AccountBalance BalanceTrackerService::Prepare(const PrepareRequest& request) {
  return Measured(kPrepare, [&] { return store_->Prepare(request); });
}
AccountBalance BalanceTrackerService::Reject(const std::string& packet_id) {
  return Measured(kReject, [&] { return store_->Reject(packet_id); });
}

FulfillResult BalanceTrackerService::Fulfill(const std::string& packet_id, const std::string& destination, Amount amount) {
  FulfillResult result = Measured(kFulfill, [&] { return store_->Fulfill(packet_id, destination, amount); });
  if (result.settlement) {  // the worker offers it to the engine now, not at the next tick
    std::lock_guard<std::mutex> lock(mutex_);
    poked_ = true;
    wake_.notify_all();
  }
  return result;
}

AccountBalance BalanceTrackerService::IncomingSettlement(const std::string& key, const std::string& account,
                                                         Amount amount) {
  return Measured(kIncomingSettlement, [&] { return store_->IncomingSettlement(key, account, amount); });
}

void BalanceTrackerService::AttachSettlementEngine(std::shared_ptr<SettlementEngine> engine) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    engine_ = std::move(engine);
    poked_ = true;
  }
  wake_.notify_all();
}

int BalanceTrackerService::SweepOnce(std::chrono::system_clock::time_point now) {
  int total = 0;
  for (;;) {
    const auto expired = store_->ExpirePrepares(now, 500);
    total += static_cast<int>(expired.size());
    if (expired_ != nullptr) expired_->Add(static_cast<double>(expired.size()));
    if (expired.size() < 500) return total;
  }
}

int BalanceTrackerService::SettleOnce() {
  std::shared_ptr<SettlementEngine> engine;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    engine = engine_;
  }
  if (!engine) return 0;
  int finished = 0;
  for (const auto& intent : store_->UnfinishedSettlements()) {
    Amount settled = 0;
    const char* outcome = "settled";
    try {
      settled = engine->Settle(intent);
    } catch (const SettlementRefused& e) {
      Logger("balances")->warn("settlement {} of {} for account {} refused by the engine ({}): credited back",
                               intent.key, intent.amount, intent.account, e.what());
      settled = 0;
      outcome = "refused";
    } catch (const std::exception& e) {
      Logger("balances")->warn("settlement {} for account {}: no answer from the engine ({}); asking again later",
                               intent.key, intent.account, e.what());
      CountSettlement("unanswered");
      continue;
    }
    if (settled < 0 || settled > intent.amount) {
      Logger("balances")->error("settlement {}: the engine says it settled {} of {}; treated as 0, credited back",
                                intent.key, settled, intent.amount);
      settled = 0;
      outcome = "invalid";
    }
    store_->FinishSettlement(intent.key, settled);
    CountSettlement(settled == 0 && outcome == std::string_view("settled") ? "refused" : outcome);  // 0 settled: credited back, as a refusal
    ++finished;
  }
  return finished;
}

void BalanceTrackerService::Background() {
  auto next_sweep = std::chrono::steady_clock::now();
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait_until(lock, std::chrono::steady_clock::now() + options_.retry_interval,
                       [this] { return stopping_ || poked_; });
      if (stopping_) return;
      poked_ = false;
    }
    try {
      if (std::chrono::steady_clock::now() >= next_sweep) {
        SweepOnce();
        next_sweep = std::chrono::steady_clock::now() + options_.sweep_interval;
      }
      SettleOnce();
    } catch (const std::exception& e) {
      // The store may be down for a while; the duties resume when it is back.
      Logger("balances")->warn("balance tracker background work on {}: {}", store_->Describe(), e.what());
    }
  }
}

}  // namespace ledgerhost::balances
