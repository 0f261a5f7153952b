// The MySQL/MariaDB backend: a server through SOCI's mysql session (the one plugin services get),
// statements and parameterised catalog queries (information_schema, in DATABASE()) on its
// libmariadb handle. MySQL and MariaDB commit DDL implicitly: a changeset's transaction covers its
// data changes only (docs/operators.md says what a failed changeset leaves).
#pragma once

#include <string>
#include <vector>

#include "db/connection.h"

namespace ledgerhost::db {

// A statement with numbered parameters (?1, ?2, in any order, repeated; db::Placeholder) as MySQL's
// protocol takes it: bare ? in text order and the values in that order. A bare ? takes the value
// after the previous placeholder's; ? inside quotes, double quotes or backquotes is text (comments are
// not looked into: the host's own parameterised statements have none). Throws DatabaseError for a
// number beyond the values.
struct PositionalStatement {
  std::string sql;
  std::vector<std::string> params;
};
PositionalStatement NumberedParameters(const std::string& sql, const std::vector<std::string>& params);

class MariadbConnection final : public Connection {
 public:
  explicit MariadbConnection(const DatabaseUrl& url);
  ~MariadbConnection() override;

  void Execute(const std::string& sql) override;
  std::vector<Row> Query(const std::string& sql, const std::vector<std::string>& params = {}) override;
  // A duplicate of any unique key of the table counts (MySQL's error does not say which key in a form
  // worth parsing); the host's tables it is used on have their primary key only.
  bool InsertUnlessDuplicate(const std::string& insert, const std::vector<std::string>& params,
                             const std::string& key_columns) override;

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
  const char* BeginStatement() const override { return "START TRANSACTION"; }
  std::vector<Row> QueryPrepared(const std::string& sql, const std::vector<std::string>& params);
  std::vector<std::string> Names(const std::string& sql);

  void* native_ = nullptr;  // MYSQL*, owned by the SOCI session
  unsigned last_error_ = 0; // the server's error number of the last failed prepared statement
  bool url_is_local_ = false;
  bool liveness_lock_held_ = false;
};

}  // namespace ledgerhost::db
