// Helpers shared by the SQL generator tests: render generated statements the way Liquibase's
// update-sql prints them, and read Liquibase's captured output per changeset.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "db/database_kind.h"
#include "migration/sql/sql_generator.h"

namespace ledgerhost::migration::testing {

inline std::filesystem::path SqlTestData() {
  return std::filesystem::path(LEDGERHOST_SOURCE_DIR) / "tests/host/migration/sql/data";
}

std::string ReadFile(const std::filesystem::path& path);

// Liquibase's LoggingExecutor: each statement, its terminator (";" unless already there; SQL Server
// adds "GO" on its own line), then a blank line.
std::string Render(const std::vector<SqlStatement>& statements, db::DatabaseKind database);

// Comment lines dropped, whitespace runs collapsed: what "equal modulo whitespace" means here.
std::string Normalize(const std::string& sql);

// Liquibase 4.28 prints a createTable's foreign key clauses in an order that differs between its
// own runs (two captures of the same changelog disagreed), so comparisons sort each run of
// adjacent "CONSTRAINT x FOREIGN KEY" items inside CREATE TABLE (...). Input: Normalize()d SQL.
std::string SortCreateTableForeignKeys(const std::string& normalized_sql);

// update-sql output split at "-- Changeset <file>::<id>::<author>" lines: "id::author" -> text.
std::map<std::string, std::string> SplitByChangeSet(const std::string& output);

}  // namespace ledgerhost::migration::testing
