#include "balances/balance_store_factory.h"

#include "balances/redis_balance_store.h"
#include "balances/sql_balance_store.h"

namespace ledgerhost::balances {

std::shared_ptr<BalanceStore> OpenBalanceStore(const std::string& store, const std::string& url,
                                               const std::string& key_prefix,
                                               const std::function<std::unique_ptr<db::Connection>()>& open_database) {
  if (store == "redis") {
    RedisEndpoint endpoint = ParseRedisUrl(url);
    endpoint.prefix = key_prefix;
    return std::make_shared<RedisBalanceStore>(endpoint);
  }
  auto connection = open_database();
  if (!connection->TableExists("balance_accounts")) {
    throw BalanceError(connection->description() + " has no balance tables yet: run the node's migrations first");
  }
  return std::make_shared<SqlBalanceStore>(std::move(connection), open_database);
}

}  // namespace ledgerhost::balances
