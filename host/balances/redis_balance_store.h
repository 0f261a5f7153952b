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
#include <unordered_map>
#include <unordered_set>
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
  // Sends `args` and waits for its reply. Callers' commands are pipelined: each dispatcher writes
  // every queued command on its connection, then reads the replies in order, so concurrent callers
  // share round trips (and, with appendfsync always, fsyncs); several connections keep commands
  // flowing while one waits for its replies.
  Reply Command(const std::vector<std::string>& args);
  std::future<Reply> Enqueue(const std::vector<std::string>& args);  // without waiting
  void Dispatch(redisContext*& context);
  void SendBatch(std::vector<Pending>& batch, redisContext*& context);
  Reply Synchronous(const std::vector<std::string>& args);  // before the dispatchers run
  // FCALL of `function` on `account`'s keys; Redis refusals (LH_*) become the SDK's exceptions.
  Reply Call(const std::string& function, const std::string& account, std::vector<std::string> args);
  std::vector<std::string> FcallCommand(const std::string& function, const std::string& account,
                                        const std::vector<std::string>& args) const;
  std::vector<std::string> Keys(const std::string& account) const;
  std::string PacketKey(const std::string& packet_id) const;
  // The account that prepared `packet_id` ("" when none): remembered for the packets this process
  // prepared (a packet's source never changes), asked of Redis for the others.
  std::string SourceOf(const std::string& packet_id);
  void ForgetSource(const std::string& packet_id);
  // Refuses an account Redis does not have; accounts are never removed, so a known one is not asked again.
  void RequireAccount(const std::string& account);
  void Connect(redisContext*& context);
  void LoadFunctions();
  // Completes fulfills whose destination credit a crash interrupted.
  void FinishPostedFulfills(const std::string& account);

  static constexpr std::size_t kConnections = 4;
  static constexpr std::size_t kMaxRememberedSources = 1 << 20;

  RedisEndpoint endpoint_;
  std::vector<redisContext*> contexts_;  // one per dispatcher, used by its thread only (and the constructor before)
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;
  bool stopping_ = false;
  std::vector<std::thread> dispatchers_;

  std::mutex known_mutex_;
  std::unordered_set<std::string> known_accounts_;
  std::unordered_map<std::string, std::string> sources_;  // packet id -> source account
};

}  // namespace ledgerhost::balances
