// The generated SQL must not only look like Liquibase's: it must run. The golden changelog (and the
// createTable/data cases) are generated for SQLite and PostgreSQL and executed against real
// databases: an in-memory SQLite, and a fresh PostgreSQL database per test on the test server
// (LEDGERHOST_TEST_POSTGRES_URL). The test fails, never skips, when PostgreSQL is unreachable.
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <atomic>
#include <cstdlib>
#include <regex>
#include <stdexcept>

#include "core/error.h"
#include "liquibase_output.h"
#include "migration/parse/change_log_parser.h"
#include "migration/sql/sql_generator.h"

namespace ledgerhost::migration {
namespace {

using testing::SqlTestData;

std::vector<std::string> Generate(const std::filesystem::path& dir, const std::string& changelog, db::DatabaseKind db) {
  DirectoryResourceLoader loader(dir);
  ParseOptions options;
  options.database = db;
  const ChangeLog log = ParseChangeLog(loader, changelog, options);
  std::vector<std::string> out;
  for (const auto& cs : log.change_sets) {
    if (!db::DbmsMatches(cs.dbms, ShortName(db))) continue;
    for (const auto& change : cs.changes) {
      SqlGenerationContext context{db, &loader, cs.physical_path, {}};
      for (auto& statement : GenerateSql(change, context)) out.push_back(statement.sql);
    }
  }
  return out;
}

std::string PostgresUrl() {
  const char* url = std::getenv("LEDGERHOST_TEST_POSTGRES_URL");
  return url ? url : "postgresql://ledgerhost:ledgerhost@127.0.0.1:5432/ledgerhost_test";
}

// SOCI wants libpq "key=value" pairs, not a URL: postgresql://user:password@host:port/database.
std::string ConnInfo(const std::string& url, const std::string& database) {
  const std::regex pattern(R"(postgres(?:ql)?://([^:@/]+)(?::([^@/]*))?@([^:/]+)(?::(\d+))?/([^?]+).*)");
  std::smatch m;
  if (!std::regex_match(url, m, pattern)) throw std::runtime_error("unsupported LEDGERHOST_TEST_POSTGRES_URL form");
  std::string info = "host=" + m[3].str() + " user=" + m[1].str() + " dbname=" + (database.empty() ? m[5].str() : database);
  if (m[2].matched) info += " password=" + m[2].str();
  if (m[4].matched) info += " port=" + m[4].str();
  return info;
}

// A database of its own for one test, dropped afterwards.
class FreshPostgresDatabase {
 public:
  FreshPostgresDatabase() {
    static std::atomic<int> counter{0};
    name_ = "lh_sql_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    admin_.open(soci::postgresql, ConnInfo(PostgresUrl(), ""));
    admin_ << "DROP DATABASE IF EXISTS " + name_;
    admin_ << "CREATE DATABASE " + name_;
    url_ = ConnInfo(PostgresUrl(), name_);
  }
  ~FreshPostgresDatabase() {
    try {
      admin_ << "DROP DATABASE IF EXISTS " + name_;
    } catch (const std::exception& e) {
      ADD_FAILURE() << "could not drop " << name_ << ": " << e.what();
    }
  }
  const std::string& url() const { return url_; }

