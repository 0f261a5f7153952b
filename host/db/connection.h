// A live database connection: one backend per database (sqlite/, postgresql/, mariadb/) behind this interface,
// chosen by the URL in Open(). It owns a SOCI session (the one plugin services get) plus the native
// handle, which executes generated SQL and catalog queries: SQLite's and libpq's own exec paths run
// multi-statement scripts and are the fastest way through.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "db/database_kind.h"
#include "db/database_server.h"
#include "db/database_url.h"
#include "db/table_snapshot.h"

namespace soci {
class session;
}

namespace ledgerhost::db {

using Row = std::vector<std::optional<std::string>>;  // NULL -> nullopt

class Connection {
 public:
  // Connects with the backend of `url`'s database; throws DatabaseError naming the redacted URL on
  // failure, or on a database ledgerhost only generates SQL for.
  static std::unique_ptr<Connection> Open(const DatabaseUrl& url);
  virtual ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  DatabaseKind kind() const { return kind_; }
  const std::string& description() const { return description_; }  // redacted URL

  // The text of the `position`-th (1-based) query parameter in this database's SQL: $1 or ?1.
  std::string Placeholder(int position) const { return db::Placeholder(kind_, position); }

  // Runs one or more statements. Throws DatabaseError with the database's message and the SQL.
  virtual void Execute(const std::string& sql) = 0;
  // Runs a query with positional parameters (Placeholder()) bound as text.
  virtual std::vector<Row> Query(const std::string& sql, const std::vector<std::string>& params = {}) = 0;
  std::optional<std::string> QueryScalar(const std::string& sql, const std::vector<std::string>& params = {});
  // The column labels of the last Query()'s result, as the database names them (empty after a
  // statement that returns no rows; MySQL/MariaDB queries with parameters leave them empty).
  const std::vector<std::string>& column_names() const { return column_names_; }
  // Runs one INSERT, UPDATE or DELETE with parameters and returns how many rows it matched (an UPDATE
  // that leaves a row as it was counts it, on MySQL/MariaDB too: SOCI connects with CLIENT_FOUND_ROWS).
  std::uint64_t Change(const std::string& sql, const std::vector<std::string>& params = {});
  // Runs `insert` (one INSERT ... VALUES with parameters) unless a row with the same `key_columns`
  // exists, and says whether it wrote the row. A duplicate is no error, so an open transaction goes
  // on (PostgreSQL ends it at an error): ON CONFLICT (key) DO NOTHING; MySQL/MariaDB have no such
  // clause and take the plain INSERT's duplicate-key error, which undoes that statement only.
  virtual bool InsertUnlessDuplicate(const std::string& insert, const std::vector<std::string>& params,
                                     const std::string& key_columns);

  void Begin();
  void Commit();
  void Rollback();  // never throws: used on error paths
  bool in_transaction() const { return in_transaction_; }

