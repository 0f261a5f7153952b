// The SQLite table rebuild as Liquibase 4.28 does it. Sources, in the order the data flows:
//  - SQLite JDBC 3.45 JDBC3DatabaseMetaData: getColumns (type name, size and digits parsed from the
//    declared type; the JDBC type from the type's name), getPrimaryKeys (PrimaryKeyFinder: regular
//    expressions on the CREATE TABLE text), getImportedKeys (ImportedKeyFinder), getIndexInfo.
//  - Liquibase ColumnSnapshotGenerator.readDataType/readDefaultValue, SqlUtil.parseValue,
//    DataType.toString, ColumnConfig(Column), IndexSnapshotGenerator (indexes with the same columns
//    collapse; names iterate in java.util.HashMap order), DatabaseObjectCollection (indexes come
//    back as a HashSet ordered by Index.toString().hashCode()).
//  - SQLiteDatabase.getAlterTableStatements, CreateTableChange/CreateTableGenerator, the types'
//    objectToSql, CopyRowsGenerator, CreateIndexGenerator.
// The expected output of each rule was captured from Liquibase (tests/host/migration/sql/data/
// sqlite_rebuild/).
#include "migration/sql/sqlite_rebuild.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <set>

#include "core/error.h"
#include "migration/model/text.h"
#include "migration/sql/dialect.h"
#include "migration/sql/sqlite_type.h"

namespace ledgerhost::migration {
namespace {

using C = LiquibaseTypeClass;
using Kind = RebuildDefault::Kind;

// ---------------------------------------------------------------------------------------------
// Java behaviour the result depends on.

// String.hashCode() over the UTF-16 code units of a UTF-8 string.
int32_t JavaStringHash(std::string_view utf8) {
  uint32_t h = 0;
  auto add = [&h](uint32_t unit) { h = 31 * h + unit; };
  for (std::size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    uint32_t cp = c;
    std::size_t length = 1;
    if (c >= 0xF0 && i + 3 < utf8.size() + 0) {
      cp = ((c & 0x07u) << 18) | ((static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu) << 12) |
           ((static_cast<unsigned char>(utf8[i + 2]) & 0x3Fu) << 6) | (static_cast<unsigned char>(utf8[i + 3]) & 0x3Fu);
      length = 4;
    } else if (c >= 0xE0 && i + 2 < utf8.size()) {
      cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(utf8[i + 2]) & 0x3Fu);
      length = 3;
    } else if (c >= 0xC0 && i + 1 < utf8.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu);
      length = 2;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      add(0xD800 + (cp >> 10));
      add(0xDC00 + (cp & 0x3FF));
    } else {
      add(cp);
    }
    i += length;
  }
  return static_cast<int32_t>(h);
}

// The order a java.util.HashMap (or HashSet) with default capacity iterates keys inserted in the
// given order: by bucket of the spread hash in the final table, then in insertion order.
std::vector<std::size_t> JavaHashOrder(const std::vector<std::string>& keys) {
  std::size_t capacity = 16;
  while (keys.size() > capacity * 3 / 4) capacity *= 2;
  std::vector<std::pair<std::size_t, std::size_t>> order;  // bucket, insertion index
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const uint32_t h = static_cast<uint32_t>(JavaStringHash(keys[i]));
    order.emplace_back((h ^ (h >> 16)) & (capacity - 1), i);
  }
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::size_t> out;
  for (const auto& [bucket, index] : order) out.push_back(index);
  return out;
}

// Java's \p{javaWhitespace} for ASCII.
bool JavaSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || (c >= 0x1C && c <= 0x1F); }

// The token java.util.Scanner(text.trim()) looks at first.
std::string ScannerToken(std::string_view value) {
  const std::string trimmed = text::JavaTrim(value);
  std::size_t end = 0;
  while (end < trimmed.size() && !JavaSpace(trimmed[end])) ++end;
  return trimmed.substr(0, end);
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Scanner's Numeral (US locale): digits, or 1-3 digits followed by ",ddd" groups. Returns the
// digits without separators, or nullopt.
std::optional<std::string> ScannerNumeral(std::string_view s) {
  if (AllDigits(s)) return std::string(s);
  const std::size_t comma = s.find(',');
  if (comma == std::string_view::npos || comma == 0 || comma > 3 || s[0] == '0' || !AllDigits(s.substr(0, comma))) {
    return std::nullopt;
  }
  std::string out(s.substr(0, comma));
  for (std::size_t i = comma; i < s.size(); i += 4) {
    if (s[i] != ',' || i + 4 > s.size() || !AllDigits(s.substr(i + 1, 3))) return std::nullopt;
    out += s.substr(i + 1, 3);
  }
  return out;
}

std::string StripLeadingZeros(std::string digits) {
  const std::size_t first = digits.find_first_not_of('0');
  return first == std::string::npos ? "0" : digits.substr(first);
}

// hasNextBigInteger / nextBigInteger().toString(); `int_range` for hasNextInt / nextInt.
std::optional<std::string> ScannerInteger(const std::string& token, bool int_range) {
  std::string_view s = token;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  auto digits = ScannerNumeral(s);
  if (!digits) return std::nullopt;
  std::string value = StripLeadingZeros(*digits);
  if (int_range) {
    if (value.size() > 10) return std::nullopt;
    const long long n = std::stoll(value);
    if (n > (negative ? 2147483648LL : 2147483647LL)) return std::nullopt;
  }
  return (negative && value != "0" ? "-" : "") + value;
}

// Scanner's decimal: [-+]? (Numeral | Numeral.digits* | .digits+) ([eE][+-]?digits)?, as the
// plain string BigDecimal/Double parse (no separators).
std::optional<std::string> ScannerDecimal(const std::string& token) {
  std::string_view s = token;
  std::string out;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    if (s[0] == '-') out += '-';
    s.remove_prefix(1);
  }
  std::string_view mantissa = s;
  std::string_view exponent;
  if (const std::size_t e = s.find_first_of("eE"); e != std::string_view::npos) {
    mantissa = s.substr(0, e);
    exponent = s.substr(e + 1);
    std::string_view exponent_digits = exponent;
    if (!exponent_digits.empty() && (exponent_digits[0] == '+' || exponent_digits[0] == '-')) exponent_digits.remove_prefix(1);
    if (!AllDigits(exponent_digits)) return std::nullopt;
  }
  const std::size_t dot = mantissa.find('.');
  if (dot == std::string_view::npos) {
    auto digits = ScannerNumeral(mantissa);
    if (!digits) return std::nullopt;
    out += *digits;
  } else {
    std::string_view whole = mantissa.substr(0, dot);
    std::string_view fraction = mantissa.substr(dot + 1);
    if (!fraction.empty() && !AllDigits(fraction)) return std::nullopt;
    if (whole.empty()) {
      if (fraction.empty()) return std::nullopt;
    } else {
      auto digits = ScannerNumeral(whole);
      if (!digits) return std::nullopt;
      out += *digits;
    }
    out += "." + std::string(fraction);
  }
  if (!exponent.empty() || s.find_first_of("eE") != std::string_view::npos) out += "e" + std::string(exponent);
  return out;
}

