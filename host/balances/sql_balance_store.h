// The balance tracker on the node's SQL database (SQLite or PostgreSQL), in the host's balance_*
// tables (migrations/ledgerhost-node.changelog-v2.xml). One worker thread owns a dedicated connection
// and group-commits: the operations queued by every caller (up to 256) share one transaction and one
// fsync, each inside its own savepoint so that a refused one leaves no trace. On PostgreSQL the
// accounts' rows are taken FOR UPDATE, so processes sharing the database never lose an update; a
// batch chosen as a deadlock victim by another process's batch is run again.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "balances/balance_rules.h"
#include "balances/balance_store.h"
#include "migration/engine/connection.h"

namespace ledgerhost::balances {

class SqlBalanceStore : public BalanceStore {
 public:
  // `connection` is the store's own (tables created by the host's changelog beforehand).
  explicit SqlBalanceStore(std::unique_ptr<migration::Connection> connection);
  ~SqlBalanceStore() override;
  SqlBalanceStore(const SqlBalanceStore&) = delete;
  SqlBalanceStore& operator=(const SqlBalanceStore&) = delete;

  std::string Describe() const override { return description_; }
  void ConfigureAccount(const std::string& account, const BalanceSettings& settings) override;
  BalanceSettings Settings(const std::string& account) override;
  AccountBalance Balance(const std::string& account) override;
  std::vector<std::string> Accounts() override;
  AccountBalance Prepare(const PrepareRequest& request) override;
  FulfillResult Fulfill(const std::string& packet_id, const std::string& destination, Amount amount) override;
  AccountBalance Reject(const std::string& packet_id) override;
  AccountBalance IncomingSettlement(const std::string& key, const std::string& account, Amount amount) override;
  std::vector<std::string> ExpirePrepares(std::chrono::system_clock::time_point now, int limit) override;
  std::vector<SettlementIntent> UnfinishedSettlements() override;
  void FinishSettlement(const std::string& key, Amount settled) override;
  std::vector<JournalEntry> Journal(const std::string& account) override;

 private:
  struct Account {
    std::string id;
    AccountState state;
    BalanceSettings settings;
    long long journal_seq = 0;
  };
  struct Job {
    std::function<void()> body;
    std::promise<void> done;
  };

  // Runs `op` on the worker thread inside a transaction (shared with other queued operations on
  // SQLite) and returns its result; its exception, if any, is rethrown here.
  template <typename Result>
  Result Run(std::function<Result()> op);
  void Worker();
  void RunBatch(std::vector<Job>& batch);
  void RunBatchOnce(std::vector<Job>& batch, std::vector<std::exception_ptr>& refused);

  std::string P(int n) const;  // the n-th placeholder: $n or ?
  std::optional<Account> FindAccount(const std::string& account, bool lock);
  Account LoadAccount(const std::string& account, bool lock);
  // Writes `after` to the account with a journal entry; returns the balance written.
  AccountBalance Save(Account& account, const AccountState& after, const std::string& operation,
                      const std::string& operation_id);
  // The answer a first call gave (the journal entry's after-state).
  AccountBalance Answer(const std::string& account, const std::string& operation, const std::string& operation_id);
  struct ReservationRow {
    std::string account;
    Reservation reservation;
    long long expires_at_ms = 0;
    std::string state;
    std::string destination;
    Amount destination_amount = 0;
    std::string settlement_key;
  };
  std::optional<ReservationRow> FindReservation(const std::string& packet_id);
  AccountBalance VoidReservation(const std::string& packet_id, const ReservationRow& row, const std::string& operation);

  std::unique_ptr<migration::Connection> connection_;
  std::string description_;
  const bool sqlite_;
  const std::size_t max_batch_;

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace ledgerhost::balances
