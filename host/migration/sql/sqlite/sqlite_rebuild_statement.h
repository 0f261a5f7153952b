// The statements of the changes SQLite makes by rebuilding the table (sqlite_rebuild.h), as the
// change generators return them.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "migration/sql/dialect.h"
#include "migration/sql/generator/support.h"
#include "migration/sql/sqlite/sqlite_rebuild.h"

namespace ledgerhost::migration::generator {

// The rebuild of the change's table (tableName, schemaName) with `edit`, generated when the
// statement runs: the table is read then, after the changes before it in the changeset. Offline
// (no live table to read) it throws Liquibase's "`statement_class` requires access to up to date
// database metadata" error.
// `instead`, when given, may answer with other statements for the live table (a unique constraint
// that is an index is dropped with DROP INDEX).
using RebuildShortcut = std::function<std::optional<Statements>(const db::LiveTable&)>;
Statements SqliteRebuild(const Change& change, const SqlGenerationContext& context, const std::string& table,
                         const std::string& schema, sqlite::TableEdit edit, const std::string& statement_class,
                         RebuildShortcut instead = nullptr);
// The same for the change's tableName and schemaName.
Statements SqliteRebuild(const Change& change, const SqlGenerationContext& context, sqlite::TableEdit edit,
                         const std::string& statement_class);

// "DEFAULT x" for a default value as the dialect prints it: an expression in parentheses, as
// SQLite requires of anything but a literal.
std::string SqliteDefaultClause(const std::string& value);

// What Liquibase 4.28 prints offline for a change it implements on SQLite by rebuilding the table:
// the rebuild without the metadata it needs (no columns, no row copy). Kept identical so offline
// update-sql scripts match.
Statements SqliteOfflineRebuild(const Change& change, const Dialect& d);

// A column definition as createTable writes it on SQLite (type, default, constraints) for the
// change's `column`, read back as the rebuild edits it; with its table constraints (a named primary
// key, foreign key or unique constraint) in `constraints`.
sqlite::ColumnDefinition SqliteColumnDefinition(const Change& change, const ColumnConfig& column, const Dialect& d,
                                                const SqlGenerationContext& context,
                                                std::vector<sqlite::TableConstraint>& constraints);

}  // namespace ledgerhost::migration::generator
