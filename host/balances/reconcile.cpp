#include "balances/reconcile.h"

namespace ledgerhost::balances {
namespace {

std::string Numbers(const AccountBalance& b) {
  return "clearing " + std::to_string(b.clearing) + ", prepaid " + std::to_string(b.prepaid) + ", pending " +
         std::to_string(b.pending);
}

bool Same(const AccountBalance& a, const AccountBalance& b) {
  return a.clearing == b.clearing && a.prepaid == b.prepaid && a.pending == b.pending;
}

}  // namespace

ReconcileReport Reconcile(BalanceStore& store) {
  ReconcileReport report;
  for (const auto& account : store.Accounts()) {
    ++report.accounts;
    AccountBalance running{account, 0, 0, 0};
    long long expected_seq = 0;
    for (const auto& entry : store.Journal(account)) {
      ++report.entries;
      if (entry.seq != ++expected_seq) {
        report.drift.push_back(account + ": journal entry " + std::to_string(entry.seq) + " where " +
                               std::to_string(expected_seq) + " was due");
        expected_seq = entry.seq;
      }
      if (!Same(entry.before, running)) {
        report.drift.push_back(account + ": journal entry " + std::to_string(entry.seq) + " (" + entry.operation + " " +
                               entry.operation_id + ") starts at " + Numbers(entry.before) + ", the journal had " +
                               Numbers(running));
      }
      running = entry.after;
    }
    const AccountBalance balance = store.Balance(account);
    if (!Same(balance, running)) {
      report.drift.push_back(account + ": balance is " + Numbers(balance) + ", its journal adds up to " + Numbers(running));
    }
    if (balance.pending < 0) report.drift.push_back(account + ": pending is negative (" + Numbers(balance) + ")");
  }
  return report;
}

}  // namespace ledgerhost::balances
