// The databases ledgerhost knows. SQLite and PostgreSQL are applied to; the others are SQL targets
// for update-sql only.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ledgerhost::db {

enum class DatabaseKind { kSqlite, kPostgresql, kMysql, kMariadb, kOracle, kMssql, kH2 };

// Liquibase's short name: "sqlite", "postgresql", "mysql", "mariadb", "oracle", "mssql", "h2".
std::string_view ShortName(DatabaseKind kind);
std::optional<DatabaseKind> DatabaseKindFromShortName(std::string_view name);

// The text of the `position`-th (1-based) query parameter in `kind`'s SQL: $n on PostgreSQL, ?n
// elsewhere; numbered, so that a placeholder names its value wherever it appears. (MySQL's protocol
// knows bare ? only: the MariaDB backend numbers them itself, see NumberedParameters.)
std::string Placeholder(DatabaseKind kind, int position);

// Liquibase's DatabaseList.definitionMatches: "a, !b", "all", "none"; an empty definition matches.
bool DbmsMatches(std::string_view definition, std::string_view short_name);

}  // namespace ledgerhost::db
