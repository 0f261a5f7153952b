// The one pure generator of SQL per database: (Change, database) -> statements. update and
// update-sql both use it, so the script update-sql prints is exactly what update runs.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "migration/model/change_log.h"
#include "db/database_kind.h"
#include "db/table_snapshot.h"
#include "migration/model/resource_loader.h"

namespace ledgerhost::migration {

struct SqlStatement {
  SqlStatement() = default;
  SqlStatement(std::string sql_text, std::string delimiter = ";", std::string script_comment = "")
      : sql(std::move(sql_text)), end_delimiter(std::move(delimiter)), comment(std::move(script_comment)) {}

  std::string sql;                 // without the trailing delimiter
  std::string end_delimiter = ";";  // what update-sql prints after it
  std::string comment;              // printed as "-- comment" before the statement in scripts
  // Liquibase runs it as a JDBC prepared statement (a valueClobFile's text bound as a parameter):
  // update runs the SQL (the text inlined as a literal), update-sql prints Liquibase's warning
  // (kPreparedStatementWarning) instead of it.
  bool prepared = false;

  // Set for statements Liquibase derives from the live table when it runs them (SQLite table
  // rebuilds): the engine's statement sink calls it with this statement's `sql` right before
  // running or printing it, so that the changes before it in the changeset are visible, as they
  // are to Liquibase. `sql` then only says what it stands for; a <modifySql> that changed it makes
  // the generation fail. It throws MigrationError when Liquibase's generation fails.
  std::function<std::vector<SqlStatement>(const std::string& sql)> generate;
  // Liquibase refuses to print statements of this class in update-sql ("AddColumnStatement requires
  // access to up to date database metadata which is not available in SQL output mode"): the class
  // name, or empty when the statement can be printed.
  std::string needs_live_database;
  // Set for a check (PRAGMA foreign_key_check after a SQLite rebuild): a live run fails with this
  // message when the query returns rows; a script prints the query.
  std::string failure_if_rows;
};

// Looks a table up by name, case-insensitively; nullopt when there is none.
using TableIntrospector = std::function<std::optional<db::LiveTable>(const std::string& table)>;

struct SqlGenerationContext {
  db::DatabaseKind database = db::DatabaseKind::kSqlite;
  const ResourceLoader* loader = nullptr;   // sqlFile / loadData files
  std::string change_log_path;              // physical path of the declaring changelog
  TableIntrospector introspect;             // may be empty (offline update-sql)
  ObjectQuotingStrategy quoting = ObjectQuotingStrategy::kLegacy;  // the changeset's
};

inline constexpr std::string_view kPreparedStatementWarning =
    "WARNING: This statement uses a prepared statement which cannot be execute directly by this script. Only works in "
    "'update' mode";

// Throws MigrationError naming the change's location when the change cannot be expressed on the
// database ("addPrimaryKey is not supported on sqlite", "customChange ... has no native replacement").
std::vector<SqlStatement> GenerateSql(const Change& change, const SqlGenerationContext& context);

// A Liquibase type name ("BOOLEAN", "varchar(255)", "CURRENCY") as the database spells it.
std::string DatabaseType(std::string_view liquibase_type, db::DatabaseKind database);

// Quotes an identifier for the database when it needs quoting (reserved word, odd characters).
std::string QuoteIdentifier(std::string_view name, db::DatabaseKind database);

// A string literal with embedded quotes escaped for the database.
std::string QuoteString(std::string_view value, db::DatabaseKind database);

}  // namespace ledgerhost::migration
