// `ledgerhost balances`: the balance tracker of a node, read by an operator: accounts, one account's
// balance and settings, its journal, and a reconciliation of every journal against the balances;
// `flow` plays a connector's packet traffic against it (balances/packet_flow.h).
#include <iomanip>
#include <iostream>

#include "balances/balance_store_factory.h"
#include "balances/packet_flow.h"
#include "balances/reconcile.h"
#include "cli/commands.h"
#include "config/node_config.h"
#include "core/error.h"
#include "node/node_database.h"

namespace ledgerhost::cli {
namespace {

std::string Optional(const std::optional<Amount>& value) { return value ? std::to_string(*value) : "none"; }

class BalancesCommand : public Command {
 public:
  CLI::App* Register(CLI::App& parent) override {
    app_ = parent.add_subcommand("balances", "The node's balance tracker: accounts, balances, journals, reconcile");
    app_->add_option("--base-directory", base_directory_, "Node base directory (node.yaml)")->capture_default_str();
    app_->require_subcommand(1);
    app_->add_subcommand("accounts", "List the accounts");
    auto* show = app_->add_subcommand("show", "An account's balance and settings");
    show->add_option("account", account_)->required();
    auto* journal = app_->add_subcommand("journal", "An account's journal, oldest first");
    journal->add_option("account", account_)->required();
    app_->add_subcommand("reconcile", "Check every journal against the balances; exit 9 on drift");
    auto* flow = app_->add_subcommand(
        "flow", "Play packets (prepare, fulfill or reject, retries, settlements) over N accounts; check the result");
    flow->add_option("--accounts", flow_.accounts, "Accounts <prefix>-0.. to play over (configured first)")->capture_default_str();
    flow->add_flag("--existing-accounts", flow_.existing_accounts, "Play over every account the tracker has, settings untouched");
    flow->add_option("--prefix", flow_.prefix, "Account and packet id prefix")->capture_default_str();
    flow->add_option("--packets", flow_.packets)->capture_default_str();
    flow->add_option("--threads", flow_.threads)->capture_default_str()->check(CLI::Range(1, 1024));
    flow->add_option("--hot-share", flow_.hot_share, "Share of packets from (and of those to) the first account: contention")
        ->capture_default_str()->check(CLI::Range(0.0, 1.0));
    flow->add_option("--reject-share", flow_.reject_share)->capture_default_str()->check(CLI::Range(0.0, 1.0));
    flow->add_option("--retry-share", flow_.retry_share, "Share of fulfills sent twice")->capture_default_str()->check(CLI::Range(0.0, 1.0));
    flow->add_option("--incoming-share", flow_.incoming_share, "Incoming settlements per packet")
        ->capture_default_str()->check(CLI::Range(0.0, 1.0));
    flow->add_option("--max-amount", flow_.max_amount)->capture_default_str()->check(CLI::Range(Amount{1}, Amount{1} << 40));
    flow->add_option("--minimum", flow_.settings.minimum, "Minimum balance of the accounts played over")->capture_default_str();
    flow->add_option("--settle-threshold", flow_.settings.settle_threshold)->capture_default_str();
    flow->add_option("--settle-to", flow_.settings.settle_to)->capture_default_str();
    flow->add_option("--seed", flow_.seed)->capture_default_str();
    return app_;
  }

  int Run() override {
    const config::NodeConfig config = config::LoadNodeConfig(base_directory_);
    try {
      auto store = balances::OpenBalanceStore(config.balances.store, config.balances.url, config.balances.key_prefix,
                                              [&] { return node::OpenNodeDatabase(config); });
      return Dispatch(*store, app_->get_subcommands().front()->get_name());
    } catch (const BalanceError& e) {
      throw Error(ExitCode::kBalances, e.what());
    }
  }

 private:
  int Dispatch(balances::BalanceStore& store, const std::string& command) {
    if (command == "accounts") {
      for (const auto& account : store.Accounts()) std::cout << account << "\n";
      return 0;
    }
    if (command == "show") {
      const AccountBalance b = store.Balance(account_);
      const BalanceSettings s = store.Settings(account_);
      std::cout << "account:          " << account_ << "\n"
                << "clearing:         " << b.clearing << "\n"
                << "prepaid:          " << b.prepaid << "\n"
                << "net:              " << b.Net() << "\n"
                << "pending:          " << b.pending << "\n"
                << "minimum balance:  " << Optional(s.minimum) << "\n"
                << "settle threshold: " << Optional(s.settle_threshold) << "\n"
                << "settle to:        " << s.settle_to << "\n";
      for (const auto& intent : store.UnfinishedSettlements()) {
        if (intent.account == account_) std::cout << "settling:         " << intent.amount << " (" << intent.key << ")\n";
      }
      return 0;
    }
    if (command == "flow") return Flow(store);
    if (command == "journal") {
      store.Balance(account_);  // an unknown account is an error, not an empty journal
      std::cout << "seq  operation            id                               clearing  prepaid  pending\n";
      for (const auto& e : store.Journal(account_)) {
        std::cout << std::left << std::setw(5) << e.seq << std::setw(21) << e.operation << std::setw(33) << e.operation_id
                  << std::right << e.before.clearing << " -> " << e.after.clearing << "  " << e.before.prepaid << " -> "
                  << e.after.prepaid << "  " << e.before.pending << " -> " << e.after.pending << "\n";
      }
      return 0;
    }
    const balances::ReconcileReport report = balances::Reconcile(store);
    for (const auto& line : report.drift) std::cout << "DRIFT " << line << "\n";
    std::cout << report.accounts << " account(s), " << report.entries << " journal entries: "
              << (report.drift.empty() ? "every balance equals its journal" : std::to_string(report.drift.size()) + " problem(s)")
              << "\n";
    return report.drift.empty() ? 0 : static_cast<int>(ExitCode::kBalances);
  }

  int Flow(balances::BalanceStore& store) {
    const balances::PacketFlowReport r = balances::RunPacketFlow(store, flow_);
    std::cout << std::fixed << std::setprecision(2) << "packets:      " << r.prepared + r.refused << " (" << r.prepared
              << " prepared, " << r.refused << " refused for liquidity)\n"
              << "fulfilled:    " << r.fulfilled << " (" << r.retried << " sent twice)\n"
              << "rejected:     " << r.rejected << "\n"
              << "incoming:     " << r.incoming << " settlement(s)\n"
              << "settlements:  " << r.settlements << " (" << r.partly_settled << " partly settled, the rest credited back)\n"
              << "operations:   " << r.operations << " in " << r.seconds << " s: "
              << static_cast<long long>(static_cast<double>(r.operations) / std::max(r.seconds, 1e-9)) << " per second, p50 "
              << static_cast<long long>(r.p50_us) << " us, p99 " << static_cast<long long>(r.p99_us) << " us\n";
    for (const auto& problem : r.problems) std::cout << "DRIFT " << problem << "\n";
    std::cout << (r.problems.empty() ? "money conserved, every journal reconciles" : std::to_string(r.problems.size()) + " problem(s)")
              << " (" << store.Describe() << ")\n";
    return r.problems.empty() ? 0 : static_cast<int>(ExitCode::kBalances);
  }

  CLI::App* app_ = nullptr;
  std::string base_directory_ = ".";
  balances::PacketFlowOptions flow_;
  std::string account_;
};

}  // namespace

std::unique_ptr<Command> MakeBalancesCommand() { return std::make_unique<BalancesCommand>(); }

}  // namespace ledgerhost::cli
