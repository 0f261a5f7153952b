// The balance tracker on Redis 7 (hiredis): one Redis Function per operation (redis_functions.lua,
// loaded with FUNCTION LOAD and loaded again when Redis lost it), every key of an account under the
// account's hash tag and passed in KEYS, so the functions run unchanged on Redis Cluster. A fulfill
// touches two accounts, which Redis Cluster cannot do atomically: the source posts first (recording
// the destination and amount), the destination is credited (idempotent by packet id), then the source
// marks it done; the sweeper finishes any credit a crash interrupted. Every function is idempotent,
// so a command whose answer was lost to a broken connection is simply sent again.
#pragma once

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "balances/balance_store.h"

struct redisContext;

namespace ledgerhost::balances {

struct RedisEndpoint {
  std::string host = "127.0.0.1";
  int port = 6379;
  std::string password;       // never logged; LEDGERHOST_REDIS_PASSWORD
  std::string prefix = "lh";  // every key starts with it: several trackers (or tests) can share a server
};

// redis://[:password@]host[:port]; the environment's LEDGERHOST_REDIS_PASSWORD overrides the URL's.
RedisEndpoint ParseRedisUrl(const std::string& url);

class RedisBalanceStore : public BalanceStore {
 public:
  explicit RedisBalanceStore(RedisEndpoint endpoint);
  ~RedisBalanceStore() override;
  RedisBalanceStore(const RedisBalanceStore&) = delete;
  RedisBalanceStore& operator=(const RedisBalanceStore&) = delete;

  std::string Describe() const override;
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

  struct Reply {
    enum class Kind { kNil, kString, kInteger, kArray, kError } kind = Kind::kNil;
    std::string text;
    long long integer = 0;
    std::vector<Reply> elements;
  };

 private:
  struct Pending {
    std::vector<std::string> args;
    std::promise<Reply> reply;
  };
  // Sends `args` through the one connection and waits for its reply. Callers' commands are pipelined:
  // the dispatcher writes every queued command, then reads the replies in order, so concurrent callers
  // share round trips (and, with appendfsync always, fsyncs).
  Reply Command(const std::vector<std::string>& args);
  void Dispatch();
  void SendBatch(std::vector<Pending>& batch);
  Reply Synchronous(const std::vector<std::string>& args);  // before the dispatcher runs
  // FCALL of `function` on `account`'s keys; Redis refusals (LH_*) become the SDK's exceptions.
  Reply Call(const std::string& function, const std::string& account, std::vector<std::string> args);
  std::vector<std::string> Keys(const std::string& account) const;
  std::string PacketKey(const std::string& packet_id) const;
  std::string SourceOf(const std::string& packet_id);
  void Connect();
  void LoadFunctions();
  // Completes fulfills whose destination credit a crash interrupted.
  void FinishPostedFulfills(const std::string& account);

  RedisEndpoint endpoint_;
  redisContext* context_ = nullptr;  // used by the dispatcher thread only (and the constructor before it)
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;
  bool stopping_ = false;
  std::thread dispatcher_;
};

}  // namespace ledgerhost::balances
