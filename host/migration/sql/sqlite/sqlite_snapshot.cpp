// What Liquibase 4.28 reads from a live SQLite table, and how it prints it back. Sources, in the
// order the data flows:
//  - SQLite JDBC 3.45 JDBC3DatabaseMetaData: getColumns (type name, size and digits parsed from the
//    declared type; the JDBC type from the type's name), getPrimaryKeys (PrimaryKeyFinder: regular
//    expressions on the CREATE TABLE text), getImportedKeys (ImportedKeyFinder), getIndexInfo.
//  - Liquibase ColumnSnapshotGenerator.readDataType/readDefaultValue, SqlUtil.parseValue,
//    DataType.toString, ColumnConfig(Column), IndexSnapshotGenerator (indexes with the same columns
//    collapse; names iterate in java.util.HashMap order), DatabaseObjectCollection (indexes come
//    back as a HashSet ordered by Index.toString().hashCode()), the types' objectToSql.
// The expected output of each rule was captured from Liquibase (tests/host/migration/sql/data/
// sqlite_rebuild/).
#include "migration/sql/sqlite/sqlite_snapshot.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "core/error.h"
#include "core/text.h"
#include "migration/sql/java_format.h"
#include "migration/sql/sqlite_type.h"

namespace ledgerhost::migration {
namespace {

using C = LiquibaseTypeClass;
using Kind = RebuildDefault::Kind;
using java::AllDigits;
using java::BigDecimalToString;
using java::IsoDate;
using java::JavaFloatingToString;
using java::JavaHashOrder;
using java::JavaWord;
using java::LenientFields;
using java::LenientTimestamp;
using java::ScannerDecimal;
using java::ScannerInteger;
using java::ScannerToken;
using java::Two;

// LiquibaseDataType.formatNumber: a trailing ".0", ".00", ... goes.
std::string FormatNumber(std::string value) {
  const std::size_t dot = value.rfind('.');
  if (dot != std::string::npos && dot + 1 < value.size() &&
      std::all_of(value.begin() + static_cast<std::ptrdiff_t>(dot) + 1, value.end(), [](char c) { return c == '0'; })) {
    value.erase(dot);
  }
  return value;
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
                         digits(iso.substr(17, 2)) && (iso.size() == 19 || (iso[19] == '.' && digits(iso.substr(20))));
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
    const double parsed =
        is_float ? static_cast<double>(std::strtof(plain->c_str(), nullptr)) : std::strtod(plain->c_str(), nullptr);
    return Value(Kind::kNumber, JavaFloatingToString(parsed, is_float));
  };
  switch (type_class) {
    case C::kBigInt: {
      if (auto n = ScannerInteger(token, false)) return Value(Kind::kNumber, *n);
      return function();
    }
    case C::kBlob:
      return stripped_quotes ? Value(Kind::kString, value) : function();
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
    case C::kClob:
      return Value(Kind::kString, value);
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
    case C::kDouble:
      return floating(false);
    default:
      break;
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
      for (const auto& [separators, millis] :
           {std::pair<std::string_view, bool>{"-- ::.", true}, {"-- ::", false}, {"--T::.", true}, {"--T::", false}}) {
        if (auto iso = LenientTimestamp(shortened, separators, millis)) return Value(Kind::kTimestamp, *iso);
      }
      if (value.find('/') != std::string::npos || value.find('-') != std::string::npos)
        return Value(Kind::kString, value);
      return function();
    }
    default:
      break;
  }
  if (data_type == 12) return Value(Kind::kString, value);
  return Value(Kind::kFunction, stripped_quotes ? "'" + value + "'" : value);
}

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
    case C::kBlob:
      return value.kind == Kind::kString ? "'" + text + "'" : text;
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
    case C::kNVarchar:
      return null_text ? "null" : Quote(text);
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
    case C::kMediumInt:
      return null_text ? "null" : FormatNumber(text);
    case C::kUnknown:
      return "'" + (null_text ? std::string("null") : value.kind == Kind::kNumber ? FormatNumber(text) : text) + "'";
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

std::optional<PrimaryKey> FindPrimaryKey(const db::LiveTable& table) {
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
      for (const auto& column : JavaSplitComma(sql.substr(open, close - open)))
        key.columns.push_back(UnquoteIdentifier(column));
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
    for (const auto& column : JavaSplitComma(sql.substr(open, close - open)))
      key.columns.push_back(UnquoteIdentifier(column));
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
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
           (!first && std::isdigit(static_cast<unsigned char>(c)));
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

std::vector<ForeignKey> ForeignKeysOf(const db::LiveTable& table, const TableIntrospector& introspect,
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
                                   [&](const db::ColumnInfo& c) { return c.name == referenced; });
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
bool SameColumns(const SnapshotIndex& a, const SnapshotIndex& b) {
  if (a.columns.size() != b.columns.size()) return false;
  for (std::size_t i = 0; i < a.columns.size(); ++i) {
    if (a.columns[i].has_value() != b.columns[i].has_value()) return false;
    if (a.columns[i] && !text::EqualsIgnoreCase(*a.columns[i], *b.columns[i])) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// The snapshot of the table as ColumnConfigs.

}  // namespace

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

std::vector<SnapshotIndex> SchemaIndexes(const db::LiveTable& table) {
  std::vector<SnapshotIndex> kept;
  std::size_t i = 0;
  while (i < table.schema_indexes.size()) {
    std::vector<const db::IndexInfo*> of_table;
    const std::string& name = table.schema_indexes[i].table;
    for (; i < table.schema_indexes.size() && table.schema_indexes[i].table == name; ++i)
      of_table.push_back(&table.schema_indexes[i]);
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

std::vector<RebuildColumn> SnapshotColumns(const db::LiveTable& table, const TableIntrospector& introspect,
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

// ColumnConfig keeps one default per kind and hands out the first set of: defaultValue (a
// string), defaultValueBoolean, defaultValueNumeric, defaultValueDate, defaultValueComputed. A
// visitor that sets one kind leaves the others as the snapshot read them.
int DefaultRank(Kind kind) {
  switch (kind) {
    case Kind::kString:
      return 0;
    case Kind::kBoolean:
      return 1;
    case Kind::kNumber:
      return 2;
    case Kind::kDate:
    case Kind::kTime:
    case Kind::kTimestamp:
      return 3;
    case Kind::kFunction:
      return 4;
    case Kind::kNone:
      break;
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
  if (auto f = LenientFields(value, "--"); f && value.size() == 10)
    return Value(Kind::kDate, IsoDate((*f)[0], (*f)[1], (*f)[2]));
  if (auto f = LenientFields(value, "::"); f && value.size() == 8) {
    return Value(Kind::kTime, Two((*f)[0] % 24) + ":" + Two((*f)[1]) + ":" + Two((*f)[2]));
  }
  for (const auto& [separators, millis] :
       {std::pair<std::string_view, bool>{"--T::.", true}, {"--T::", false}, {"-- ::.", true}, {"-- ::", false}}) {
    if (auto iso = LenientTimestamp(value, separators, millis)) return Value(Kind::kTimestamp, *iso);
  }
  return std::nullopt;
}

}  // namespace ledgerhost::migration
