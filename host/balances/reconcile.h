// `ledgerhost balances reconcile`: every account's journal must be one gapless chain (each entry
// starting where the previous one ended) that ends at the account's balance.
#pragma once

#include <string>
#include <vector>

#include "balances/balance_store.h"

namespace ledgerhost::balances {

struct ReconcileReport {
  int accounts = 0;
  long long entries = 0;
  std::vector<std::string> drift;  // one line per problem, naming the account and entry
};

ReconcileReport Reconcile(BalanceStore& store);

}  // namespace ledgerhost::balances
