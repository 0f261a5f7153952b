// `ledgerhost db check`: compares the live database with every entity of every selected schema and
// reports drift — a missing table or column, a different type family, nullability or string length.
// Extra tables and columns in the database are not drift.
#pragma once

#include <string>
#include <vector>

#include "migration/engine/connection.h"
#include "schema/selected_schema.h"

namespace ledgerhost::schema {

struct Drift {
  std::string schema;   // SelectedSchema::Describe()
  std::string table;    // physical name, "schema.table" when a database schema is set
  std::string column;   // "" for a table-level problem
  std::string problem;  // "table is missing", "type is TEXT, entity declares BIGINT (integer)", ...
  std::string ToString() const;
};

std::vector<Drift> FindSchemaDrift(migration::Connection& connection, const SchemaCatalog& catalog);

}  // namespace ledgerhost::schema
