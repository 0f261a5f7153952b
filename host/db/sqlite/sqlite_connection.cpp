#include "db/sqlite/sqlite_connection.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <cerrno>
#include <cstring>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>  // includes <sqlite3.h> inside namespace sqlite_api

#include "core/error.h"
#include "core/logging.h"
#include "core/text.h"
#include "db/backend_support.h"

namespace ledgerhost::db {

using namespace sqlite_api;
using text::Lower;
using text::Upper;


SqliteConnection::SqliteConnection(const DatabaseUrl& url) : Connection(DatabaseKind::kSqlite, url) {
  try {
    session_ = std::make_unique<soci::session>(soci::sqlite3, "db=" + url.path + " timeout=30");
  } catch (const soci::soci_error& e) {
    ThrowConnectFailure(url, e.what());
  }
  native_ = NativeHandleOf<soci::sqlite3_session_backend>(*session_);
  Execute("PRAGMA foreign_keys = ON");
}

SqliteConnection::~SqliteConnection() {
  ReleaseLivenessLock();
  FinalizePrepared();
  if (!remove_on_close_.empty()) {
    session_.reset();  // closes the file first
    std::error_code ignored;
    std::filesystem::remove(remove_on_close_, ignored);
  }
}

void SqliteConnection::FinalizePrepared() {
  for (auto& [sql, statement] : prepared_) sqlite3_finalize(static_cast<sqlite3_stmt*>(statement));
  prepared_.clear();
}

void SqliteConnection::Execute(const std::string& sql) {
  // Every statement that changes the database, as Liquibase logs them at FINE: `--log-level debug`
  // shows exactly what ran (the benchmark's SQLite floor script is taken from this log).
  static const auto sql_log = Logger("sql");
  sql_log->debug("{};", sql);
  char* error = nullptr;
  if (sqlite3_exec(static_cast<sqlite3*>(native_), sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown SQLite error";
    sqlite3_free(error);
    Fail(sql, message);
  }
}

std::vector<Row> SqliteConnection::Query(const std::string& sql, const std::vector<std::string>& params) {
  std::vector<Row> rows;
  auto* db = static_cast<sqlite3*>(native_);
  // Parameterised statements are the repeated ones (the balance store runs a few thousand a
  // second): they are prepared once and kept, a few dozen at most.
  const bool keep = !params.empty();
  sqlite3_stmt* statement = nullptr;
  if (keep) {
    const auto kept = prepared_.find(sql);
    if (kept != prepared_.end()) statement = static_cast<sqlite3_stmt*>(kept->second);
  }
  if (statement == nullptr) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) Fail(sql, sqlite3_errmsg(db));
    if (keep) {
      if (prepared_.size() >= kMaxPreparedStatements) FinalizePrepared();
      prepared_.emplace(sql, statement);
    }
  }
  for (size_t i = 0; i < params.size(); ++i) {
    sqlite3_bind_text(statement, static_cast<int>(i + 1), params[i].c_str(), static_cast<int>(params[i].size()),
                      SQLITE_TRANSIENT);
  }
  column_names_.clear();
  for (int c = 0; c < sqlite3_column_count(statement); ++c) column_names_.emplace_back(sqlite3_column_name(statement, c));
  int rc = 0;
  while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
    Row row;
    const int columns = sqlite3_column_count(statement);
    for (int c = 0; c < columns; ++c) {
      if (sqlite3_column_type(statement, c) == SQLITE_NULL) {
        row.emplace_back(std::nullopt);
      } else {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, c));
        row.emplace_back(std::string(text, static_cast<size_t>(sqlite3_column_bytes(statement, c))));
      }
    }
    rows.push_back(std::move(row));
  }
  const std::string error = rc == SQLITE_DONE ? "" : sqlite3_errmsg(db);
  if (rc == SQLITE_DONE) changed_rows_ = static_cast<std::uint64_t>(sqlite3_changes64(db));
  if (keep) {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
  } else {
    sqlite3_finalize(statement);
  }
  if (rc != SQLITE_DONE) Fail(sql, error);
  return rows;
}

bool SqliteConnection::TableExists(const std::string& table) {
  return QueryScalar("SELECT 1 FROM sqlite_master WHERE type='table' AND lower(name)=lower(?)", {table}).has_value();
}

bool SqliteConnection::ViewExists(const std::string& view) {
  return QueryScalar("SELECT 1 FROM sqlite_master WHERE type='view' AND lower(name)=lower(?)", {view}).has_value();
}

std::vector<std::string> SqliteConnection::IndexColumns(const std::string& index) {
  std::vector<std::string> columns;
  for (auto& column : Query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", {index})) {
    columns.push_back(Lower(column[0].value_or("")));
  }
  return columns;
}

std::vector<Connection::KeyColumns> SqliteConnection::Indexes(const std::string& table) {
  std::vector<KeyColumns> indexes;
  for (auto& row : Query("SELECT name FROM sqlite_master WHERE type='index' AND (?='' OR lower(tbl_name)=lower(?))",
                         {table, table})) {
    const std::string name = row[0].value_or("");
    indexes.push_back({name, IndexColumns(name)});
  }
  return indexes;
}

