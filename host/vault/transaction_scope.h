// The unit of work of one vault operation. Without a transaction open on the connection it is a
// transaction of its own; inside the caller's transaction (a service's Start(), a flow) it is a
// savepoint, so that a failed Record takes back only its own rows and leaves the caller's
// transaction usable (PostgreSQL would otherwise refuse every later statement in it).
#pragma once

#include "migration/engine/connection.h"

namespace ledgerhost::vault {

class TransactionScope {
 public:
  explicit TransactionScope(migration::Connection& connection);
  // Rolls back what the scope wrote unless Commit() ran. Never throws.
  ~TransactionScope();
  TransactionScope(const TransactionScope&) = delete;
  TransactionScope& operator=(const TransactionScope&) = delete;

  // Commits the own transaction, or releases the savepoint into the caller's transaction.
  void Commit();

 private:
  migration::Connection& connection_;
  bool joined_;
  bool done_ = false;
};

}  // namespace ledgerhost::vault
