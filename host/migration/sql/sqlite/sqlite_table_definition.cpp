#include "migration/sql/sqlite/sqlite_table_definition.h"

#include <algorithm>
#include <cctype>

#include "core/error.h"
#include "core/text.h"

namespace ledgerhost::migration::sqlite {
namespace {

// One token of SQLite's SQL (tokenize.c): a word, a quoted name, a string, a number, or one
// punctuation character; whitespace and comments are skipped.
struct Token {
  enum class Kind { kWord, kQuotedName, kString, kNumber, kPunct };
  Kind kind;
  std::size_t begin;  // offsets into the text
  std::size_t end;
};

bool IsWordChar(unsigned char c) { return std::isalnum(c) || c == '_' || c == '$' || c >= 0x80; }

std::vector<Token> Tokenize(std::string_view sql, const std::string& table) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  auto unterminated = [&](const char* what) {
    throw MigrationError("the CREATE TABLE text of " + table + " has an unterminated " + what);
  };
  while (i < sql.size()) {
    const unsigned char c = sql[i];
    if (std::isspace(c)) {
      ++i;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      while (i < sql.size() && sql[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      const std::size_t close = sql.find("*/", i + 2);
      i = close == std::string_view::npos ? sql.size() : close + 2;
    } else if (c == '\'' || c == '"' || c == '`' || c == '[' ||
               ((c == 'x' || c == 'X') && i + 1 < sql.size() && sql[i + 1] == '\'')) {
      // (x'0A' is a blob literal: one string token.)
      const bool blob = c == 'x' || c == 'X';
      const char close = c == '[' ? ']' : blob ? '\'' : static_cast<char>(c);
      std::size_t j = i + (blob ? 2 : 1);
      while (true) {
        if (j >= sql.size()) unterminated(c == '\'' || blob ? "string" : "quoted name");
        if (sql[j] == close) {
          if (close != ']' && j + 1 < sql.size() && sql[j + 1] == close) {
            j += 2;
            continue;
          }
          break;
        }
        ++j;
      }
      tokens.push_back({c == '\'' || blob ? Token::Kind::kString : Token::Kind::kQuotedName, i, j + 1});
      i = j + 1;
    } else if (std::isdigit(c) || (c == '.' && i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1])))) {
      std::size_t j = i;
      while (j < sql.size() && (IsWordChar(sql[j]) || sql[j] == '.' ||
                                ((sql[j] == '+' || sql[j] == '-') && (sql[j - 1] == 'e' || sql[j - 1] == 'E')))) {
        ++j;
      }
      tokens.push_back({Token::Kind::kNumber, i, j});
      i = j;
    } else if (IsWordChar(c)) {
      std::size_t j = i;
      while (j < sql.size() && IsWordChar(sql[j])) ++j;
      tokens.push_back({Token::Kind::kWord, i, j});
      i = j;
    } else {
      tokens.push_back({Token::Kind::kPunct, i, i + 1});
      ++i;
    }
  }
  return tokens;
}

// Reads the tokens of one CREATE TABLE text.
class Reader {
 public:
  Reader(std::string_view sql, const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
         const std::string& table)
      : sql_(sql), tokens_(tokens), at_(begin), end_(end), table_(table) {}

  bool Done() const { return at_ >= end_; }
  std::size_t at() const { return at_; }
  std::string_view Text(std::size_t token) const {
    return sql_.substr(tokens_[token].begin, tokens_[token].end - tokens_[token].begin);
  }
  std::size_t Begin(std::size_t token) const { return tokens_[token].begin; }
  std::size_t End(std::size_t token) const { return tokens_[token].end; }

