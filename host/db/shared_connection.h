// The node's one connection once services run: the vault, the identity registry, the node's own
// work and every plugin's ServiceHub::Session() share it across threads. It owns the connection and
// the only ways to it are leases, which hold the connection's turn for as long as they live, so
// code that has a SharedConnection cannot reach the connection without its turn (the type system
// checks what a GUARDED_BY annotation would).
#pragma once

#include <memory>
#include <mutex>

#include "db/connection.h"
#include "ledgerhost/session.h"

namespace ledgerhost::db {

class SharedConnection {
 public:
  explicit SharedConnection(std::unique_ptr<Connection> connection);

  // What a connection is needs no turn.
  DatabaseKind kind() const { return kind_; }

  class Lease {
   public:
    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_; }

   private:
    friend class SharedConnection;
    Lease(Connection& connection, std::recursive_mutex& turn) : turn_(turn), connection_(&connection) {}
    std::unique_lock<std::recursive_mutex> turn_;
    Connection* connection_;
  };

  // The connection for the calling thread until the lease ends (re-entrant on one thread).
  [[nodiscard]] Lease Take();
  // The connection's SOCI session, as ServiceHub::Session() hands it to plugin services.
  [[nodiscard]] SessionLease TakeSession();

 private:
  std::unique_ptr<Connection> connection_;
  DatabaseKind kind_;
  std::recursive_mutex turn_;
};

}  // namespace ledgerhost::db
