// Real databases for tests: a fresh SQLite file, or a fresh PostgreSQL or MariaDB database on the
// servers CI starts (LEDGERHOST_TEST_POSTGRES_URL, default postgresql://ledgerhost:ledgerhost@
// 127.0.0.1:5432/ledgerhost_test; LEDGERHOST_TEST_MARIADB_URL, default mariadb://ledgerhost:ledgerhost@
// 127.0.0.1:3306/ledgerhost_test). Each TestDatabase is created empty and dropped afterwards. There is
// no skip: a missing server fails the test.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <unistd.h>

#include "db/connection.h"
#include "db/database_url.h"

namespace ledgerhost::testing {

inline std::string PostgresAdminUrl() {
  const char* url = std::getenv("LEDGERHOST_TEST_POSTGRES_URL");
  return url ? url : "postgresql://ledgerhost:ledgerhost@127.0.0.1:5432/ledgerhost_test";
}

inline std::string MariadbAdminUrl() {
  const char* url = std::getenv("LEDGERHOST_TEST_MARIADB_URL");
  return url ? url : "mariadb://ledgerhost:ledgerhost@127.0.0.1:3306/ledgerhost_test";
}

inline std::string UniqueName(const std::string& prefix) {
  static std::atomic<int> counter{0};
  const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  return prefix + "_" + std::to_string(getpid()) + "_" + std::to_string(now % 1000000007) + "_" +
         std::to_string(counter++);
}

class TestDatabase {
 public:
  explicit TestDatabase(db::DatabaseKind kind) : kind_(kind) {
    if (kind == db::DatabaseKind::kSqlite) {
      path_ = std::filesystem::temp_directory_path() / (UniqueName("ledgerhost_test") + ".db");
      url_ = "sqlite:" + path_.string();
    } else {
      const std::string admin_url = kind == db::DatabaseKind::kPostgresql ? PostgresAdminUrl() : MariadbAdminUrl();
      admin_ = db::Connection::Open(db::ParseDatabaseUrl(admin_url));
      name_ = UniqueName("lh_test");
      admin_->Execute("CREATE DATABASE " + name_);
      auto base = db::ParseDatabaseUrl(admin_url);
      url_ = std::string(kind == db::DatabaseKind::kPostgresql ? "postgresql" : "mariadb") + "://" + base.user + ":" +
             base.password + "@" + base.host + ":" + std::to_string(base.port) + "/" + name_;
    }
  }
  ~TestDatabase() {
    if (kind_ == db::DatabaseKind::kSqlite) {
      std::error_code ec;
      std::filesystem::remove(path_, ec);
    } else {
      try {
        admin_->Execute("DROP DATABASE IF EXISTS " + name_ +
                        (kind_ == db::DatabaseKind::kPostgresql ? " WITH (FORCE)" : ""));
      } catch (const std::exception&) {
        // Leaving a scratch database behind is harmless; the test result is what matters.
      }
    }
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& url() const { return url_; }
  db::DatabaseKind kind() const { return kind_; }
  std::unique_ptr<db::Connection> Connect() const {
    return db::Connection::Open(db::ParseDatabaseUrl(url_));
  }
  // The shell command that applies `script` with the database's own client, as a DBA would, stopping
  // at the first error: sqlite3 -bail, psql ON_ERROR_STOP, mariadb (batch mode stops by itself).
  std::string NativeClientCommand(const std::filesystem::path& script) const {
    const auto quote = [](const std::string& text) {
      std::string out = "'";
      for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
      return out + "'";
    };
    switch (kind_) {
      case db::DatabaseKind::kSqlite:
        return "sqlite3 -bail " + quote(path_.string()) + " < " + quote(script.string()) + " > /dev/null";
      case db::DatabaseKind::kPostgresql:
        return "psql -q -v ON_ERROR_STOP=1 " + quote(url_) + " -f " + quote(script.string()) + " > /dev/null";
      default: {
        const db::DatabaseUrl url = db::ParseDatabaseUrl(url_);
        return "MYSQL_PWD=" + quote(url.password) + " mariadb -h " + quote(url.host) + " -P " +
               std::to_string(url.port) + " -u " + quote(url.user) + " " + quote(url.database) + " < " +
               quote(script.string()) + " > /dev/null";
      }
    }
  }

 private:
  db::DatabaseKind kind_;
  std::filesystem::path path_;
  std::string name_;
  std::string url_;
  std::unique_ptr<db::Connection> admin_;
};

inline std::string DatabaseName(db::DatabaseKind kind) {
  switch (kind) {
    case db::DatabaseKind::kSqlite: return "Sqlite";
    case db::DatabaseKind::kPostgresql: return "Postgresql";
    default: return "Mariadb";
  }
}

}  // namespace ledgerhost::testing
