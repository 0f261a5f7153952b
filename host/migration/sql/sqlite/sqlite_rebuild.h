// Liquibase's SQLite table rebuild (SQLiteDatabase.getAlterTableStatements), used for the changes
// SQLite has no ALTER TABLE form for: addColumn, addDefaultValue, addAutoIncrement, dropColumn,
// dropPrimaryKey, mergeColumns. Liquibase snapshots the live table through the SQLite JDBC driver,
// turns every column back into a createTable column, and runs
//
//   ALTER TABLE t RENAME TO t_temporary; CREATE TABLE t (...); INSERT INTO t (...) SELECT ... FROM
//   t_temporary; DROP TABLE t_temporary; REINDEX t; CREATE INDEX ... (the table's other indexes)
//
// ledgerhost reproduces that, including what the snapshot loses (UNIQUE and CHECK constraints,
// collations, ON UPDATE and non-cascading ON DELETE actions, multi-column foreign keys, index
// order and filters, and the types and defaults as the driver reports them), so a database
// migrated by either tool ends in the same state. sqlite_snapshot.cpp cites the Liquibase and
// driver code each rule of reading the table comes from. One exception: a table other tables'
// foreign keys reference is refused (see SqliteTableRebuild).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "migration/model/change_log.h"
#include "migration/sql/sql_generator.h"
#include "migration/sql/sqlite/sqlite_snapshot.h"

namespace ledgerhost::migration {

// One index of the table, as the visitor sees it.
struct RebuildIndex {
  std::string name;
  bool unique = false;
  std::vector<std::string> columns;
};

// SQLiteDatabase.AlterTableVisitor: what a change keeps, changes and adds.
struct RebuildVisitor {
  std::vector<RebuildColumn> columns_to_add;
  std::function<bool(RebuildColumn&)> copy_column = [](RebuildColumn&) { return true; };
  std::function<bool(RebuildColumn&)> create_column = [](RebuildColumn&) { return true; };
  std::function<bool(const RebuildIndex&)> create_index = [](const RebuildIndex&) { return true; };
};

// The visitors of the change types Liquibase rebuilds the table for. They throw MigrationError
// naming the change's location for what Liquibase refuses while generating (a column without a
// type, dropPrimaryKey on a table with columns outside the key).
RebuildVisitor AddColumnVisitor(const Change& change);
RebuildVisitor AddDefaultValueVisitor(const Change& change);
RebuildVisitor AddAutoIncrementVisitor(const Change& change);
RebuildVisitor DropColumnVisitor(const Change& change);
RebuildVisitor DropPrimaryKeyVisitor(const Change& change);
RebuildVisitor MergeColumnsVisitor(const Change& change);

// The rebuild of `table_name` (as the change names it; `schema_name` may be empty) against the live
// database `introspect` reads. Throws MigrationError (prefixed with `where`) when Liquibase would
// fail generating it: a TIMESTAMP column the driver reports without precision, a foreign key
// without a name, a type Liquibase cannot read.
std::vector<SqlStatement> SqliteTableRebuild(const TableIntrospector& introspect, const std::string& table_name,
                                             const std::string& schema_name, const RebuildVisitor& visitor,
                                             const std::string& where);

}  // namespace ledgerhost::migration
