// SQLite's procedure for the schema changes it has no ALTER TABLE for (sqlite.org/lang_altertable.html,
// "Making Other Kinds Of Table Schema Changes"), which every such change type uses on SQLite:
//
//   CREATE TABLE "t__rebuild" (<t's own CREATE TABLE text, edited>); INSERT INTO "t__rebuild" (...)
//   SELECT ... FROM t; DROP TABLE t; ALTER TABLE "t__rebuild" RENAME TO t (legacy_alter_table on, so
//   views and other tables' triggers that name t are neither checked nor rewritten: they name t
//   again); t's indexes and triggers from their text; its sqlite_sequence kept; PRAGMA
//   foreign_key_check of t and of the tables referencing it
//
// inside the changeset's transaction. The engine runs SQLite migrations (update, rollback) with
// foreign key enforcement off, as the SQLite JDBC driver under Liquibase does, so dropping a table
// others reference neither cascades nor fails, and their foreign keys, which name t, hold again.
//
// A deliberate difference from Liquibase 4.28, whose rebuild re-creates the table from a JDBC
// snapshot and loses what the snapshot misses (docs/compatibility.md): starting from the table's
// own text keeps every type as written, default, collation, CHECK and UNIQUE constraint, foreign key
// action, generated column and index (partial, expression, descending).
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "db/table_snapshot.h"
#include "migration/sql/sql_generator.h"
#include "migration/sql/sqlite/sqlite_table_definition.h"

namespace ledgerhost::migration::sqlite {

// What one change does to one table.
struct TableEdit {
  // Edits the table's definition; throws MigrationError for what cannot be done (a column that is
  // not there, a second primary key).
  std::function<void(TableDefinition&)> edit;
  // Columns (lower-cased) the change removes: the table's indexes that use them go with them, as
  // PostgreSQL's DROP COLUMN drops them; a view or trigger that uses them stops the change.
  std::set<std::string> dropped_columns;
};

// The statements of the rebuild of `live` (a table of the main database, read by
// Connection::Columns); a column keeps its rows when the edited table still has it. Throws
// MigrationError prefixed with `where`.
std::vector<SqlStatement> RebuildTable(const db::LiveTable& live, const TableEdit& edit, const std::string& where);

}  // namespace ledgerhost::migration::sqlite
