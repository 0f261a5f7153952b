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
// SQLite: one index of a table; an expression in it is nullopt.
struct IndexInfo {
  std::string table;
  std::string name;
  bool unique = false;
  std::vector<std::optional<std::string>> columns;
};
// SQLite: one row of PRAGMA foreign_key_list (a key of several columns has several rows).
struct ForeignKeyInfo {
  int id = 0;
  int seq = 0;
  std::string referenced_table;
  std::string column;
  std::optional<std::string> referenced_column;  // nullopt: the referenced table's primary key
  std::string on_update;
  std::string on_delete;
};
struct LiveTable {
  std::string name;  // as the database spells it
  std::vector<ColumnInfo> columns;
  // SQLite only:
  std::string sql;                            // its CREATE TABLE text (sqlite_master.sql)
  std::vector<ForeignKeyInfo> foreign_keys;   // PRAGMA foreign_key_list order
  std::vector<IndexInfo> schema_indexes;      // the indexes of every table, tables by name, each
                                              // table's in PRAGMA index_list order; only its own
                                              // when it has fewer than two (then order is moot)
  std::vector<std::string> referenced_by;     // other tables whose foreign keys reference it
};
// A column as the catalog declares it, for comparing with what a schema expects (the drift check).
struct DeclaredColumn {
  std::string name;
  std::string type;  // as written: PostgreSQL's format_type ("character varying(100)"), SQLite's declared text
  bool nullable = true;
};

}  // namespace ledgerhost::db
