#include "db/postgresql/postgresql_connection.h"

#include <libpq-fe.h>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "core/error.h"
#include "core/logging.h"
#include "core/text.h"
#include "db/backend_support.h"

namespace ledgerhost::db {
namespace {

// The liveness lock's advisory-lock key: the lock table of the current schema, so that separate
// schemas lock separately.
constexpr const char* kLivenessLockKey = "hashtext(current_schema() || '.databasechangeloglock')";

// How well a catalog name matches a wanted one: exactly, as an unquoted name folds, or only
// case-insensitively (the query already filtered on that).
int MatchQuality(const std::string& live, const std::string& wanted) {
  if (live == wanted) return 2;
  return live == text::Lower(wanted) ? 1 : 0;
}

}  // namespace

PostgresqlConnection::PostgresqlConnection(const DatabaseUrl& url)
    : Connection(DatabaseKind::kPostgresql, url), url_is_local_(url.host == "localhost" || url.host == "127.0.0.1") {
  std::string conninfo = "host=" + ConnectionStringValue(url.host) + " port=" + std::to_string(url.port) +
                         " dbname=" + ConnectionStringValue(url.database) + " application_name='ledgerhost'";
  if (!url.user.empty()) conninfo += " user=" + ConnectionStringValue(url.user);
  if (!url.password.empty()) conninfo += " password=" + ConnectionStringValue(url.password);
  try {
    session_ = std::make_unique<soci::session>(soci::postgresql, conninfo);
  } catch (const soci::soci_error& e) {
    ThrowConnectFailure(url, e.what());
  }
  native_ = NativeHandleOf<soci::postgresql_session_backend>(*session_);
  Execute("SET client_min_messages = WARNING");
}

void PostgresqlConnection::Execute(const std::string& sql) {
  // Every statement that changes the database, as Liquibase logs them at FINE.
  static const auto sql_log = Logger("sql");
  sql_log->debug("{};", sql);
  PGresult* result = PQexec(static_cast<PGconn*>(native_), sql.c_str());
  const auto status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
    std::string message = PQresultErrorMessage(result);
    PQclear(result);
    Fail(sql, message);
  }
  PQclear(result);
}

