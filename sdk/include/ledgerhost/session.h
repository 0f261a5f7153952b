// A turn at the node's database session. The node has one connection, which the vault, the identity
// registry and every plugin service share, from threads of their own: while a SessionLease lives,
// no other thread uses the connection, and it waits for its turn. Take one for a unit of work and
// let it go, on the thread that took it; never wait, while holding one, for another thread that
// needs the database. SOCI statements and rowsets made from it must end before it does.
//
//   ledgerhost::SessionLease sql = hub.Session();
//   sql << "INSERT INTO " << table << " (id) VALUES (:id)", soci::use(id);
//   soci::rowset<soci::row> rows = (sql->prepare << "SELECT id FROM " << table);
#pragma once

#include <mutex>
#include <utility>

namespace soci {
class session;  // plugins that query the database include <soci/soci.h> themselves
}

namespace ledgerhost {

class SessionLease {
 public:
  // Made by the host (ServiceHub::Session); `turn` holds the connection's lock.
  SessionLease(soci::session& session, std::unique_lock<std::recursive_mutex> turn)
      : session_(&session), turn_(std::move(turn)) {}
  // It ends on the thread that took it (the turn is that thread's): neither copied nor moved.
  SessionLease(const SessionLease&) = delete;
  SessionLease& operator=(const SessionLease&) = delete;

  soci::session& operator*() const noexcept { return *session_; }
  soci::session* operator->() const noexcept { return session_; }
  // `lease << "SQL" ...` as on the session itself; on a temporary (`hub.Session() << ...`) the
  // statement runs before the lease ends, at the end of the full expression.
  template <typename T>
  auto operator<<(const T& value) const {
    return *session_ << value;
  }

 private:
  soci::session* session_;
  std::unique_lock<std::recursive_mutex> turn_;
};

}  // namespace ledgerhost