std::vector<Connection::KeyColumns> SqliteConnection::UniqueConstraints(const std::string& table, const std::string& name) {
  // SQLite keeps a UNIQUE constraint as an index of origin 'u' (an autoindex, or named when the
  // constraint is); a unique index created on its own counts too, as the JDBC snapshot sees it.
  std::vector<KeyColumns> constraints;
  for (auto& index : Query("SELECT name FROM pragma_index_list(?) WHERE \"unique\" = 1", {table})) {
    const std::string index_name = index[0].value_or("");
    if (!name.empty() && Lower(index_name) != Lower(name)) continue;
    constraints.push_back({index_name, IndexColumns(index_name)});
  }
  return constraints;
}

bool SqliteConnection::SequenceExists(const std::string&) { return false; }

bool SqliteConnection::ForeignKeyExists(const std::string& name, const std::string& table) {
  // SQLite keeps constraint names only in the table's SQL text.
  auto rows = Query("SELECT sql FROM sqlite_master WHERE type='table' AND (?='' OR lower(name)=lower(?))", {table, table});
  const std::string needle = "constraint " + Lower(name) + " foreign key";
  return std::any_of(rows.begin(), rows.end(),
                     [&](const Row& r) { return r[0] && Lower(*r[0]).find(needle) != std::string::npos; });
}

bool SqliteConnection::PrimaryKeyExists(const std::string&, const std::string& table) {
  auto live = Columns(table);
  return live && std::any_of(live->columns.begin(), live->columns.end(), [](const ColumnInfo& c) { return c.primary_key; });
}

std::optional<LiveTable> SqliteConnection::Columns(const std::string& table) {
  LiveTable live;
  auto found = Query("SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'view') AND lower(name)=lower(?) "
                     "ORDER BY type, name LIMIT 1",
                     {table});
  if (found.empty()) return std::nullopt;
  live.name = found[0][0].value_or(table);
  live.sql = found[0][1].value_or("");
  // table_xinfo, as the SQLite JDBC driver reads columns: generated columns included.
  for (auto& r : Query("SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?)", {live.name})) {
    ColumnInfo column;
    column.name = r[0].value_or("");
    column.type = r[1].value_or("");
    column.nullable = r[2].value_or("0") == "0";
    column.default_value = r[3];
    column.primary_key_position = std::stoi(r[4].value_or("0"));
    column.primary_key = column.primary_key_position != 0;
    column.generated = r[5].value_or("0") == "2" || r[5].value_or("0") == "3";
    live.columns.push_back(std::move(column));
  }
  // Its own indexes and triggers; views and other tables' triggers that mention its name (the
  // rebuild checks them). The oldest first, so that no re-created object precedes one it uses.
  for (auto& r : Query("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
                       "((type IN ('index', 'trigger') AND lower(tbl_name) = lower(?1)) OR "
                       "(type IN ('view', 'trigger') AND instr(lower(sql), lower(?1)) > 0)) ORDER BY rowid",
                       {live.name})) {
    live.dependents.push_back({r[0].value_or(""), r[1].value_or(""), r[2].value_or(""), r[3].value_or("")});
  }
  // Foreign keys come only from CREATE TABLE texts, so a table without REFERENCES in its text has
  // none: that keeps this linear in the referencing tables, not the schema.
  for (auto& r : Query("SELECT DISTINCT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE "
                       "m.type = 'table' AND instr(lower(m.sql), 'references') > 0 AND "
                       "lower(f.\"table\") = lower(?1) AND lower(m.name) <> lower(?1) ORDER BY m.name",
                       {live.name})) {
    live.referenced_by.push_back(r[0].value_or(""));
  }
  if (TableExists("sqlite_sequence")) {
    live.autoincrement_seq = QueryScalar("SELECT seq FROM sqlite_sequence WHERE name = ?", {live.name});
  }
  return live;
}

