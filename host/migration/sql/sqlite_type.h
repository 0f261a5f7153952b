// Liquibase's DataTypeFactory for SQLite: which Liquibase type class a type description resolves to
// and the SQL type it prints. DatabaseType() uses it for SQLite; the SQLite table rebuild needs the
// class as well, because Liquibase reads and prints a column's default through it.
#pragma once

#include <string>
#include <string_view>

#include "migration/sql/data_type.h"

namespace ledgerhost::migration {

struct SqliteColumnType {
  LiquibaseTypeClass type_class = LiquibaseTypeClass::kUnknown;
  std::string sql;              // what CREATE TABLE prints
  bool auto_increment = false;  // "serial", "int identity", "{autoIncrement:true}"
};

// DataTypeFactory.fromDescription(description, sqlite).toDatabaseDataType(sqlite). Throws
// MigrationError with Liquibase's message for a TIMESTAMP precision SQLite does not have.
SqliteColumnType ResolveSqliteType(std::string_view description);

}  // namespace ledgerhost::migration
