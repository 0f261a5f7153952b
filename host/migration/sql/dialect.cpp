#include "migration/sql/dialect.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <vector>

#include "core/error.h"
#include "core/text.h"
#include "migration/sql/reserved_words.h"
#include "migration/sql/sql_generator.h"

namespace ledgerhost::migration {
namespace {

using text::Trim;
using text::Upper;

// AbstractJdbcDatabase.mustQuoteObjectName without the reserved-word test: a name needs no quotes
// when it is \w+ (ASCII letters, digits, '_') and does not start with a digit.
bool IsSimpleIdentifier(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

}  // namespace

std::string JavaFormatNumber(const std::string& number) {
  static const std::regex trailing_zero_fraction(R"(\.0+$)");
  return std::regex_replace(number, trailing_zero_fraction, "", std::regex_constants::format_first_only);
}

bool JavaTrue(const std::string& text) { return Upper(Trim(text)) == "TRUE"; }

bool LooksNumeric(std::string_view text) {
  static const std::regex number(R"([-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)");
  return std::regex_match(text.begin(), text.end(), number);
}

std::string QuoteString(std::string_view value, db::DatabaseKind database) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') out += "''";
    else if (c == '\\' && (database == db::DatabaseKind::kMysql || database == db::DatabaseKind::kMariadb)) out += "\\\\";
    else out += c;
  }
  return out + "'";
}

// Liquibase's escapeObjectName (tests/host/migration/sql/data/quoting/RULES.md): a name is quoted
// when it is a reserved word of the database, has characters outside [A-Za-z0-9_] or starts with a
// digit, under every strategy; on PostgreSQL under LEGACY also when it mixes upper and lower case
// (it would fold otherwise); under QUOTE_ALL_OBJECTS always. The quote character inside is doubled.
// H2 upper-cases the quoted words as Liquibase does.
std::string QuoteIdentifier(std::string_view name, db::DatabaseKind database) { return QuoteIdentifier(name, database, false); }

std::string QuoteIdentifier(std::string_view name, db::DatabaseKind database, bool live, ObjectQuotingStrategy strategy) {
  if (name.empty()) throw MigrationError("empty identifier");
  if (std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
    throw MigrationError("identifier '" + std::string(name.substr(0, name.find('\0'))) +
                         "...' contains a control character and cannot be quoted safely");
  }
  const bool simple = IsSimpleIdentifier(name);
  const std::string upper = Upper(std::string(name));
  const bool reserved = simple && (IsReservedWord(upper, database) || (live && IsDriverKeyword(upper, database)));
  const bool mixed_case_pg = database == db::DatabaseKind::kPostgresql && simple &&
                             strategy == ObjectQuotingStrategy::kLegacy && text::HasMixedCase(name);
  if (simple && !reserved && !mixed_case_pg && strategy != ObjectQuotingStrategy::kQuoteAllObjects) {
    return std::string(name);
  }
  char open = '"';
  char close = '"';
  if (database == db::DatabaseKind::kMysql || database == db::DatabaseKind::kMariadb) open = close = '`';
  if (database == db::DatabaseKind::kMssql) {
    open = '[';
    close = ']';
  }
  const std::string text = database == db::DatabaseKind::kH2 && reserved ? upper : std::string(name);
  std::string out(1, open);
  for (char c : text) {
    out += c;
    if (c == close) out += c;  // doubled: the only escape these databases need inside quotes
  }
  return out + close;
}

std::string Dialect::Identifier(std::string_view name) const { return QuoteIdentifier(name, kind_, live_, quoting_); }

std::string Dialect::String(std::string_view value) const { return QuoteString(value, kind_); }

std::string Dialect::Table(const Change& change, const char* table_attribute, const char* schema_attribute) const {
  const std::string* table = change.Find(table_attribute);
  if (!table || table->empty()) {
    throw MigrationError(change.location.ToString() + ": " + change.type + " needs " + table_attribute);
  }
  const std::string* schema = change.Find(schema_attribute);
  std::string out = schema && !schema->empty() ? Identifier(*schema) + "." : (Is(db::DatabaseKind::kH2) ? "PUBLIC." : "");
  return out + Identifier(*table);
}

std::string Dialect::Boolean(bool value) const {
  if (Is(db::DatabaseKind::kPostgresql) || Is(db::DatabaseKind::kH2)) return value ? "TRUE" : "FALSE";
  return value ? "1" : "0";
}

std::string Dialect::CurrentDateTime() const {
  switch (kind_) {
    case db::DatabaseKind::kOracle:
      return "SYSTIMESTAMP";
    case db::DatabaseKind::kMssql:
      return "GETDATE()";
    case db::DatabaseKind::kSqlite:
      return "CURRENT_TIMESTAMP";
    default:
      return "NOW()";
  }
}

