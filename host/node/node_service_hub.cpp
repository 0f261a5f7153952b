#include "node/node_service_hub.h"

#include <stdexcept>

#include "core/logging.h"

namespace ledgerhost::node {

NodeServiceHub::NodeServiceHub(std::string plugin_name, std::map<std::string, std::string> settings,
                               db::SharedConnection& connection, Vault& vault, IdentityService& identities,
                               const schema::SchemaCatalog& catalog, BalanceTracker& balances)
    : plugin_name_(std::move(plugin_name)),
      settings_(std::move(settings)),
      connection_(connection),
      vault_(vault),
      identities_(identities),
      catalog_(catalog),
      balances_(balances) {}

void NodeServiceHub::Log(LogLevel level, const std::string& message) {
  auto logger = Logger("plugin." + plugin_name_);
  switch (level) {
    case LogLevel::kDebug: logger->debug("{}", message); break;
    case LogLevel::kInfo: logger->info("{}", message); break;
    case LogLevel::kWarn: logger->warn("{}", message); break;
    case LogLevel::kError: logger->error("{}", message); break;
  }
}

std::string NodeServiceHub::Config(const std::string& key) const {
  auto it = settings_.find(key);
  return it == settings_.end() ? std::string() : it->second;
}

SessionLease NodeServiceHub::Session() { return connection_.TakeSession(); }

std::string NodeServiceHub::TableName(const std::string& family, int version, const std::string& table) const {
  const schema::SelectedSchema* schema = catalog_.Find(family, version);
  if (schema == nullptr) {
    throw std::invalid_argument("schema " + family + " v" + std::to_string(version) + " is not selected in this node");
  }
  if (schema->FindEntity(table) == nullptr) {
    throw std::invalid_argument("schema " + schema->Describe() + " declares no table " + table);
  }
  return schema->SqlTable(table, connection_.kind());
}

}  // namespace ledgerhost::node
