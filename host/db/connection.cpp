#include "db/connection.h"

#include <algorithm>
#include <soci/soci.h>

#include "core/error.h"
#include "core/text.h"
#include "db/mariadb/mariadb_connection.h"
#include "db/postgresql/postgresql_connection.h"
#include "db/sqlite/sqlite_connection.h"

namespace ledgerhost::db {

using text::Lower;

std::unique_ptr<Connection> Connection::Open(const DatabaseUrl& url) {
  if (url.offline) throw DatabaseError("cannot connect to an offline URL: " + url.Redacted());
  switch (url.kind) {
    case DatabaseKind::kSqlite: return std::make_unique<SqliteConnection>(url);
    case DatabaseKind::kPostgresql: return std::make_unique<PostgresqlConnection>(url);
    case DatabaseKind::kMariadb:
    case DatabaseKind::kMysql: return std::make_unique<MariadbConnection>(url);
    default:
      throw DatabaseError("ledgerhost applies migrations to sqlite, postgresql and mariadb/mysql only; use update-sql with "
                          "offline:" + std::string(ShortName(url.kind)) + " to generate SQL for " +
                          std::string(ShortName(url.kind)));
  }
}

Connection::Connection(DatabaseKind kind, const DatabaseUrl& url) : kind_(kind), description_(url.Redacted()) {}

Connection::~Connection() = default;

void Connection::Fail(const std::string& sql, const std::string& message) {
  std::string trimmed = message;
  while (!trimmed.empty() && (trimmed.back() == '\n' || trimmed.back() == ' ')) trimmed.pop_back();
  throw DatabaseError(trimmed + "\n  SQL: " + sql);
}

std::optional<std::string> Connection::QueryScalar(const std::string& sql, const std::vector<std::string>& params) {
  auto rows = Query(sql, params);
  if (rows.empty() || rows.front().empty()) return std::nullopt;
  return rows.front().front();
}

std::uint64_t Connection::Change(const std::string& sql, const std::vector<std::string>& params) {
  changed_rows_ = 0;
  Query(sql, params);
  return changed_rows_;
}

bool Connection::InsertUnlessDuplicate(const std::string& insert, const std::vector<std::string>& params,
                                       const std::string& key_columns) {
  return Change(insert + " ON CONFLICT (" + key_columns + ") DO NOTHING", params) != 0;
}

void Connection::Begin() {
  Execute(BeginStatement());
  in_transaction_ = true;
}

void Connection::Commit() {
  Execute("COMMIT");
  in_transaction_ = false;
}

void Connection::Rollback() {
  if (!in_transaction_) return;
  in_transaction_ = false;
  try {
    Execute("ROLLBACK");
  } catch (const DatabaseError&) {
    // The transaction is already gone (e.g. the connection broke); the original error is what matters.
  }
}

bool Connection::ColumnExists(const std::string& table, const std::string& column) {
  auto live = Columns(table);
  if (!live) return false;
  return std::any_of(live->columns.begin(), live->columns.end(),
                     [&](const ColumnInfo& c) { return Lower(c.name) == Lower(column); });
}

bool Connection::IndexExists(const std::string& index, const std::string& table, const std::string& columns) {
  const std::vector<std::string> wanted = LowerNames(columns);
  for (const auto& [name, have] : Indexes(table)) {
    if (!index.empty() && Lower(name) == Lower(index)) return true;
    if (!wanted.empty() && have == wanted) return true;
  }
  return false;
}

bool Connection::UniqueConstraintExists(const std::string& name, const std::string& table, const std::string& columns) {
  const std::vector<std::string> wanted = LowerNames(columns);
  const auto constraints = UniqueConstraints(table, name);
  return std::any_of(constraints.begin(), constraints.end(),
                     [&](const KeyColumns& constraint) { return wanted.empty() || constraint.columns == wanted; });
}

std::vector<std::string> LowerNames(const std::string& comma_separated) {
  std::vector<std::string> out;
  for (const auto& name : text::SplitAndTrim(comma_separated, ',')) out.push_back(Lower(name));
  return out;
}

void Connection::UseDefaultSchema(const std::string& /*schema*/, const std::string& option) {
  throw ConfigError(option + " needs PostgreSQL, MariaDB or MySQL; " + std::string(ShortName(kind_)) + " has no schemas");
}

}  // namespace ledgerhost::db
