#include "db/mariadb/mariadb_connection.h"

#include <mysql.h>

#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>

#include <cstring>
#include <memory>

#include "core/error.h"
#include "core/logging.h"
#include "core/text.h"
#include "db/backend_support.h"

namespace ledgerhost::db {
namespace {

MYSQL* Handle(void* native) { return static_cast<MYSQL*>(native); }

// The liveness lock: a named server lock per database's lock table, held by this session.
constexpr const char* kLivenessLockName = "CONCAT(DATABASE(), '.databasechangeloglock')";

}  // namespace

PositionalStatement NumberedParameters(const std::string& sql, const std::vector<std::string>& params) {
  PositionalStatement out;
  std::size_t next = 0;  // a bare ? takes the parameter after the previous one
  char quote = 0;        // inside '...', "..." or `...`
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    out.sql += c;
    if (quote != 0) {
      if (c == '\\' && quote != '`' && i + 1 < sql.size()) {
        out.sql += sql[++i];
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {
      quote = c;
      continue;
    }
    if (c != '?') continue;
    std::size_t end = i + 1;
    while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') ++end;
    std::size_t index = next;
    if (end > i + 1) {
      if (end - i - 1 > 9) throw DatabaseError("parameter " + sql.substr(i, end - i) + " out of range in: " + sql);
      index = std::stoul(sql.substr(i + 1, end - i - 1)) - 1;
      i = end - 1;
    }
    if (index >= params.size()) {
      throw DatabaseError("statement names parameter " + std::to_string(index + 1) + " of " +
                          std::to_string(params.size()) + ": " + sql);
    }
    out.params.push_back(params[index]);
    next = index + 1;
  }
  return out;
}

MariadbConnection::MariadbConnection(const DatabaseUrl& url)
    : Connection(url.kind, url), url_is_local_(url.host == "localhost" || url.host == "127.0.0.1") {
  std::string connect = "host=" + ConnectionStringValue(url.host) + " port=" + std::to_string(url.port) +
                        " db=" + ConnectionStringValue(url.database) + " charset=utf8mb4";
  if (!url.user.empty()) connect += " user=" + ConnectionStringValue(url.user);
  if (!url.password.empty()) connect += " password=" + ConnectionStringValue(url.password);
  try {
    session_ = std::make_unique<soci::session>(soci::mysql, connect);
  } catch (const soci::soci_error& e) {
    ThrowConnectFailure(url, e.what());
  }
  native_ = NativeHandleOf<soci::mysql_session_backend>(*session_);
  // Generated scripts and changelogs' <sql> hold several statements; DDL commits on its own anyway.
  if (mysql_set_server_option(Handle(native_), MYSQL_OPTION_MULTI_STATEMENTS_ON) != 0) {
    Fail("(multi-statement option)", mysql_error(Handle(native_)));
  }
}

MariadbConnection::~MariadbConnection() { ReleaseLivenessLock(); }

void MariadbConnection::Execute(const std::string& sql) {
  static const auto sql_log = Logger("sql");
  sql_log->debug("{};", sql);
  MYSQL* mysql = Handle(native_);
  if (mysql_real_query(mysql, sql.data(), sql.size()) != 0) Fail(sql, mysql_error(mysql));
  // Every result of a multi-statement text is read, so that the connection is ready for the next;
  // an error in a later statement is reported here.
  while (true) {
    if (MYSQL_RES* result = mysql_store_result(mysql)) mysql_free_result(result);
    else if (mysql_field_count(mysql) != 0) Fail(sql, mysql_error(mysql));
    const int next = mysql_next_result(mysql);
    if (next == -1) break;
    if (next > 0) Fail(sql, mysql_error(mysql));
  }
}

std::vector<Row> MariadbConnection::Query(const std::string& sql, const std::vector<std::string>& params) {
  column_names_.clear();
  if (!params.empty()) return QueryPrepared(sql, params);
  MYSQL* mysql = Handle(native_);
  if (mysql_real_query(mysql, sql.data(), sql.size()) != 0) Fail(sql, mysql_error(mysql));
  std::vector<Row> rows;
  MYSQL_RES* result = mysql_store_result(mysql);
  if (result == nullptr) {
    if (mysql_field_count(mysql) != 0) Fail(sql, mysql_error(mysql));
    changed_rows_ = mysql_affected_rows(mysql);
    return rows;
  }
  const unsigned fields = mysql_num_fields(result);
  const MYSQL_FIELD* field_info = mysql_fetch_fields(result);
  for (unsigned i = 0; i < fields; ++i) column_names_.emplace_back(field_info[i].name, field_info[i].name_length);
  while (MYSQL_ROW values = mysql_fetch_row(result)) {
    const unsigned long* lengths = mysql_fetch_lengths(result);
    Row row;
    for (unsigned i = 0; i < fields; ++i) {
      if (values[i] == nullptr) row.emplace_back(std::nullopt);
      else row.emplace_back(std::string(values[i], lengths[i]));
    }
    rows.push_back(std::move(row));
  }
  mysql_free_result(result);
  return rows;
}

bool MariadbConnection::InsertUnlessDuplicate(const std::string& insert, const std::vector<std::string>& params,
                                              const std::string& /*key_columns: any unique key here*/) {
  constexpr unsigned kDuplicateEntry = 1062;  // ER_DUP_ENTRY
  try {
    QueryPrepared(insert, params);
    return true;
  } catch (const DatabaseError&) {
    if (last_error_ == kDuplicateEntry) return false;
    throw;
  }
}

std::vector<Row> MariadbConnection::QueryPrepared(const std::string& numbered_sql,
                                                 const std::vector<std::string>& numbered_params) {
  last_error_ = 0;  // every failure below sets it, so a duplicate is never an earlier statement's
  const auto [sql, params] = NumberedParameters(numbered_sql, numbered_params);
  MYSQL* mysql = Handle(native_);
  std::unique_ptr<MYSQL_STMT, decltype(&mysql_stmt_close)> statement(mysql_stmt_init(mysql), &mysql_stmt_close);
  if (!statement) {
    last_error_ = mysql_errno(mysql);
    Fail(numbered_sql, mysql_error(mysql));
  }
  MYSQL_STMT* stmt = statement.get();
  if (mysql_stmt_prepare(stmt, sql.data(), sql.size()) != 0) {
    last_error_ = mysql_stmt_errno(stmt);
    Fail(numbered_sql, mysql_stmt_error(stmt));
  }
  std::vector<MYSQL_BIND> binds(params.size());
  std::vector<unsigned long> lengths(params.size());
  for (std::size_t i = 0; i < params.size(); ++i) {
    std::memset(&binds[i], 0, sizeof(MYSQL_BIND));
    lengths[i] = params[i].size();
    binds[i].buffer_type = MYSQL_TYPE_STRING;
    binds[i].buffer = const_cast<char*>(params[i].data());
    binds[i].buffer_length = params[i].size();
    binds[i].length = &lengths[i];
  }
  if (mysql_stmt_bind_param(stmt, binds.data()) != 0 || mysql_stmt_execute(stmt) != 0) {
    last_error_ = mysql_stmt_errno(stmt);
    Fail(numbered_sql, mysql_stmt_error(stmt));
  }
  std::vector<Row> rows;
  const unsigned fields = mysql_stmt_field_count(stmt);
  if (fields == 0) {
    changed_rows_ = mysql_stmt_affected_rows(stmt);
    return rows;
  }
  // Each column is fetched as text: its length first, then its bytes.
  std::vector<MYSQL_BIND> results(fields);
  std::vector<unsigned long> sizes(fields);
  std::vector<my_bool> nulls(fields);
  for (unsigned i = 0; i < fields; ++i) {
    std::memset(&results[i], 0, sizeof(MYSQL_BIND));
    results[i].buffer_type = MYSQL_TYPE_STRING;
    results[i].length = &sizes[i];
    results[i].is_null = &nulls[i];
  }
  if (mysql_stmt_bind_result(stmt, results.data()) != 0) Fail(numbered_sql, mysql_stmt_error(stmt));
  while (true) {
    const int fetched = mysql_stmt_fetch(stmt);
    if (fetched == MYSQL_NO_DATA) break;
    if (fetched == 1) Fail(numbered_sql, mysql_stmt_error(stmt));
    Row row;
    for (unsigned i = 0; i < fields; ++i) {
      if (nulls[i]) {
        row.emplace_back(std::nullopt);
        continue;
      }
      std::string value(sizes[i], '\0');
      if (sizes[i] > 0) {
        MYSQL_BIND column;
        std::memset(&column, 0, sizeof(MYSQL_BIND));
        column.buffer_type = MYSQL_TYPE_STRING;
        column.buffer = value.data();
        column.buffer_length = sizes[i];
        if (mysql_stmt_fetch_column(stmt, &column, i, 0) != 0) Fail(numbered_sql, mysql_stmt_error(stmt));
      }
      row.emplace_back(std::move(value));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> MariadbConnection::Names(const std::string& sql) {
  std::vector<std::string> out;
  for (auto& row : Query(sql)) out.push_back(row[0].value_or(""));
  return out;
}

bool MariadbConnection::TableExists(const std::string& table) {
  return QueryScalar("SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND "
                     "table_type = 'BASE TABLE' AND lower(table_name) = lower(?)",
                     {table})
      .has_value();
}

bool MariadbConnection::ViewExists(const std::string& view) {
  return QueryScalar("SELECT 1 FROM information_schema.views WHERE table_schema = DATABASE() AND "
                     "lower(table_name) = lower(?)",
                     {view})
      .has_value();
}

bool MariadbConnection::SequenceExists(const std::string& sequence) {
  return QueryScalar("SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND "
                     "table_type = 'SEQUENCE' AND lower(table_name) = lower(?)",
                     {sequence})
      .has_value();
}

bool MariadbConnection::ForeignKeyExists(const std::string& name, const std::string& table) {
  return QueryScalar("SELECT 1 FROM information_schema.table_constraints WHERE constraint_schema = DATABASE() "
                     "AND constraint_type = 'FOREIGN KEY' AND lower(constraint_name) = lower(?) AND "
                     "(? = '' OR lower(table_name) = lower(?))",
                     {name, table, table})
      .has_value();
}

bool MariadbConnection::PrimaryKeyExists(const std::string& name, const std::string& table) {
  // MySQL names every primary key PRIMARY: a name given in a changelog cannot be checked.
  (void)name;
  return QueryScalar("SELECT 1 FROM information_schema.table_constraints WHERE constraint_schema = DATABASE() "
                     "AND constraint_type = 'PRIMARY KEY' AND (? = '' OR lower(table_name) = lower(?))",
                     {table, table})
      .has_value();
}

std::vector<Connection::KeyColumns> MariadbConnection::Indexes(const std::string& table) {
  std::vector<KeyColumns> indexes;
  for (auto& row : Query("SELECT index_name, GROUP_CONCAT(column_name ORDER BY seq_in_index SEPARATOR ',') "
                         "FROM information_schema.statistics WHERE table_schema = DATABASE() AND "
                         "(? = '' OR lower(table_name) = lower(?)) GROUP BY table_name, index_name",
                         {table, table})) {
    indexes.push_back({row[0].value_or(""), LowerNames(row[1].value_or(""))});
  }
  return indexes;
}

std::vector<Connection::KeyColumns> MariadbConnection::UniqueConstraints(const std::string& table,
                                                                         const std::string& name) {
  std::vector<KeyColumns> constraints;
  for (auto& row : Query("SELECT index_name, GROUP_CONCAT(column_name ORDER BY seq_in_index SEPARATOR ',') "
                         "FROM information_schema.statistics WHERE table_schema = DATABASE() AND non_unique = 0 "
                         "AND index_name <> 'PRIMARY' AND lower(table_name) = lower(?) AND "
                         "(? = '' OR lower(index_name) = lower(?)) GROUP BY index_name",
                         {table, name, name})) {
    constraints.push_back({row[0].value_or(""), LowerNames(row[1].value_or(""))});
  }
  return constraints;
}

std::optional<LiveTable> MariadbConnection::Columns(const std::string& table) {
  LiveTable live;
  for (auto& r : Query("SELECT column_name, column_type, is_nullable, column_default, column_key, table_name "
                       "FROM information_schema.columns WHERE table_schema = DATABASE() AND "
                       "lower(table_name) = lower(?) ORDER BY ordinal_position",
                       {table})) {
    ColumnInfo column;
    column.name = r[0].value_or("");
    column.type = r[1].value_or("");
    column.nullable = r[2].value_or("YES") == "YES";
    column.default_value = r[3];
    column.primary_key = r[4].value_or("") == "PRI";
    live.columns.push_back(std::move(column));
    live.name = r[5].value_or(table);
  }
  if (live.columns.empty()) return std::nullopt;
  return live;
}

std::optional<std::vector<DeclaredColumn>> MariadbConnection::DeclaredColumns(const std::string& database_schema,
                                                                             const std::string& table) {
  // A MySQL "schema" is a database: names compare as the server's lower_case_table_names makes them.
  const auto rows = Query(
      "SELECT column_name, column_type, is_nullable FROM information_schema.columns WHERE "
      "table_schema = COALESCE(NULLIF(?, ''), DATABASE()) AND table_name = (SELECT table_name FROM "
      "information_schema.tables WHERE table_schema = COALESCE(NULLIF(?, ''), DATABASE()) AND table_type = "
      "'BASE TABLE' AND lower(table_name) = lower(?) ORDER BY table_name = ? DESC LIMIT 1) ORDER BY ordinal_position",
      {database_schema, database_schema, table, table});
  if (rows.empty()) return std::nullopt;
  std::vector<DeclaredColumn> columns;
  for (const auto& row : rows) columns.push_back({row[0].value_or(""), row[1].value_or(""), row[2].value_or("YES") == "YES"});
  return columns;
}

std::vector<std::string> MariadbConnection::Tables() {
  return Names("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND "
               "table_type = 'BASE TABLE' ORDER BY table_name");
}

std::vector<std::string> MariadbConnection::Views() {
  return Names("SELECT table_name FROM information_schema.views WHERE table_schema = DATABASE() ORDER BY table_name");
}

std::vector<std::string> MariadbConnection::Sequences() {
  return Names("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND "
               "table_type = 'SEQUENCE' ORDER BY table_name");
}

bool MariadbConnection::TryHoldLivenessLock() {
  if (!liveness_lock_held_) {
    liveness_lock_held_ = QueryScalar(std::string("SELECT GET_LOCK(") + kLivenessLockName + ", 0)") == "1";
  }
  return liveness_lock_held_;
}

void MariadbConnection::ReleaseLivenessLock() {
  if (!liveness_lock_held_) return;
  liveness_lock_held_ = false;
  try {
    Query(std::string("SELECT RELEASE_LOCK(") + kLivenessLockName + ")");
  } catch (const DatabaseError& e) {
    // The lock ends with the session anyway.
    Logger("db")->debug("releasing the liveness lock: {}", e.what());
  }
}

void MariadbConnection::DropAllObjects() {
  // Foreign keys between the tables would otherwise decide the order.
  Execute("SET FOREIGN_KEY_CHECKS = 0");
  try {
    for (const auto& view : Views()) Execute("DROP VIEW " + QuotedIdentifier(view, '`'));
    for (const auto& table : Tables()) Execute("DROP TABLE " + QuotedIdentifier(table, '`'));
    for (const auto& sequence : Sequences()) Execute("DROP SEQUENCE " + QuotedIdentifier(sequence, '`'));
  } catch (...) {
    Execute("SET FOREIGN_KEY_CHECKS = 1");
    throw;
  }
  Execute("SET FOREIGN_KEY_CHECKS = 1");
}

DatabaseServer MariadbConnection::Server() {
  DatabaseServer server;
  server.url_is_local = url_is_local_;
  server.product_version = QueryScalar("SELECT VERSION()").value_or("");
  const unsigned long version = mysql_get_server_version(Handle(native_));  // 101119 is 10.11.19
  server.major_version = static_cast<int>(version / 10000);
  server.minor_version = static_cast<int>(version / 100 % 100);
  server.default_catalog = QueryScalar("SELECT DATABASE()").value_or("");
  server.default_schema = server.default_catalog;
  return server;
}

std::optional<std::string> MariadbConnection::UserName() {
  return QueryScalar("SELECT SUBSTRING_INDEX(USER(), '@', 1)");
}

void MariadbConnection::UseDefaultSchema(const std::string& schema, const std::string& /*option*/) {
  Execute("USE " + QuotedIdentifier(schema, '`'));  // the server's "Unknown database" names a missing one
}

}  // namespace ledgerhost::db
