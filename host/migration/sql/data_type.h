// Liquibase's DataTypeFactory.fromDescription: a column type as written in a changelog ("VARCHAR(255)",
// "timestamp(3) with time zone", "serial", "int{autoIncrement:true}") read into the Liquibase type
// class it resolves to, its parameters and the words after them. Each database's rendering
// (sqlite_type.cpp, postgresql_type.cpp, type_mapping.cpp) starts from this one reading, as every
// LiquibaseDataType.toDatabaseDataType starts from the same parsed object.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ledgerhost::migration {

// Liquibase's type classes (liquibase.datatype.core), as far as ledgerhost's databases tell them apart.
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

struct LiquibaseType {
  LiquibaseTypeClass type_class = LiquibaseTypeClass::kUnknown;
  std::string definition;               // as written (Liquibase's rawDefinition)
  std::string name;                     // the naked name as written ("varchar", "my_enum")
  std::vector<std::string> parameters;  // "(a, b)" split and trimmed; " BYTE" dropped for char types
  std::string additional;               // what follows the name ("UNSIGNED", "with time zone")
  bool auto_increment = false;          // "serial", "int identity", "{autoIncrement:true}"
};

// DataTypeFactory.fromDescription. Throws MigrationError for "{...}" it cannot read.
LiquibaseType ParseLiquibaseType(std::string_view description);

// The name a type class prints by default (its @DataTypeInfo name, upper case), "" for the classes
// whose every database prints a fixed name.
const char* RegisteredTypeName(LiquibaseTypeClass type_class);

// DatabaseDataType(name, parameters...).addAdditionalInformation(additional).toString(): "NAME(a, b)
// additional", at most `max_parameters` of the parameters.
std::string PrintDataType(const std::string& name, const std::vector<std::string>& parameters,
                          const std::string& additional, std::size_t max_parameters = SIZE_MAX);

// UnknownType: how many parameters an unknown type name keeps (two; enum and set keep all).
std::size_t UnknownTypeMaxParameters(const LiquibaseType& type);

// Java's Integer.parseInt: false for anything that is not a 32-bit decimal integer.
bool ParseJavaInt(const std::string& text, long long& out);

}  // namespace ledgerhost::migration