std::string Dialect::AutoIncrementClause(const Attributes& column) const {
  auto start = column.find("startWith");
  auto by = column.find("incrementBy");
  switch (kind_) {
    case db::DatabaseKind::kMysql:
    case db::DatabaseKind::kMariadb:
      return "AUTO_INCREMENT";
    case db::DatabaseKind::kMssql:
      return "IDENTITY (" + (start != column.end() ? start->second : "1") + ", " +
             (by != column.end() ? by->second : "1") + ")";
    case db::DatabaseKind::kSqlite:
      return "AUTOINCREMENT";
    default: {
      std::string clause = "GENERATED BY DEFAULT AS IDENTITY";
      if (start != column.end() || by != column.end()) {
        clause += " (";
        if (start != column.end()) clause += "START WITH " + start->second;
        // Oracle separates the options with a comma, PostgreSQL and H2 with a space.
        const std::string separator = kind_ == db::DatabaseKind::kOracle ? ", " : " ";
        if (by != column.end()) clause += std::string(start != column.end() ? separator : "") + "INCREMENT BY " + by->second;
        clause += ")";
      }
      return clause;
    }
  }
}

std::string Dialect::DefaultPrimaryKeyName(const std::string& table) const {
  if (Is(db::DatabaseKind::kPostgresql)) return table + "_pkey";
  return "PK_" + Upper(table);
}

std::string Dialect::DateLiteral(const std::string& raw) const {
  std::string text = raw;
  const bool has_time = text.size() >= 19 && (text[10] == 'T' || text[10] == ' ');
  const bool date_only = text.size() == 10 && text[4] == '-' && text[7] == '-';
  // ColumnConfig.setValueDate: what ISODateFormat cannot parse is a DatabaseFunction
  // ("current_datetime", "NOW()"), rendered as valueComputed is.
  if (!has_time && !date_only && !(text.size() == 8 && text[2] == ':')) return Computed(text);
  if (Is(db::DatabaseKind::kMssql)) {
    if (has_time) text[10] = 'T';
    return String(text);
  }
  if (has_time) text[10] = ' ';
  if (Is(db::DatabaseKind::kOracle)) {
    if (has_time) return "TO_DATE(" + String(text.substr(0, 19)) + ", 'YYYY-MM-DD HH24:MI:SS')";
    if (date_only) return "TO_DATE(" + String(text) + ", 'YYYY-MM-DD')";
  }
  return String(text);
}

// Liquibase's DatabaseFunction rendering: a current date-time function is translated to the
// database's own; any other expression is the changelog author's SQL, kept verbatim.
std::string Dialect::Computed(const std::string& expression) const {
  // AbstractJdbcDatabase.isCurrentTimeFunction: anything starting current_timestamp or
  // current_datetime ("CURRENT_TIMESTAMP(6)" too), or one of the databases' own now functions.
  static const std::set<std::string> now{"NOW()", "SYSDATE", "SYSTIMESTAMP", "GETDATE()"};
  const std::string trimmed = Trim(expression);
  if (now.count(Upper(trimmed)) || text::StartsWithIgnoreCase(trimmed, "current_timestamp") ||
      text::StartsWithIgnoreCase(trimmed, "current_datetime")) {
    if (Is(db::DatabaseKind::kOracle)) return "CURRENT_TIMESTAMP";
    return CurrentDateTime();
  }
  return expression;
}

std::optional<std::string> Dialect::Value(const Attributes& column) const {
  auto get = [&](const char* name) -> const std::string* {
    auto it = column.find(name);
    return it == column.end() ? nullptr : &it->second;
  };
  if (const auto* v = get("valueNumeric")) {
    std::string n = *v;
    if (!n.empty() && n.front() == '(' && n.back() == ')') n = n.substr(1, n.size() - 2);
    return JavaFormatNumber(n);
  }
  // ColumnConfig.load reads valueBoolean as Boolean.valueOf(text): "true" in any case is true,
  // anything else ("1", "falsee", " true") false.
  if (const auto* v = get("valueBoolean")) return Boolean(text::ParseJavaBoolean(*v));
  if (const auto* v = get("valueDate")) return DateLiteral(*v);
  if (const auto* v = get("valueComputed")) return Computed(*v);
  if (const auto* v = get("valueSequenceNext")) {
    if (Is(db::DatabaseKind::kPostgresql)) return "nextval('" + *v + "')";
    if (Is(db::DatabaseKind::kOracle)) return Identifier(*v) + ".nextval";
    return "NEXT VALUE FOR " + Identifier(*v);
  }
  if (const auto* v = get("valueSequenceCurrent")) {
    if (Is(db::DatabaseKind::kPostgresql)) return "currval('" + *v + "')";
    return Identifier(*v) + ".currval";
  }
  if (const auto* v = get("value")) {
    // InsertGenerator / UpdateGenerator: "NULL" in any case is NULL; looksLikeFunctionCall (a
    // to_date( call, a "SYSIBM" name, the database's own now) is printed as written.
    if (Upper(*v) == "NULL") return "NULL";
    if (v->rfind("to_date(", 0) == 0 || v->rfind("\"SYSIBM\"", 0) == 0 || Upper(*v) == Upper(CurrentDateTime())) {
      return *v;
    }
    return String(*v);
  }
  return std::nullopt;
}

