#include "migration/engine/connection.h"

#include <libpq-fe.h>

#include <algorithm>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>  // includes <sqlite3.h> inside namespace sqlite_api

#include "core/error.h"
#include "core/logging.h"
#include "migration/model/text.h"

namespace ledgerhost::migration {
namespace {

using namespace sqlite_api;

using text::Lower;

// libpq keyword/value strings quote values with single quotes and backslash escapes.
std::string PgConnValue(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// Drivers may echo the connection string in their messages.
std::string WithoutSecret(std::string message, const std::string& secret) {
  if (secret.empty()) return message;
  for (auto pos = message.find(secret); pos != std::string::npos; pos = message.find(secret, pos + 3)) {
    message.replace(pos, secret.size(), "***");
  }
  return message;
}

// What an operator should read first of libpq's message: which of the usual four it is.
std::string ConnectFailureKind(const std::string& message) {
  if (message.find("no password supplied") != std::string::npos) {
    return "no password (set database.password or LEDGERHOST_DATABASE_PASSWORD); ";
  }
  if (message.find("authentication failed") != std::string::npos) return "authentication failed; ";
  if (message.find("does not exist") != std::string::npos && message.find("database") != std::string::npos) {
    return "no such database; ";
  }
  if (message.find("Connection refused") != std::string::npos) return "connection refused (is the server running?); ";
  return "";
}

// The backend's type is known from the factory given to the session. Debian's SOCI libraries export
// no typeinfo for their backends, which UBSan's vptr check on this downcast would need to link.
template <typename Backend>
__attribute__((no_sanitize("vptr"))) auto NativeHandleOf(soci::session& session) {
  return static_cast<Backend*>(session.get_backend())->conn_;
}

}  // namespace

std::unique_ptr<Connection> Connection::Open(const DatabaseUrl& url) {
  if (url.offline) throw DatabaseError("cannot connect to an offline URL: " + url.Redacted());
  std::unique_ptr<Connection> connection(new Connection());
  connection->kind_ = url.kind;
  connection->description_ = url.Redacted();
  connection->url_is_local_ = url.kind != DatabaseKind::kSqlite && (url.host == "localhost" || url.host == "127.0.0.1");
  try {
    if (url.kind == DatabaseKind::kSqlite) {
      connection->session_ = std::make_unique<soci::session>(soci::sqlite3, "db=" + url.path + " timeout=30");
      connection->native_ = NativeHandleOf<soci::sqlite3_session_backend>(*connection->session_);
      // SOCI opens its own transaction mode; the engine controls transactions explicitly.
      connection->Execute("PRAGMA foreign_keys = ON");
    } else if (url.kind == DatabaseKind::kPostgresql) {
      std::string conninfo = "host=" + PgConnValue(url.host) + " port=" + std::to_string(url.port) +
                             " dbname=" + PgConnValue(url.database) + " application_name='ledgerhost'";
      if (!url.user.empty()) conninfo += " user=" + PgConnValue(url.user);
      if (!url.password.empty()) conninfo += " password=" + PgConnValue(url.password);
      connection->session_ = std::make_unique<soci::session>(soci::postgresql, conninfo);
      connection->native_ = NativeHandleOf<soci::postgresql_session_backend>(*connection->session_);
      connection->Execute("SET client_min_messages = WARNING");
    } else {
      throw DatabaseError("ledgerhost applies migrations to sqlite and postgresql only; use update-sql with "
                          "offline:" + std::string(ShortName(url.kind)) + " to generate SQL for " +
                          std::string(ShortName(url.kind)));
    }
  } catch (const soci::soci_error& e) {
    // SOCI's message can echo the connection string: redact it.
    const std::string message = WithoutSecret(e.what(), url.password);
    throw DatabaseError("cannot connect to " + url.Redacted() + ": " + ConnectFailureKind(message) + message);
  }
  return connection;
}

Connection::~Connection() { FinalizePrepared(); }

void Connection::FinalizePrepared() {
  for (auto& [sql, statement] : prepared_) sqlite3_finalize(static_cast<sqlite3_stmt*>(statement));
  prepared_.clear();
}

void Connection::Fail(const std::string& sql, const std::string& message) const {
  std::string trimmed = message;
  while (!trimmed.empty() && (trimmed.back() == '\n' || trimmed.back() == ' ')) trimmed.pop_back();
  throw DatabaseError(trimmed + "\n  SQL: " + sql);
}

void Connection::Execute(const std::string& sql) {
  // Every statement that changes the database, as Liquibase logs them at FINE: `--log-level debug`
  // shows exactly what ran (the benchmark's SQLite floor script is taken from this log).
  static const auto sql_log = Logger("sql");
  sql_log->debug("{};", sql);
  if (kind_ == DatabaseKind::kSqlite) {
    char* error = nullptr;
    if (sqlite3_exec(static_cast<sqlite3*>(native_), sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error ? error : "unknown SQLite error";
      sqlite3_free(error);
      Fail(sql, message);
    }
    return;
  }
  PGresult* result = PQexec(static_cast<PGconn*>(native_), sql.c_str());
  const auto status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
    std::string message = PQresultErrorMessage(result);
    PQclear(result);
    Fail(sql, message);
  }
  PQclear(result);
}

std::vector<Row> Connection::Query(const std::string& sql, const std::vector<std::string>& params) {
  std::vector<Row> rows;
  if (kind_ == DatabaseKind::kSqlite) {
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
    if (keep) {
      sqlite3_reset(statement);
      sqlite3_clear_bindings(statement);
    } else {
      sqlite3_finalize(statement);
    }
    if (rc != SQLITE_DONE) Fail(sql, error);
    return rows;
  }
  std::vector<const char*> values;
  for (const auto& p : params) values.push_back(p.c_str());
  PGresult* result = PQexecParams(static_cast<PGconn*>(native_), sql.c_str(), static_cast<int>(values.size()), nullptr,
                                  values.data(), nullptr, nullptr, 0);
  if (PQresultStatus(result) != PGRES_TUPLES_OK && PQresultStatus(result) != PGRES_COMMAND_OK) {
    std::string message = PQresultErrorMessage(result);
    PQclear(result);
    Fail(sql, message);
  }
  for (int r = 0; r < PQntuples(result); ++r) {
    Row row;
    for (int c = 0; c < PQnfields(result); ++c) {
      if (PQgetisnull(result, r, c)) {
        row.emplace_back(std::nullopt);
      } else {
        row.emplace_back(std::string(PQgetvalue(result, r, c), static_cast<size_t>(PQgetlength(result, r, c))));
      }
    }
    rows.push_back(std::move(row));
  }
  PQclear(result);
  return rows;
}

std::optional<std::string> Connection::QueryScalar(const std::string& sql, const std::vector<std::string>& params) {
  auto rows = Query(sql, params);
  if (rows.empty() || rows.front().empty()) return std::nullopt;
  return rows.front().front();
}

void Connection::Begin() {
  Execute(kind_ == DatabaseKind::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
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

bool Connection::TableExists(const std::string& table) {
  if (kind_ == DatabaseKind::kSqlite) {
    return QueryScalar("SELECT 1 FROM sqlite_master WHERE type='table' AND lower(name)=lower(?)", {table}).has_value();
  }
  return QueryScalar("SELECT 1 FROM information_schema.tables WHERE table_schema=current_schema() AND "
                     "table_type='BASE TABLE' AND lower(table_name)=lower($1)",
                     {table})
      .has_value();
}

bool Connection::ViewExists(const std::string& view) {
  if (kind_ == DatabaseKind::kSqlite) {
    return QueryScalar("SELECT 1 FROM sqlite_master WHERE type='view' AND lower(name)=lower(?)", {view}).has_value();
  }
  return QueryScalar("SELECT 1 FROM information_schema.views WHERE table_schema=current_schema() AND "
                     "lower(table_name)=lower($1)",
                     {view})
      .has_value();
}

bool Connection::ColumnExists(const std::string& table, const std::string& column) {
  auto live = Columns(table);
  if (!live) return false;
  return std::any_of(live->columns.begin(), live->columns.end(),
                     [&](const ColumnInfo& c) { return Lower(c.name) == Lower(column); });
}

namespace {

// "a, B ,c" -> {"a", "b", "c"}: column lists compared as Liquibase's snapshot lookups compare them.
std::vector<std::string> LowerNames(const std::string& comma_separated) {
  std::vector<std::string> out;
  for (const auto& name : text::SplitAndTrim(comma_separated, ',')) out.push_back(Lower(name));
  return out;
}

}  // namespace

std::vector<std::string> Connection::SqliteIndexColumns(const std::string& index) {
  std::vector<std::string> columns;
  for (auto& column : Query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", {index})) {
    columns.push_back(Lower(column[0].value_or("")));
  }
  return columns;
}

bool Connection::IndexExists(const std::string& index, const std::string& table, const std::string& columns) {
  const std::vector<std::string> wanted = LowerNames(columns);
  // (index name, its columns in order) of every index of the table (of every table when none given).
  std::vector<std::pair<std::string, std::vector<std::string>>> indexes;
  if (kind_ == DatabaseKind::kSqlite) {
    for (auto& row : Query("SELECT name, tbl_name FROM sqlite_master WHERE type='index' AND (?='' OR lower(tbl_name)=lower(?))",
                           {table, table})) {
      const std::string name = row[0].value_or("");
      indexes.emplace_back(name, SqliteIndexColumns(name));
    }
  } else {
    for (auto& row : Query("SELECT i.relname, string_agg(a.attname, ',' ORDER BY k.n) FROM pg_index x "
                           "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
                           "JOIN pg_namespace ns ON ns.oid = t.relnamespace "
                           "CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, n) "
                           "LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum "
                           "WHERE ns.nspname = current_schema() AND ($1 = '' OR lower(t.relname) = lower($1)) "
                           "GROUP BY i.relname",
                           {table})) {
      indexes.emplace_back(row[0].value_or(""), LowerNames(row[1].value_or("")));
    }
  }
  for (const auto& [name, have] : indexes) {
    if (!index.empty() && Lower(name) == Lower(index)) return true;
    if (!wanted.empty() && have == wanted) return true;
  }
  return false;
}

bool Connection::SequenceExists(const std::string& sequence) {
  if (kind_ == DatabaseKind::kSqlite) return false;
  return QueryScalar("SELECT 1 FROM information_schema.sequences WHERE sequence_schema=current_schema() AND "
                     "lower(sequence_name)=lower($1)",
                     {sequence})
      .has_value();
}

bool Connection::ForeignKeyExists(const std::string& name, const std::string& table) {
  if (kind_ == DatabaseKind::kSqlite) {
    // SQLite keeps constraint names only in the table's SQL text.
    auto rows = Query("SELECT sql FROM sqlite_master WHERE type='table' AND (?='' OR lower(name)=lower(?))",
                      {table, table});
    const std::string needle = "constraint " + Lower(name) + " foreign key";
    return std::any_of(rows.begin(), rows.end(), [&](const Row& r) {
      return r[0] && Lower(*r[0]).find(needle) != std::string::npos;
    });
  }
  return QueryScalar("SELECT 1 FROM information_schema.table_constraints WHERE constraint_schema=current_schema() "
                     "AND constraint_type='FOREIGN KEY' AND lower(constraint_name)=lower($1) AND "
                     "($2='' OR lower(table_name)=lower($2))",
                     {name, table})
      .has_value();
}

bool Connection::PrimaryKeyExists(const std::string& name, const std::string& table) {
  if (kind_ == DatabaseKind::kSqlite) {
    auto live = Columns(table);
    return live && std::any_of(live->columns.begin(), live->columns.end(), [](const ColumnInfo& c) { return c.primary_key; });
  }
  return QueryScalar("SELECT 1 FROM information_schema.table_constraints WHERE constraint_schema=current_schema() "
                     "AND constraint_type='PRIMARY KEY' AND ($1='' OR lower(constraint_name)=lower($1)) AND "
                     "($2='' OR lower(table_name)=lower($2))",
                     {name, table})
      .has_value();
}

bool Connection::UniqueConstraintExists(const std::string& name, const std::string& table, const std::string& columns) {
  const std::vector<std::string> wanted = LowerNames(columns);
  auto same_columns = [&](const std::vector<std::string>& have) { return wanted.empty() || have == wanted; };
  if (kind_ == DatabaseKind::kSqlite) {
    // SQLite keeps a UNIQUE constraint as an index of origin 'u' (an autoindex, or named when the
    // constraint is); a unique index created on its own counts too, as the JDBC snapshot sees it.
    for (auto& index : Query("SELECT name FROM pragma_index_list(?) WHERE \"unique\" = 1", {table})) {
      const std::string index_name = index[0].value_or("");
      if (!name.empty() && Lower(index_name) != Lower(name)) continue;
      if (same_columns(SqliteIndexColumns(index_name))) return true;
    }
    return false;
  }
  for (auto& constraint : Query("SELECT tc.constraint_name, string_agg(k.column_name, ',' ORDER BY k.ordinal_position) "
                                "FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage k "
                                "ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema "
                                "AND k.table_name = tc.table_name WHERE tc.constraint_schema = current_schema() "
                                "AND tc.constraint_type = 'UNIQUE' AND lower(tc.table_name) = lower($1) "
                                "AND ($2 = '' OR lower(tc.constraint_name) = lower($2)) GROUP BY tc.constraint_name",
                                {table, name})) {
    if (same_columns(LowerNames(constraint[1].value_or("")))) return true;
  }
  return false;
}

std::optional<LiveTable> Connection::Columns(const std::string& table) {
  LiveTable live;
  if (kind_ == DatabaseKind::kSqlite) {
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
    for (auto& r : Query("SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete FROM "
                         "pragma_foreign_key_list(?)",
                         {live.name})) {
      live.foreign_keys.push_back({std::stoi(r[0].value_or("0")), std::stoi(r[1].value_or("0")), r[2].value_or(""),
                                   r[3].value_or(""), r[4], r[5].value_or(""), r[6].value_or("")});
    }
    // Foreign keys only come from CREATE TABLE on SQLite, so a table without REFERENCES in its text
    // has none: skipping them keeps this linear in the referencing tables, not the schema.
    for (auto& r : Query("SELECT DISTINCT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE "
                         "m.type = 'table' AND instr(lower(m.sql), 'references') > 0 AND "
                         "lower(f.\"table\") = lower(?) AND lower(m.name) <> lower(?) ORDER BY m.name",
                         {live.name, live.name})) {
      live.referenced_by.push_back(r[0].value_or(""));
    }
    // The order of a rebuilt table's indexes follows Liquibase's snapshot of every index of the
    // schema (a Java hash order over all of them); a table with fewer than two has no order to
    // take, so the schema-wide scan, which costs as much as the schema is large, is only made then.
    auto read_indexes = [&](const std::string& sql, const std::vector<std::string>& params) {
      std::vector<IndexInfo> indexes;
      for (auto& r : Query(sql, params)) {
        const std::string owner = r[0].value_or("");
        const std::string name = r[1].value_or("");
        if (indexes.empty() || indexes.back().table != owner || indexes.back().name != name) {
          indexes.push_back({owner, name, r[2].value_or("0") == "1", {}});
        }
        indexes.back().columns.push_back(r[3]);
      }
      return indexes;
    };
    live.schema_indexes = read_indexes(
        "SELECT ?, il.name, il.\"unique\", ii.name FROM pragma_index_list(?) il, pragma_index_info(il.name) ii "
        "ORDER BY il.seq, ii.seqno",
        {live.name, live.name});
    if (live.schema_indexes.size() > 1) {
      live.schema_indexes = read_indexes(
          "SELECT m.name, il.name, il.\"unique\", ii.name FROM sqlite_master m, pragma_index_list(m.name) il, "
          "pragma_index_info(il.name) ii WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
          "ORDER BY m.name, il.seq, ii.seqno",
          {});
    }
    return live;
  }
  auto rows = Query(
      "SELECT c.column_name, c.data_type, c.is_nullable, c.column_default, "
      "EXISTS (SELECT 1 FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage k "
      "ON tc.constraint_name=k.constraint_name AND tc.constraint_schema=k.constraint_schema "
      "WHERE tc.constraint_type='PRIMARY KEY' AND tc.table_schema=c.table_schema AND tc.table_name=c.table_name "
      "AND k.column_name=c.column_name), c.table_name "
      "FROM information_schema.columns c WHERE c.table_schema=current_schema() AND lower(c.table_name)=lower($1) "
      "ORDER BY c.ordinal_position",
      {table});
  for (auto& r : rows) {
    ColumnInfo column;
    column.name = r[0].value_or("");
    column.type = r[1].value_or("");
    column.nullable = r[2].value_or("YES") == "YES";
    column.default_value = r[3];
    column.primary_key = r[4].value_or("f") == "t";
    live.columns.push_back(std::move(column));
    live.name = r[5].value_or(table);
  }
  if (live.columns.empty()) return std::nullopt;
  return live;
}

std::vector<std::string> Connection::Tables() {
  std::vector<std::string> out;
  auto rows = kind_ == DatabaseKind::kSqlite
                  ? Query("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
                  : Query("SELECT table_name FROM information_schema.tables WHERE table_schema=current_schema() AND "
                          "table_type='BASE TABLE' ORDER BY table_name");
  for (auto& r : rows) out.push_back(r[0].value_or(""));
  return out;
}

std::vector<std::string> Connection::Views() {
  std::vector<std::string> out;
  auto rows = kind_ == DatabaseKind::kSqlite
                  ? Query("SELECT name FROM sqlite_master WHERE type='view' ORDER BY name")
                  : Query("SELECT table_name FROM information_schema.views WHERE table_schema=current_schema() "
                          "ORDER BY table_name");
  for (auto& r : rows) out.push_back(r[0].value_or(""));
  return out;
}

std::optional<std::string> Connection::UserName() {
  if (kind_ == DatabaseKind::kSqlite) return std::nullopt;
  return QueryScalar("SELECT session_user");
}

parse::DatabaseServer Connection::Server() {
  parse::DatabaseServer server;
  server.url_is_local = url_is_local_;
  if (kind_ == DatabaseKind::kSqlite) {
    server.product_version = sqlite_api::sqlite3_libversion();
    const int number = sqlite_api::sqlite3_libversion_number();  // 3040001
    server.major_version = number / 1000000;
    server.minor_version = number / 1000 % 1000;
    return server;
  }
  server.product_version = QueryScalar("SHOW server_version").value_or("");
  // As the JDBC driver reads server_version_num: 150018 is 15.18 (two-part versions since 10).
  const int number = std::stoi(QueryScalar("SHOW server_version_num").value_or("0"));
  server.major_version = number / 10000;
  server.minor_version = number >= 100000 ? number % 10000 : number / 100 % 100;
  server.default_catalog = QueryScalar("SELECT current_database()").value_or("");
  server.default_schema = QueryScalar("SELECT current_schema()").value_or("");
  return server;
}

std::vector<std::string> Connection::Sequences() {
  std::vector<std::string> out;
  if (kind_ == DatabaseKind::kSqlite) return out;
  for (auto& r : Query("SELECT sequence_name FROM information_schema.sequences WHERE "
                       "sequence_schema=current_schema() ORDER BY sequence_name")) {
    out.push_back(r[0].value_or(""));
  }
  return out;
}

}  // namespace ledgerhost::migration
