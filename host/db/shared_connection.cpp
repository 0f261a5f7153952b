#include "db/shared_connection.h"

namespace ledgerhost::db {

SharedConnection::SharedConnection(std::unique_ptr<Connection> connection)
    : connection_(std::move(connection)), kind_(connection_->kind()) {}

SharedConnection::Lease SharedConnection::Take() { return Lease(*connection_, turn_); }

SessionLease SharedConnection::TakeSession() {
  std::unique_lock turn(turn_);
  return SessionLease(connection_->session(), std::move(turn));
}

}  // namespace ledgerhost::db
