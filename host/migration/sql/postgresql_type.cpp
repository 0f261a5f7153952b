// LiquibaseDataType.toDatabaseDataType for PostgreSQL, read from Liquibase 4.28's
// liquibase.datatype.core classes (the PostgresDatabase branch of each) and checked against what
// Liquibase prints for 330 type descriptions (tests/host/migration/sql/data/types/).
#include "migration/sql/postgresql_type.h"

#include <regex>

#include "core/error.h"
#include "core/text.h"

namespace ledgerhost::migration {
namespace {

using C = LiquibaseTypeClass;

// LiquibaseDataType's default: the class's name upper-cased, its parameters, the words after them.
std::string Default(const LiquibaseType& t) {
  const char* registered = RegisteredTypeName(t.type_class);
  return PrintDataType(*registered ? registered : text::Upper(t.name), t.parameters, t.additional);
}

// CharType / VarcharType on PostgreSQL: "(n CHAR)" loses CHAR; the JDBC driver's 2147483647
// (a length-less varchar read back) becomes CHARACTER VARYING.
std::string CharacterType(const LiquibaseType& t) {
  if (t.parameters.size() != 1) return Default(t);
  static const std::regex char_suffix(R"((\d)\s*[Cc][Hh][Aa][Rr]$)");
  const std::string parameter = std::regex_replace(t.parameters[0], char_suffix, "$1");
  if (parameter == "2147483647") return "CHARACTER VARYING";
  return PrintDataType(RegisteredTypeName(t.type_class), {parameter}, t.additional);
}

bool HasTimeZone(const LiquibaseType& t) {
  const std::string raw = text::Lower(text::JavaTrim(t.definition));
  return raw.find("tz") != std::string::npos || raw.find("with time zone") != std::string::npos;
}

// DateTimeType on PostgreSQL (also TimestampType without words after it).
std::string DateTime(const LiquibaseType& t) {
  std::string sql = "TIMESTAMP";
  if (!t.parameters.empty()) sql += "(" + t.parameters[t.parameters.size() == 2 ? 1 : 0] + ")";
  return sql + (HasTimeZone(t) ? " WITH TIME ZONE" : " WITHOUT TIME ZONE");
}

std::string Timestamp(const LiquibaseType& t) {
  std::string sql = "TIMESTAMP";
  if (!t.parameters.empty()) {
    long long digits = 0;
    if (ParseJavaInt(t.parameters[0], digits)) {
      if (digits > 6) {
        throw UnsupportedChangeError("Using a TIMESTAMP data type with a fractional precision of " + std::to_string(digits) +
                             " is not supported on postgresql: A timestamp datatype with " + std::to_string(digits) +
                             " fractional digits was requested, but PostgreSQL only supports 6 digits.");
      }
      sql += "(" + std::to_string(digits) + ")";
    } else {
      throw MigrationError("A timestamp with '" + t.parameters[0] + "' fractional digits was requested, but '" +
                           t.parameters[0] + "' does not seem to be an integer.");
    }
  }
  if (text::StartsWith(text::JavaTrim(t.definition), "java.sql.Types.TIMESTAMP_WITH_TIMEZONE")) {
    return sql + " WITH TIME ZONE";
  }
  if (!t.additional.empty()) {
    // The words are kept as written, except that "TIMEZONE" is spelt as PostgreSQL wants it.
    std::string additional = t.additional;
    if (text::Upper(additional).find("TIMEZONE") != std::string::npos) {
      additional = text::Upper(additional);
      additional.replace(additional.find("TIMEZONE"), 8, "TIME ZONE");
    }
    return sql + " " + additional;
  }
  return DateTime(t);
}

std::string Time(const LiquibaseType& t) {
  // Parameters above 6 are dropped; a second one then stands for the precision.
  long long precision = 0;
  const bool valid = !t.parameters.empty() && ParseJavaInt(t.parameters[0], precision) && precision <= 6;
  std::string sql = "time";
  if (valid) {
    sql = PrintDataType(sql, t.parameters, "");
  } else if (t.parameters.size() >= 2) {
    sql += "(" + t.parameters[1] + ")";
  }
  return sql + (HasTimeZone(t) ? " WITH TIME ZONE" : " WITHOUT TIME ZONE");
}

std::string Number(const LiquibaseType& t) {
  long long precision = 0;
  if (!t.parameters.empty() && ParseJavaInt(t.parameters[0], precision) && precision > 1000) return "numeric";
  return PrintDataType("numeric", t.parameters, "");
}

}  // namespace

PostgresqlColumnType ResolvePostgresqlType(std::string_view description) {
  const LiquibaseType t = ParseLiquibaseType(description);
  const std::string raw = text::Lower(text::JavaTrim(t.definition));
  PostgresqlColumnType out;
  out.auto_increment = t.auto_increment;
  switch (t.type_class) {
    case C::kInt:
      out.sql = "INTEGER";
      break;
    case C::kBigInt:
      out.sql = PrintDataType("BIGINT", {}, t.additional);
      break;
    case C::kSmallInt:
    case C::kTinyInt:
      out.sql = "SMALLINT";
      break;
    case C::kBoolean:
      out.sql = text::StartsWith(raw, "bit") ? PrintDataType("BIT", t.parameters, "") : "BOOLEAN";
      break;
    case C::kChar:
    case C::kVarchar:
      out.sql = CharacterType(t);
      break;
    case C::kNVarchar:
      out.sql = PrintDataType("VARCHAR", t.parameters, "");
      break;
    case C::kClob:
      out.sql = "TEXT";
      break;
    case C::kBlob:
      // Liquibase chose OID for "blob" (Hibernate's mapping), BYTEA for every other binary type.
      out.sql = text::StartsWith(raw, "blob") || text::JavaTrim(t.definition) == "java.sql.Types.BLOB" ? "OID" : "BYTEA";
      break;
    case C::kDate:
      out.sql = "date";
      break;
    case C::kDateTime:
      out.sql = DateTime(t);
      break;
    case C::kTimestamp:
      out.sql = Timestamp(t);
      break;
    case C::kTime:
      out.sql = Time(t);
      break;
    case C::kNumber:
      out.sql = Number(t);
      break;
    case C::kDouble:
      out.sql = "DOUBLE PRECISION";
      break;
    case C::kFloat:
      out.sql = raw == "real" ? "REAL" : Default(t);
      break;
    case C::kCurrency:
      out.sql = "DECIMAL";
      break;
    case C::kUuid:
      out.sql = "UUID";
      break;
    case C::kXml:
      out.sql = "XML";
      break;
    case C::kUnknown:
      out.sql = PrintDataType(text::Upper(t.name), t.parameters, t.additional, UnknownTypeMaxParameters(t));
      break;
    default:
      out.sql = Default(t);
      break;
  }
  return out;
}

}  // namespace ledgerhost::migration
