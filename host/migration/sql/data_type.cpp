// DataTypeFactory.fromDescription, read from Liquibase 4.28 (liquibase.datatype) and checked against
// it through every database's rendering (tests/host/migration/sql/data/types/, sqlite_rebuild/).
#include "migration/sql/data_type.h"

#include <cctype>
#include <cstdint>
#include <map>
#include <vector>

#include "core/error.h"
#include "core/text.h"

namespace ledgerhost::migration {
namespace {

using C = LiquibaseTypeClass;

// The registry: every name and alias of the type classes in liquibase.datatype.core, lower case.
const std::map<std::string, C>& TypeClassesByName() {
  static const std::map<std::string, C> registry = [] {
    std::map<std::string, C> r;
    auto add = [&r](C type_class, std::initializer_list<const char*> names) {
      for (const char* name : names) r.emplace(name, type_class);
    };
    add(C::kBigInt, {"bigint", "java.sql.types.bigint", "java.math.biginteger", "java.lang.long", "integer8",
                     "bigserial", "serial8", "int8"});
    add(C::kBlob, {"blob", "longblob", "longvarbinary", "java.sql.types.blob", "java.sql.types.longblob",
                   "java.sql.types.longvarbinary", "java.sql.types.varbinary", "java.sql.types.binary", "varbinary",
                   "binary", "image", "tinyblob", "mediumblob", "long binary", "long varbinary"});
    add(C::kBoolean, {"boolean", "java.sql.types.boolean", "java.lang.boolean", "bit", "bool"});
    add(C::kChar, {"char", "java.sql.types.char", "bpchar", "character"});
    add(C::kClob, {"clob", "longvarchar", "text", "longtext", "java.sql.types.longvarchar", "java.sql.types.clob",
                   "nclob", "longnvarchar", "ntext", "java.sql.types.longnvarchar", "java.sql.types.nclob", "tinytext",
                   "mediumtext", "long varchar", "long nvarchar"});
    add(C::kCurrency, {"currency", "money", "smallmoney"});
    add(C::kFunction, {"function", "liquibase.statement.databasefunction"});
    add(C::kDateTime, {"datetime", "java.sql.types.datetime", "java.util.date", "smalldatetime", "datetime2"});
    add(C::kDate, {"date", "java.sql.types.date", "java.sql.date"});
    add(C::kDecimal, {"decimal", "java.sql.types.decimal", "java.math.bigdecimal"});
    add(C::kDouble, {"double", "java.sql.types.double", "java.lang.double"});
    add(C::kFloat, {"float", "java.sql.types.float", "java.lang.float", "real", "java.sql.types.real"});
    add(C::kInt, {"int", "integer", "java.sql.types.integer", "java.lang.integer", "serial", "int4", "serial4"});
    add(C::kMediumInt, {"mediumint"});
    add(C::kNChar, {"nchar", "java.sql.types.nchar", "nchar2"});
    add(C::kNVarchar, {"nvarchar", "java.sql.types.nvarchar", "nvarchar2", "national"});
    add(C::kNumber, {"number", "numeric", "java.sql.types.numeric"});
    add(C::kSmallInt, {"smallint", "java.sql.types.smallint", "int2", "smallserial"});
    add(C::kTime, {"time", "java.sql.types.time", "java.sql.time", "timetz"});
    add(C::kTimestamp, {"timestamp", "java.sql.types.timestamp", "java.sql.types.timestamp_with_timezone",
                        "java.sql.timestamp", "timestamptz"});
    add(C::kTinyInt, {"tinyint", "java.sql.types.tinyint"});
    add(C::kUuid, {"uuid", "uniqueidentifier", "java.util.uuid"});
    add(C::kVarchar, {"varchar", "java.sql.types.varchar", "java.lang.string", "varchar2", "character varying"});
    add(C::kXml, {"xml", "xmltype", "java.sql.types.sqlxml"});
    return r;
  }();
  return registry;
}

// The name each class prints (its @DataTypeInfo name, upper case).
}  // namespace

const char* RegisteredTypeName(C type_class) {
  switch (type_class) {
    case C::kBigInt:
      return "BIGINT";
    case C::kBlob:
      return "BLOB";
    case C::kBoolean:
      return "BOOLEAN";
    case C::kChar:
      return "CHAR";
    case C::kVarchar:
      return "VARCHAR";
    case C::kNChar:
      return "NCHAR";
    case C::kNVarchar:
      return "NVARCHAR";
    case C::kDecimal:
      return "DECIMAL";
    case C::kDouble:
      return "DOUBLE";
    case C::kFloat:
      return "FLOAT";
    case C::kMediumInt:
      return "MEDIUMINT";
    case C::kNumber:
      return "NUMBER";
    case C::kSmallInt:
      return "SMALLINT";
    case C::kTinyInt:
      return "TINYINT";
    case C::kFunction:
      return "FUNCTION";
    default:
      return "";
  }
}

namespace {

// The first '(' at index >= 1 that has a ')' somewhere after it: Java's ".+\(.*\).*".
std::size_t ParenthesesStart(const std::string& text) {
  if (text.size() < 2) return std::string::npos;
  const std::size_t open = text.find('(', 1);
  if (open == std::string::npos) return std::string::npos;
  const std::size_t close = text.rfind(')');
  return close != std::string::npos && close > open ? open : std::string::npos;
}

}  // namespace

bool ParseJavaInt(const std::string& text, long long& out) {
  if (text.empty()) return false;
  std::size_t i = text[0] == '-' || text[0] == '+' ? 1 : 0;
  if (i == text.size()) return false;
  long long value = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
    if (value > 2147483648LL) return false;
  }
  out = text[0] == '-' ? -value : value;
  return out >= -2147483648LL && out <= 2147483647LL;
}

