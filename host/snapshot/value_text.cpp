#include "snapshot/value_text.h"

#include <cctype>
#include <map>
#include <utility>

#include "core/text.h"

namespace ledgerhost::snapshot {
namespace {

bool IsNumber(const std::string& text) {
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  bool digits = false, dot = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits = true;
    } else if (c == '.' && !dot) {
      dot = true;
    } else if ((c == 'e' || c == 'E') && digits && i + 1 < text.size()) {
      return IsNumber(text.substr(i + 1)) && text.substr(i + 1).find('.') == std::string::npos;
    } else {
      return false;
    }
  }
  return digits;
}

// A number whose fraction is all zeros (1.00, 0.00000000): a changelog's defaultValueNumeric would lose
// the fraction (Liquibase formats it as 1), so it is kept as written, computed, as Liquibase's own
// snapshot does.
DefaultValue Numeric(const std::string& number) {
  const auto point = number.find('.');
  const bool zero_fraction = point != std::string::npos && point + 1 < number.size() &&
                             number.find_first_not_of('0', point + 1) == std::string::npos;
  return {zero_fraction ? DefaultValue::Kind::kComputed : DefaultValue::Kind::kNumeric, number};
}

// The characters of the quoted literal `text` starts with ('it''s' -> it's) and where it ends;
// nullopt when it does not start with one.
std::optional<std::pair<std::string, size_t>> LeadingLiteral(const std::string& text) {
  if (text.empty() || text.front() != '\'') return std::nullopt;
  std::string out;
  for (size_t i = 1; i < text.size(); ++i) {
    if (text[i] != '\'') {
      out += text[i];
    } else if (i + 1 < text.size() && text[i + 1] == '\'') {
      out += '\'';
      ++i;
    } else {
      return std::make_pair(out, i + 1);
    }
  }
  return std::nullopt;
}

// Exactly one quoted literal.
std::optional<std::string> QuotedLiteral(const std::string& text) {
  const auto literal = LeadingLiteral(text);
  if (!literal || literal->second != text.size()) return std::nullopt;
  return literal->first;
}

// PostgreSQL writes a negative number as (-1) and casts some literals: '1.5'::numeric.
std::string WithoutParentheses(std::string text) {
  while (text.size() >= 2 && text.front() == '(' && text.back() == ')') text = text.substr(1, text.size() - 2);
  return text;
}

}  // namespace

