// LiquibaseDataType.toDatabaseDataType for SQLite, read from Liquibase 4.28 (liquibase.datatype) and
// checked against it for the declared types a live SQLite table reports
// (tests/host/migration/sql/data/sqlite_rebuild/).
#include "migration/sql/sqlite_type.h"

#include "core/error.h"
#include "core/text.h"

namespace ledgerhost::migration {

using C = LiquibaseTypeClass;

SqliteColumnType ResolveSqliteType(std::string_view description) {
  const LiquibaseType parsed = ParseLiquibaseType(description);
  const C type_class = parsed.type_class;
  const std::vector<std::string>& parameters = parsed.parameters;
  const std::string& name = parsed.name;
  const bool auto_increment = parsed.auto_increment;
  auto with_parameters = [&](const std::string& sql, std::size_t max_parameters) {
    return PrintDataType(sql, parameters, parsed.additional, max_parameters);
  };
  SqliteColumnType out;
  out.type_class = type_class;
  out.auto_increment = auto_increment;
  switch (type_class) {
    case C::kInt:
      out.sql = "INTEGER";
      break;
    case C::kClob:
    case C::kDateTime:
    case C::kUuid:
    case C::kXml:
      out.sql = "TEXT";
      break;
    case C::kTimestamp: {
      long long precision = 0;
      if (!parameters.empty() && ParseJavaInt(parameters[0], precision) && precision > 9) {
        throw UnsupportedChangeError("Using a TIMESTAMP data type with a fractional precision of " + std::to_string(precision) +
                             " is not supported on sqlite: A timestamp datatype with " + std::to_string(precision) +
                             " fractional digits was requested, but SQLite only supports 9 digits.");
      }
      out.sql = "TEXT";
      break;
    }
    case C::kCurrency:
      out.sql = "REAL";
      break;
    case C::kDate:
      out.sql = "date";
      break;
    case C::kTime:
      out.sql = "time";
      break;
    case C::kUnknown:
      out.sql = with_parameters(text::Upper(name), UnknownTypeMaxParameters(parsed));
      break;
    default:
      out.sql = with_parameters(RegisteredTypeName(type_class), parameters.size());
      break;
  }
  return out;
}

}  // namespace ledgerhost::migration
