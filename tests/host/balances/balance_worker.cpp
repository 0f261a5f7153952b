// A process of the multi-process balance test: prepares and fulfills (or rejects) 1-unit packets
// between the test's accounts until it has done --packets of them (or is killed).
//   balance_worker --store postgresql|redis --url URL [--key-prefix P] --worker N --packets M --accounts K
#include <cstdlib>
#include <iostream>
#include <memory>
#include <random>
#include <string>

#include "balances/redis_balance_store.h"
#include "balances/sql_balance_store.h"
#include "core/logging.h"
#include "migration/engine/database_url.h"

using namespace ledgerhost;

int main(int argc, char** argv) {
  std::string store_kind, url, prefix = "lh", worker = "0";
  int packets = 100, accounts = 4;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--store") store_kind = value;
    else if (flag == "--url") url = value;
    else if (flag == "--key-prefix") prefix = value;
    else if (flag == "--worker") worker = value;
    else if (flag == "--packets") packets = std::atoi(value.c_str());
    else if (flag == "--accounts") accounts = std::atoi(value.c_str());
  }
  ConfigureLogging("warn");
  std::unique_ptr<balances::BalanceStore> store;
  if (store_kind == "redis") {
    auto endpoint = balances::ParseRedisUrl(url);
    endpoint.prefix = prefix;
    store = std::make_unique<balances::RedisBalanceStore>(endpoint);
  } else {
    store = std::make_unique<balances::SqlBalanceStore>(migration::Connection::Open(migration::ParseDatabaseUrl(url)));
  }
  std::mt19937 random(std::stoi(worker) + 1);
  int refused = 0;
  for (int i = 0; i < packets; ++i) {
    const std::string packet = "w" + worker + "-" + std::to_string(i);
    const std::string source = "acct-" + std::to_string(random() % accounts);
    const std::string destination = "acct-" + std::to_string(random() % accounts);
    try {
      store->Prepare({packet, source, 1, std::chrono::system_clock::now() + std::chrono::minutes(5)});
    } catch (const InsufficientLiquidity&) {
      ++refused;
      continue;
    }
    if (random() % 4 == 0) {
      store->Reject(packet);
    } else {
      store->Fulfill(packet, destination, 1);
    }
  }
  std::cout << "worker " << worker << ": " << packets << " packets, " << refused << " refused" << std::endl;
  return 0;
}