 private:
  soci::session admin_;
  std::string name_;
  std::string url_;
};

void Execute(soci::session& session, const std::vector<std::string>& statements) {
  for (const auto& sql : statements) {
    try {
      session << sql;
    } catch (const std::exception& e) {
      FAIL() << "statement failed: " << sql << "\n" << e.what();
    }
  }
}

// Liquibase 4.28 itself cannot apply the golden changelog to SQLite: it declares the BIGINT
// autoIncrement key "id BIGINT ... PRIMARY KEY AUTOINCREMENT", which SQLite rejects (checked with
// `liquibase.sh --changelog-file=changelog_sqlite.xml --url=jdbc:sqlite:x.db update`: "AUTOINCREMENT is
// only allowed on an INTEGER PRIMARY KEY"). We generate the same SQL, so SQLite refuses it the same
// way; the statements after it run.
TEST(ExecuteGeneratedSql, GoldenChangeLogOnSqliteFailsWhereLiquibaseFails) {
  soci::session session(soci::sqlite3, ":memory:");
  const auto statements = Generate(SqlTestData() / "golden", "changelog_sqlite.xml", db::DatabaseKind::kSqlite);
  ASSERT_FALSE(statements.empty());
  try {
    session << statements[0];
    FAIL() << "SQLite accepted " << statements[0];
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY"), std::string::npos)
        << e.what();
  }
  // The same table with the key SQLite accepts, then everything else of the changelog.
  std::string node = statements[0];
  node.replace(node.find("id BIGINT"), 9, "id INTEGER");
  session << node;
  Execute(session, std::vector<std::string>(statements.begin() + 1, statements.end()));
  std::string name;
  int active = -1;
  session << "SELECT name, active FROM node", soci::into(name), soci::into(active);
  EXPECT_EQ(name, "root's");
  EXPECT_EQ(active, 0);
}

TEST(ExecuteGeneratedSql, CasesRunOnSqlite) {
  // (create_table.xml is not run here: its defaultValueComputed="1 + 2" is printed verbatim, as
  // Liquibase does, and SQLite wants parentheses around an expression default.)
  soci::session session(soci::sqlite3, ":memory:");
  session << "CREATE TABLE people (id INTEGER PRIMARY KEY, name VARCHAR(50), active BOOLEAN, born DATE, score NUMERIC, expr TEXT)";
  Execute(session, Generate(SqlTestData() / "cases", "load_data.xml", db::DatabaseKind::kSqlite));
  int rows = 0;
  session << "SELECT COUNT(*) FROM people", soci::into(rows);
  EXPECT_EQ(rows, 5);  // 3 typed rows + 2 loaded with ';' separator; loadUpdateData upserts the same 2
  std::string name;
  session << "SELECT name FROM people WHERE id = 3", soci::into(name);
  EXPECT_EQ(name, "quote \" inside");
}

TEST(ExecuteGeneratedSql, GoldenChangeLogRunsOnPostgresql) {
  FreshPostgresDatabase database;
  soci::session session(soci::postgresql, database.url());
  Execute(session, Generate(SqlTestData() / "golden", "changelog.xml", db::DatabaseKind::kPostgresql));
  std::string name;
  int weight_cents = 0;
  session << "SELECT name, CAST(weight * 100 AS INTEGER) FROM node", soci::into(name), soci::into(weight_cents);
  EXPECT_EQ(name, "root's");
  EXPECT_EQ(weight_cents, 225);
}

TEST(ExecuteGeneratedSql, CasesRunOnPostgresql) {
  FreshPostgresDatabase database;
  soci::session session(soci::postgresql, database.url());
  session << "CREATE SCHEMA app";
  Execute(session, Generate(SqlTestData() / "cases", "create_table.xml", db::DatabaseKind::kPostgresql));
  session << "CREATE TABLE people (id INTEGER PRIMARY KEY, name VARCHAR(50), active BOOLEAN, born TIMESTAMP, "
             "score NUMERIC, expr TIMESTAMP)";
  Execute(session, Generate(SqlTestData() / "cases", "load_data.xml", db::DatabaseKind::kPostgresql));
  int rows = 0;
  session << "SELECT COUNT(*) FROM people", soci::into(rows);
  EXPECT_EQ(rows, 5);
}

// SOCI types SQLite's integer columns after their declared or computed type.
int IntAt(const soci::row& row, std::size_t i) {
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_integer: return row.get<int>(i);
    case soci::dt_long_long: return static_cast<int>(row.get<long long>(i));
    case soci::dt_unsigned_long_long: return static_cast<int>(row.get<unsigned long long>(i));
    case soci::dt_double: return static_cast<int>(row.get<double>(i));
    default: return std::stoi(row.get<std::string>(i));
  }
}

// A live SQLite table as the engine's Connection reads it (the generator's introspection).
std::optional<db::LiveTable> SqliteTable(soci::session& session, const std::string& name) {
  db::LiveTable table;
  soci::indicator sql_null = soci::i_ok;
  std::string sql;
  session << "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND lower(name) = lower(:t)", soci::use(name),
      soci::into(table.name), soci::into(sql, sql_null);
  if (!session.got_data()) return std::nullopt;
  table.sql = sql_null == soci::i_null ? "" : sql;
  soci::rowset<soci::row> columns =
      (session.prepare << "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_xinfo(:t)", soci::use(table.name));
  for (const auto& row : columns) {
    db::ColumnInfo column;
    column.name = row.get<std::string>(0);
    column.type = row.get<std::string>(1);
    column.nullable = IntAt(row, 2) == 0;
    if (row.get_indicator(3) != soci::i_null) column.default_value = row.get<std::string>(3);
    column.primary_key_position = IntAt(row, 4);
    column.primary_key = column.primary_key_position != 0;
    table.columns.push_back(column);
  }
  soci::rowset<soci::row> dependents =
      (session.prepare << "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ((type IN "
                          "('index', 'trigger') AND lower(tbl_name) = lower(:t)) OR type = 'view') ORDER BY rowid",
       soci::use(table.name));
  for (const auto& row : dependents) {
    table.dependents.push_back(
        {row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2), row.get<std::string>(3)});
  }
  return table;
}