  bool Is(std::string_view keyword, std::size_t ahead = 0) const {
    const std::size_t t = at_ + ahead;
    return t < end_ && tokens_[t].kind == Token::Kind::kWord && text::EqualsIgnoreCase(Text(t), keyword);
  }
  bool IsPunct(char c) const {
    return !Done() && tokens_[at_].kind == Token::Kind::kPunct && sql_[tokens_[at_].begin] == c;
  }
  bool Accept(std::string_view keyword) {
    if (!Is(keyword)) return false;
    ++at_;
    return true;
  }
  void Expect(std::string_view keyword) {
    if (!Accept(keyword)) Fail("expected " + std::string(keyword));
  }
  void Skip() {
    if (Done()) Fail("unexpected end");
    ++at_;
  }
  // A name: a word or a quoted name, unquoted.
  std::string Name() {
    if (Done() || (tokens_[at_].kind != Token::Kind::kWord && tokens_[at_].kind != Token::Kind::kQuotedName &&
                   tokens_[at_].kind != Token::Kind::kString)) {
      Fail("expected a name");
    }
    return Unquote(Text(at_++));
  }
  // A parenthesised group, nested groups included; the reader stands after its ')'.
  void Group() {
    if (!IsPunct('(')) Fail("expected (");
    int depth = 0;
    do {
      if (Done()) Fail("unbalanced parentheses");
      if (IsPunct('(')) ++depth;
      if (IsPunct(')')) --depth;
      ++at_;
    } while (depth > 0);
  }
  // "(a, b COLLATE x DESC, ...)": the names at the start of each item.
  std::vector<std::string> NameList() {
    if (!IsPunct('(')) Fail("expected (");
    ++at_;
    std::vector<std::string> names;
    bool item_start = true;
    int depth = 1;
    while (depth > 0) {
      if (Done()) Fail("unbalanced parentheses");
      if (IsPunct('(')) {
        ++depth;
      } else if (IsPunct(')')) {
        --depth;
      } else if (IsPunct(',') && depth == 1) {
        item_start = true;
        ++at_;
        continue;
      } else if (item_start && depth == 1) {
        names.push_back(Unquote(Text(at_)));
      }
      item_start = false;
      ++at_;
    }
    return names;
  }
  void OnConflict() {
    if (Is("ON") && Is("CONFLICT", 1)) {
      at_ += 2;
      Skip();
    }
  }
  // REFERENCES table [(cols)] [ON DELETE|UPDATE action | MATCH name | [NOT] DEFERRABLE [INITIALLY ...]]*
  void References() {
    Expect("REFERENCES");
    Name();
    if (IsPunct('(')) Group();
    while (!Done()) {
      if (Is("ON") && (Is("DELETE", 1) || Is("UPDATE", 1))) {
        at_ += 2;
        if (Accept("SET")) {
          Skip();  // NULL or DEFAULT
        } else if (Accept("NO")) {
          Expect("ACTION");
        } else {
          Skip();  // CASCADE or RESTRICT
        }
      } else if (Accept("MATCH")) {
        Skip();
      } else if (Is("NOT") && Is("DEFERRABLE", 1)) {
        at_ += 2;
        Initially();
      } else if (Accept("DEFERRABLE")) {
        Initially();
      } else {
        break;
      }
    }
  }
  [[noreturn]] void Fail(const std::string& what) const {
    const std::size_t offset = at_ < tokens_.size() ? tokens_[at_].begin : sql_.size();
    throw MigrationError("cannot read the CREATE TABLE text of " + table_ + " (" + what + " at offset " +
                         std::to_string(offset) + "): " + std::string(sql_));
  }

  static std::string Unquote(std::string_view text) {
    if (text.size() >= 2 && (text.front() == '"' || text.front() == '`' || text.front() == '\'' || text.front() == '[')) {
      const char close = text.front() == '[' ? ']' : text.front();
      std::string out;
      for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        out += text[i];
        if (close != ']' && text[i] == close) ++i;  // a doubled quote
      }
      return out;
    }
    return std::string(text);
  }

 private:
  void Initially() {
    if (Accept("INITIALLY")) Skip();
  }

  std::string_view sql_;
  const std::vector<Token>& tokens_;
  std::size_t at_;
  std::size_t end_;
  const std::string& table_;
};

bool StartsColumnClause(const Reader& r) {
  for (const char* keyword : {"CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE",
                              "REFERENCES", "GENERATED", "AS"}) {
    if (r.Is(keyword)) return true;
  }
  return false;
}

