// The identities a node knows: its own, and well-known parties by X.500 name. Names are stored in
// node_named_identities so they survive restarts; public keys are kept in memory only, never in
// the database.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "ledgerhost/service.h"
#include "migration/engine/connection.h"
#include "schema/selected_schema.h"

namespace ledgerhost::vault {

class IdentityRegistry : public ledgerhost::IdentityService {
 public:
  // Registers `our_identity` as well known.
  IdentityRegistry(migration::Connection& connection, const schema::SchemaCatalog& catalog, Party our_identity);

  const Party& OurIdentity() const override { return our_identity_; }
  const Party* WellKnownParty(const std::string& x500_name) const override;
  // Stores the name (idempotent) and keeps the party, key included, in memory.
  void RegisterWellKnown(const Party& party);

 private:
  migration::Connection& connection_;
  std::string table_;
  Party our_identity_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, Party> parties_;  // by X.500 name; node-based map keeps pointers valid
};

}  // namespace ledgerhost::vault
