// SQLite's procedure for the schema changes it has no ALTER TABLE for (sqlite.org/lang_altertable.html,
// "Making Other Kinds Of Table Schema Changes"), which every such change type uses on SQLite:
//
//   CREATE TABLE "t__rebuild" (<t's own CREATE TABLE text, edited>); INSERT INTO "t__rebuild" (...)
//   SELECT ... FROM t; DROP VIEW (the views that name t); DROP TABLE t; ALTER TABLE "t__rebuild"
//   RENAME TO t; CREATE INDEX / TRIGGER (t's own, from their text); CREATE VIEW (as they were);
//   PRAGMA foreign_key_check(t) (when the change added a foreign key)
//
// all inside the changeset's transaction. The engine runs SQLite changelogs with foreign key
// enforcement off (as the SQLite JDBC driver under Liquibase does), so dropping a table others
// reference neither cascades nor fails, and their foreign keys, which name t, stay valid.
//
// A deliberate difference from Liquibase 4.28, whose rebuild re-creates the table from a JDBC
// snapshot and loses what the snapshot misses (docs/compatibility.md): starting from the table's
// own text keeps every type as written, default, collation, CHECK and UNIQUE constraint, foreign key
// action, generated column and index (partial, expression, descending).
#pragma once

#include <functional>
#include <map>
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
  // A column of the edited table -> the SQL expression over the old table's columns that fills it
  // (names lower-cased). A column of the same name in the old table is copied without an entry.
  std::map<std::string, std::string> fill;
  // Columns (lower-cased) the change removes: the table's indexes that use them go with them, as
  // PostgreSQL's DROP COLUMN drops them; a view or trigger that uses them stops the change.
  std::set<std::string> dropped_columns;
  bool check_foreign_keys = false;  // the change added a foreign key: the rows must satisfy it
};

// The statements of the rebuild of `live` (a table read by Connection::Columns), `schema` the
// attached database's name or empty. Throws MigrationError prefixed with `where`.
std::vector<SqlStatement> RebuildTable(const db::LiveTable& live, const std::string& schema, const TableEdit& edit,
                                       const std::string& where);

}  // namespace ledgerhost::migration::sqlite
