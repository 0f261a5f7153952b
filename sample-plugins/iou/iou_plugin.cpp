// Sample: IOUs between two parties. Its schema IOUSchemaV1 finds its changelog by the hyphenated
// name (migration/i-o-u-schema-v1.changelog-master.xml), an XML master including v1 and v2.
//
// The service shows what a plugin does with its ServiceHub: with `plugins.config.iou.issueOnStart: N`
// in node.yaml it records N IOUs from this node to a counterparty in the vault, and at every start it
// reports the unconsumed IOUs with a query that joins its own mapped table with the vault's states.
#include <ledgerhost/plugin.h>
#include <soci/soci.h>

#include <chrono>
#include <cstdio>
#include <random>

#include "iou_state.h"

namespace {

// A 64-hex-digit transaction id; a real ledger would hash the transaction.
std::string NewTransactionId() {
  static std::mt19937_64 random(std::random_device{}() ^
                                static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()));
  std::string id;
  char block[17];
  for (int i = 0; i < 4; ++i) {
    std::snprintf(block, sizeof block, "%016llx", static_cast<unsigned long long>(random()));
    id += block;
  }
  return id;
}

class IouService : public ledgerhost::Service {
 public:
  void Start(ledgerhost::ServiceHub& hub) override {
    const std::string issue = hub.Config("issueOnStart");
    const int count = issue.empty() ? 0 : std::stoi(issue);
    const ledgerhost::Party counterparty{hub.Config("counterparty").empty() ? "O=Bank B, L=New York, C=US"
                                                                            : hub.Config("counterparty"),
                                         {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70}, true};
    for (int i = 0; i < count; ++i) {
      ledgerhost::RecordedTransaction transaction;
      transaction.id = NewTransactionId();
      transaction.notary_name = "O=Notary, L=Zurich, C=CH";
      transaction.outputs.push_back(std::make_shared<iou::IouState>(hub.Identities().OurIdentity(), counterparty,
                                                                    100 * (i + 1), "GBP", transaction.id.substr(0, 32)));
      hub.GetVault().Record(transaction);
    }
    if (count > 0) hub.Log(ledgerhost::LogLevel::kInfo, "issued " + std::to_string(count) + " IOU(s) to " + counterparty.x500_name);

    // A custom query, Corda's jdbcSession() style: IOUs joined with the vault's unconsumed states.
    const std::string ious = hub.TableName(iou::kIouSchemaFamily, 1, "iou_states");
    const std::string states = hub.TableName(ledgerhost::kNodeSchemaFamily, ledgerhost::kNodeSchemaVersion, "vault_states");
    long long unconsumed = 0;
    long long total = 0;
    hub.Session() << "SELECT COUNT(*), COALESCE(SUM(i.value), 0) FROM " << ious << " i JOIN " << states
                  << " v ON v.transaction_id = i.transaction_id AND v.output_index = i.output_index"
                  << " WHERE v.state_status = 0",
        soci::into(unconsumed), soci::into(total);
    hub.Log(ledgerhost::LogLevel::kInfo,
            "IOU service ready: " + std::to_string(unconsumed) + " unconsumed IOU(s) worth " + std::to_string(total));
  }
};

}  // namespace

LEDGERHOST_PLUGIN("iou", "1.1.0") {
  plugin.AddSchema(iou::IouSchemaV1());
  plugin.AddService<IouService>("iou-service");
}
