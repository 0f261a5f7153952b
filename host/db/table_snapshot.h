// What a catalog query reads of one live table: the SQL generator's introspection, the drift check
// and the preconditions use it; SQLite table rebuilds need all of it.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ledgerhost::db {

struct ColumnInfo {
  std::string name;
  std::string type;  // as declared (SQLite) or information_schema's data_type (PostgreSQL)
  bool nullable = true;
  std::optional<std::string> default_value;  // the default's SQL text
  bool primary_key = false;
  int primary_key_position = 0;  // SQLite: 1-based position in the primary key, 0 outside it
  bool generated = false;        // SQLite: a generated column
};
// SQLite: an index, trigger or view as sqlite_master keeps it.
struct SchemaObject {
  std::string type;   // "index", "trigger" or "view"
  std::string name;
  std::string table;  // the table (or view) it belongs to
  std::string sql;    // its CREATE text
};
struct LiveTable {
  std::string name;  // as the database spells it
  std::vector<ColumnInfo> columns;
  // SQLite only:
  std::string sql;                         // its CREATE TABLE text (sqlite_master.sql)
  std::vector<SchemaObject> dependents;    // its own indexes and triggers, then the views and other
                                           // tables' triggers whose text names it, in creation order
  std::vector<std::string> referenced_by;  // the other tables whose foreign keys reference it
  std::optional<std::string> autoincrement_seq;  // its sqlite_sequence value, when it has one
};
// A column as the catalog declares it, for comparing with what a schema expects (the drift check).
struct DeclaredColumn {
  std::string name;
  std::string type;  // as written: PostgreSQL's format_type ("character varying(100)"), SQLite's declared text
  bool nullable = true;
};

}  // namespace ledgerhost::db
