// The packet-flow driver: plays an Interledger connector's traffic against a balance store — prepare
// then fulfill or reject, retried fulfills, incoming settlements, and the settlement engine's answers
// (some partial) — over N accounts from several threads, with a configurable share of packets on one
// hot account (contention). It is the load generator of `ledgerhost balances flow`, the tests and the
// benchmark, and checks what it did: money is conserved (every balance change is a packet moving
// between accounts, an incoming settlement or a settlement) and every journal reconciles.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "balances/balance_store.h"

namespace ledgerhost::balances {

struct PacketFlowOptions {
  int accounts = 100;           // <prefix>-0 .. <prefix>-(N-1), configured with `settings` first
  bool existing_accounts = false;  // play over every account the store has instead (settings untouched)
  std::string prefix = "flow";
  BalanceSettings settings{Amount{-1000000}, Amount{10000}, 0};
  long long packets = 10000;
  int threads = 8;
  double hot_share = 0.0;       // share of packets whose source is the first account, and of those whose destination is
  double reject_share = 0.1;    // share of prepared packets rejected instead of fulfilled
  double retry_share = 0.1;     // share of fulfills sent twice (the second must answer the same)
  double incoming_share = 0.05; // incoming settlements per packet
  Amount max_amount = 100;      // packet amounts are 1..max_amount
  std::uint32_t seed = 1;
};

struct PacketFlowReport {
  long long prepared = 0, fulfilled = 0, rejected = 0, refused = 0, retried = 0, incoming = 0;
  long long settlements = 0, partly_settled = 0;
  double seconds = 0;
  long long operations = 0;  // store calls, retries and settlement answers included
  double p50_us = 0, p99_us = 0;
  std::vector<std::string> problems;  // conservation or reconciliation failures; empty when all is well
};

// Throws BalanceError when the store fails (down, refusing what it must not).
PacketFlowReport RunPacketFlow(BalanceStore& store, const PacketFlowOptions& options);

}  // namespace ledgerhost::balances
