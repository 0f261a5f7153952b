// Liquibase's DataTypeFactory for SQLite: which Liquibase type class a type description resolves to
// and the SQL type it prints. DatabaseType() uses it for SQLite; the SQLite table rebuild needs the
// class as well, because Liquibase reads and prints a column's default through it.
#pragma once

#include <string>
#include <string_view>

namespace ledgerhost::migration {

// Liquibase's type classes (liquibase.datatype.core), as far as SQLite tells them apart.
enum class LiquibaseTypeClass {
  kBigInt,
  kBlob,
  kBoolean,
  kChar,      // CharType
  kVarchar,   // VarcharType (a CharType)
  kNChar,     // NCharType (a CharType)
  kNVarchar,  // NVarcharType (a CharType)
  kClob,
  kCurrency,
  kDate,
  kDateTime,
  kTimestamp,  // TimestampType (a DateTimeType)
  kTime,
  kDecimal,
  kDouble,
  kFloat,
  kInt,
  kMediumInt,
  kSmallInt,
  kTinyInt,
  kNumber,
  kUuid,
  kXml,
  kFunction,
  kUnknown,
};

bool IsCharType(LiquibaseTypeClass type_class);

struct SqliteColumnType {
  LiquibaseTypeClass type_class = LiquibaseTypeClass::kUnknown;
  std::string sql;              // what CREATE TABLE prints
  bool auto_increment = false;  // "serial", "int identity", "{autoIncrement:true}"
};

// DataTypeFactory.fromDescription(description, sqlite).toDatabaseDataType(sqlite). Throws
// MigrationError with Liquibase's message for a TIMESTAMP precision SQLite does not have.
SqliteColumnType ResolveSqliteType(std::string_view description);

}  // namespace ledgerhost::migration
