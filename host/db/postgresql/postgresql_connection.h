// The PostgreSQL backend: a server through SOCI's postgresql session, statements and catalog
// queries (information_schema, pg_catalog, in current_schema()) on its libpq handle.
#pragma once

#include <string>
#include <vector>

#include "db/connection.h"

namespace ledgerhost::db {

class PostgresqlConnection final : public Connection {
 public:
  explicit PostgresqlConnection(const DatabaseUrl& url);

  void Execute(const std::string& sql) override;
  std::vector<Row> Query(const std::string& sql, const std::vector<std::string>& params = {}) override;

  bool TableExists(const std::string& table) override;
  bool ViewExists(const std::string& view) override;
  bool SequenceExists(const std::string& sequence) override;
  bool ForeignKeyExists(const std::string& name, const std::string& table) override;
  bool PrimaryKeyExists(const std::string& name, const std::string& table) override;
  std::optional<LiveTable> Columns(const std::string& table) override;
  std::optional<std::vector<DeclaredColumn>> DeclaredColumns(const std::string& schema, const std::string& table) override;
  std::vector<std::string> Tables() override;
  std::vector<std::string> Views() override;
  std::vector<std::string> Sequences() override;
  bool TryHoldLivenessLock() override;
  void ReleaseLivenessLock() override;
  void DropAllObjects() override;
  DatabaseServer Server() override;
  std::optional<std::string> UserName() override;
  void UseDefaultSchema(const std::string& schema, const std::string& option) override;

 private:
  std::vector<KeyColumns> Indexes(const std::string& table) override;
  std::vector<KeyColumns> UniqueConstraints(const std::string& table, const std::string& name) override;
  const char* BeginStatement() const override { return "BEGIN"; }

  void* native_ = nullptr;  // PGconn*, owned by the SOCI session
  bool url_is_local_ = false;
  bool liveness_lock_held_ = false;
};

}  // namespace ledgerhost::db