std::optional<std::vector<DeclaredColumn>> SqliteConnection::DeclaredColumns(const std::string& database_schema,
                                                                            const std::string& table) {
  const std::string database = database_schema.empty() ? "main" : database_schema;
  if (!QueryScalar("SELECT 1 FROM pragma_database_list WHERE name = ?", {database})) return std::nullopt;
  // SQLite table names are unique case-insensitively, so there is at most one. The database name is
  // an identifier here, always quoted (it exists: pragma_database_list said so).
  const auto name = QueryScalar(
      "SELECT name FROM " + QuotedIdentifier(database) + ".sqlite_master WHERE type = 'table' AND lower(name) = lower(?)",
      {table});
  if (!name) return std::nullopt;
  // An INTEGER PRIMARY KEY of a rowid table is the rowid, never NULL, though pragma reports notnull 0;
  // such a key has no index of origin 'pk'. (WITHOUT ROWID tables report their keys NOT NULL.)
  const bool pk_index =
      QueryScalar("SELECT 1 FROM pragma_index_list(?, ?) WHERE origin = 'pk'", {*name, database}).has_value();
  // table_xinfo includes generated columns; hidden = 1 are a virtual table's hidden columns.
  const auto rows = Query(
      "SELECT name, type, \"notnull\", pk, (SELECT count(*) FROM pragma_table_xinfo(?1, ?2) WHERE pk > 0) "
      "FROM pragma_table_xinfo(?1, ?2) WHERE hidden <> 1 ORDER BY cid",
      {*name, database});
  std::vector<DeclaredColumn> columns;
  for (const auto& row : rows) {
    const std::string type = row[1].value_or("");
    const bool rowid_alias = row[3].value_or("0") != "0" && row[4].value_or("0") == "1" && !pk_index &&
                             Upper(type) == "INTEGER";
    columns.push_back({row[0].value_or(""), type, row[2].value_or("0") == "0" && !rowid_alias});
  }
  return columns;
}

std::vector<std::string> SqliteConnection::Tables() {
  std::vector<std::string> out;
  for (auto& r : Query("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
    out.push_back(r[0].value_or(""));
  }
  return out;
}

std::vector<std::string> SqliteConnection::Views() {
  std::vector<std::string> out;
  for (auto& r : Query("SELECT name FROM sqlite_master WHERE type='view' ORDER BY name")) out.push_back(r[0].value_or(""));
  return out;
}

std::vector<std::string> SqliteConnection::Sequences() { return {}; }

bool SqliteConnection::TryHoldLivenessLock() {
  if (liveness_lock_ >= 0) return true;
  std::string file;
  for (const auto& row : Query("PRAGMA database_list")) {
    if (row.size() > 2 && row[1].value_or("") == "main") file = row[2].value_or("");
  }
  if (file.empty()) return true;  // in memory: one process only
  const std::string path = file + "-changeloglock";
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  // MigrationError, as the changelog lock's other failures (exit code 6).
  if (fd < 0) throw MigrationError("cannot open the changelog lock file " + path + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd);
    if (error == EWOULDBLOCK) return false;
    throw MigrationError("cannot lock " + path + ": " + std::strerror(error));
  }
  liveness_lock_ = fd;
  return true;
}

void SqliteConnection::ReleaseLivenessLock() {
  if (liveness_lock_ < 0) return;
  ::flock(liveness_lock_, LOCK_UN);
  ::close(liveness_lock_);
  liveness_lock_ = -1;
}

void SqliteConnection::DropAllObjects() {
  Execute("PRAGMA foreign_keys = OFF");
  for (const auto& view : Views()) Execute("DROP VIEW " + QuotedIdentifier(view));
  for (const auto& table : Tables()) Execute("DROP TABLE " + QuotedIdentifier(table));
  Execute("PRAGMA foreign_keys = ON");
}

DatabaseServer SqliteConnection::Server() {
  DatabaseServer server;
  server.product_version = sqlite3_libversion();
  const int number = sqlite3_libversion_number();  // 3040001
  server.major_version = number / 1000000;
  server.minor_version = number / 1000 % 1000;
  return server;
}

std::optional<std::string> SqliteConnection::UserName() { return std::nullopt; }

bool SqliteConnection::SetForeignKeyEnforcement(bool on) {
  const bool was_on = QueryScalar("PRAGMA foreign_keys").value_or("0") == "1";
  Execute(on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
  if ((QueryScalar("PRAGMA foreign_keys").value_or("0") == "1") != on) {
    throw DatabaseError(description() + ": foreign key enforcement cannot be switched inside a transaction");
  }
  return was_on;
}

std::unique_ptr<Connection> SqliteConnection::ScratchCopy() {
  // A temporary file, not memory: the copy is as large as the database. Removed with the copy.
  static std::atomic<int> counter{0};
  const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                     ("ledgerhost-scratch-" + std::to_string(::getpid()) + "-" +
                                      std::to_string(counter++) + ".db");
  DatabaseUrl copy_url;
  copy_url.kind = DatabaseKind::kSqlite;
  copy_url.path = file.string();
  copy_url.original = "a scratch copy of " + description();
  auto scratch = std::make_unique<SqliteConnection>(copy_url);
  scratch->remove_on_close_ = file;
  auto* scratch_db = static_cast<sqlite3*>(scratch->native_);
  sqlite3_backup* backup = sqlite3_backup_init(scratch_db, "main", static_cast<sqlite3*>(native_), "main");
  if (backup == nullptr) Fail("(backup)", sqlite3_errmsg(scratch_db));
  const int step = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  if (step != SQLITE_DONE) Fail("(backup)", sqlite3_errstr(step));
  // What runs on the copy stays on it: a changelog's ATTACH would reach other files.
  sqlite3_limit(scratch_db, SQLITE_LIMIT_ATTACHED, 0);
  return scratch;
}

}  // namespace ledgerhost::db