std::vector<std::string> SplitNames(const std::optional<std::string>& cell) {
  std::vector<std::string> out;
  if (!cell || cell->empty()) return out;
  size_t start = 0;
  while (true) {
    const size_t end = cell->find(kNameSeparator, start);
    out.push_back(cell->substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

namespace {

// Walks SQL text from `from`, skipping quoted names and literals ("x", 'x', `x`, [x]), and calls
// visit(position, depth) for every other character, depth counting the parentheses open before it;
// stops where visit returns true and returns that position (npos at the end).
template <typename Visit>
size_t ScanSql(const std::string& sql, size_t from, Visit visit) {
  char quote = 0;
  int depth = 0;
  for (size_t i = from; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'' || c == '`' || c == '[') {
      quote = c == '[' ? ']' : c;
      continue;
    }
    if (c == ')') --depth;
    if (visit(i, depth)) return i;
    if (c == '(') ++depth;
  }
  return std::string::npos;
}

}  // namespace

std::string ViewSelect(const std::string& create_sql) {
  auto space = [&](size_t i) { return i >= create_sql.size() || std::isspace(static_cast<unsigned char>(create_sql[i])); };
  const size_t as = ScanSql(create_sql, 1, [&](size_t i, int depth) {
    return depth == 0 && i + 1 < create_sql.size() && std::toupper(static_cast<unsigned char>(create_sql[i])) == 'A' &&
           std::toupper(static_cast<unsigned char>(create_sql[i + 1])) == 'S' && space(i - 1) && space(i + 2);
  });
  return as == std::string::npos ? create_sql : text::Trim(create_sql.substr(as + 2));
}

std::vector<std::string> IndexKeyTexts(const std::string& create_sql) {
  std::vector<std::string> keys;
  const size_t open = ScanSql(create_sql, 0, [&](size_t i, int) { return create_sql[i] == '('; });
  if (open == std::string::npos) return keys;
  size_t start = open + 1;
  ScanSql(create_sql, open + 1, [&](size_t i, int depth) {
    const bool closes = create_sql[i] == ')' && depth < 0;  // the list's own closing parenthesis
    if (closes || (create_sql[i] == ',' && depth == 0)) {
      keys.push_back(text::Trim(create_sql.substr(start, i - start)));
      start = i + 1;
    }
    return closes;
  });
  return keys;
}

std::optional<DefaultValue> PostgresqlDefault(const std::string& expression, const std::string& category) {
  const std::string text = text::Trim(expression);
  // An explicit DEFAULT NULL (NULL::numeric): kept as written, so that a rebuilt column says it too.
  if (text.starts_with("NULL::") || text == "NULL") return DefaultValue{DefaultValue::Kind::kComputed, "NULL"};
  // A literal with casts after it: 'x'::character varying, 'a'::text::character varying.
  if (const auto literal = LeadingLiteral(text);
      literal && (literal->second == text.size() ||
                  (text.compare(literal->second, 2, "::") == 0 && text.find('\'', literal->second) == std::string::npos &&
                   text.find('(', literal->second) == std::string::npos))) {
    const std::string& value = literal->first;
    if (category == "N" && IsNumber(value)) return Numeric(value);
    if (category == "B") return DefaultValue{DefaultValue::Kind::kBoolean, value == "t" || value == "true" ? "true" : "false"};
    if (category == "D") return DefaultValue{DefaultValue::Kind::kDate, value};
    return DefaultValue{DefaultValue::Kind::kString, value};
  }
  const std::string bare = WithoutParentheses(text);
  if (IsNumber(bare)) return Numeric(bare);
  if (bare == "true" || bare == "false") return DefaultValue{DefaultValue::Kind::kBoolean, bare};
  return DefaultValue{DefaultValue::Kind::kComputed, text};
}

std::optional<DefaultValue> SqliteDefault(const std::string& expression, const std::string& type) {
  const std::string text = text::Trim(expression);
  if (text.empty() || text::Upper(text) == "NULL") return std::nullopt;
  if (const auto value = QuotedLiteral(text)) return DefaultValue{DefaultValue::Kind::kString, *value};
  const std::string bare = WithoutParentheses(text);
  if (IsNumber(bare)) {
    if (text::Upper(type).starts_with("BOOL")) {
      return DefaultValue{DefaultValue::Kind::kBoolean, bare == "0" ? "false" : "true"};
    }
    return Numeric(bare);
  }
  if (text::Upper(bare) == "TRUE" || text::Upper(bare) == "FALSE") {
    return DefaultValue{DefaultValue::Kind::kBoolean, text::Lower(bare)};
  }
  return DefaultValue{DefaultValue::Kind::kComputed, text};
}

std::optional<DefaultValue> MariadbDefault(const std::string& expression, const std::string& type) {
  const std::string text = text::Trim(expression);
  if (text.empty() || text == "NULL") return std::nullopt;
  if (const auto value = QuotedLiteral(text)) {
    const std::string lower = text::Lower(type);
    if (lower == "date" || lower.starts_with("datetime") || lower.starts_with("timestamp") || lower.starts_with("time")) {
      return DefaultValue{DefaultValue::Kind::kDate, *value};
    }
    return DefaultValue{DefaultValue::Kind::kString, *value};
  }
  if (IsNumber(text)) {
    if (type == "BOOLEAN") return DefaultValue{DefaultValue::Kind::kBoolean, text == "0" ? "false" : "true"};
    return Numeric(text);
  }
  return DefaultValue{DefaultValue::Kind::kComputed, text};
}

std::string PostgresqlChangeLogType(const std::string& formatted) {
  static const std::map<std::string, std::string> kPlain{
      {"integer", "INTEGER"}, {"bigint", "BIGINT"}, {"smallint", "SMALLINT"}, {"boolean", "BOOLEAN"},
      {"text", "TEXT"}, {"bytea", "BYTEA"}, {"uuid", "UUID"}, {"json", "JSON"}, {"jsonb", "JSONB"},
      {"double precision", "FLOAT8"}, {"real", "FLOAT4"}, {"date", "date"}, {"xml", "XML"},
      {"timestamp without time zone", "TIMESTAMP WITHOUT TIME ZONE"},
      {"timestamp with time zone", "TIMESTAMP WITH TIME ZONE"},
      {"time without time zone", "TIME WITHOUT TIME ZONE"}, {"time with time zone", "TIME WITH TIME ZONE"},
      {"character varying", "VARCHAR"}, {"numeric", "numeric"}, {"oid", "OID"}, {"interval", "interval"},
      {"money", "money"}, {"inet", "inet"}, {"cidr", "cidr"}, {"\"char\"", "CHAR"}};
  // An array: its element type's spelling with the brackets (character varying(20)[] -> VARCHAR(20)[]).
  if (formatted.size() > 2 && formatted.ends_with("[]")) {
    return PostgresqlChangeLogType(formatted.substr(0, formatted.size() - 2)) + "[]";
  }
  if (const auto it = kPlain.find(formatted); it != kPlain.end()) return it->second;
  // Parameterised spellings: character varying(n), character(n), numeric(p,s), timestamp(p) ...
  const auto open = formatted.find('(');
  if (open != std::string::npos) {
    const auto close = formatted.find(')', open);
    const std::string head = formatted.substr(0, open);
    std::string arguments = formatted.substr(open + 1, close - open - 1);
    const std::string tail = close == std::string::npos ? "" : formatted.substr(close + 1);
    if (const auto comma = arguments.find(','); comma != std::string::npos) {
      arguments = arguments.substr(0, comma) + ", " + text::Trim(arguments.substr(comma + 1));
    }
    if (head == "character varying") return "VARCHAR(" + arguments + ")";
    if (head == "character") return "CHAR(" + arguments + ")";
    if (head == "numeric") return "numeric(" + arguments + ")";
    if (head == "bit") return "BIT(" + arguments + ")";
    if (head == "timestamp" || head == "time") return text::Upper(head) + "(" + arguments + ")" + text::Upper(tail);
  }
  if (formatted == "character") return "CHAR(1)";
  return formatted;  // a user-defined type or an array, by the name PostgreSQL gives it
}

// column_type as a changelog writes it: upper case, "int(11)" display widths dropped (they are no
// size), "decimal(10,2)" -> "DECIMAL(10, 2)"; tinyint(1) is MySQL's boolean.
std::string MariadbChangeLogType(const std::string& column_type) {
  std::string type = text::Upper(column_type);
  if (type == "TINYINT(1)") return "BOOLEAN";  // what a changelog's BOOLEAN becomes on MySQL and MariaDB
  for (const char* integer : {"INT(", "BIGINT(", "SMALLINT(", "MEDIUMINT("}) {
    if (type.starts_with(integer)) {
      const auto close = type.find(')');
      type = type.substr(0, type.find('(')) + (close == std::string::npos ? "" : type.substr(close + 1));
    }
  }
  if (const auto comma = type.find(','); comma != std::string::npos && type.find('(') < comma &&
                                         !type.starts_with("ENUM(") && !type.starts_with("SET(")) {
    type = type.substr(0, comma) + ", " + text::Trim(type.substr(comma + 1));
  }
  return type;
}

}  // namespace ledgerhost::snapshot