ColumnDefinition ReadColumn(Reader& r, std::string_view sql) {
  ColumnDefinition column;
  column.name_sql = std::string(r.Text(r.at()));
  column.name = r.Name();
  const std::size_t type_from = r.at();
  std::size_t type_end = type_from;
  while (!r.Done() && !StartsColumnClause(r)) {
    if (r.IsPunct('(')) {
      r.Group();
    } else {
      r.Skip();
    }
    type_end = r.at();
  }
  if (type_end > type_from) {
    column.type = std::string(sql.substr(r.Begin(type_from), r.End(type_end - 1) - r.Begin(type_from)));
  }
  using Kind = ColumnClause::Kind;
  while (!r.Done()) {
    const std::size_t from = r.at();
    std::string name;
    if (r.Accept("CONSTRAINT")) name = r.Name();
    Kind kind;
    if (r.Accept("PRIMARY")) {
      kind = Kind::kPrimaryKey;
      r.Expect("KEY");
      if (!r.Accept("ASC")) r.Accept("DESC");
      r.OnConflict();
      r.Accept("AUTOINCREMENT");
    } else if (r.Accept("NOT")) {
      kind = Kind::kNotNull;
      r.Expect("NULL");
      r.OnConflict();
    } else if (r.Accept("NULL")) {
      kind = Kind::kNull;
      r.OnConflict();
    } else if (r.Accept("UNIQUE")) {
      kind = Kind::kUnique;
      r.OnConflict();
    } else if (r.Accept("CHECK")) {
      kind = Kind::kCheck;
      r.Group();
    } else if (r.Accept("DEFAULT")) {
      kind = Kind::kDefault;
      if (r.IsPunct('+') || r.IsPunct('-')) r.Skip();
      if (r.IsPunct('(')) {
        r.Group();
      } else {
        r.Skip();
      }
    } else if (r.Accept("COLLATE")) {
      kind = Kind::kCollate;
      r.Name();
    } else if (r.Is("REFERENCES")) {
      kind = Kind::kReferences;
      r.References();
    } else if (r.Accept("GENERATED") || r.Is("AS")) {
      kind = Kind::kGenerated;
      if (r.Is("ALWAYS")) r.Skip();
      r.Expect("AS");
      r.Group();
      if (!r.Accept("STORED")) r.Accept("VIRTUAL");
    } else {
      r.Fail("unexpected word in the definition of column " + column.name);
    }
    column.clauses.push_back({kind, name, std::string(sql.substr(r.Begin(from), r.End(r.at() - 1) - r.Begin(from)))});
  }
  return column;
}

TableConstraint ReadConstraint(Reader& r, std::string_view sql) {
  const std::size_t from = r.at();
  TableConstraint constraint{TableConstraint::Kind::kCheck, "", {}, ""};
  if (r.Accept("CONSTRAINT")) constraint.name = r.Name();
  if (r.Accept("PRIMARY")) {
    r.Expect("KEY");
    constraint.kind = TableConstraint::Kind::kPrimaryKey;
    constraint.columns = r.NameList();
    r.OnConflict();
  } else if (r.Accept("UNIQUE")) {
    constraint.kind = TableConstraint::Kind::kUnique;
    constraint.columns = r.NameList();
    r.OnConflict();
  } else if (r.Accept("CHECK")) {
    r.Group();
  } else if (r.Accept("FOREIGN")) {
    r.Expect("KEY");
    constraint.kind = TableConstraint::Kind::kForeignKey;
    constraint.columns = r.NameList();
    r.References();
  } else {
    r.Fail("expected a table constraint");
  }
  if (!r.Done()) r.Fail("unexpected text after a table constraint");
  constraint.sql = std::string(sql.substr(r.Begin(from), r.End(r.at() - 1) - r.Begin(from)));
  return constraint;
}

bool StartsTableConstraint(const Reader& r) {
  return r.Is("CONSTRAINT") || r.Is("PRIMARY") || r.Is("UNIQUE") || r.Is("CHECK") || r.Is("FOREIGN");
}

}  // namespace

bool ColumnDefinition::Has(ColumnClause::Kind kind) const {
  return std::any_of(clauses.begin(), clauses.end(), [kind](const ColumnClause& c) { return c.kind == kind; });
}

void ColumnDefinition::Remove(ColumnClause::Kind kind) {
  clauses.erase(std::remove_if(clauses.begin(), clauses.end(), [kind](const ColumnClause& c) { return c.kind == kind; }),
                clauses.end());
}

std::string ColumnDefinition::Sql() const {
  std::string sql = name_sql.empty() ? Quote(name) : name_sql;
  if (!type.empty()) sql += " " + type;
  for (const auto& clause : clauses) sql += " " + clause.sql;
  return sql;
}

