// The SQLite backend: a database file (or :memory:) through SOCI's sqlite3 session, statements and
// catalog queries on its sqlite3* handle (sqlite_master and the pragma table functions).
#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "db/connection.h"

namespace ledgerhost::db {

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const DatabaseUrl& url);
  ~SqliteConnection() override;

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
  bool SetForeignKeyEnforcement(bool on) override;
  std::unique_ptr<Connection> ScratchCopy() override;
  DatabaseServer Server() override;
  std::optional<std::string> UserName() override;

 private:
  std::vector<KeyColumns> Indexes(const std::string& table) override;
  std::vector<KeyColumns> UniqueConstraints(const std::string& table, const std::string& name) override;
  const char* BeginStatement() const override { return "BEGIN IMMEDIATE"; }
  std::vector<std::string> IndexColumns(const std::string& index);  // lower-cased, in index order
  void FinalizePrepared();
  static constexpr std::size_t kMaxPreparedStatements = 64;

  void* native_ = nullptr;                            // sqlite3*, owned by the SOCI session
  std::filesystem::path remove_on_close_;             // a scratch copy's file
  int liveness_lock_ = -1;                            // the open, flock()ed lock file while held
  std::unordered_map<std::string, void*> prepared_;  // sql -> sqlite3_stmt*, kept for reuse
};

}  // namespace ledgerhost::db