std::vector<Row> PostgresqlConnection::Query(const std::string& sql, const std::vector<std::string>& params) {
  std::vector<Row> rows;
  std::vector<const char*> values;
  for (const auto& p : params) values.push_back(p.c_str());
  PGresult* result = PQexecParams(static_cast<PGconn*>(native_), sql.c_str(), static_cast<int>(values.size()), nullptr,
                                  values.data(), nullptr, nullptr, 0);
  if (PQresultStatus(result) != PGRES_TUPLES_OK && PQresultStatus(result) != PGRES_COMMAND_OK) {
    std::string message = PQresultErrorMessage(result);
    PQclear(result);
    Fail(sql, message);
  }
  const char* changed = PQcmdTuples(result);  // "" for a statement that changes no rows
  changed_rows_ = *changed == '\0' ? 0 : std::stoull(changed);
  column_names_.clear();
  for (int c = 0; c < PQnfields(result); ++c) column_names_.emplace_back(PQfname(result, c));
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

bool PostgresqlConnection::TableExists(const std::string& table) {
  return QueryScalar("SELECT 1 FROM information_schema.tables WHERE table_schema=current_schema() AND "
                     "table_type='BASE TABLE' AND lower(table_name)=lower($1)",
                     {table})
      .has_value();
}

bool PostgresqlConnection::ViewExists(const std::string& view) {
  return QueryScalar("SELECT 1 FROM information_schema.views WHERE table_schema=current_schema() AND "
                     "lower(table_name)=lower($1)",
                     {view})
      .has_value();
}

std::vector<Connection::KeyColumns> PostgresqlConnection::Indexes(const std::string& table) {
  std::vector<KeyColumns> indexes;
  for (auto& row : Query("SELECT i.relname, string_agg(a.attname, ',' ORDER BY k.n) FROM pg_index x "
                         "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
                         "JOIN pg_namespace ns ON ns.oid = t.relnamespace "
                         "CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, n) "
                         "LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum "
                         "WHERE ns.nspname = current_schema() AND ($1 = '' OR lower(t.relname) = lower($1)) "
                         "GROUP BY i.relname",
                         {table})) {
    indexes.push_back({row[0].value_or(""), LowerNames(row[1].value_or(""))});
  }
  return indexes;
}

std::vector<Connection::KeyColumns> PostgresqlConnection::UniqueConstraints(const std::string& table,
                                                                            const std::string& name) {
  std::vector<KeyColumns> constraints;
  for (auto& row : Query("SELECT tc.constraint_name, string_agg(k.column_name, ',' ORDER BY k.ordinal_position) "
                         "FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage k "
                         "ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema "
                         "AND k.table_name = tc.table_name WHERE tc.constraint_schema = current_schema() "
                         "AND tc.constraint_type = 'UNIQUE' AND lower(tc.table_name) = lower($1) "
                         "AND ($2 = '' OR lower(tc.constraint_name) = lower($2)) GROUP BY tc.constraint_name",
                         {table, name})) {
    constraints.push_back({row[0].value_or(""), LowerNames(row[1].value_or(""))});
  }
  return constraints;
}

bool PostgresqlConnection::SequenceExists(const std::string& sequence) {
  return QueryScalar("SELECT 1 FROM information_schema.sequences WHERE sequence_schema=current_schema() AND "
                     "lower(sequence_name)=lower($1)",
                     {sequence})
      .has_value();
}

bool PostgresqlConnection::ForeignKeyExists(const std::string& name, const std::string& table) {
  return QueryScalar("SELECT 1 FROM information_schema.table_constraints WHERE constraint_schema=current_schema() "
                     "AND constraint_type='FOREIGN KEY' AND lower(constraint_name)=lower($1) AND "
                     "($2='' OR lower(table_name)=lower($2))",
                     {name, table})
      .has_value();
}

bool PostgresqlConnection::PrimaryKeyExists(const std::string& name, const std::string& table) {
  return QueryScalar("SELECT 1 FROM information_schema.table_constraints WHERE constraint_schema=current_schema() "
                     "AND constraint_type='PRIMARY KEY' AND ($1='' OR lower(constraint_name)=lower($1)) AND "
                     "($2='' OR lower(table_name)=lower($2))",
                     {name, table})
      .has_value();
}

std::optional<LiveTable> PostgresqlConnection::Columns(const std::string& table) {
  LiveTable live;
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

std::optional<std::vector<DeclaredColumn>> PostgresqlConnection::DeclaredColumns(const std::string& database_schema,
                                                                                const std::string& table) {
  // format_type gives the type as written ("character varying(100)"), user-defined types by name.
  const auto rows = Query(
      "SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull "
      "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
      "LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
      "WHERE c.relkind IN ('r', 'p') AND lower(n.nspname) = lower(COALESCE(NULLIF($1::text, ''), current_schema())) "
      "AND lower(c.relname) = lower($2::text) ORDER BY n.nspname, c.relname, a.attnum",
      {database_schema, table});
  // Several tables may differ only in case ("Orders" quoted, orders unquoted): take the best match.
  std::optional<std::pair<std::string, std::string>> chosen;
  int chosen_quality = -1;
  for (const auto& row : rows) {
    const std::string nspname = row[0].value_or("");
    const std::string relname = row[1].value_or("");
    const int quality = (database_schema.empty() ? 0 : MatchQuality(nspname, database_schema)) * 3 +
                        MatchQuality(relname, table);
    if (quality > chosen_quality) {
      chosen = std::make_pair(nspname, relname);
      chosen_quality = quality;
    }
  }
  if (!chosen) return std::nullopt;
  std::vector<DeclaredColumn> columns;
  for (const auto& row : rows) {
    if (row[0].value_or("") != chosen->first || row[1].value_or("") != chosen->second || !row[2]) continue;
    columns.push_back({*row[2], row[3].value_or(""), row[4].value_or("f") != "t"});
  }
  return columns;
}

std::vector<std::string> PostgresqlConnection::Tables() {
  std::vector<std::string> out;
  for (auto& r : Query("SELECT table_name FROM information_schema.tables WHERE table_schema=current_schema() AND "
                       "table_type='BASE TABLE' ORDER BY table_name")) {
    out.push_back(r[0].value_or(""));
  }
  return out;
}

std::vector<std::string> PostgresqlConnection::Views() {
  std::vector<std::string> out;
  for (auto& r : Query("SELECT table_name FROM information_schema.views WHERE table_schema=current_schema() "
                       "ORDER BY table_name")) {
    out.push_back(r[0].value_or(""));
  }
  return out;
}

std::vector<std::string> PostgresqlConnection::Sequences() {
  std::vector<std::string> out;
  for (auto& r : Query("SELECT sequence_name FROM information_schema.sequences WHERE "
                       "sequence_schema=current_schema() ORDER BY sequence_name")) {
    out.push_back(r[0].value_or(""));
  }
  return out;
}

bool PostgresqlConnection::TryHoldLivenessLock() {
  if (!liveness_lock_held_) {
    liveness_lock_held_ = QueryScalar(std::string("SELECT pg_try_advisory_lock(") + kLivenessLockKey + ")") == "t";
  }
  return liveness_lock_held_;
}

void PostgresqlConnection::ReleaseLivenessLock() {
  if (!liveness_lock_held_) return;
  Query(std::string("SELECT pg_advisory_unlock(") + kLivenessLockKey + ")");
  liveness_lock_held_ = false;
}

void PostgresqlConnection::DropAllObjects() {
  for (const auto& view : Views()) Execute("DROP VIEW " + QuotedIdentifier(view) + " CASCADE");
  for (const auto& table : Tables()) Execute("DROP TABLE " + QuotedIdentifier(table) + " CASCADE");
  for (const auto& sequence : Sequences()) Execute("DROP SEQUENCE " + QuotedIdentifier(sequence) + " CASCADE");
}

DatabaseServer PostgresqlConnection::Server() {
  DatabaseServer server;
  server.url_is_local = url_is_local_;
  server.product_version = QueryScalar("SHOW server_version").value_or("");
  // As the JDBC driver reads server_version_num: 150018 is 15.18 (two-part versions since 10).
  const int number = std::stoi(QueryScalar("SHOW server_version_num").value_or("0"));
  server.major_version = number / 10000;
  server.minor_version = number >= 100000 ? number % 10000 : number / 100 % 100;
  server.default_catalog = QueryScalar("SELECT current_database()").value_or("");
  server.default_schema = QueryScalar("SELECT current_schema()").value_or("");
  return server;
}

std::optional<std::string> PostgresqlConnection::UserName() { return QueryScalar("SELECT session_user"); }

void PostgresqlConnection::UseDefaultSchema(const std::string& schema, const std::string& option) {
  if (!QueryScalar("SELECT 1 FROM information_schema.schemata WHERE schema_name = $1", {schema})) {
    throw ConfigError(option + " " + schema + ": no such schema in " + description() + " (CREATE SCHEMA it first)");
  }
  // The schema first, then the session's path, each entry quoted (so "$user" and mixed-case names survive).
  const std::string current = QueryScalar("SHOW search_path").value_or("");
  std::string path = QuotedIdentifier(schema, '"');
  if (current == schema || current == path || current.starts_with(schema + ",") || current.starts_with(path + ",")) return;
  for (const auto& entry : text::SplitAndTrim(current, ',')) {
    path += ", " + (entry.starts_with("\"") ? entry : QuotedIdentifier(entry, '"'));
  }
  Execute("SET search_path TO " + path);
}

}  // namespace ledgerhost::db
