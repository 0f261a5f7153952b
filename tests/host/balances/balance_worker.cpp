// A process of the multi-process balance test: prepares and fulfills (or rejects) 1-unit packets
// between the test's accounts until it has done --packets of them (or is killed).
//   balance_worker --store postgresql|redis --url URL [--key-prefix P] --worker N --packets M --accounts K
//                  [--packet-prefix X]   (workers given the same X race for the same packets)
#include <cstdlib>
#include <iostream>
#include <memory>
#include <random>
#include <string>

#include "balances/balance_store_factory.h"
#include "core/logging.h"
#include "migration/engine/database_url.h"

using namespace ledgerhost;

int main(int argc, char** argv) {
  std::string store_kind, url, prefix = "lh", worker = "0", packet_prefix;
  int packets = 100, accounts = 4;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--store") store_kind = value;
    else if (flag == "--url") url = value;
    else if (flag == "--key-prefix") prefix = value;
    else if (flag == "--worker") worker = value;
    else if (flag == "--packets") packets = std::atoi(value.c_str());
    else if (flag == "--accounts") accounts = std::atoi(value.c_str());
    else if (flag == "--packet-prefix") packet_prefix = value;
  }
  ConfigureLogging("warn");
  const auto store = balances::OpenBalanceStore(
      store_kind == "redis" ? "redis" : "database", url, prefix,
      [&] { return migration::Connection::Open(migration::ParseDatabaseUrl(url)); });
  std::mt19937 random(std::stoi(worker) + 1);
  if (packet_prefix.empty()) packet_prefix = "w" + worker;
  int refused = 0, lost_races = 0;
  for (int i = 0; i < packets; ++i) {
    const std::string packet = packet_prefix + "-" + std::to_string(i);
    const std::string source = "acct-" + std::to_string(random() % accounts);
    const std::string destination = "acct-" + std::to_string(random() % accounts);
    try {
      store->Prepare({packet, source, 1, std::chrono::system_clock::now() + std::chrono::minutes(5)});
      if (random() % 4 == 0) {
        store->Reject(packet);
      } else {
        store->Fulfill(packet, destination, 1);
      }
    } catch (const InsufficientLiquidity&) {
      ++refused;
    } catch (const BalanceError& e) {
      // Another worker took this packet first (prepared it elsewhere, fulfilled or rejected it).
      const std::string message = e.what();
      if (message.find("before") == std::string::npos && message.find("after it was") == std::string::npos) throw;
      ++lost_races;
    }
  }
  std::cout << "worker " << worker << ": " << packets << " packets, " << refused << " refused, " << lost_races
            << " races lost" << std::endl;
  return 0;
}
