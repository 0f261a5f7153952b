// One backend per store (balance_rules.h says what each operation does). Every method is one atomic
// step on the store, journal entry included, and idempotent by its id; a refusal writes nothing.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "ledgerhost/balances.h"

namespace ledgerhost::balances {

// The store could not be asked (cannot connect, authentication, a broken or closed connection, an
// answer it should not give, shutting down), as opposed to a refusal by the rules. Still a
// BalanceError for callers; the metrics count it as an error, not a refusal.
class BalanceStoreUnavailable : public BalanceError {
 public:
  using BalanceError::BalanceError;
};

struct JournalEntry {
  std::string account;
  long long seq = 0;       // 1, 2, ... per account, without gaps
  std::string operation;   // prepare | post | fulfill | reject | expire | incoming_settlement | settlement_credit,
                           // and on Redis unpost (a post undone: the credit was refused after it)
  std::string operation_id;
  AccountBalance before;
  AccountBalance after;
  long long recorded_at_ms = 0;
};

class BalanceStore {
 public:
  virtual ~BalanceStore() = default;
  virtual std::string Describe() const = 0;  // which store, for messages (never a password)

  virtual void ConfigureAccount(const std::string& account, const BalanceSettings& settings) = 0;
  virtual BalanceSettings Settings(const std::string& account) = 0;
  virtual AccountBalance Balance(const std::string& account) = 0;
  virtual std::vector<std::string> Accounts() = 0;

  virtual AccountBalance Prepare(const PrepareRequest& request) = 0;
  virtual FulfillResult Fulfill(const std::string& packet_id, const std::string& destination, Amount amount) = 0;
  virtual AccountBalance Reject(const std::string& packet_id) = 0;
  virtual AccountBalance IncomingSettlement(const std::string& key, const std::string& account, Amount amount) = 0;

  // Voids up to `limit` pending reservations that expired before `now`; returns their packet ids.
  virtual std::vector<std::string> ExpirePrepares(std::chrono::system_clock::time_point now, int limit) = 0;
  // Settlement intents not finished yet, oldest first.
  virtual std::vector<SettlementIntent> UnfinishedSettlements() = 0;
  // Records the engine's answer: `settled` (0..amount) paid, the rest credited back to clearing.
  // Idempotent: finishing a finished intent changes nothing.
  virtual void FinishSettlement(const std::string& key, Amount settled) = 0;

  virtual std::vector<JournalEntry> Journal(const std::string& account) = 0;
};

}  // namespace ledgerhost::balances
