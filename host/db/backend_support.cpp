#include "db/backend_support.h"

#include "core/error.h"

namespace ledgerhost::db {
namespace {

std::string WithoutSecret(std::string message, const std::string& secret) {
  if (secret.empty()) return message;
  for (auto pos = message.find(secret); pos != std::string::npos; pos = message.find(secret, pos + 3)) {
    message.replace(pos, secret.size(), "***");
  }
  return message;
}

// What an operator should read first of libpq's or MariaDB's message: which of the usual four it is.
std::string ConnectFailureKind(const std::string& message) {
  if (message.find("no password supplied") != std::string::npos) {
    return "no password (set database.password or LEDGERHOST_DATABASE_PASSWORD); ";
  }
  if (message.find("using password: NO") != std::string::npos) {  // MariaDB's "Access denied ... (using password: NO)"
    return "no password (set database.password or LEDGERHOST_DATABASE_PASSWORD); ";
  }
  if (message.find("authentication failed") != std::string::npos || message.find("Access denied") != std::string::npos) {
    return "authentication failed (check the user, and the password in database.password or "
           "LEDGERHOST_DATABASE_PASSWORD); ";
  }
  if (message.find("does not exist") != std::string::npos && message.find("database") != std::string::npos) {
    return "no such database; ";
  }
  if (message.find("Connection refused") != std::string::npos) return "connection refused (is the server running?); ";
  return "";
}

}  // namespace

std::string QuotedIdentifier(const std::string& name, char quote) {
  std::string out(1, quote);
  for (char c : name) {
    out += c;
    if (c == quote) out += quote;
  }
  return out + quote;
}

std::string ConnectionStringValue(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

void ThrowConnectFailure(const DatabaseUrl& url, const std::string& driver_message) {
  const std::string message = WithoutSecret(driver_message, url.password);
  throw DatabaseError("cannot connect to " + url.Redacted() + ": " + ConnectFailureKind(message) + message);
}

}  // namespace ledgerhost::db
