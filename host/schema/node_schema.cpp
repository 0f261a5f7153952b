#include "schema/node_schema.h"

#include <cstdint>
#include <map>
#include <string>

#include <ledgerhost/plugin.h>
#include <ledgerhost/service.h>

// Generated from migrations/ by host/schema/CMakeLists.txt.
extern "C" const lh_resource ledgerhost_node_resources[];
extern "C" const uint32_t ledgerhost_node_resource_count;

namespace ledgerhost::schema {

// Mirrors migrations/ledgerhost-node.changelog-v*.xml; `ledgerhost db check` compares the two.
SelectedSchema NodeSchema() {
  SelectedSchema schema;
  schema.family = kNodeSchemaFamily;
  schema.version = kNodeSchemaVersion;
  schema.name = "LedgerhostNodeSchemaV1";
  schema.migration_resource = "migration/ledgerhost-node.changelog-master.xml";
  schema.entities = {
      {"vault_states",
       {{"output_index", "INT", false, true},
        {"transaction_id", "VARCHAR", false, true, 144},
        {"contract_state_class_name", "VARCHAR", false, false, 255},
        {"state_status", "INT", false},
        {"recorded_timestamp", "TIMESTAMP", false},
        {"consumed_timestamp", "TIMESTAMP", true},
        {"consuming_tx_id", "VARCHAR", true, false, 144},
        {"notary_name", "VARCHAR", true, false, 255}},
       ""},
      {"state_party",
       {{"transaction_id", "VARCHAR", false, false, 144},
        {"output_index", "INT", false},
        {"x500_name", "VARCHAR", false, false, 255}},
       "vault_states"},
      {"node_named_identities", {{"name", "VARCHAR", false, true, 255}, {"recorded_timestamp", "TIMESTAMP", false}}, ""},
      {"node_attachments",
       {{"att_id", "VARCHAR", false, true, 255},
        {"content", "BLOB", false},
        {"filename", "VARCHAR", true, false, 255},
        {"insertion_date", "TIMESTAMP", false},
        {"uploader", "VARCHAR", true, false, 255}},
       ""},
      {"node_info",
       {{"node_name", "VARCHAR", false, true, 255},
        {"host_version", "VARCHAR", false, false, 32},
        {"started_timestamp", "TIMESTAMP", false}},
       ""},
      {"balance_accounts",
       {{"account_id", "VARCHAR", false, true, 255},
        {"clearing", "BIGINT", false},
        {"prepaid", "BIGINT", false},
        {"pending", "BIGINT", false},
        {"minimum_balance", "BIGINT", true},
        {"settle_threshold", "BIGINT", true},
        {"settle_to", "BIGINT", false},
        {"journal_seq", "BIGINT", false}},
       ""},
      {"balance_reservations",
       {{"packet_id", "VARCHAR", false, true, 255},
        {"account_id", "VARCHAR", false, false, 255},
        {"amount", "BIGINT", false},
        {"from_prepaid", "BIGINT", false},
        {"from_clearing", "BIGINT", false},
        {"expires_at", "BIGINT", false},
        {"state", "VARCHAR", false, false, 16},
        {"destination_id", "VARCHAR", true, false, 255},
        {"destination_amount", "BIGINT", true},
        {"settlement_key", "VARCHAR", true, false, 255}},
       ""},
      {"balance_settlements",
       {{"settlement_key", "VARCHAR", false, true, 255},
        {"account_id", "VARCHAR", false, false, 255},
        {"amount", "BIGINT", false},
        {"state", "VARCHAR", false, false, 16},
        {"settled_amount", "BIGINT", true}},
       ""},
      {"balance_incoming_settlements",
       {{"idempotency_key", "VARCHAR", false, true, 255},
        {"account_id", "VARCHAR", false, false, 255},
        {"amount", "BIGINT", false},
        {"clearing_after", "BIGINT", false},
        {"prepaid_after", "BIGINT", false},
        {"pending_after", "BIGINT", false},
        {"received_at", "BIGINT", false}},
       ""},
      {"balance_journal",
       {{"account_id", "VARCHAR", false, true, 255},
        {"seq", "BIGINT", false, true},
        {"operation", "VARCHAR", false, false, 32},
        {"operation_id", "VARCHAR", false, false, 255},
        {"clearing_before", "BIGINT", false},
        {"clearing_after", "BIGINT", false},
        {"prepaid_before", "BIGINT", false},
        {"prepaid_after", "BIGINT", false},
        {"pending_before", "BIGINT", false},
        {"pending_after", "BIGINT", false},
        {"recorded_at", "BIGINT", false}},
       ""},
  };
  return schema;
}

std::unique_ptr<migration::ResourceLoader> NodeMigrationResources() {
  std::map<std::string, std::string> files;
  for (uint32_t i = 0; i < ledgerhost_node_resource_count; ++i) {
    const lh_resource& resource = ledgerhost_node_resources[i];
    files[resource.path] = std::string(reinterpret_cast<const char*>(resource.data), resource.size);
  }
  return std::make_unique<migration::MemoryResourceLoader>("the host's embedded migrations", std::move(files));
}

}  // namespace ledgerhost::schema
