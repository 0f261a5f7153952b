// What a live database holds, read from its catalog: the objects Liquibase's snapshot compares and
// writes changelogs for (tables with their columns and keys, indexes, foreign keys, views,
// sequences). `db snapshot` prints it, `db diff` compares two, `db diff-changelog` and
// `db generate-changelog` turn a comparison into changesets.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/database_kind.h"

namespace ledgerhost::snapshot {

// A column default, in the kind of value Liquibase's snapshot gives it: it picks the changelog
// attribute (defaultValue, defaultValueNumeric, defaultValueBoolean, defaultValueDate, defaultValueComputed).
struct DefaultValue {
  enum class Kind { kString, kNumeric, kBoolean, kDate, kComputed };
  Kind kind = Kind::kString;
  std::string value;  // the string's characters (unquoted), the number, true/false, the date, or the SQL text
  bool operator==(const DefaultValue&) const = default;
};

struct Column {
  std::string name;
  std::string type;  // as Liquibase writes it in a changelog for this database: VARCHAR(50), BIGINT, numeric(10, 2)
  bool nullable = true;
  std::optional<DefaultValue> default_value;
  bool auto_increment = false;  // serial / identity / AUTO_INCREMENT / SQLite's INTEGER PRIMARY KEY AUTOINCREMENT
  std::optional<std::string> start_with;    // of an auto-increment column, when the database says
  std::optional<std::string> increment_by;
  std::string remarks;
  // PostgreSQL: a stored generated column's expression (GENERATED ALWAYS AS (...) STORED); "" otherwise.
  std::string generated;
};

// A primary key or unique constraint: its name (empty where the database gives none) and columns in key order.
struct KeyConstraint {
  std::string name;
  std::vector<std::string> columns;
  bool deferrable = false;
  bool initially_deferred = false;
};

struct Index {
  std::string name;
  std::string table;
  std::vector<std::string> columns;  // in index order; an expression as its SQL text
  bool unique = false;
  // PostgreSQL: an index createIndex cannot describe (a WHERE predicate, another access method than
  // btree, INCLUDE columns), as its CREATE INDEX statement with the table unqualified; "" otherwise.
  std::string definition;
};

struct ForeignKey {
  std::string name;
  std::string table;
  std::vector<std::string> columns;
  std::string referenced_table;
  std::vector<std::string> referenced_columns;
  // Liquibase's ForeignKeyConstraintType spelled as a changelog's onDelete/onUpdate: CASCADE, SET NULL,
  // SET DEFAULT, RESTRICT, NO ACTION.
  std::string on_update = "NO ACTION";
  std::string on_delete = "NO ACTION";
  bool deferrable = false;
  bool initially_deferred = false;
};

struct Table {
  std::string name;
  std::vector<Column> columns;  // in the table's order
  std::optional<KeyConstraint> primary_key;
  std::vector<KeyConstraint> unique_constraints;
  std::string remarks;
  std::string definition;  // SQLite: a virtual table's CREATE VIRTUAL TABLE statement; "" otherwise
  const Column* FindColumn(const std::string& name) const;
};

struct View {
  std::string name;
  std::string definition;  // the SELECT as the database keeps it
};

struct Sequence {
  std::string name;
  std::string data_type;  // PostgreSQL: bigint, integer, smallint
  std::string start_value;
  std::string increment_by;
  std::string min_value;
  std::string max_value;
  std::string cache_size;
  bool cycle = false;
};

// PostgreSQL: an enum, domain or composite type of the schema, which columns may use and createTable
// cannot make.
struct UserType {
  std::string name;
  std::string kind;        // TYPE (an enum or composite) or DOMAIN: what DROP names
  std::string definition;  // its CREATE TYPE ... AS ENUM (...) / AS (...) or CREATE DOMAIN statement
};

struct DatabaseSnapshot {
  db::DatabaseKind kind = db::DatabaseKind::kSqlite;
  std::string database;  // the redacted URL it was read from
  std::string schema;    // PostgreSQL: the schema; MariaDB: the database; SQLite: main
  std::string product_name;
  std::string product_version;
  std::vector<Table> tables;          // by name
  std::vector<Index> indexes;         // by name: those no key constraint owns
  std::vector<ForeignKey> foreign_keys;  // by name
  std::vector<View> views;            // by name
  std::vector<Sequence> sequences;    // by name: those no column owns (serial, identity)
  std::vector<UserType> types;        // by name: PostgreSQL's enums, domains and composite types

  const Table* FindTable(const std::string& name) const;
};

}  // namespace ledgerhost::snapshot
