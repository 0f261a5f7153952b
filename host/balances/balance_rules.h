// The balance rules, once: what prepare, fulfill, reject, expiry and settlements do to an account's
// numbers. Every store applies exactly these (SQLite in C++, PostgreSQL and Redis in their own
// statements checked against these by the model-based test); nothing here touches a store.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "ledgerhost/balances.h"

namespace ledgerhost::balances {

// Times as every store keeps them (expiries, last changes): milliseconds since the Unix epoch.
inline long long EpochMilliseconds(std::chrono::system_clock::time_point time) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}
inline long long NowEpochMilliseconds() { return EpochMilliseconds(std::chrono::system_clock::now()); }

struct AccountState {
  Amount clearing = 0;
  Amount prepaid = 0;
  Amount pending = 0;
  bool operator==(const AccountState&) const = default;
};

// What a prepare took, so that voiding it gives back exactly that.
struct Reservation {
  Amount amount = 0;
  Amount from_prepaid = 0;
  Amount from_clearing = 0;
};

struct PrepareOutcome {
  AccountState state;
  Reservation reservation;
};

struct CreditOutcome {
  AccountState state;
  Amount settle_amount = 0;  // > 0: the clearing balance was cut by this much; a settlement intent is due
};

// Throws AmountOutOfRange for amount < 0 or a result outside int64 (net included), and
// InsufficientLiquidity when the net balance would fall under `minimum`. `account` names the account
// in messages.
PrepareOutcome ApplyPrepare(const std::string& account, const AccountState& state, Amount amount,
                            const std::optional<Amount>& minimum);
// The reservation leaves pending; the balance stays as prepare left it.
AccountState ApplyPost(const std::string& account, const AccountState& state, const Reservation& reservation);
// Reject or expiry: prepaid and clearing get back what prepare took from each.
AccountState ApplyVoid(const std::string& account, const AccountState& state, const Reservation& reservation);
// Fulfill on the destination: clearing += amount; when settle_threshold is set and clearing reaches
// it, clearing is cut to settle_to and the difference is to be settled (never 0: equal means none).
CreditOutcome ApplyFulfillCredit(const std::string& account, const AccountState& state, Amount amount,
                                 const BalanceSettings& settings);
// Money from the account holder pays down what they owe (negative clearing), the rest is prepaid.
AccountState ApplyIncomingSettlement(const std::string& account, const AccountState& state, Amount amount);
// What the settlement engine did not settle goes back to clearing.
AccountState ApplySettlementCredit(const std::string& account, const AccountState& state, Amount amount);

// Account ids, packet ids and settlement keys: 1 to 255 characters, none of them a control character
// or one of { } | (Redis hash tags and journal fields use those). Throws BalanceError naming `what`.
void CheckId(const std::string& what, const std::string& id);

// Throws BalanceError for settle_threshold < settle_to.
void CheckSettings(const std::string& account, const BalanceSettings& settings);

}  // namespace ledgerhost::balances
