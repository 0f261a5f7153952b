// The identities a node knows: its own, and well-known parties by X.500 name. Names are stored in
// node_named_identities so that they survive a restart; public keys are kept in memory only, never
// in the database, so a party known from an earlier run comes back by name with an empty key.
#pragma once

#include <deque>
#include <map>
#include <string>

#include "ledgerhost/service.h"
#include "db/shared_connection.h"
#include "schema/selected_schema.h"
#include "vault/vault_clock.h"

namespace ledgerhost::vault {

class IdentityRegistry : public ledgerhost::IdentityService {
 public:
  // Registers `our_identity` as well known (when it is). `catalog` must hold the host's schema;
  // `connection` must outlive the registry; the registry holds the connection's turn (a lease) while
  // it uses the connection or its own memory.
  IdentityRegistry(db::SharedConnection& connection, const schema::SchemaCatalog& catalog, Party our_identity,
                   Clock clock = SystemClock());

  const Party& OurIdentity() const override { return our_identity_; }
  // From memory first, then from node_named_identities. Safe to call from several threads; the
  // pointer stays valid as long as the registry, even if the party is registered again.
  const Party* WellKnownParty(const std::string& x500_name) const override;
  // Stores the name (once: registering again changes no row) and keeps the party, key included, in
  // memory. Written in the caller's transaction when one is open. Throws DatabaseError for a name
  // the table cannot hold, Error (kInternal) for an anonymous party.
  void RegisterWellKnown(const Party& party);

 private:
  // Keeps `party` as the answer for its name; the caller holds the connection's turn.
  const Party* Remember(Party party) const;

  db::SharedConnection& connection_;
  std::string table_;
  Clock clock_;
  Party our_identity_;
  // Parties are never removed or changed in place: pointers handed out stay valid and unchanging.
  mutable std::deque<Party> parties_;
  mutable std::map<std::string, const Party*> by_name_;
};

}  // namespace ledgerhost::vault
