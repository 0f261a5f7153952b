// A fresh real database (SQLite file or PostgreSQL database) with the host's tables created by
// running migrations/ledgerhost-node.changelog-master.xml through the migration engine, plus the test
// schema's tables from data/vault-test.changelog.xml, and a clock the test sets.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "db/connection.h"
#include "db/shared_connection.h"
#include "schema/selected_schema.h"
#include "support/test_database.h"
#include "vault/vault_clock.h"

namespace ledgerhost::vault::test {

class VaultTestDatabase {
 public:
  explicit VaultTestDatabase(db::DatabaseKind kind);

  // The migrated database as the node shares it once services run.
  db::SharedConnection& connection() { return *connection_; }
  db::DatabaseKind kind() const { return database_.kind(); }
  // Another connection to the same database.
  std::unique_ptr<db::Connection> Connect() const { return database_.Connect(); }

  std::vector<db::Row> Query(const std::string& sql, const std::vector<std::string>& params = {}) {
    return connection_->Take()->Query(sql, params);
  }
  // Rows in `table` (an SQL table name, already qualified and quoted as needed).
  long long Count(const std::string& table);

 private:
  ledgerhost::testing::TestDatabase database_;
  std::unique_ptr<db::SharedConnection> connection_;
};

// The host's schema, then `plugin_schemas`, as the schema service would select them.
schema::SchemaCatalog CatalogWith(std::vector<schema::SelectedSchema> plugin_schemas);

// A clock tests move by hand; starts at 2024-05-06 07:08:09.123456 UTC.
class TestClock {
 public:
  TestClock();
  Clock clock() {
    return [this] { return now_; };
  }
  std::chrono::system_clock::time_point now() const { return now_; }
  void Set(std::chrono::system_clock::time_point time) { now_ = time; }
  void Advance(std::chrono::microseconds step) { now_ += step; }

 private:
  std::chrono::system_clock::time_point now_;
};

}  // namespace ledgerhost::vault::test
