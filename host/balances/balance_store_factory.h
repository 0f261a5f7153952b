// The store node.yaml's `balances:` names: the node's own database, or Redis.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "balances/balance_store.h"
#include "db/connection.h"

namespace ledgerhost::balances {

// `store` "database": a SqlBalanceStore on the connection `open_database` gives; "redis": `url`.
// Throws BalanceError naming the store when it cannot be reached.
std::shared_ptr<BalanceStore> OpenBalanceStore(const std::string& store, const std::string& url,
                                               const std::string& key_prefix,
                                               const std::function<std::unique_ptr<db::Connection>()>& open_database);

}  // namespace ledgerhost::balances
