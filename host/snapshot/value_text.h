// What catalog queries return, read as Liquibase's snapshot reads it: defaults as kinds of value,
// types in a changelog's spelling, aggregated name lists.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "snapshot/database_snapshot.h"

namespace ledgerhost::snapshot {

// Names aggregated into one cell with kNameSeparator between them (string_agg / GROUP_CONCAT).
constexpr char kNameSeparator = '\x01';  // never part of a name
std::vector<std::string> SplitNames(const std::optional<std::string>& cell);

// PostgreSQL's pg_get_expr() text of a default; `category` is pg_type.typcategory of the column
// (S string, N numeric, B boolean, D date/time). An explicit DEFAULT NULL is the computed NULL.
std::optional<DefaultValue> PostgresqlDefault(const std::string& expression, const std::string& category);
// SQLite's pragma_table_info dflt_value (the default's SQL as written) of a column declared `type`.
std::optional<DefaultValue> SqliteDefault(const std::string& expression, const std::string& type);
// MariaDB's information_schema.columns COLUMN_DEFAULT (10.2.7+: an SQL expression, strings quoted) of
// a column whose changelog type is `type` (BOOLEAN for tinyint(1)).
std::optional<DefaultValue> MariadbDefault(const std::string& expression, const std::string& type);

// SQLite keeps views and indexes as their CREATE text: the select of CREATE VIEW name [(columns)] AS
// <select>, and the key texts of CREATE INDEX ... ON t (<key>, <key>) [WHERE ...], as written.
std::string ViewSelect(const std::string& create_sql);
std::vector<std::string> IndexKeyTexts(const std::string& create_sql);

// A type as Liquibase's snapshot writes it into a changelog: PostgreSQL's format_type() spelling
// ("character varying(20)[]" -> "VARCHAR(20)[]"), MariaDB's column_type ("int(11)" -> "INT").
std::string PostgresqlChangeLogType(const std::string& formatted);
std::string MariadbChangeLogType(const std::string& column_type);

}  // namespace ledgerhost::snapshot
