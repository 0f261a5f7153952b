#include "balances/packet_flow.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <thread>

#include "balances/reconcile.h"

namespace ledgerhost::balances {
namespace {

using Clock = std::chrono::steady_clock;

__int128 Total(BalanceStore& store, const std::vector<std::string>& accounts) {
  __int128 total = 0;
  for (const auto& account : accounts) {
    const AccountBalance b = store.Balance(account);
    total += static_cast<__int128>(b.clearing) + b.prepaid + b.pending;
  }
  return total;
}

std::string Text(__int128 value) {
  if (value == 0) return "0";
  const bool negative = value < 0;
  std::string out;
  for (; value != 0; value /= 10) out.insert(out.begin(), static_cast<char>('0' + (negative ? -(value % 10) : value % 10)));
  return negative ? "-" + out : out;
}

struct Counters {
  std::atomic<long long> prepared{0}, fulfilled{0}, rejected{0}, refused{0}, retried{0}, incoming{0};
  std::atomic<long long> settlements{0}, partly_settled{0}, operations{0};
  std::atomic<long long> incoming_amount{0}, settled_amount{0};
};

}  // namespace

PacketFlowReport RunPacketFlow(BalanceStore& store, const PacketFlowOptions& options) {
  if (options.threads < 1 || options.packets < 0 || options.max_amount < 1) {
    throw BalanceError("packet flow: threads must be at least 1, packets not negative, max amount at least 1");
  }
  std::vector<std::string> accounts;
  if (options.existing_accounts) {
    accounts = store.Accounts();
  } else {
    for (int i = 0; i < options.accounts; ++i) {
      accounts.push_back(options.prefix + "-" + std::to_string(i));
      store.ConfigureAccount(accounts.back(), options.settings);
    }
  }
  if (accounts.size() < 2) throw BalanceError("packet flow: at least two accounts are needed, " + store.Describe() + " has " + std::to_string(accounts.size()));

  const __int128 total_before = Total(store, accounts);
  // Ids unique per run, so that a second run on the same store plays new packets.
  const std::string run = options.prefix + "-" + std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
  Counters count;
  std::vector<std::vector<double>> latencies(options.threads);
  std::mutex failure_mutex;
  std::exception_ptr failure;
  const auto start = Clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < options.threads; ++t) {
    workers.emplace_back([&, t] {
      std::mt19937_64 random(options.seed * 1000003ULL + static_cast<unsigned>(t));
      std::uniform_real_distribution<double> share(0.0, 1.0);
      auto timed = [&](auto&& call) {
        const auto before = Clock::now();
        auto result = call();
        latencies[t].push_back(std::chrono::duration<double, std::micro>(Clock::now() - before).count());
        ++count.operations;
        return result;
      };
      const std::size_t n = accounts.size();
      try {
        for (long long i = t; i < options.packets; i += options.threads) {
          const std::size_t source = share(random) < options.hot_share ? 0 : random() % n;
          std::size_t destination = share(random) < options.hot_share ? 0 : random() % n;
          if (destination == source) destination = (source + 1 + random() % (n - 1)) % n;
          const Amount amount = 1 + static_cast<Amount>(random() % static_cast<unsigned long long>(options.max_amount));
          const std::string packet = run + "-" + std::to_string(i);
          // Money from the account holders first: with a minimum of 0 it is what lets packets through.
          if (share(random) < options.incoming_share) {
            const Amount paid = 1 + static_cast<Amount>(random() % static_cast<unsigned long long>(options.max_amount * 10));
            timed([&] { return store.IncomingSettlement(run + "-in-" + std::to_string(i), accounts[random() % n], paid); });
            ++count.incoming;
            count.incoming_amount += paid;
          }
          try {
            timed([&] {
              return store.Prepare({packet, accounts[source], amount, std::chrono::system_clock::now() + std::chrono::minutes(1)});
            });
            ++count.prepared;
          } catch (const InsufficientLiquidity&) {
            ++count.refused;
            continue;
          }
          if (share(random) < options.reject_share) {
            timed([&] { return store.Reject(packet); });
            ++count.rejected;
          } else {
            const FulfillResult result = timed([&] { return store.Fulfill(packet, accounts[destination], amount); });
            ++count.fulfilled;
            if (share(random) < options.retry_share) {
              const FulfillResult again = timed([&] { return store.Fulfill(packet, accounts[destination], amount); });
              ++count.retried;
              if (again.destination.clearing != result.destination.clearing ||
                  again.settlement.has_value() != result.settlement.has_value()) {
                throw BalanceError("packet flow: a retried fulfill of " + packet + " answered differently");
              }
            }
            if (result.settlement) {
              // The settlement engine's answer: every fourth settles half, the rest is credited back.
              const Amount settled = count.settlements++ % 4 == 3 ? result.settlement->amount / 2 : result.settlement->amount;
              if (settled < result.settlement->amount) ++count.partly_settled;
              timed([&] {
                store.FinishSettlement(result.settlement->key, settled);
                return 0;
              });
              count.settled_amount += settled;
            }
          }
        }
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    });
  }
  for (auto& worker : workers) worker.join();
  if (failure) std::rethrow_exception(failure);

  PacketFlowReport report;
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  report.prepared = count.prepared;
  report.fulfilled = count.fulfilled;
  report.rejected = count.rejected;
  report.refused = count.refused;
  report.retried = count.retried;
  report.incoming = count.incoming;
  report.settlements = count.settlements;
  report.partly_settled = count.partly_settled;
  report.operations = count.operations;
  std::vector<double> all;
  for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  if (!all.empty()) {
    report.p50_us = all[all.size() / 2];
    report.p99_us = all[static_cast<std::size_t>(0.99 * static_cast<double>(all.size() - 1))];
  }

  // Packets only move money between the accounts; incoming settlements add, settlements take away.
  const __int128 expected = total_before + count.incoming_amount.load() - count.settled_amount.load();
  const __int128 total_after = Total(store, accounts);
  if (total_after != expected) {
    report.problems.push_back("the accounts hold " + Text(total_after) + " in all (clearing + prepaid + pending), " +
                              Text(expected) + " was due");
  }
  for (const auto& line : Reconcile(store).drift) report.problems.push_back(line);
  return report;
}

}  // namespace ledgerhost::balances