// new BigDecimal(plain).toString().
std::string BigDecimalToString(const std::string& plain) {
  std::string_view s = plain;
  bool negative = false;
  if (!s.empty() && s[0] == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  long long exponent = 0;
  if (const std::size_t e = s.find('e'); e != std::string_view::npos) {
    exponent = std::stoll(std::string(s.substr(e + 1)));
    s = s.substr(0, e);
  }
  std::string digits;
  long long scale = 0;
  if (const std::size_t dot = s.find('.'); dot != std::string_view::npos) {
    digits = std::string(s.substr(0, dot)) + std::string(s.substr(dot + 1));
    scale = static_cast<long long>(s.size() - dot - 1);
  } else {
    digits = std::string(s);
  }
  scale -= exponent;
  digits = StripLeadingZeros(digits);
  const long long adjusted = -scale + static_cast<long long>(digits.size()) - 1;
  std::string out;
  if (scale == 0) {
    out = digits;
  } else if (scale > 0 && adjusted >= -6) {
    if (static_cast<long long>(digits.size()) > scale) {
      out = digits.substr(0, digits.size() - static_cast<std::size_t>(scale)) + "." +
            digits.substr(digits.size() - static_cast<std::size_t>(scale));
    } else {
      out = "0." + std::string(static_cast<std::size_t>(scale) - digits.size(), '0') + digits;
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    out += "E" + std::string(adjusted >= 0 ? "+" : "-") + std::to_string(std::llabs(adjusted));
  }
  return (negative && digits != "0" ? "-" : "") + out;
}

// Double.toString / Float.toString of Java 17: the shortest digits that read back to the same
// value, except that a whole number (below 10^9 for a float, as far as checked) prints all its
// digits, as the pre-Java-19 FloatingDecimal does (123456789f -> 1.23456792E8).
std::string JavaFloatingToString(double value, bool is_float) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
  bool negative = false;
  std::string digits;
  int exponent = 0;
  const double limit = is_float ? 1e9 : 1e17;
  if (value == std::floor(value) && std::fabs(value) < limit) {
    negative = value < 0;
    digits = std::to_string(static_cast<long long>(std::fabs(value)));
    exponent = static_cast<int>(digits.size()) - 1;
    digits.erase(digits.find_last_not_of('0') + 1);
  } else {
    char buffer[64];
    const auto result = is_float ? std::to_chars(buffer, buffer + sizeof buffer, static_cast<float>(value),
                                                 std::chars_format::scientific)
                                 : std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    std::string sci(buffer, result.ptr);
    negative = sci[0] == '-';
    if (negative) sci.erase(0, 1);
    const std::size_t e = sci.find('e');
    exponent = std::stoi(sci.substr(e + 1));
    digits = sci.substr(0, e);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  }
  const double magnitude = std::fabs(value);
  std::string out;
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    if (exponent >= 0) {
      const std::size_t whole = static_cast<std::size_t>(exponent) + 1;
      if (digits.size() <= whole) {
        out = digits + std::string(whole - digits.size(), '0') + ".0";
      } else {
        out = digits.substr(0, whole) + "." + digits.substr(whole);
      }
    } else {
      out = "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    }
  } else {
    out = digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0") + "E" + std::to_string(exponent);
  }
  return (negative ? "-" : "") + out;
}

// LiquibaseDataType.formatNumber: a trailing ".0", ".00", ... goes.
std::string FormatNumber(std::string value) {
  const std::size_t dot = value.rfind('.');
  if (dot != std::string::npos && dot + 1 < value.size() &&
      std::all_of(value.begin() + static_cast<std::ptrdiff_t>(dot) + 1, value.end(), [](char c) { return c == '0'; })) {
    value.erase(dot);
  }
  return value;
}

// \w+ in Java: ASCII letters, digits, underscore.
bool JavaWord(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

// Days since 1970-01-01 of a proleptic Gregorian date, and back (Howard Hinnant's algorithms).
long long DaysFromCivil(long long y, long long m, long long d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(long long z, long long& y, long long& m, long long& d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = yoe + era * 400;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp + (mp < 10 ? 3 : -9);
  y += m <= 2;
}

// Reads the numeric fields of a lenient java.text.SimpleDateFormat pattern made of digit fields
// and literal separators ("yyyy-MM-dd HH:mm:ss.SSS"): each field takes the digits there are; text
// after the pattern is ignored, as DateFormat.parse(String) does.
std::optional<std::vector<long long>> LenientFields(std::string_view value, std::string_view separators) {
  std::vector<long long> fields;
  std::size_t i = 0;
  for (std::size_t f = 0; f <= separators.size(); ++f) {
    const std::size_t start = i;
    while (i < value.size() && value[i] >= '0' && value[i] <= '9') ++i;
    if (i == start || i - start > 15) return std::nullopt;
    fields.push_back(std::stoll(std::string(value.substr(start, i - start))));
    if (f < separators.size()) {
      if (i >= value.size() || value[i] != separators[f]) return std::nullopt;
      ++i;
    }
  }
  return fields;
}

std::string Two(long long n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string Year(long long y) {
  std::string s = std::to_string(y);
  return s.size() < 4 ? std::string(4 - s.size(), '0') + s : s;
}

// A lenient date/time read into ISO text: date "yyyy-MM-dd", time "HH:mm:ss", timestamp
// "yyyy-MM-ddTHH:mm:ss[.fraction]" as ISODateFormat writes them.
std::string IsoDate(long long y, long long m, long long d) {
  const long long months = y * 12 + (m - 1);
  long long year = months >= 0 ? months / 12 : -((-months + 11) / 12);
  long long month = months - year * 12 + 1;
  long long yy = 0, mm = 0, dd = 0;
  CivilFromDays(DaysFromCivil(year, month, 1) + d - 1, yy, mm, dd);
  return Year(yy) + "-" + Two(mm) + "-" + Two(dd);
}

std::optional<std::string> LenientTimestamp(std::string_view value, std::string_view separators, bool with_millis) {
  auto fields = LenientFields(value, separators);
  if (!fields) return std::nullopt;
  const auto& f = *fields;
  long long seconds = f[3] * 3600 + f[4] * 60 + f[5];
  long long millis = with_millis ? f[6] : 0;
  seconds += millis / 1000;
  millis %= 1000;
  const long long days = seconds / 86400;
  seconds %= 86400;
  const std::string date = IsoDate(f[0], f[1], f[2]);
  long long y = 0, m = 0, d = 0;
  CivilFromDays(DaysFromCivil(std::stoll(date.substr(0, date.size() - 6)), std::stoll(date.substr(date.size() - 5, 2)),
                              std::stoll(date.substr(date.size() - 2))) +
                    days,
                y, m, d);
  std::string out = Year(y) + "-" + Two(m) + "-" + Two(d) + "T" + Two(seconds / 3600) + ":" + Two(seconds / 60 % 60) +
                    ":" + Two(seconds % 60);
  if (millis != 0) {
    std::string fraction = std::to_string(millis * 1000000);
    fraction = std::string(9 - fraction.size(), '0') + fraction;
    fraction.erase(fraction.find_last_not_of('0') + 1);
    out += "." + fraction;
  }
  return out;
}

bool ZeroTime(std::string_view value) {
  return std::all_of(value.begin(), value.end(), [](char c) { return c == '-' || c == ':' || c == ' ' || c == '0'; });
}

// AbstractJdbcDatabase.getDateLiteral(String).
std::string DateLiteral(const std::string& iso) {
  auto digits = [](std::string_view s) { return AllDigits(s); };
  const bool date_only = iso.size() == 10 && digits(iso.substr(0, 4)) && iso[4] == '-' && digits(iso.substr(5, 2)) &&
                         iso[7] == '-' && digits(iso.substr(8, 2));
  const bool time_only = iso.size() == 8 && digits(iso.substr(0, 2)) && iso[2] == ':' && digits(iso.substr(3, 2)) &&
                         iso[5] == ':' && digits(iso.substr(6, 2));
  if (date_only || time_only) return "'" + iso + "'";
  const bool date_time = iso.size() >= 19 && digits(iso.substr(0, 4)) && iso[4] == '-' && digits(iso.substr(5, 2)) &&
                         iso[7] == '-' && digits(iso.substr(8, 2)) && (iso[10] == 'T' || iso[10] == ' ') &&
                         digits(iso.substr(11, 2)) && iso[13] == ':' && digits(iso.substr(14, 2)) && iso[16] == ':' &&
                         digits(iso.substr(17, 2)) &&
                         (iso.size() == 19 || (iso[19] == '.' && digits(iso.substr(20))));
  if (date_time) {
    std::string out = iso;
    std::replace(out.begin(), out.end(), 'T', ' ');
    return "'" + out + "'";
  }
  return "BAD_DATE_FORMAT:" + iso;
}

// ---------------------------------------------------------------------------------------------
// What the SQLite JDBC driver reports for a declared column type.

struct JdbcType {
  std::string type_name;  // upper case, without "(...)"
  int data_type = 12;     // java.sql.Types: INTEGER 4, FLOAT 6, VARCHAR 12
  long long size = 2000000000;
  long long decimal_digits = 10;
};

bool ContainsAny(const std::string& upper, std::initializer_list<const char*> words) {
  return std::any_of(words.begin(), words.end(), [&](const char* w) { return upper.find(w) != std::string::npos; });
}

bool ParseUnsignedInt(const std::string& s, long long& out) {
  if (!AllDigits(s) || s.size() > 10) return false;
  out = std::stoll(s);
  return out <= 4294967295LL;
}

JdbcType ReadJdbcType(const std::string& declared) {
  JdbcType out;
  std::string type = text::Upper(declared);
  if (ContainsAny(type, {"INT", "BOOL"})) {
    out.data_type = 4;
    out.decimal_digits = 0;
  } else if (ContainsAny(type, {"CHAR", "CLOB", "TEXT", "BLOB"})) {
    out.data_type = 12;
    out.decimal_digits = 0;
  } else if (ContainsAny(type, {"REAL", "FLOA", "DOUB", "DEC", "NUM"})) {
    out.data_type = 6;
  }
  if (const std::size_t open = type.find('('); open != std::string::npos && open > 0) {
    if (const std::size_t close = type.find(')', open); close != std::string::npos) {
      const std::size_t comma = type.find(',', open);
      long long whole = 0;
      long long fraction = 0;
      // Integer.parseUnsignedInt: digits only, no blanks; a value that does not parse keeps the defaults.
      if (comma != std::string::npos) {
        if (ParseUnsignedInt(type.substr(open + 1, comma - open - 1), whole) &&
            ParseUnsignedInt(type.substr(comma + 1, close - comma - 1), fraction)) {
          out.decimal_digits = fraction;
          out.size = whole + fraction;
        }
      } else if (ParseUnsignedInt(type.substr(open + 1, close - open - 1), whole)) {
        out.decimal_digits = 0;
        out.size = whole;
      }
    }
    type = text::JavaTrim(type.substr(0, open));
  }
  out.type_name = type;
  return out;
}

// ---------------------------------------------------------------------------------------------
// How Liquibase reads a column default (SqlUtil.parseValue) and prints it (objectToSql).

RebuildDefault Value(Kind kind, std::string text) { return RebuildDefault{kind, std::move(text)}; }

RebuildDefault ParseDefault(const std::string& column_def, C type_class, int data_type) {
  if (column_def.empty()) return IsCharType(type_class) ? Value(Kind::kString, "") : RebuildDefault{};
  std::string value = column_def;
  bool stripped_quotes = false;
  if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') {
    value = value.substr(1, value.size() - 2);
    stripped_quotes = true;
  } else if (value.size() >= 4 && text::StartsWith(value, "((") && text::EndsWith(value, "))")) {
    value = value.substr(2, value.size() - 4);
  } else if (value.size() >= 4 && text::StartsWith(value, "('") && text::EndsWith(value, "')")) {
    value = value.substr(2, value.size() - 4);
  } else if (value.size() >= 2 && value.front() == '(' && value.back() == ')') {
    return Value(Kind::kFunction, value.substr(1, value.size() - 2));
  }
  const std::string token = ScannerToken(value);
  auto function = [&] { return Value(Kind::kFunction, value); };
  auto floating = [&](bool is_float) {
    auto plain = ScannerDecimal(token);
    if (!plain) {
      const std::string t = token[0] == '+' || token[0] == '-' ? token.substr(1) : token;
      if (t != "NaN" && t != "Infinity") return function();
      plain = token;
    }
    const double parsed = is_float ? static_cast<double>(std::strtof(plain->c_str(), nullptr)) : std::strtod(plain->c_str(), nullptr);
    return Value(Kind::kNumber, JavaFloatingToString(parsed, is_float));
  };
  switch (type_class) {
    case C::kBigInt: {
      if (auto n = ScannerInteger(token, false)) return Value(Kind::kNumber, *n);
      return function();
    }
    case C::kBlob: return stripped_quotes ? Value(Kind::kString, value) : function();
    case C::kBoolean: {
      if (text::EqualsIgnoreCase(token, "true") || text::EqualsIgnoreCase(token, "false")) {
        return Value(Kind::kBoolean, text::EqualsIgnoreCase(token, "true") ? "true" : "false");
      }
      return function();
    }
    case C::kChar:
    case C::kVarchar:
    case C::kNChar:
    case C::kNVarchar:
    case C::kClob: return Value(Kind::kString, value);
    case C::kDate: {
      if (ZeroTime(value)) return Value(Kind::kString, value);
      auto fields = LenientFields(text::JavaTrim(value), "--");
      if (!fields) return function();
      return Value(Kind::kDate, IsoDate((*fields)[0], (*fields)[1], (*fields)[2]));
    }
    case C::kDecimal: {
      if (auto plain = ScannerDecimal(token)) return Value(Kind::kNumber, BigDecimalToString(*plain));
      return function();
    }
    case C::kDouble: return floating(false);
    default: break;
  }
  if (type_class == C::kFloat || data_type == 6) return floating(true);
  if (type_class == C::kInt || data_type == 4) {
    if (auto n = ScannerInteger(token, true)) return Value(Kind::kNumber, *n);
    return function();
  }
  switch (type_class) {
    case C::kNumber: {
      if (auto plain = ScannerDecimal(token)) {
        if (text::EndsWith(value, ".00") || text::EndsWith(value, ".000")) return function();
        return Value(Kind::kNumber, BigDecimalToString(*plain));
      }
      return value.empty() ? Value(Kind::kFunction, "''") : function();
    }
    case C::kSmallInt:
    case C::kTinyInt:
    case C::kMediumInt: {
      if (auto n = ScannerInteger(token, true)) return Value(Kind::kNumber, *n);
      return function();
    }
    case C::kTime: {
      if (ZeroTime(value)) return Value(Kind::kString, value);
      auto fields = LenientFields(value, "::");
      if (!fields) return function();
      const long long seconds = (((*fields)[0] * 3600 + (*fields)[1] * 60 + (*fields)[2]) % 86400 + 86400) % 86400;
      return Value(Kind::kTime, Two(seconds / 3600) + ":" + Two(seconds / 60 % 60) + ":" + Two(seconds % 60));
    }
    case C::kDateTime:
    case C::kTimestamp: {
      if (ZeroTime(value)) return Value(Kind::kString, value);
      if (auto iso = LenientTimestamp(value, "-- ::.", true)) return Value(Kind::kTimestamp, *iso);
      std::string shortened = value;
      if (const std::size_t dot = shortened.find('.'); dot != std::string::npos) {
        std::size_t end = dot + 1;
        while (end < shortened.size() && std::isdigit(static_cast<unsigned char>(shortened[end]))) ++end;
        if (end - dot - 1 > 3) shortened.erase(dot + 4, end - dot - 4);
      }
      for (const auto& [separators, millis] : {std::pair<std::string_view, bool>{"-- ::.", true}, {"-- ::", false},
                                               {"--T::.", true}, {"--T::", false}}) {
        if (auto iso = LenientTimestamp(shortened, separators, millis)) return Value(Kind::kTimestamp, *iso);
      }
      if (value.find('/') != std::string::npos || value.find('-') != std::string::npos) return Value(Kind::kString, value);
      return function();
    }
    default: break;
  }
  if (data_type == 12) return Value(Kind::kString, value);
  return Value(Kind::kFunction, stripped_quotes ? "'" + value + "'" : value);
}

// java.sql.Date/Time/Timestamp.toString() of an ISO value.
std::string JavaDateToString(const RebuildDefault& value) {
  if (value.kind == Kind::kTimestamp) {
    std::string out = value.text;
    std::replace(out.begin(), out.end(), 'T', ' ');
    return out.find('.') == std::string::npos ? out + ".0" : out;
  }
  return value.text;
}

bool IsDateKind(Kind kind) { return kind == Kind::kDate || kind == Kind::kTime || kind == Kind::kTimestamp; }

std::string Quote(const std::string& value) {
  std::string out = "'";
  for (char c : value) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// CreateTableGenerator's DEFAULT operand: functions through generateDatabaseFunctionValue, other
// values through the column type's objectToSql; a null result prints as "null".
std::string DefaultOperand(const RebuildDefault& value, C type_class) {
  if (value.kind == Kind::kFunction) {
    const std::string lower = text::Lower(value.text);
    if (text::StartsWith(lower, "current_timestamp") || text::StartsWith(lower, "current_datetime")) {
      return "CURRENT_TIMESTAMP";
    }
    return value.text;
  }
  // What String.valueOf(value) gives for the Java value.
  const std::string text = IsDateKind(value.kind) ? JavaDateToString(value) : value.text;
  const bool null_text = text::Lower(text) == "null";
  switch (type_class) {
    case C::kBlob: return value.kind == Kind::kString ? "'" + text + "'" : text;
    case C::kBoolean:
      if (null_text) return "null";
      if (value.kind == Kind::kString) {
        const std::string t = text::Lower(text);
        if (t == "true" || t == "1" || t == "b'1'" || t == "t") return "1";
        if (t == "false" || t == "0" || t == "b'0'" || t == "f") return "0";
        throw MigrationError("Unknown boolean value: " + text);
      }
      return text == "true" || text == "1" || text == "1.0" ? "1" : "0";
    case C::kChar:
    case C::kVarchar:
    case C::kNChar:
    case C::kNVarchar: return null_text ? "null" : Quote(text);
    case C::kClob:
      if (null_text) return "null";
      return text::StartsWith(text, "'") ? text : Quote(text);
    case C::kDate:
      if (null_text) return "null";
      if (IsDateKind(value.kind)) return DateLiteral(value.text);
      if (text == "CURRENT_TIMESTAMP()") return "CURRENT_TIMESTAMP";
      return Quote(text);
    case C::kTime:
      if (null_text) return "null";
      return value.kind == Kind::kTime ? DateLiteral(value.text) : Quote(text);
    case C::kDateTime:
    case C::kTimestamp:
      if (null_text) return "null";
      if (text::EndsWith(text, "()") || text::EqualsIgnoreCase(text, "CURRENT_TIMESTAMP")) return text;
      if (IsDateKind(value.kind)) return DateLiteral(value.text);
      return Quote(text);
    case C::kInt:
    case C::kBigInt:
    case C::kSmallInt:
    case C::kTinyInt:
    case C::kMediumInt: return null_text ? "null" : FormatNumber(text);
    case C::kUnknown: return "'" + (null_text ? std::string("null") : value.kind == Kind::kNumber ? FormatNumber(text) : text) + "'";
    case C::kXml:
      if (null_text) return "null";
      return value.kind == Kind::kNumber ? FormatNumber(text) : Quote(text);
    default:
      if (null_text) return "null";
      return value.kind == Kind::kNumber ? FormatNumber(text) : text;
  }
}

// ---------------------------------------------------------------------------------------------
// Keys: SQLite JDBC's PrimaryKeyFinder and ImportedKeyFinder read them from the CREATE TABLE text.

std::size_t FindIgnoreCase(std::string_view haystack, std::string_view needle, std::size_t from) {
  for (std::size_t i = from; i + needle.size() <= haystack.size(); ++i) {
    if (text::EqualsIgnoreCase(haystack.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

bool IsRegexSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

// At `pos`: [\s*]PRIMARY\s+KEY\s*\( -> the index after '(' or npos.
std::size_t MatchPrimaryKeyOpen(std::string_view sql, std::size_t pos, bool leading_blanks = true) {
  while (leading_blanks && pos < sql.size() && IsRegexSpace(sql[pos])) ++pos;
  if (!text::EqualsIgnoreCase(sql.substr(pos, 7), "PRIMARY")) return std::string_view::npos;
  pos += 7;
  const std::size_t blank = pos;
  while (pos < sql.size() && IsRegexSpace(sql[pos])) ++pos;
  if (pos == blank || !text::EqualsIgnoreCase(sql.substr(pos, 3), "KEY")) return std::string_view::npos;
  pos += 3;
  while (pos < sql.size() && IsRegexSpace(sql[pos])) ++pos;
  return pos < sql.size() && sql[pos] == '(' ? pos + 1 : std::string_view::npos;
}

std::string UnquoteIdentifier(std::string name) {
  name = text::Trim(name);
  if (name.size() > 2 && ((name.front() == '`' && name.back() == '`') || (name.front() == '"' && name.back() == '"') ||
                          (name.front() == '[' && name.back() == ']'))) {
    name = name.substr(1, name.size() - 2);
  }
  return name;
}

std::vector<std::string> JavaSplitComma(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    out.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  while (!out.empty() && out.back().empty()) out.pop_back();  // String.split drops trailing empties
  return out;
}

struct PrimaryKey {
  std::optional<std::string> name;
  std::vector<std::string> columns;
};

std::optional<PrimaryKey> FindPrimaryKey(const LiveTable& table) {
  const std::string& sql = table.sql;
  // ".*CONSTRAINT\s*(.*?)\s*PRIMARY\s+KEY\s*\((.*?)\).*": the last CONSTRAINT from which a
  // "PRIMARY KEY (...)" follows.
  std::vector<std::size_t> constraints;
  for (std::size_t at = FindIgnoreCase(sql, "CONSTRAINT", 0); at != std::string::npos;
       at = FindIgnoreCase(sql, "CONSTRAINT", at + 1)) {
    constraints.push_back(at);
  }
  for (auto it = constraints.rbegin(); it != constraints.rend(); ++it) {
    std::size_t name_start = *it + 10;
    while (name_start < sql.size() && IsRegexSpace(sql[name_start])) ++name_start;
    for (std::size_t q = name_start; q < sql.size(); ++q) {
      const std::size_t open = MatchPrimaryKeyOpen(sql, q);
      if (open == std::string::npos) continue;
      const std::size_t close = sql.find(')', open);
      if (close == std::string::npos) continue;
      std::string name = sql.substr(name_start, q - name_start);
      std::string escaped;
      for (char c : name) escaped += c == '\'' ? std::string("''") : std::string(1, c);
      PrimaryKey key{UnquoteIdentifier(escaped), {}};
      for (const auto& column : JavaSplitComma(sql.substr(open, close - open))) key.columns.push_back(UnquoteIdentifier(column));
      return key;
    }
  }
  // ".*PRIMARY\s+KEY\s*\((.*?)\).*": the last one.
  for (std::size_t q = sql.size(); q-- > 0;) {
    const std::size_t open = MatchPrimaryKeyOpen(sql, q, /*leading_blanks=*/false);
    if (open == std::string::npos) continue;
    const std::size_t close = sql.find(')', open);
    if (close == std::string::npos) continue;
    PrimaryKey key;
    for (const auto& column : JavaSplitComma(sql.substr(open, close - open))) key.columns.push_back(UnquoteIdentifier(column));
    return key;
  }
  // PRAGMA table_info: the last column flagged as part of the primary key.
  std::optional<PrimaryKey> key;
  for (const auto& column : table.columns) {
    if (column.primary_key) key = PrimaryKey{std::nullopt, {column.name}};
  }
  return key;
}

// "CONSTRAINT\s*\"?([A-Za-z_][A-Za-z\d_]*)?\"?\s*FOREIGN\s+KEY\s*\((.*?)\)", every match in
// order, the names reversed (SQLite numbers foreign keys from the last one declared).
std::vector<std::optional<std::string>> ForeignKeyNames(const std::string& sql) {
  std::vector<std::optional<std::string>> names;
  auto ident_char = [](char c, bool first) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (!first && std::isdigit(static_cast<unsigned char>(c)));
  };
  std::size_t from = 0;
  while (true) {
    const std::size_t at = FindIgnoreCase(sql, "CONSTRAINT", from);
    if (at == std::string::npos) break;
    std::size_t p = at + 10;
    while (p < sql.size() && IsRegexSpace(sql[p])) ++p;
    const bool quote = p < sql.size() && sql[p] == '"';
    if (quote) ++p;
    std::size_t ident_end = p;
    if (ident_end < sql.size() && ident_char(sql[ident_end], true)) {
      ++ident_end;
      while (ident_end < sql.size() && ident_char(sql[ident_end], false)) ++ident_end;
    }
    std::optional<std::size_t> match_end;
    std::optional<std::string> name;
    for (std::size_t end = ident_end;; --end) {
      std::size_t q = end;
      if (q < sql.size() && sql[q] == '"') ++q;
      while (q < sql.size() && IsRegexSpace(sql[q])) ++q;
      if (text::EqualsIgnoreCase(std::string_view(sql).substr(q, 7), "FOREIGN")) {
        q += 7;
        const std::size_t blank = q;
        while (q < sql.size() && IsRegexSpace(sql[q])) ++q;
        if (q > blank && text::EqualsIgnoreCase(std::string_view(sql).substr(q, 3), "KEY")) {
          q += 3;
          while (q < sql.size() && IsRegexSpace(sql[q])) ++q;
          if (q < sql.size() && sql[q] == '(') {
            const std::size_t close = sql.find(')', q + 1);
            if (close != std::string::npos) {
              match_end = close + 1;
              if (end > p) name = sql.substr(p, end - p);
              break;
            }
          }
        }
      }
      if (end == p) break;
    }
    if (match_end) {
      names.push_back(name);
      from = *match_end;
    } else {
      from = at + 1;
    }
  }
  std::reverse(names.begin(), names.end());
  return names;
}

struct ForeignKey {
  std::optional<std::string> name;
  std::string referenced_table;
  std::vector<std::string> columns;
  std::vector<std::string> referenced_columns;
  bool delete_cascade = false;
};

std::vector<ForeignKey> ForeignKeysOf(const LiveTable& table, const TableIntrospector& introspect,
                                      const std::string& where) {
  const auto names = ForeignKeyNames(table.sql);
  std::vector<ForeignKey> keys;
  std::map<int, std::size_t> by_id;
  for (const auto& row : table.foreign_keys) {
    auto it = by_id.find(row.id);
    if (it == by_id.end()) {
      ForeignKey key;
      const std::size_t count = by_id.size();
      if (count < names.size()) key.name = names[count];
      key.referenced_table = row.referenced_table;
      key.delete_cascade = row.on_delete == "CASCADE";
      it = by_id.emplace(row.id, keys.size()).first;
      keys.push_back(key);
    }
    // Liquibase finds the referenced table and column only under the exact names the key uses;
    // otherwise its ColumnConfig fails on an empty list.
    const auto referenced_table = introspect(row.referenced_table);
    std::string referenced = row.referenced_column.value_or("");
    if (!row.referenced_column) {
      auto key = referenced_table ? FindPrimaryKey(*referenced_table) : std::nullopt;
      if (!key || key->columns.empty()) {
        throw MigrationError(where + ": Liquibase 4.28 cannot rebuild " + table.name + ": its foreign key to " +
                             row.referenced_table + " names no column and that table has no primary key");
      }
      referenced = key->columns[0];
    }
    const bool found = referenced_table && referenced_table->name == row.referenced_table &&
                       std::any_of(referenced_table->columns.begin(), referenced_table->columns.end(),
                                   [&](const ColumnInfo& c) { return c.name == referenced; });
    if (!found) {
      throw MigrationError(where + ": Liquibase 4.28 cannot rebuild " + table.name +
                           " (IndexOutOfBoundsException: Index 0 out of bounds for length 0): its foreign key on " +
                           row.column + " references " + row.referenced_table + "(" + referenced +
                           "), which is not a table and column of exactly that name");
    }
    keys[it->second].columns.push_back(row.column);
    keys[it->second].referenced_columns.push_back(referenced);
  }
  // Liquibase lists them by referenced table (ORDER BY PKTABLE_NAME); a later one on the same
  // column wins.
  std::stable_sort(keys.begin(), keys.end(),
                   [](const ForeignKey& a, const ForeignKey& b) { return a.referenced_table < b.referenced_table; });
  return keys;
}

// ---------------------------------------------------------------------------------------------
// Indexes: per table, java.util.HashMap order of their names decides which of several indexes on
// the same columns survives; the snapshot then hands them out in HashSet order of
// Index.toString(), over every index of the schema.

struct SnapshotIndex {
  std::string table;
  std::string name;
  bool unique = false;
  std::vector<std::optional<std::string>> columns;
};

bool SameColumns(const SnapshotIndex& a, const SnapshotIndex& b) {
  if (a.columns.size() != b.columns.size()) return false;
  for (std::size_t i = 0; i < a.columns.size(); ++i) {
    if (a.columns[i].has_value() != b.columns[i].has_value()) return false;
    if (a.columns[i] && !text::EqualsIgnoreCase(*a.columns[i], *b.columns[i])) return false;
  }
  return true;
}

std::vector<SnapshotIndex> SchemaIndexes(const LiveTable& table) {
  std::vector<SnapshotIndex> kept;
  std::size_t i = 0;
  while (i < table.schema_indexes.size()) {
    std::vector<const IndexInfo*> of_table;
    const std::string& name = table.schema_indexes[i].table;
    for (; i < table.schema_indexes.size() && table.schema_indexes[i].table == name; ++i) of_table.push_back(&table.schema_indexes[i]);
    std::vector<std::string> names;
    for (const auto* index : of_table) names.push_back(index->name);
    std::vector<SnapshotIndex> added;
    for (std::size_t k : JavaHashOrder(names)) {
      SnapshotIndex candidate{of_table[k]->table, of_table[k]->name, of_table[k]->unique, of_table[k]->columns};
      const bool duplicate =
          std::any_of(added.begin(), added.end(), [&](const SnapshotIndex& a) { return SameColumns(a, candidate); });
      if (!duplicate) added.push_back(candidate);
    }
    for (auto& index : added) {
      // The second snapshot pass skips expression columns; an index of expressions only is gone.
      std::vector<std::optional<std::string>> columns;
      for (const auto& column : index.columns) {
        if (column) columns.push_back(column);
      }
      if (columns.empty()) continue;
      index.columns = columns;
      kept.push_back(index);
    }
  }
  std::vector<std::string> keys;
  for (const auto& index : kept) {
    std::string key = index.name + (index.unique ? " UNIQUE " : "") + " ON " + index.table + "(";
    for (std::size_t c = 0; c < index.columns.size(); ++c) key += (c ? ", " : "") + *index.columns[c];
    keys.push_back(key + ")");
  }
  std::vector<SnapshotIndex> ordered;
  for (std::size_t k : JavaHashOrder(keys)) ordered.push_back(kept[k]);
  return ordered;
}

// ---------------------------------------------------------------------------------------------
// The snapshot of the table as ColumnConfigs.

std::vector<RebuildColumn> SnapshotColumns(const LiveTable& table, const TableIntrospector& introspect,
                                           const std::string& where) {
  const std::string lower_sql = text::Lower(table.sql);
  const bool autoincrement_table = lower_sql.find("autoincrement") != std::string::npos;
  const auto primary_key = FindPrimaryKey(table);
  const auto foreign_keys = ForeignKeysOf(table, introspect, where);
  std::vector<RebuildColumn> out;
  for (const auto& column : table.columns) {
    RebuildColumn c;
    c.name = column.name;
    c.type = SnapshotTypeDescription(column.type);
    c.default_value = SnapshotDefault(column.default_value, column.type);
    c.not_null = !column.nullable;
    c.has_constraints = c.not_null;
    c.auto_increment = column.primary_key_position == 1 && autoincrement_table;
    if (primary_key && std::find(primary_key->columns.begin(), primary_key->columns.end(), column.name) !=
                           primary_key->columns.end()) {
      c.primary_key = true;
      c.primary_key_name = primary_key->name;
      c.has_constraints = true;
    }
    for (const auto& key : foreign_keys) {
      if (key.columns.size() != 1 || key.columns[0] != column.name) continue;
      c.foreign_key_name = key.name.value_or("");
      c.references = key.referenced_table + "(" + key.referenced_columns[0] + ")";
      c.delete_cascade = key.delete_cascade;
      c.has_constraints = true;
    }
    out.push_back(c);
  }
  return out;
}

// CreateTableChange + CreateTableGenerator for the rebuilt table.
std::string CreateTableSql(const Dialect& d, const std::string& table_sql, const std::string& table_name,
                           const std::vector<RebuildColumn>& columns, const std::string& where) {
  std::vector<const RebuildColumn*> key_columns;
  for (const auto& c : columns) {
    if (c.primary_key) key_columns.push_back(&c);
  }
  std::optional<std::string> key_name = key_columns.empty() ? std::nullopt : key_columns[0]->primary_key_name;
  if (key_name && text::JavaTrim(*key_name).empty()) key_name.reset();
  const std::string key_constraint = d.Identifier(key_name.value_or(d.DefaultPrimaryKeyName(table_name)));
  std::string sql = "CREATE TABLE " + table_sql + " (";
  bool key_auto_increment = false;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const RebuildColumn& c = columns[i];
    const SqliteColumnType type = ResolveSqliteType(c.type);
    const bool auto_increment = c.auto_increment || type.auto_increment;
    sql += d.Identifier(c.name) + " " + type.sql;
    if (key_columns.size() == 1 && c.primary_key && auto_increment) {
      sql += " CONSTRAINT " + key_constraint + " PRIMARY KEY";
      key_auto_increment = true;
    }
    if (auto operand = RebuildDefaultSql(c.default_value, c.type)) sql += " DEFAULT " + *operand;
    if (auto_increment) sql += " AUTOINCREMENT";
    if (c.not_null || c.primary_key) sql += " NOT NULL";
    if (i + 1 < columns.size()) sql += ", ";
  }
  sql += ",";
  if (!key_columns.empty() && !key_auto_increment) {
    sql += " CONSTRAINT " + key_constraint + " PRIMARY KEY (";
    for (std::size_t i = 0; i < key_columns.size(); ++i) sql += (i ? ", " : "") + d.Identifier(key_columns[i]->name);
    sql += "),";
  }
  for (const auto& c : columns) {
    if (!c.references && !(c.referenced_table && c.referenced_columns)) continue;
    if (!c.foreign_key_name || text::JavaTrim(*c.foreign_key_name).empty()) {
      throw MigrationError(where + ": createTable with references requires foreignKeyName (Liquibase's SQLite rebuild "
                           "of " + table_name + " reads a foreign key without a name)");
    }
    sql += " CONSTRAINT " + d.Identifier(*c.foreign_key_name) + " FOREIGN KEY (" + d.Identifier(c.name) + ") REFERENCES ";
    if (c.references) {
      sql += *c.references;
    } else {
      std::string referenced_columns;
      for (const auto& name : text::SplitAndTrim(*c.referenced_columns, ',')) {
        referenced_columns += (referenced_columns.empty() ? "" : ", ") + d.Identifier(name);
      }
      sql += d.Identifier(*c.referenced_table) + "(" + referenced_columns + ")";
    }
    if (c.delete_cascade) sql += " ON DELETE CASCADE";
    sql += ",";
  }
  for (const auto& c : columns) {
    if (c.unique) sql += " UNIQUE (" + d.Identifier(c.name) + "),";
  }
  // replaceFirst(",\\s*$", ""): the last comma goes, whatever a default ended with stays.
  std::size_t end = sql.size();
  while (end > 0 && IsRegexSpace(sql[end - 1])) --end;
  if (end > 0 && sql[end - 1] == ',') sql.erase(end - 1);
  return sql + ")";
}

}  // namespace

std::string SnapshotTypeDescription(const std::string& declared_type) {
  const JdbcType jdbc = ReadJdbcType(declared_type);
  // DataType.toString(): name(size[, digits][ BYTE]) with " UNSIGNED" moved behind.
  std::string name = jdbc.type_name;
  bool is_unsigned = false;
  if (text::EndsWith(text::Lower(name), " unsigned")) {
    name.erase(name.size() - 9);
    is_unsigned = true;
  }
  std::string out = name + "(" + std::to_string(jdbc.size);
  if (jdbc.decimal_digits != 0) out += ", " + std::to_string(jdbc.decimal_digits);
  const std::string upper = text::Upper(jdbc.type_name);
  if (upper == "VARCHAR" || upper == "VARCHAR2" || upper == "CHAR") out += " BYTE";
  out += ")";
  if (is_unsigned) out += " UNSIGNED";
  return out;
}

RebuildDefault SnapshotDefault(const std::optional<std::string>& column_default, const std::string& declared_type) {
  if (!column_default) return {};
  const JdbcType jdbc = ReadJdbcType(declared_type);
  C type_class = C::kUnknown;
  try {
    type_class = ResolveSqliteType(SnapshotTypeDescription(declared_type)).type_class;
  } catch (const MigrationError&) {
    type_class = C::kTimestamp;  // the precision error comes when the column type is printed
  }
  RebuildDefault value = ParseDefault(*column_default, type_class, jdbc.data_type);
  // ColumnSnapshotGenerator.readColumn: a function that is one word is upper-cased.
  if (value.kind == Kind::kFunction && JavaWord(value.text)) value.text = text::Upper(value.text);
  return value;
}

std::optional<std::string> RebuildDefaultSql(const RebuildDefault& value, const std::string& type_description) {
  if (value.kind == Kind::kNone) return std::nullopt;
  const SqliteColumnType type = ResolveSqliteType(type_description);
  return DefaultOperand(value, type.type_class);
}

namespace {

// ColumnConfig keeps one default per kind and hands out the first set of: defaultValue (a
// string), defaultValueBoolean, defaultValueNumeric, defaultValueDate, defaultValueComputed. A
// visitor that sets one kind leaves the others as the snapshot read them.
int DefaultRank(Kind kind) {
  switch (kind) {
    case Kind::kString: return 0;
    case Kind::kBoolean: return 1;
    case Kind::kNumber: return 2;
    case Kind::kDate:
    case Kind::kTime:
    case Kind::kTimestamp: return 3;
    case Kind::kFunction: return 4;
    case Kind::kNone: break;
  }
  return 5;
}

void SetDefault(RebuildColumn& column, const RebuildDefault& value) {
  if (value.kind == Kind::kNone) return;
  if (DefaultRank(value.kind) <= DefaultRank(column.default_value.kind)) column.default_value = value;
}

// ISODateFormat.parse: a date, a time or a date-time (with 'T' or a blank), else nullopt.
std::optional<RebuildDefault> ParseIsoDate(const std::string& text) {
  const std::string value = text::JavaTrim(text);
  if (auto f = LenientFields(value, "--"); f && value.size() == 10) return Value(Kind::kDate, IsoDate((*f)[0], (*f)[1], (*f)[2]));
  if (auto f = LenientFields(value, "::"); f && value.size() == 8) {
    return Value(Kind::kTime, Two((*f)[0] % 24) + ":" + Two((*f)[1]) + ":" + Two((*f)[2]));
  }
  for (const auto& [separators, millis] : {std::pair<std::string_view, bool>{"--T::.", true}, {"--T::", false},
                                           {"-- ::.", true}, {"-- ::", false}}) {
    if (auto iso = LenientTimestamp(value, separators, millis)) return Value(Kind::kTimestamp, *iso);
  }
  return std::nullopt;
}

// The value AddDefaultValueChange hands its statement, as Java's toString() renders it, and its kind.
RebuildDefault AddDefaultValueObject(const Change& change) {
  if (const std::string* v = change.Find("defaultValue")) return Value(Kind::kString, *v);
  if (const std::string* v = change.Find("defaultValueBoolean")) {
    return Value(Kind::kBoolean, JavaTrue(*v) ? "true" : "false");
  }
  if (const std::string* v = change.Find("defaultValueNumeric")) {
    // NumberFormat.parse: the longest number prefix, a Long when whole, else a Double.
    std::string digits;
    std::size_t i = 0;
    if (i < v->size() && ((*v)[i] == '-' || (*v)[i] == '+')) digits += (*v)[i++];
    bool any = false;
    bool fraction = false;
    for (; i < v->size(); ++i) {
      const char c = (*v)[i];
      if (std::isdigit(static_cast<unsigned char>(c))) {
        digits += c;
        any = true;
      } else if (c == ',' && !fraction) {
        continue;
      } else if (c == '.' && !fraction) {
        digits += c;
        fraction = true;
      } else {
        break;
      }
    }
    if (!any) return Value(Kind::kFunction, *v);
    const double number = std::strtod(digits.c_str(), nullptr);
    if (number == std::floor(number) && std::fabs(number) < 9.2e18 && !(number == 0 && std::signbit(number))) {
      return Value(Kind::kNumber, std::to_string(static_cast<long long>(number)));
    }
    return Value(Kind::kNumber, JavaFloatingToString(number, false));
  }
  if (const std::string* v = change.Find("defaultValueDate")) {
    if (auto date = ParseIsoDate(*v)) return *date;
    return Value(Kind::kFunction, *v);
  }
  if (const std::string* v = change.Find("defaultValueComputed")) return Value(Kind::kFunction, *v);
  if (const std::string* v = change.Find("defaultValueSequenceNext")) return Value(Kind::kFunction, *v);
  return {};
}

std::string RequireAttribute(const Change& change, const char* name) {
  const std::string* value = change.Find(name);
  if (!value || value->empty()) throw MigrationError(change.location.ToString() + ": " + change.type + " needs " + name);
  return *value;
}

bool ConstraintSet(const ColumnConfig& column, const char* name) {
  return column.constraints && column.constraints->count(name) && JavaTrue(column.constraints->at(name));
}

}  // namespace

RebuildVisitor AddColumnVisitor(const Change& change) {
  RebuildVisitor visitor;
  std::set<std::string> names;
  for (const auto& config : change.columns) {
    RebuildColumn column;
    auto attr = [&config](const char* name) -> std::optional<std::string> {
      auto it = config.attributes.find(name);
      return it == config.attributes.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    column.name = attr("name").value_or("");
    if (column.name.empty()) throw MigrationError(config.location.ToString() + ": addColumn: a column needs a name");
    column.type = attr("type").value_or("");
    if (column.type.empty()) throw MigrationError(config.location.ToString() + ": column " + column.name + " needs a type");
    // AddColumnGeneratorSQLite: name, type, auto-increment and the key constraints; a NOT NULL
    // constraint and the default do not reach the new table.
    column.auto_increment = JavaTrue(attr("autoIncrement").value_or("false"));
    column.has_constraints = true;
    column.primary_key = ConstraintSet(config, "primaryKey");
    column.unique = ConstraintSet(config, "unique");
    if (config.constraints) {
      const Attributes& k = *config.constraints;
      auto get = [&k](const char* name) -> std::optional<std::string> {
        auto it = k.find(name);
        return it == k.end() ? std::nullopt : std::optional<std::string>(it->second);
      };
      column.references = get("references");
      column.referenced_table = get("referencedTableName");
      column.referenced_columns = get("referencedColumnNames");
      column.foreign_key_name = get("foreignKeyName");
      column.delete_cascade = JavaTrue(get("deleteCascade").value_or("false"));
    }
    names.insert(column.name);
    visitor.columns_to_add.push_back(column);
  }
  visitor.copy_column = [names](RebuildColumn& c) { return names.count(c.name) == 0; };
  return visitor;
}

RebuildVisitor AddDefaultValueVisitor(const Change& change) {
  const std::string column_name = RequireAttribute(change, "columnName");
  const RebuildDefault value = AddDefaultValueObject(change);
  std::optional<C> declared;
  if (const std::string* type = change.Find("columnDataType"); type && !type->empty()) {
    declared = ResolveSqliteType(*type).type_class;
  }
  const std::string as_text = IsDateKind(value.kind) ? JavaDateToString(value) : value.text;
  RebuildVisitor visitor;
  visitor.create_column = [column_name, value, declared, as_text](RebuildColumn& c) {
    if (c.name != column_name) return true;
    if (declared == C::kBoolean) {
      if (value.kind == Kind::kBoolean) {
        SetDefault(c, value);
      } else if (!text::EqualsIgnoreCase(text::JavaTrim(as_text), "null") && !text::JavaTrim(as_text).empty()) {
        const std::string t = text::JavaTrim(as_text);
        if (text::EqualsIgnoreCase(t, "true") || t == "1") SetDefault(c, Value(Kind::kBoolean, "true"));
        else if (text::EqualsIgnoreCase(t, "false") || t == "0") SetDefault(c, Value(Kind::kBoolean, "false"));
        else SetDefault(c, Value(Kind::kFunction, t));
      }
    } else if (declared && IsCharType(*declared)) {
      SetDefault(c, Value(Kind::kString, as_text));
    } else if (declared == C::kDate) {
      if (IsDateKind(value.kind)) {
        SetDefault(c, value);
      } else if (!text::EqualsIgnoreCase(text::JavaTrim(as_text), "null") && !text::JavaTrim(as_text).empty()) {
        auto date = ParseIsoDate(as_text);
        SetDefault(c, date ? *date : Value(Kind::kFunction, text::JavaTrim(as_text)));
      }
    } else {
      SetDefault(c, Value(Kind::kString, as_text));
    }
    return true;
  };
  return visitor;
}

RebuildVisitor AddAutoIncrementVisitor(const Change& change) {
  const std::string column_name = RequireAttribute(change, "columnName");
  RebuildVisitor visitor;
  visitor.create_column = [column_name](RebuildColumn& c) {
    if (c.name == column_name) {
      c.auto_increment = true;
      c.primary_key = true;
      c.has_constraints = true;
    }
    return true;
  };
  return visitor;
}

RebuildVisitor DropColumnVisitor(const Change& change) {
  // A single columnName removes nothing: Liquibase 4.28 only drops the nested <column>s (its
  // SQLite path collects the names from them), so the rebuild keeps the column.
  std::set<std::string> removed;
  for (const auto& column : change.columns) {
    auto it = column.attributes.find("name");
    if (it != column.attributes.end()) removed.insert(it->second);
  }
  RebuildVisitor visitor;
  visitor.copy_column = [removed](RebuildColumn& c) { return removed.count(c.name) == 0; };
  visitor.create_column = visitor.copy_column;
  visitor.create_index = [removed](const RebuildIndex& index) {
    return std::none_of(index.columns.begin(), index.columns.end(), [&](const std::string& c) { return removed.count(c) > 0; });
  };
  return visitor;
}

RebuildVisitor DropPrimaryKeyVisitor(const Change& change) {
  const std::string where = change.location.ToString();
  RebuildVisitor visitor;
  // Liquibase's visitor reads getConstraints().isPrimaryKey() of every column: a column outside
  // the key makes it fail with a NullPointerException, so only a table made of its key rebuilds.
  auto toggle = [where](RebuildColumn& c) {
    if (!c.primary_key) {
      throw MigrationError(where + ": dropPrimaryKey on sqlite: Liquibase 4.28 fails here with a NullPointerException (" +
                           std::string(c.has_constraints ? "ConstraintsConfig.isPrimaryKey() is null"
                                                         : "ColumnConfig.getConstraints() is null") +
                           " for column " + c.name + "): its table rebuild only works when every column is part of "
                           "the primary key");
    }
    c.primary_key = false;
    return true;
  };
  visitor.copy_column = toggle;
  visitor.create_column = toggle;
  return visitor;
}

RebuildVisitor MergeColumnsVisitor(const Change& change) {
  const std::string first = RequireAttribute(change, "column1Name");
  const std::string second = RequireAttribute(change, "column2Name");
  RebuildColumn merged;
  merged.name = RequireAttribute(change, "finalColumnName");
  merged.type = RequireAttribute(change, "finalColumnType");
  RebuildVisitor visitor;
  visitor.columns_to_add.push_back(merged);
  visitor.copy_column = [first, second](RebuildColumn& c) { return c.name != first && c.name != second; };
  visitor.create_column = visitor.copy_column;
  visitor.create_index = [first, second](const RebuildIndex& index) {
    return std::none_of(index.columns.begin(), index.columns.end(),
                        [&](const std::string& c) { return c == first || c == second; });
  };
  return visitor;
}

std::vector<SqlStatement> SqliteTableRebuild(const TableIntrospector& introspect, const std::string& table_name,
                                             const std::string& schema_name, const RebuildVisitor& visitor,
                                             const std::string& where) {
  const Dialect d(DatabaseKind::kSqlite, /*live=*/true);
  const auto live = introspect(table_name);
  if (live && !live->referenced_by.empty()) {
    // Renaming the table re-points the other tables' foreign keys to <table>_temporary, which the
    // rebuild then drops. Liquibase's connection does not enforce foreign keys and leaves them
    // dangling; ledgerhost's does, so every later write to those tables would fail.
    std::string tables;
    for (const auto& name : live->referenced_by) tables += (tables.empty() ? "" : ", ") + name;
    throw MigrationError(where + ": SQLite has no ALTER TABLE for this change, and Liquibase's table rebuild of " +
                         live->name + " (rename to " + table_name + "_temporary, copy, drop) would leave the foreign "
                         "keys of " + tables + " pointing at the dropped " + table_name + "_temporary; ledgerhost "
                         "enforces SQLite foreign keys and refuses. Re-create the table with a <sql> change instead");
  }
  std::vector<RebuildColumn> create;
  std::vector<RebuildColumn> copy;
  if (live) {
    for (const auto& column : SnapshotColumns(*live, introspect, where)) {
      RebuildColumn created = column;
      if (visitor.create_column(created)) create.push_back(created);
      RebuildColumn copied = column;
      if (visitor.copy_column(copied)) copy.push_back(copied);
    }
  }
  for (RebuildColumn column : visitor.columns_to_add) {
    if (visitor.create_column(column)) create.push_back(column);
    if (visitor.copy_column(column)) copy.push_back(column);
  }
  std::vector<SnapshotIndex> indexes;
  if (live) {
    for (auto& index : SchemaIndexes(*live)) {
      if (!text::EqualsIgnoreCase(index.table, table_name)) continue;
      RebuildIndex rebuild{index.name, index.unique, {}};
      for (const auto& column : index.columns) rebuild.columns.push_back(*column);
      if (visitor.create_index(rebuild)) indexes.push_back(index);
    }
  }
  const std::string prefix = schema_name.empty() ? "" : d.Identifier(schema_name) + ".";
  const std::string table = prefix + d.Identifier(table_name);
  const std::string temporary_name = table_name + "_temporary";
  std::vector<SqlStatement> out;
  try {
    out.push_back({"ALTER TABLE " + table + " RENAME TO " + d.Identifier(temporary_name)});
    out.push_back({CreateTableSql(d, table, table_name, create, where)});
  } catch (const MigrationError& e) {
    const std::string message = e.what();
    throw MigrationError(text::StartsWith(message, where) ? message : where + ": " + message);
  }
  if (!copy.empty()) {
    std::string names;
    for (const auto& c : copy) names += (names.empty() ? "" : ",") + d.Identifier(c.name);
    out.push_back({"INSERT INTO " + d.Identifier(table_name) + " (" + names + ") SELECT " + names + " FROM " +
                   d.Identifier(temporary_name)});
  }
  out.push_back({"DROP TABLE " + prefix + d.Identifier(temporary_name)});
  out.push_back({"REINDEX " + table});
  for (const auto& index : indexes) {
    if (text::StartsWith(text::Lower(index.name), "sqlite_autoindex_")) continue;
    std::string columns;
    for (const auto& column : index.columns) columns += (columns.empty() ? "" : ", ") + d.Identifier(*column);
    out.push_back({std::string("CREATE ") + (index.unique ? "UNIQUE " : "") + "INDEX " + d.Identifier(index.name) +
                   " ON " + table + "(" + columns + ")"});
  }
  return out;
}

}  // namespace ledgerhost::migration