TableDefinition TableDefinition::Parse(const std::string& create_sql, const std::string& table) {
  std::vector<Token> tokens = Tokenize(create_sql, table);
  // The column list: from the first '(' to its matching ')'.
  std::size_t open = tokens.size();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == Token::Kind::kPunct && create_sql[tokens[i].begin] == '(') {
      open = i;
      break;
    }
  }
  if (open == tokens.size() || tokens.empty() || !text::EqualsIgnoreCase(
          std::string_view(create_sql).substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "CREATE")) {
    throw MigrationError("cannot read the CREATE TABLE text of " + table + ": " + create_sql);
  }
  std::vector<std::pair<std::size_t, std::size_t>> items;  // token ranges of the items
  int depth = 0;
  std::size_t item_start = open + 1;
  std::size_t close = tokens.size();
  for (std::size_t i = open; i < tokens.size() && close == tokens.size(); ++i) {
    if (tokens[i].kind != Token::Kind::kPunct) continue;
    const char c = create_sql[tokens[i].begin];
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth == 0) {
        items.emplace_back(item_start, i);
        close = i;
      }
    } else if (c == ',' && depth == 1) {
      items.emplace_back(item_start, i);
      item_start = i + 1;
    }
  }
  if (close == tokens.size()) throw MigrationError("the CREATE TABLE text of " + table + " has unbalanced parentheses");
  TableDefinition definition;
  definition.table_ = table;
  for (const auto& [begin, end] : items) {
    Reader reader(create_sql, tokens, begin, end, table);
    if (reader.Done()) throw MigrationError("the CREATE TABLE text of " + table + " has an empty column definition");
    if (StartsTableConstraint(reader) && !definition.columns_.empty()) {
      definition.constraints_.push_back(ReadConstraint(reader, create_sql));
    } else {
      if (!definition.constraints_.empty()) {
        throw MigrationError("the CREATE TABLE text of " + table + " has a column after its table constraints");
      }
      definition.columns_.push_back(ReadColumn(reader, create_sql));
    }
  }
  definition.options_ = text::Trim(create_sql.substr(tokens[close].end));
  return definition;
}

ColumnDefinition* TableDefinition::FindColumn(std::string_view name) {
  for (auto& column : columns_) {
    if (text::EqualsIgnoreCase(column.name, name)) return &column;
  }
  return nullptr;
}

const ColumnDefinition* TableDefinition::FindColumn(std::string_view name) const {
  return const_cast<TableDefinition*>(this)->FindColumn(name);
}

ColumnDefinition& TableDefinition::Column(std::string_view name) {
  if (ColumnDefinition* column = FindColumn(name)) return *column;
  throw MigrationError("table " + table_ + " has no column " + std::string(name));
}

bool TableDefinition::HasPrimaryKey() const {
  return std::any_of(columns_.begin(), columns_.end(),
                     [](const ColumnDefinition& c) { return c.Has(ColumnClause::Kind::kPrimaryKey); }) ||
         std::any_of(constraints_.begin(), constraints_.end(),
                     [](const TableConstraint& c) { return c.kind == TableConstraint::Kind::kPrimaryKey; });
}

bool TableDefinition::RemoveNamed(TableConstraint::Kind kind, ColumnClause::Kind clause, std::string_view name) {
  for (auto it = constraints_.begin(); it != constraints_.end(); ++it) {
    if (it->kind == kind && text::EqualsIgnoreCase(it->name, name)) {
      constraints_.erase(it);
      return true;
    }
  }
  for (auto& column : columns_) {
    for (auto it = column.clauses.begin(); it != column.clauses.end(); ++it) {
      if (it->kind == clause && text::EqualsIgnoreCase(it->name, name)) {
        column.clauses.erase(it);
        return true;
      }
    }
  }
  return false;
}

std::string TableDefinition::CreateSql(const std::string& quoted_name) const {
  std::string sql = "CREATE TABLE " + quoted_name + " (";
  bool first = true;
  for (const auto& column : columns_) {
    sql += (first ? "" : ", ") + column.Sql();
    first = false;
  }
  for (const auto& constraint : constraints_) sql += ", " + constraint.sql;
  sql += ")";
  if (!options_.empty()) sql += " " + options_;
  return sql;
}

std::string Quote(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

bool MentionsIdentifier(std::string_view sql, std::string_view name) {
  const std::vector<Token> tokens = Tokenize(sql, "(statement)");
  return std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) {
    if (t.kind != Token::Kind::kWord && t.kind != Token::Kind::kQuotedName) return false;
    return text::EqualsIgnoreCase(Reader::Unquote(sql.substr(t.begin, t.end - t.begin)), name);
  });
}

}  // namespace ledgerhost::migration::sqlite