// lifecycle.xml's changes as the engine generates them against a live database: on SQLite the
// generator sees the live table through `introspect`, as the engine's does, and a SQLite table
// rebuild is generated right before it runs, as the engine's statement sink does.
std::vector<std::string> GenerateLive(soci::session& session, db::DatabaseKind db) {
  const auto dir = SqlTestData() / "cases";
  DirectoryResourceLoader loader(dir);
  ParseOptions options;
  options.database = db;
  const ChangeLog log = ParseChangeLog(loader, "lifecycle.xml", options);
  TableIntrospector introspect = [&session](const std::string& table) { return SqliteTable(session, table); };
  std::vector<std::string> out;
  std::function<void(const SqlStatement&)> run = [&](const SqlStatement& statement) {
    if (statement.generate) {
      for (const auto& generated : statement.generate(statement.sql)) run(generated);
      return;
    }
    Execute(session, {statement.sql});
    out.push_back(statement.sql);
  };
  for (const auto& cs : log.change_sets) {
    if (!db::DbmsMatches(cs.dbms, ShortName(db))) continue;
    // Changesets run one after the other, so introspection must see the previous ones applied.
    for (const auto& change : cs.changes) {
      SqlGenerationContext context{db, &loader, cs.physical_path, db == db::DatabaseKind::kSqlite ? introspect : nullptr};
      for (auto& statement : GenerateSql(change, context)) run(statement);
    }
  }
  return out;
}

// What every database should hold after lifecycle.xml, whatever the dialect.
void ExpectLifecycleApplied(soci::session& session) {
  std::string owner;
  double balance = 0;
  std::string currency;
  session << "SELECT owner, balance, currency FROM account WHERE id = 1", soci::into(owner), soci::into(balance),
      soci::into(currency);
  EXPECT_EQ(owner, "o'brien");
  EXPECT_DOUBLE_EQ(balance, 12.5);
  EXPECT_EQ(currency, "EUR");  // addColumn's value= filled the existing rows
  int entries = 0;
  session << "SELECT COUNT(*) FROM ledger_entry", soci::into(entries);
  EXPECT_EQ(entries, 3);  // 10, and the two rows of the split <sql> (the ';' inside quotes kept)
  std::string note;
  session << "SELECT note FROM ledger_entry WHERE id = 12", soci::into(note);
  EXPECT_EQ(note, "a;b");
  // The foreign key survived the rename: an entry for a missing account is refused.
  EXPECT_THROW(session << "INSERT INTO ledger_entry (id, account_id) VALUES (99, 42)", std::exception);
  // So did the unique owner.
  EXPECT_THROW(session << "INSERT INTO account (id, owner) VALUES (3, 'smith')", std::exception);
}

TEST(ExecuteGeneratedSql, LifecycleRunsOnLiveSqlite) {
  soci::session session(soci::sqlite3, ":memory:");
  // addColumn rebuilds account, which entry's foreign key references: with enforcement off during
  // the migration, as the engine runs it, the key still names account afterwards and holds.
  session << "PRAGMA foreign_keys = OFF";
  GenerateLive(session, db::DatabaseKind::kSqlite);
  session << "PRAGMA foreign_keys = ON";
  ExpectLifecycleApplied(session);
  int violations = -1;
  session << "SELECT COUNT(*) FROM pragma_foreign_key_check", soci::into(violations);
  EXPECT_EQ(violations, 0);
}

TEST(ExecuteGeneratedSql, LifecycleRunsOnPostgresql) {
  FreshPostgresDatabase database;
  soci::session session(soci::postgresql, database.url());
  GenerateLive(session, db::DatabaseKind::kPostgresql);
  ExpectLifecycleApplied(session);
  // The PostgreSQL-only constraint changes took effect.
  std::string code;
  session << "INSERT INTO audit (id, account_id) VALUES (1, 1)";
  session << "SELECT COALESCE(code, 'null') FROM audit WHERE id = 1", soci::into(code);
  EXPECT_EQ(code, "null");  // NOT NULL and the default were dropped again
  int next = 0;
  session << "SELECT nextval('seq_audit')", soci::into(next);
  EXPECT_EQ(next, 100);
}

}  // namespace
}  // namespace ledgerhost::migration