  // Catalog look-ups in the current schema (PostgreSQL: current_schema(); SQLite: main). Names are
  // matched case-insensitively, as Liquibase's snapshot does for unquoted names.
  virtual bool TableExists(const std::string& table) = 0;
  virtual bool ViewExists(const std::string& view) = 0;
  bool ColumnExists(const std::string& table, const std::string& column);
  // Liquibase's indexExists (IndexComparator): an index named `index`, or, when `columns` (comma-
  // separated) are given, one over exactly those columns in that order, whatever its name; primary
  // key and unique constraint indexes count.
  bool IndexExists(const std::string& index, const std::string& table, const std::string& columns = "");
  virtual bool SequenceExists(const std::string& sequence) = 0;
  virtual bool ForeignKeyExists(const std::string& name, const std::string& table) = 0;
  virtual bool PrimaryKeyExists(const std::string& name, const std::string& table) = 0;
  // A unique constraint on `table` named `name` (when given) over exactly `columns` (when given,
  // comma-separated): Liquibase's uniqueConstraintExists precondition.
  bool UniqueConstraintExists(const std::string& name, const std::string& table, const std::string& columns);
  // The table (or view) as the SQL generator's introspection sees it: its columns and, on SQLite,
  // its CREATE TABLE text, foreign keys and the schema's indexes, which a table rebuild re-creates.
  // nullopt when there is no such table.
  virtual std::optional<LiveTable> Columns(const std::string& table) = 0;
  // The columns of base table `table` in `schema` (PostgreSQL: a schema; SQLite: an attached
  // database; empty: the current one), or nullopt when there is no such table. Where names differ
  // only in case, the one that matches best (exactly, then as an unquoted name folds) is taken.
  virtual std::optional<std::vector<DeclaredColumn>> DeclaredColumns(const std::string& schema, const std::string& table) = 0;
  virtual std::vector<std::string> Tables() = 0;
  virtual std::vector<std::string> Views() = 0;
  virtual std::vector<std::string> Sequences() = 0;
  // A lock this connection holds until it releases it or ends (the process with it), which no other
  // connection can hold meanwhile: the proof that a DATABASECHANGELOGLOCK holder lives. PostgreSQL:
  // a session advisory lock on the current schema's lock table; SQLite: flock() on
  // "<database file>-changeloglock" (an in-memory database has one process only). False when a live
  // holder has it.
  virtual bool TryHoldLivenessLock() = 0;
  virtual void ReleaseLivenessLock() = 0;  // a no-op when not held

  // SQLite: turns foreign key enforcement on or off, outside a transaction (SQLite ignores the
  // switch inside one), and returns whether it was on. Elsewhere a no-op returning false.
  virtual bool SetForeignKeyEnforcement(bool /*on*/) { return false; }
  // A private copy of the database to rehearse statements on (SQLite: its backup API into a new
  // in-memory database), or nullptr where the database has none (PostgreSQL).
  virtual std::unique_ptr<Connection> ScratchCopy() { return nullptr; }

  // Drops every view, table and sequence of the current schema (drop-all).
  virtual void DropAllObjects() = 0;

  // Liquibase's --default-schema-name: where unqualified names go from now on. PostgreSQL: the schema
  // first on the search path, then the session's path (as Liquibase's DatabaseUtils sets it);
  // MariaDB/MySQL: USE. ConfigError naming `option` when there is no such schema, or no schemas at all.
  virtual void UseDefaultSchema(const std::string& schema, const std::string& option);

  // The server's version, catalog and schema, for Liquibase's ${database.*} changelog properties.
  virtual DatabaseServer Server() = 0;
  // The user the connection logged in as (PostgreSQL: session_user); none on SQLite.
  virtual std::optional<std::string> UserName() = 0;

 protected:
  Connection(DatabaseKind kind, const DatabaseUrl& url);
  // Set by the backend's constructor; its native handle belongs to this session.
  std::unique_ptr<soci::session> session_;
  friend class SharedConnection;  // the only way to the SOCI session: a lease (shared_connection.h)
  soci::session& session() { return *session_; }
  [[noreturn]] static void Fail(const std::string& sql, const std::string& message);
  // Set by each backend's Query(): the rows its last INSERT, UPDATE or DELETE changed.
  std::uint64_t changed_rows_ = 0;
  // Set by each backend's Query(): see column_names().
  std::vector<std::string> column_names_;

  // A named index or constraint of a table with its columns, lower-cased and in key order.
  struct KeyColumns {
    std::string name;
    std::vector<std::string> columns;
  };
  // Every index of `table` (of every table in the schema when empty), primary keys and unique
  // constraints' own indexes included.
  virtual std::vector<KeyColumns> Indexes(const std::string& table) = 0;
  // The unique constraints of `table` (SQLite: its unique indexes too, as the JDBC snapshot sees them).
  virtual std::vector<KeyColumns> UniqueConstraints(const std::string& table, const std::string& name) = 0;
  virtual const char* BeginStatement() const = 0;

 private:
  DatabaseKind kind_;
  std::string description_;
  bool in_transaction_ = false;
};

// "a, B ,c" -> {"a", "b", "c"}: column lists compared as Liquibase's snapshot lookups compare them.
std::vector<std::string> LowerNames(const std::string& comma_separated);

}  // namespace ledgerhost::db
