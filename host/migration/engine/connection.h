// A live database connection for the engine: a SOCI session (which plugin services may share later)
// plus the native handle, used for executing generated SQL and for catalog queries, because
// SQLite's and libpq's own exec paths run multi-statement scripts and are the fastest way through.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "migration/engine/database_url.h"
#include "migration/model/database_kind.h"
#include "migration/parse/database_properties.h"
#include "migration/sql/sql_generator.h"

namespace soci {
class session;
}

namespace ledgerhost::migration {

using Row = std::vector<std::optional<std::string>>;  // NULL -> nullopt

class Connection {
 public:
  // Connects; throws DatabaseError naming the redacted URL on failure.
  static std::unique_ptr<Connection> Open(const DatabaseUrl& url);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  DatabaseKind kind() const { return kind_; }
  const std::string& description() const { return description_; }  // redacted URL
  soci::session& session() { return *session_; }
  // One connection serves one statement at a time: the node's vault and identity registry share it
  // and may be called from services' threads, so they hold this around their use of it.
  std::recursive_mutex& mutex() { return mutex_; }

  // Runs one or more statements. Throws DatabaseError with the database's message and the SQL.
  void Execute(const std::string& sql);
  // Runs a query with positional parameters ($1.. on PostgreSQL, ? on SQLite) bound as text.
  std::vector<Row> Query(const std::string& sql, const std::vector<std::string>& params = {});
  std::optional<std::string> QueryScalar(const std::string& sql, const std::vector<std::string>& params = {});

  void Begin();
  void Commit();
  void Rollback();  // never throws: used on error paths
  bool in_transaction() const { return in_transaction_; }

  // Catalog look-ups in the current schema (PostgreSQL: current_schema(); SQLite: main). Names are
  // matched case-insensitively, as Liquibase's snapshot does for unquoted names.
  bool TableExists(const std::string& table);
  bool ViewExists(const std::string& view);
  bool ColumnExists(const std::string& table, const std::string& column);
  // Liquibase's indexExists (IndexComparator): an index named `index`, or, when `columns` (comma-
  // separated) are given, one over exactly those columns in that order, whatever its name; primary
  // key and unique constraint indexes count.
  bool IndexExists(const std::string& index, const std::string& table, const std::string& columns = "");
  bool SequenceExists(const std::string& sequence);
  bool ForeignKeyExists(const std::string& name, const std::string& table);
  bool PrimaryKeyExists(const std::string& name, const std::string& table);
  // A unique constraint on `table` named `name` (when given) over exactly `columns` (when given,
  // comma-separated): Liquibase's uniqueConstraintExists precondition.
  bool UniqueConstraintExists(const std::string& name, const std::string& table, const std::string& columns);
  // The table (or view) as the SQL generator's introspection sees it: its columns and, on SQLite,
  // its CREATE TABLE text, foreign keys and the schema's indexes, which a table rebuild re-creates.
  // nullopt when there is no such table.
  std::optional<LiveTable> Columns(const std::string& table);
  std::vector<std::string> Tables();
  std::vector<std::string> Views();
  std::vector<std::string> Sequences();
  // The server's version, catalog and schema, for Liquibase's ${database.*} changelog properties.
  parse::DatabaseServer Server();
  // The user the connection logged in as (PostgreSQL: session_user); none on SQLite.
  std::optional<std::string> UserName();

 private:
  Connection() = default;
  [[noreturn]] void Fail(const std::string& sql, const std::string& message) const;
  std::vector<std::string> SqliteIndexColumns(const std::string& index);  // lower-cased, in index order
  void FinalizePrepared();
  static constexpr std::size_t kMaxPreparedStatements = 64;

  DatabaseKind kind_ = DatabaseKind::kSqlite;
  std::string description_;
  bool url_is_local_ = false;
  std::unique_ptr<soci::session> session_;
  void* native_ = nullptr;  // sqlite3* or PGconn*, owned by the SOCI session
  bool in_transaction_ = false;
  std::recursive_mutex mutex_;
  std::unordered_map<std::string, void*> prepared_;  // SQLite: sql -> sqlite3_stmt*, kept for reuse
};

}  // namespace ledgerhost::migration
