// How Liquibase 4.28 reads a live SQLite table for its table rebuild (SQLite JDBC metadata turned
// into a snapshot, then into createTable columns) and prints the columns' defaults back. The
// reading loses what the snapshot does not carry: UNIQUE and CHECK constraints, collations, ON
// UPDATE and non-cascading ON DELETE actions, multi-column foreign keys, index order and filters;
// types and defaults come back as the driver reports them ("BIGINT(2000000000)").
#pragma once

#include <optional>
#include <string>
#include <vector>

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

// One index as Liquibase's snapshot keeps it; an expression column is nullopt.
struct SnapshotIndex {
  std::string table;
  std::string name;
  bool unique = false;
  std::vector<std::optional<std::string>> columns;
};

// The table's columns as ColumnConfigs, in table order. Throws MigrationError (prefixed with
// `where`) where Liquibase fails reading them (a foreign key to a table or column under another
// spelling). `introspect` reads the tables its foreign keys reference.
std::vector<RebuildColumn> SnapshotColumns(const db::LiveTable& table, const TableIntrospector& introspect,
                                           const std::string& where);
// Every index of the schema (LiveTable::schema_indexes) that Liquibase's snapshot keeps, in the
// order it hands them out.
std::vector<SnapshotIndex> SchemaIndexes(const db::LiveTable& table);

// How Liquibase's snapshot reads one live column: its type description and default.
std::string SnapshotTypeDescription(const std::string& declared_type);
RebuildDefault SnapshotDefault(const std::optional<std::string>& column_default, const std::string& declared_type);
// The DEFAULT operand CREATE TABLE prints for a default of a column of that type; nullopt: none.
std::optional<std::string> RebuildDefaultSql(const RebuildDefault& value, const std::string& type_description);

// ColumnConfig keeps one default per kind and hands out the first set of: string, boolean,
// numeric, date, computed. Setting one kind leaves the others as they were.
void SetDefault(RebuildColumn& column, const RebuildDefault& value);
// ISODateFormat.parse: a date, a time or a date-time (with 'T' or a blank), else nullopt.
std::optional<RebuildDefault> ParseIsoDate(const std::string& text);
bool IsDateKind(RebuildDefault::Kind kind);
// java.sql.Date/Time/Timestamp.toString() of a date kind's ISO text.
std::string JavaDateToString(const RebuildDefault& value);

}  // namespace ledgerhost::migration
