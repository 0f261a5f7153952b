// The server facts a connection reports, for Liquibase's ${database.*} changelog properties.
#pragma once

#include <string>

namespace ledgerhost::db {

// What Liquibase reads from the live connection (JDBC DatabaseMetaData); unknown offline, where
// Liquibase leaves these properties undefined.
struct DatabaseServer {
  std::string product_version;  // PostgreSQL's server_version, SQLite's library version
  int major_version = 0;
  int minor_version = 0;
  std::string default_catalog;  // PostgreSQL: current_database(); empty where there is none
  std::string default_schema;   // PostgreSQL: current_schema(); empty where there is none
  bool url_is_local = false;    // the URL names localhost or 127.0.0.1: Liquibase's isSafeToRunUpdate
};

}  // namespace ledgerhost::db
