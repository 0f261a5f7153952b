// What the backends share privately: reaching the native handle inside a SOCI session, and the
// message of a failed connect.
#pragma once

#include <string>

#include <soci/soci.h>

#include "db/database_url.h"

namespace ledgerhost::db {

// The backend's type is known from the factory given to the session. Debian's SOCI libraries export
// no typeinfo for their backends, which UBSan's vptr check on this downcast would need to link.
template <typename Backend>
__attribute__((no_sanitize("vptr"))) auto NativeHandleOf(soci::session& session) {
  return static_cast<Backend*>(session.get_backend())->conn_;
}

// "name" with its inner quotes doubled: any name as one identifier, in catalog-driven statements
// (drop-all, an attached database) where the name comes from the database itself or the operator.
// `quote` is the database's identifier quote (MySQL/MariaDB: a backquote).
std::string QuotedIdentifier(const std::string& name, char quote = '"');

// 'value' with ' and \ escaped by a backslash: a value in libpq's and SOCI mysql's key=value
// connection strings, whatever characters a password holds.
std::string ConnectionStringValue(const std::string& value);

// DatabaseError "cannot connect to <redacted url>: <kind>; <driver message>", the password removed
// from the driver's message too (drivers may echo the connection string).
[[noreturn]] void ThrowConnectFailure(const DatabaseUrl& url, const std::string& driver_message);

}  // namespace ledgerhost::db