bool IsCharType(LiquibaseTypeClass type_class) {
  return type_class == C::kChar || type_class == C::kVarchar || type_class == C::kNChar || type_class == C::kNVarchar;
}

std::string PrintDataType(const std::string& name, const std::vector<std::string>& parameters,
                          const std::string& additional, std::size_t max_parameters) {
  std::string sql = name;
  if (!parameters.empty()) {
    sql += "(";
    for (std::size_t i = 0; i < parameters.size() && i < max_parameters; ++i) sql += (i ? ", " : "") + parameters[i];
    sql += ")";
  }
  if (!additional.empty()) sql += " " + additional;
  return sql;
}

std::size_t UnknownTypeMaxParameters(const LiquibaseType& type) {
  const std::string lower = text::Lower(type.name);
  return lower == "enum" || lower == "set" ? SIZE_MAX : 2;
}

LiquibaseType ParseLiquibaseType(std::string_view description) {
  const std::string definition(description);
  std::string name = definition;
  // The naked name: the first "(...)" (up to the last ')') and anything from '{' on go.
  if (std::size_t open = ParenthesesStart(name); open != std::string::npos) {
    std::size_t start = open;
    while (start > 0 && std::isspace(static_cast<unsigned char>(name[start - 1]))) --start;
    name.erase(start, name.rfind(')') + 1 - start);
  }
  if (std::size_t brace = name.find('{', 1); brace != std::string::npos) {
    std::size_t start = brace;
    while (start > 0 && std::isspace(static_cast<unsigned char>(name[start - 1]))) --start;
    name.erase(start);
  }
  bool auto_increment = false;
  if (text::EndsWith(text::Lower(name), " identity")) {
    name = text::Lower(name);
    name.erase(name.size() - 9);
    auto_increment = true;
  }
  for (const auto& [open_quote, close_quote] : {std::pair{'"', '"'}, {'[', ']'}, {'`', '`'}, {'\'', '\''}}) {
    if (!name.empty() && name[0] == open_quote) {
      const std::size_t close = name.find(close_quote, 1);
      if (close != std::string::npos && name.find(close_quote, close + 1) == std::string::npos) {
        name = name.substr(1, close - 1) + name.substr(close + 1);
        break;
      }
    }
  }
  // What follows the first blank is "additional information", except in a few two-word names.
  std::string additional;
  const std::string lower = text::Lower(name);
  const bool two_words = text::StartsWith(lower, "bit varying") || text::StartsWith(lower, "character varying") ||
                         text::StartsWith(lower, "long varchar") || text::StartsWith(lower, "long nvarchar") ||
                         text::StartsWith(lower, "long binary") || text::StartsWith(lower, "long varbinary");
  if (!two_words) {
    const std::string trimmed = text::JavaTrim(name);
    std::size_t blank = trimmed.find_first_of(" \t\n\r\f\v");
    if (blank != std::string::npos) {
      std::size_t rest = trimmed.find_first_not_of(" \t\n\r\f\v", blank);
      additional = trimmed.substr(rest);
      name = trimmed.substr(0, blank);
    } else {
      name = trimmed;
    }
  }
  C type_class = C::kUnknown;
  if (auto it = TypeClassesByName().find(text::Lower(name)); it != TypeClassesByName().end()) type_class = it->second;
  if (type_class == C::kUnknown && text::StartsWith(text::Upper(name), "INTERVAL")) name = definition;

  std::vector<std::string> parameters;
  if (std::size_t open = definition.find('(', 1); definition.size() > 1 && open != std::string::npos) {
    std::string inside = definition.substr(open + 1);
    if (std::size_t close = inside.find(')'); close != std::string::npos) inside.erase(close);
    for (std::string parameter : text::SplitAndTrim(inside, ',')) {
      if (IsCharType(type_class)) {
        if (std::size_t byte = parameter.find(" BYTE"); byte != std::string::npos) parameter.erase(byte, 5);
      }
      parameters.push_back(parameter);
    }
  }
  if (std::size_t brace = definition.find('{'); brace != std::string::npos) {
    std::string inside = definition.substr(brace + 1);
    if (std::size_t close = inside.find('}'); close != std::string::npos) inside.erase(close);
    for (const std::string& property : text::SplitAndTrim(inside, ',')) {
      const std::size_t colon = property.find(':');
      if (colon == std::string::npos) {
        throw MigrationError("Data type definition contains unparseable embedded information: `" + definition + "`");
      }
      if (property.substr(0, colon) == "autoIncrement")
        auto_increment = text::ParseJavaBoolean(property.substr(colon + 1));
    }
  }
  // Only the integer classes carry an auto-increment flag ("serial" names set it as well).
  const bool integer_class = type_class == C::kInt || type_class == C::kBigInt || type_class == C::kSmallInt;
  if (integer_class && text::Lower(definition).find("serial") != std::string::npos) auto_increment = true;
  if (!integer_class) auto_increment = false;

  LiquibaseType out;
  out.type_class = type_class;
  out.definition = definition;
  out.name = name;
  out.parameters = std::move(parameters);
  out.additional = additional;
  out.auto_increment = auto_increment;
  return out;
}

}  // namespace ledgerhost::migration
