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
#include "migration/model/database_kind.h"
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
};

// A live table as the engine sees it; SQLite table rebuilds need all of it, other uses the columns.
struct ColumnInfo {
  std::string name;
  std::string type;  // as declared (SQLite) or information_schema's data_type (PostgreSQL)
  bool nullable = true;
  std::optional<std::string> default_value;  // the default's SQL text
  bool primary_key = false;
  int primary_key_position = 0;  // SQLite: 1-based position in the primary key, 0 outside it
  bool generated = false;        // SQLite: a generated column
};
// SQLite: one index of a table; an expression in it is nullopt.
struct IndexInfo {
  std::string table;
  std::string name;
  bool unique = false;
  std::vector<std::optional<std::string>> columns;
};
// SQLite: one row of PRAGMA foreign_key_list (a key of several columns has several rows).
struct ForeignKeyInfo {
  int id = 0;
  int seq = 0;
  std::string referenced_table;
  std::string column;
  std::optional<std::string> referenced_column;  // nullopt: the referenced table's primary key
  std::string on_update;
  std::string on_delete;
};
struct LiveTable {
  std::string name;  // as the database spells it
  std::vector<ColumnInfo> columns;
  // SQLite only:
  std::string sql;                            // its CREATE TABLE text (sqlite_master.sql)
  std::vector<ForeignKeyInfo> foreign_keys;   // PRAGMA foreign_key_list order
  std::vector<IndexInfo> schema_indexes;      // the indexes of every table, tables by name, each
                                              // table's in PRAGMA index_list order; only its own
                                              // when it has fewer than two (then order is moot)
  std::vector<std::string> referenced_by;     // other tables whose foreign keys reference it
};
// Looks a table up by name, case-insensitively; nullopt when there is none.
using TableIntrospector = std::function<std::optional<LiveTable>(const std::string& table)>;

struct SqlGenerationContext {
  DatabaseKind database = DatabaseKind::kSqlite;
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
std::string DatabaseType(std::string_view liquibase_type, DatabaseKind database);

// Quotes an identifier for the database when it needs quoting (reserved word, odd characters).
std::string QuoteIdentifier(std::string_view name, DatabaseKind database);

// A string literal with embedded quotes escaped for the database.
std::string QuoteString(std::string_view value, DatabaseKind database);

}  // namespace ledgerhost::migration
