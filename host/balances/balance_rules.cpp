#include "balances/balance_rules.h"

#include <algorithm>

namespace ledgerhost::balances {
namespace {

Amount Add(const std::string& account, Amount a, Amount b) {
  Amount out = 0;
  if (__builtin_add_overflow(a, b, &out)) {
    throw AmountOutOfRange("account " + account + ": " + std::to_string(a) + " + " + std::to_string(b) +
                           " leaves the signed 64-bit range");
  }
  return out;
}

Amount Subtract(const std::string& account, Amount a, Amount b) {
  Amount out = 0;
  if (__builtin_sub_overflow(a, b, &out)) {
    throw AmountOutOfRange("account " + account + ": " + std::to_string(a) + " - " + std::to_string(b) +
                           " leaves the signed 64-bit range");
  }
  return out;
}

void RequireNonNegative(const std::string& account, Amount amount) {
  if (amount < 0) throw AmountOutOfRange("account " + account + ": amount " + std::to_string(amount) + " is negative");
}

// The net balance must stay representable, so that every store and every reader agrees on it.
AccountState Checked(const std::string& account, AccountState state) {
  Add(account, state.clearing, state.prepaid);
  return state;
}

}  // namespace

PrepareOutcome ApplyPrepare(const std::string& account, const AccountState& state, Amount amount,
                            const std::optional<Amount>& minimum) {
  RequireNonNegative(account, amount);
  const Amount net_after = Subtract(account, Add(account, state.clearing, state.prepaid), amount);
  if (minimum && net_after < *minimum) {
    throw InsufficientLiquidity("account " + account + ": a prepare of " + std::to_string(amount) +
                                " would bring the net balance to " + std::to_string(net_after) +
                                ", under its minimum " + std::to_string(*minimum));
  }
  PrepareOutcome out;
  out.reservation.amount = amount;
  out.reservation.from_prepaid = std::min(std::max<Amount>(state.prepaid, 0), amount);
  out.reservation.from_clearing = amount - out.reservation.from_prepaid;
  out.state = state;
  out.state.prepaid = Subtract(account, state.prepaid, out.reservation.from_prepaid);
  out.state.clearing = Subtract(account, state.clearing, out.reservation.from_clearing);
  out.state.pending = Add(account, state.pending, amount);
  out.state = Checked(account, out.state);
  return out;
}

AccountState ApplyPost(const std::string& account, const AccountState& state, const Reservation& reservation) {
  AccountState out = state;
  out.pending = Subtract(account, state.pending, reservation.amount);
  return out;
}

AccountState ApplyVoid(const std::string& account, const AccountState& state, const Reservation& reservation) {
  AccountState out = state;
  out.prepaid = Add(account, state.prepaid, reservation.from_prepaid);
  out.clearing = Add(account, state.clearing, reservation.from_clearing);
  out.pending = Subtract(account, state.pending, reservation.amount);
  return Checked(account, out);
}

CreditOutcome ApplyFulfillCredit(const std::string& account, const AccountState& state, Amount amount,
                                 const BalanceSettings& settings) {
  RequireNonNegative(account, amount);
  CreditOutcome out;
  out.state = state;
  out.state.clearing = Add(account, state.clearing, amount);
  out.state = Checked(account, out.state);
  if (settings.settle_threshold && out.state.clearing >= *settings.settle_threshold) {
    out.settle_amount = Subtract(account, out.state.clearing, settings.settle_to);
    if (out.settle_amount > 0) {
      out.state.clearing = settings.settle_to;
    } else {
      out.settle_amount = 0;
    }
  }
  return out;
}

AccountState ApplyIncomingSettlement(const std::string& account, const AccountState& state, Amount amount) {
  RequireNonNegative(account, amount);
  AccountState out = state;
  if (state.clearing >= 0) {
    out.prepaid = Add(account, state.prepaid, amount);
  } else if (state.clearing + amount <= 0) {  // clearing < 0 <= amount: the sum cannot overflow
    out.clearing = state.clearing + amount;
  } else {
    out.prepaid = Add(account, state.prepaid, state.clearing + amount);
    out.clearing = 0;
  }
  return Checked(account, out);
}

AccountState ApplySettlementCredit(const std::string& account, const AccountState& state, Amount amount) {
  RequireNonNegative(account, amount);
  AccountState out = state;
  out.clearing = Add(account, state.clearing, amount);
  return Checked(account, out);
}

void CheckId(const std::string& what, const std::string& id) {
  bool ok = !id.empty() && id.size() <= 255;
  for (unsigned char c : id) ok = ok && c >= 0x20 && c != 0x7f && c != '{' && c != '}' && c != '|';
  if (!ok) throw BalanceError(what + " '" + id + "' must have 1 to 255 characters, without control characters or { } |");
}

void CheckSettings(const std::string& account, const BalanceSettings& settings) {
  if (settings.settle_threshold && *settings.settle_threshold < settings.settle_to) {
    throw BalanceError("account " + account + ": settle threshold " + std::to_string(*settings.settle_threshold) +
                       " is under settle-to " + std::to_string(settings.settle_to));
  }
}

}  // namespace ledgerhost::balances
