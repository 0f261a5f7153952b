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
// migrated by either tool ends in the same state. sqlite_rebuild.cpp cites the Liquibase and
// driver code each rule comes from.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "migration/model/change_log.h"
#include "migration/sql/sql_generator.h"

namespace ledgerhost::migration {

// A column default as Liquibase holds it after reading it from the database (SqlUtil.parseValue
// and ColumnConfig): the Java value's kind decides how CREATE TABLE prints it.
struct RebuildDefault {
  enum class Kind { kNone, kString, kFunction, kNumber, kBoolean, kDate, kTime, kTimestamp };
  Kind kind = Kind::kNone;
  std::string text;  // the string, function text, number's Java toString(), or ISO date/time
};

// Liquibase's ColumnConfig for one column of the rebuilt table.
struct RebuildColumn {
  std::string name;
  std::string type;  // a Liquibase type description ("BIGINT(2000000000)", "INT")
  bool auto_increment = false;
  RebuildDefault default_value;
  bool has_constraints = false;  // ColumnConfig.getConstraints() != null
  bool not_null = false;
  bool primary_key = false;
  std::optional<std::string> primary_key_name;
  bool unique = false;
  // A foreign key: either `references` ("table(column)", printed as is) or the referenced
  // table and columns; a name is required, as Liquibase's createTable requires one.
  std::optional<std::string> foreign_key_name;
  std::optional<std::string> references;
  std::optional<std::string> referenced_table;
  std::optional<std::string> referenced_columns;
  bool delete_cascade = false;
};

// One index of the table as Liquibase's snapshot keeps it.
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

// The pieces, exposed for tests: how Liquibase's snapshot reads one live column (type description
// and default), and how CREATE TABLE prints a default for a type.
std::string SnapshotTypeDescription(const std::string& declared_type);
RebuildDefault SnapshotDefault(const std::optional<std::string>& column_default, const std::string& declared_type);
// nullopt: no DEFAULT clause.
std::optional<std::string> RebuildDefaultSql(const RebuildDefault& value, const std::string& type_description);

}  // namespace ledgerhost::migration
