// The way host code opens a transaction on a Connection: rolled back unless committed, on every path
// out, exceptions included. Inside a transaction already open on the connection (a service's Start(),
// a flow) it is a savepoint, so that a failure takes back only its own work and leaves the outer
// transaction usable (PostgreSQL refuses every later statement of a transaction that had a failed
// one otherwise).
#pragma once

#include "db/connection.h"

namespace ledgerhost::db {

class Transaction {
 public:
  explicit Transaction(Connection& connection);
  // Rolls back what the transaction (or savepoint) wrote unless Commit() ran. Never throws.
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // Commits the own transaction, or releases the savepoint into the enclosing transaction.
  void Commit();

 private:
  Connection& connection_;
  bool nested_;
  bool done_ = false;
};

}  // namespace ledgerhost::db