namespace {

enum class TypeClass { kOther, kNumeric, kBoolean, kDateTime };

// The Liquibase type family of a column type as written ("BIGINT UNSIGNED", "java.sql.Types.TIMESTAMP").
TypeClass ClassOf(const std::string& type) {
  std::string upper = Upper(Trim(type));
  for (const char* prefix : {"JAVA.SQL.TYPES.", "JAVA.LANG."}) {
    if (upper.rfind(prefix, 0) == 0) upper = upper.substr(std::string(prefix).size());
  }
  size_t end = 0;
  while (end < upper.size() && (std::isalnum(static_cast<unsigned char>(upper[end])) || upper[end] == '_')) ++end;
  const std::string name = upper.substr(0, end);
  static const std::set<std::string> numeric{"INT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "MEDIUMINT", "DECIMAL",
                                             "NUMERIC", "NUMBER", "FLOAT", "DOUBLE", "REAL", "CURRENCY", "MONEY"};
  static const std::set<std::string> boolean{"BOOLEAN", "BOOL", "BIT"};
  static const std::set<std::string> date_time{"DATE", "TIME", "DATETIME", "DATETIME2", "SMALLDATETIME", "TIMESTAMP",
                                               "TIMESTAMPTZ", "TIMETZ"};
  if (numeric.count(name)) return TypeClass::kNumeric;
  if (boolean.count(name)) return TypeClass::kBoolean;
  if (date_time.count(name)) return TypeClass::kDateTime;
  return TypeClass::kOther;
}

}  // namespace

std::optional<std::string> Dialect::DefaultValue(const Attributes& attributes, bool add_column) const {
  auto get = [&](const char* name) -> const std::string* {
    auto it = attributes.find(name);
    return it == attributes.end() ? nullptr : &it->second;
  };
  const std::string* declared_type = get("type");
  if (!declared_type) declared_type = get("columnDataType");
  if (const auto* v = get("defaultValueNumeric")) {
    // BooleanType.objectToSql: a number on a boolean column is 1 (or 1.0) for true, else false.
    if (declared_type && ClassOf(*declared_type) == TypeClass::kBoolean) {
      const std::string n = Trim(*v);
      return Boolean(n == "1" || n == "1.0");
    }
    return JavaFormatNumber(*v);
  }
  if (const auto* v = get("defaultValueBoolean")) return Boolean(text::ParseJavaBoolean(*v));
  if (const auto* v = get("defaultValueDate")) return DateLiteral(*v);
  if (const auto* v = get("defaultValueComputed")) return Computed(*v);
  if (const auto* v = get("defaultValueSequenceNext")) {
    if (Is(db::DatabaseKind::kPostgresql)) return "nextval('" + *v + "')";
    return "NEXT VALUE FOR " + Identifier(*v);
  }
  if (const auto* v = get("defaultValue")) {
    const std::string* type = get("type");
    if (!type) type = get("columnDataType");
    // Liquibase's addColumn on Oracle and H2 keeps a plain defaultValue a string literal.
    const bool untyped = add_column && (Is(db::DatabaseKind::kOracle) || Is(db::DatabaseKind::kH2));
    const TypeClass type_class = type && !untyped ? ClassOf(*type) : TypeClass::kOther;
    const std::string upper = Upper(Trim(*v));
    if (type_class == TypeClass::kNumeric && LooksNumeric(Trim(*v))) return Trim(*v);
    if (type_class == TypeClass::kBoolean) {
      // BooleanType.objectToSql of a string, quotes removed: true/1/t/b'1' and false/0/f/b'0'.
      std::string bare = upper;
      bare.erase(std::remove(bare.begin(), bare.end(), '\''), bare.end());
      if (bare == "TRUE" || bare == "1" || bare == "T" || upper == "B'1'") return Boolean(true);
      if (bare == "FALSE" || bare == "0" || bare == "F" || upper == "B'0'") return Boolean(false);
    }
    if (type_class == TypeClass::kDateTime) {
      // Liquibase's Database.isFunction: "...()" everywhere, and on Oracle, SQLite and H2 also
      // their bare CURRENT_TIMESTAMP.
      const bool call = upper.size() > 2 && upper.compare(upper.size() - 2, 2, "()") == 0;
      const bool bare_now = upper == "CURRENT_TIMESTAMP" &&
                            (Is(db::DatabaseKind::kOracle) || Is(db::DatabaseKind::kSqlite) || Is(db::DatabaseKind::kH2));
      if (call || bare_now) return Trim(*v);
    }
    return String(*v);
  }
  return std::nullopt;
}

}  // namespace ledgerhost::migration
