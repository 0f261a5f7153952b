// The one pure generator of SQL per database: (Change, database) -> statements. update and
// update-sql both use it, so the script update-sql prints is exactly what update runs.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
};

// A live table's columns as the engine sees them; SQLite table rebuilds need it.
struct ColumnInfo {
  std::string name;
  std::string type;
  bool nullable = true;
  std::optional<std::string> default_value;
  bool primary_key = false;
};
using TableIntrospector = std::function<std::optional<std::vector<ColumnInfo>>(const std::string& table)>;

struct SqlGenerationContext {
  DatabaseKind database = DatabaseKind::kSqlite;
  const ResourceLoader* loader = nullptr;   // sqlFile / loadData files
  std::string change_log_path;              // physical path of the declaring changelog
  TableIntrospector introspect;             // may be empty (offline update-sql)
};

// Throws MigrationError naming the change's location when the change cannot be expressed on the
// database ("addPrimaryKey is not supported on sqlite", "customChange ... has no native replacement").
std::vector<SqlStatement> GenerateSql(const Change& change, const SqlGenerationContext& context);

// The change type InverseOf gives loadUpdateData: GenerateSql turns it into one DELETE per CSV row.
inline constexpr std::string_view kLoadUpdateDataRollback = "loadUpdateDataRollback";

// Liquibase's automatic inverse of a change (createTable -> dropTable, ...), or nullopt when the
// change type has none and an explicit <rollback> is needed.
std::optional<std::vector<Change>> InverseOf(const Change& change);

// A Liquibase type name ("BOOLEAN", "varchar(255)", "CURRENCY") as the database spells it.
std::string DatabaseType(std::string_view liquibase_type, DatabaseKind database);

// Quotes an identifier for the database when it needs quoting (reserved word, odd characters).
std::string QuoteIdentifier(std::string_view name, DatabaseKind database);

// A string literal with embedded quotes escaped for the database.
std::string QuoteString(std::string_view value, DatabaseKind database);

}  // namespace ledgerhost::migration
