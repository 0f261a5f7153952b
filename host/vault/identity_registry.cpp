#include "vault/identity_registry.h"

#include "core/error.h"
#include "vault/node_vault.h"

namespace ledgerhost::vault {

IdentityRegistry::IdentityRegistry(migration::Connection& connection, const schema::SchemaCatalog& catalog,
                                   Party our_identity)
    : connection_(connection), our_identity_(std::move(our_identity)) {
  const schema::SelectedSchema* node_schema = catalog.Find(kNodeSchemaFamily, kNodeSchemaVersion);
  if (node_schema == nullptr) throw Error(ExitCode::kInternal, "identities need the host's schema in the catalog");
  table_ = node_schema->SqlTable("node_named_identities", connection.kind());
  RegisterWellKnown(our_identity_);
}

const Party* IdentityRegistry::WellKnownParty(const std::string& x500_name) const {
  std::lock_guard lock(mutex_);
  if (auto it = parties_.find(x500_name); it != parties_.end()) return &it->second;
  const bool pg = connection_.kind() == migration::DatabaseKind::kPostgresql;
  if (!connection_.QueryScalar("SELECT 1 FROM " + table_ + " WHERE name = " + (pg ? "$1" : "?"), {x500_name})) {
    return nullptr;
  }
  // Known by name from an earlier run: the key was never stored.
  return &parties_.emplace(x500_name, Party{x500_name, {}, true}).first->second;
}

void IdentityRegistry::RegisterWellKnown(const Party& party) {
  std::lock_guard lock(mutex_);
  const bool pg = connection_.kind() == migration::DatabaseKind::kPostgresql;
  if (!connection_.QueryScalar("SELECT 1 FROM " + table_ + " WHERE name = " + (pg ? "$1" : "?"), {party.x500_name})) {
    connection_.Query("INSERT INTO " + table_ + " (name, recorded_timestamp) VALUES " + (pg ? "($1, $2)" : "(?, ?)"),
                      {party.x500_name, UtcNow()});
  }
  parties_[party.x500_name] = party;
}

}  // namespace ledgerhost::vault
