// A database URL as operators write it: sqlite:PATH, postgresql://user:pass@host:port/db, the jdbc:
// forms of both, or offline:<database> to generate SQL without any database.
#pragma once

#include <string>

#include "db/database_kind.h"

namespace ledgerhost::db {

struct DatabaseUrl {
  DatabaseKind kind = DatabaseKind::kSqlite;
  bool offline = false;  // offline:<db>: SQL generation only, no connection
  // offline:<db>?outputLiquibaseSql=all|data_only|none (Liquibase's OfflineConnection): whether a
  // script creates DATABASECHANGELOG and writes its rows. ledgerhost keeps no databasechangelog.csv,
  // so where Liquibase defaults to none (and records the history in that file) it defaults to all.
  bool offline_history_table = true;  // CREATE TABLE DATABASECHANGELOG (all)
  bool offline_history_rows = true;   // its INSERT/UPDATE statements (all, data_only)
  std::string path;      // SQLite file (":memory:" allowed)
  std::string host = "127.0.0.1";
  int port = 5432;
  std::string database;
  std::string user;
  std::string password;
  std::string original;  // as given, for messages (always shown redacted)

  // The URL with its password replaced by ***: the only form that may be logged or printed.
  std::string Redacted() const;
  // "user@redacted-url" ("null@..." without a user), as Liquibase names the database in scripts.
  std::string ScriptDisplay() const;
};

// Parses `url`; non-empty `user` / `password` override what the URL says. Throws ConfigError naming
// the (redacted) URL when it cannot be understood.
DatabaseUrl ParseDatabaseUrl(const std::string& url, const std::string& user = "", const std::string& password = "");

}  // namespace ledgerhost::db
