// The balance tracker on the node's SQL database (SQLite, PostgreSQL or MariaDB), in the host's balance_*
// tables (migrations/ledgerhost-node.changelog-v2.xml). One worker thread owns a dedicated connection
// and group-commits: the operations queued by every caller (up to 256) share one transaction and one
// fsync. Their rows are read up front (PostgreSQL: one statement per table), locked in a fixed order on
// a server (so processes sharing the database never lose an update), changed in memory
// and written back (PostgreSQL: one statement per table; sql_balance_batch.h); a refused operation leaves no
// trace. A batch that lost a race with another process (deadlock, or the same new packet inserted
// first) is run again from the start, as nothing of it was committed.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "balances/balance_rules.h"
#include "balances/balance_store.h"
#include "balances/sql_balance_batch.h"
#include "db/connection.h"

namespace ledgerhost::balances {

class SqlBalanceStore : public BalanceStore {
 public:
  using Opener = std::function<std::unique_ptr<db::Connection>()>;
  // `connection` is the store's own (tables created by the host's changelog beforehand). With
  // `reopen`, a connection the server dropped (restart, failover, a killed session) is replaced and
  // the batch it broke runs again on the new one: every operation is idempotent by its id, so one
  // that was committed just before the drop is answered, not applied twice.
  explicit SqlBalanceStore(std::unique_ptr<db::Connection> connection, Opener reopen = {});
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
  struct Job {
    SqlBatch::Needs needs;                // rows read up front, in one statement per table
    bool direct = false;                  // queries or writes the tables itself: earlier changes are flushed first
    std::function<void(SqlBatch&)> body;  // throws BalanceError to refuse
    std::promise<void> done;
  };

  // Runs `op` on the worker thread inside a transaction shared with other queued operations and
  // returns its result; its exception, if any, is rethrown here.
  template <typename Result>
  Result Run(SqlBatch::Needs needs, std::function<Result(SqlBatch&)> op, bool direct = false);
  void Worker();
  void RunBatch(std::vector<Job>& batch);
  void RunBatchOnce(std::vector<Job>& batch, std::vector<std::exception_ptr>& refused);
  std::string P(int n) const;  // the n-th placeholder (Connection::Placeholder)
  void ConfigureSession();     // durability and planner settings of a new connection
  bool Reconnected();          // after a failed batch: true when the connection was dead and is new
  AccountBalance VoidReservation(SqlBatch& batch, const std::string& packet_id, const std::string& operation);

  std::unique_ptr<db::Connection> connection_;
  Opener reopen_;
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
