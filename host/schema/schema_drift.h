// `ledgerhost db check`: compares the live database with every entity of every selected schema and
// reports drift — a missing table or column, a different type family, nullability or string length.
// Extra tables and columns in the database are not drift. Tables the migration engine created from a
// changelog that matches the entities never show drift: a column may have the family of the entity's
// Liquibase type or of the type the engine creates for it on this database (TIMESTAMP is TEXT on
// SQLite, BLOB is OID on PostgreSQL).
#pragma once

#include <string>
#include <vector>

#include "db/connection.h"
#include "schema/selected_schema.h"

namespace ledgerhost::schema {

struct Drift {
  std::string schema;   // SelectedSchema::Describe()
  std::string table;    // physical name (prefixed), "schema.table" when a database schema is set
  std::string column;   // "" for a table-level problem
  // "table is missing", "column is missing", "type is TEXT, entity declares BIGINT (integer)",
  // "nullable, entity declares NOT NULL", "NOT NULL, entity declares nullable",
  // "VARCHAR length 100, entity declares 255"
  std::string problem;
  // "<schema>: <table>[.<column>]: <problem>"
  std::string ToString() const;
};

// Compares the live database with every entity of every schema in `catalog`; empty = in sync. A
// table is looked up in the schema's database schema when set (else PostgreSQL's current_schema(),
// SQLite's main), tables and columns by name case-insensitively, preferring an exact match and then
// the lower-case name an unquoted identifier folds to on PostgreSQL. Throws DatabaseError naming the
// table when a catalog query fails.
std::vector<Drift> FindSchemaDrift(db::Connection& connection, const SchemaCatalog& catalog);

}  // namespace ledgerhost::schema
