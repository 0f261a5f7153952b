// A process of the multi-process balance tests: prepares and fulfills (or rejects) 1-unit packets
// between the test's accounts until it has done --packets of them (or is killed).
//   balance_worker --store postgresql|redis --url URL [--key-prefix P] --worker N --packets M --accounts K
//                  [--packet-prefix X]   (workers given the same X race for the same packets)
// Or, with --settle LEDGER, it is the settlement side: the tracker's settlement worker offers every
// unfinished intent to a settlement engine that keeps its own ledger (a file, one "key amount" line
// per settlement, fsynced) and, as a real engine does, answers a key it has seen with what it did
// then; it settles at most 7 of each intent. It exits when no intent is left (or is killed).
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>
#include <memory>
#include <random>
#include <string>

#include "balances/balance_store_factory.h"
#include "balances/balance_tracker_service.h"
#include "core/logging.h"
#include "db/database_url.h"

using namespace ledgerhost;

namespace {

class LedgerEngine : public SettlementEngine {
 public:
  explicit LedgerEngine(std::string path) : path_(std::move(path)) {
    std::ifstream in(path_);
    std::string key;
    Amount amount = 0;
    while (in >> key >> amount) done_[key] = amount;
  }
  Amount Settle(const SettlementIntent& intent) override {
    const auto seen = done_.find(intent.key);
    if (seen != done_.end()) return seen->second;  // the same key again: the first answer
    const Amount settled = std::min<Amount>(intent.amount, 7);
    const std::string line = intent.key + " " + std::to_string(settled) + "\n";
    const int fd = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT, 0644);
    if (fd < 0 || ::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()) || ::fsync(fd) != 0) {
      std::cerr << "cannot write " << path_ << std::endl;
      std::exit(3);
    }
    ::close(fd);
    done_[intent.key] = settled;
    // The window a crash is most likely to hit: paid, not yet recorded by the tracker.
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return settled;
  }

 private:
  std::string path_;
  std::map<std::string, Amount> done_;
};

}  // namespace

int main(int argc, char** argv) {
  std::string store_kind, url, prefix = "lh", worker = "0", packet_prefix, settle_ledger;
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
    else if (flag == "--settle") settle_ledger = value;
  }
  ConfigureLogging("warn");
  const auto store = balances::OpenBalanceStore(
      store_kind == "redis" ? "redis" : "database", url, prefix,
      [&] { return db::Connection::Open(db::ParseDatabaseUrl(url)); });
  if (!settle_ledger.empty()) {
    balances::BalanceTrackerOptions options;
    options.background = false;
    balances::BalanceTrackerService tracker(store, options);
    tracker.AttachSettlementEngine(std::make_shared<LedgerEngine>(settle_ledger));
    while (!store->UnfinishedSettlements().empty()) tracker.SettleOnce();
    std::cout << "settled every intent" << std::endl;
    return 0;
  }
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
