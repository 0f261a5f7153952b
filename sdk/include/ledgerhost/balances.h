// The balance tracker: the hot per-account balances of an Interledger connector (ServiceHub::Balances()).
//
// Meanings (those of the ILPv4 connector's BalanceTracker):
// - clearing: what the node owes the account holder (positive) or is owed (negative);
// - prepaid: what the account holder paid in advance; net = clearing + prepaid;
// - pending: what prepares in flight have reserved (already taken from prepaid first, then clearing).
// Amounts are signed 64-bit integers in the account's own units. Every balance component and the net
// balance stay within that range: an operation that would leave it is refused (AmountOutOfRange)
// before anything is written. Every operation is idempotent by its id (packet id, settlement key): a
// retried call returns the first answer and never applies twice. Every change is journaled in the same
// atomic step (`ledgerhost balances journal ACCOUNT`).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace ledgerhost {

using Amount = std::int64_t;

// A refused operation (unknown account or packet, bad amount, store unavailable); nothing was written.
class BalanceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A prepare that would take the account's net balance below its minimum (ILP's T04).
class InsufficientLiquidity : public BalanceError {
 public:
  using BalanceError::BalanceError;
};

// An amount that is negative where it must not be, or a result outside the signed 64-bit range.
class AmountOutOfRange : public BalanceError {
 public:
  using BalanceError::BalanceError;
};

struct AccountBalance {
  std::string account;
  Amount clearing = 0;
  Amount prepaid = 0;
  Amount pending = 0;
  Amount Net() const { return clearing + prepaid; }  // always within range (see above)
};

// An account's settings: from node.yaml (balances.accounts) or a plugin (BalanceTracker::ConfigureAccount).
struct BalanceSettings {
  std::optional<Amount> minimum;           // the net balance may not fall below it; none = no minimum
  std::optional<Amount> settle_threshold;  // settle when clearing reaches it; none = never
  Amount settle_to = 0;                    // what clearing is cut to; settle_threshold >= settle_to
};

// Money the node owes an account holder and has taken off the account's clearing balance, to be paid
// by the settlement engine. Written in the same atomic step as the cut, so a crash cannot lose it.
struct SettlementIntent {
  std::string key;  // idempotency key: the same on every retry of this settlement
  std::string account;
  Amount amount = 0;
};

struct PrepareRequest {
  std::string packet_id;  // unique per packet; the idempotency id of prepare, fulfill and reject
  std::string account;    // the source account
  Amount amount = 0;      // >= 0
  std::chrono::system_clock::time_point expires_at;  // after it the tracker voids the reservation itself
};

struct FulfillResult {
  AccountBalance destination;                 // after the credit (and the cut, when one was made)
  std::optional<SettlementIntent> settlement;  // when the credit reached the settle threshold
};

// Implemented by a plugin (e.g. a settlement-engine client) and attached to the tracker.
class SettlementEngine {
 public:
  virtual ~SettlementEngine() = default;
  // Settles `intent` with the account holder, idempotently by intent.key. Returns the amount settled
  // (0..intent.amount; the rest is credited back to the account). Throw SettlementRefused when the
  // engine definitely refuses (the whole amount is credited back); any other exception means "no
  // answer" and the same intent is offered again later.
  virtual Amount Settle(const SettlementIntent& intent) = 0;
};

class SettlementRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class BalanceTracker {
 public:
  virtual ~BalanceTracker() = default;

  // Creates the account or changes its settings. Throws BalanceError for settle_threshold < settle_to.
  virtual void ConfigureAccount(const std::string& account, const BalanceSettings& settings) = 0;
  virtual BalanceSettings Settings(const std::string& account) = 0;
  virtual AccountBalance Balance(const std::string& account) = 0;

  // Reserves `amount` on the source account, prepaid first. Throws InsufficientLiquidity when the net
  // balance after it would be under the account's minimum.
  virtual AccountBalance Prepare(const PrepareRequest& request) = 0;
  // Posts the packet's reservation and credits `amount` to `destination`; at the settle threshold the
  // destination's clearing balance is cut to settle_to and a SettlementIntent written with it.
  virtual FulfillResult Fulfill(const std::string& packet_id, const std::string& destination, Amount amount) = 0;
  // Voids the packet's reservation: the source account gets back exactly what prepare took.
  virtual AccountBalance Reject(const std::string& packet_id) = 0;
  // Money received from the account holder: pays down what they owe, the rest becomes prepaid. The same
  // key again returns the first answer; with another account or amount it is a BalanceError.
  virtual AccountBalance IncomingSettlement(const std::string& key, const std::string& account, Amount amount) = 0;

  // The engine that settles intents; unfinished intents (also those of before a restart) are offered to it.
  virtual void AttachSettlementEngine(std::shared_ptr<SettlementEngine> engine) = 0;
};

}  // namespace ledgerhost
