// The ServiceHub one plugin's services get: the plugin's logger and settings, the node's database
// session (the host's transaction while Start() runs), the vault, the identities, and table names
// with the node's schema options applied.
#pragma once

#include <map>
#include <string>

#include "ledgerhost/service.h"
#include "db/shared_connection.h"
#include "schema/selected_schema.h"

namespace ledgerhost::node {

class NodeServiceHub : public ServiceHub {
 public:
  NodeServiceHub(std::string plugin_name, std::map<std::string, std::string> settings, db::SharedConnection& connection,
                 Vault& vault, IdentityService& identities, const schema::SchemaCatalog& catalog,
                 BalanceTracker& balances);

  void Log(LogLevel level, const std::string& message) override;
  std::string Config(const std::string& key) const override;
  SessionLease Session() override;
  Vault& GetVault() override { return vault_; }
  IdentityService& Identities() override { return identities_; }
  std::string TableName(const std::string& family, int version, const std::string& table) const override;
  BalanceTracker& Balances() override { return balances_; }

 private:
  std::string plugin_name_;
  std::map<std::string, std::string> settings_;
  db::SharedConnection& connection_;
  Vault& vault_;
  IdentityService& identities_;
  const schema::SchemaCatalog& catalog_;
  BalanceTracker& balances_;
};

}  // namespace ledgerhost::node
