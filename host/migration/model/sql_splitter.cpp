#include "migration/model/sql_splitter.h"

#include <algorithm>
#include <cctype>
#include <regex>

#include "core/text.h"

namespace ledgerhost::migration {
namespace {

struct Token {
  std::string text;
  bool comment = false;
};

using text::Lower;

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '#' || c == '@' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// SimpleSqlGrammar's tokens: whitespace runs, comments, quoted strings/identifiers, words, single chars.
std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < s.size()) {
    const size_t start = i;
    const char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      tokens.push_back({std::string(s.substr(start, i - start))});
    } else if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
      while (i < s.size() && s[i] != '\n') ++i;
      tokens.push_back({std::string(s.substr(start, i - start)), true});
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      auto end = s.find("*/", i + 2);
      i = end == std::string_view::npos ? s.size() : end + 2;
      tokens.push_back({std::string(s.substr(start, i - start)), true});
    } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
      const char close = c == '[' ? ']' : c;
      ++i;
      while (i < s.size()) {
        if (s[i] == '\\' && c != '[' && i + 1 < s.size()) {
          i += 2;
          continue;
        }
        if (s[i] == close) {
          if (i + 1 < s.size() && s[i + 1] == close && c != '[') {
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        ++i;
      }
      tokens.push_back({std::string(s.substr(start, i - start))});
    } else if (IsWordChar(c)) {
      while (i < s.size() && IsWordChar(s[i])) ++i;
      tokens.push_back({std::string(s.substr(start, i - start))});
    } else {
      ++i;
      tokens.push_back({std::string(1, c)});
    }
  }
  return tokens;
}

}  // namespace

std::vector<std::string> SplitSql(std::string_view text, bool strip_comments, bool split_statements,
                                  const std::optional<std::string>& end_delimiter) {
  std::vector<Token> tokens = Tokenize(text);
  if (strip_comments) {
    tokens.erase(std::remove_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.comment; }), tokens.end());
  }
  std::vector<std::string> statements;
  std::string current;
  auto flush = [&]() {
    std::string statement = text::JavaTrim(current);
    if (!statement.empty()) statements.push_back(statement);
    current.clear();
  };
  if (!split_statements) {
    for (const auto& t : tokens) current += t.text;
    flush();
    return statements;
  }
  int nesting = 0;
  std::string previous;
  const std::string delimiter = end_delimiter ? *end_delimiter : "";
  std::optional<std::regex> delimiter_regex;
  if (delimiter.size() > 1) {
    try {
      delimiter_regex.emplace("[\\s\\n\\r]*" + Lower(delimiter));
    } catch (const std::regex_error&) {
      delimiter_regex.reset();
    }
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i].text;
    const std::string lower = Lower(t);
    auto next_word = [&]() {
      for (size_t j = i + 1; j < tokens.size(); ++j) {
        if (!std::isspace(static_cast<unsigned char>(tokens[j].text[0]))) return Lower(tokens[j].text);
      }
      return std::string();
    };
    if (lower == "begin") {
      const std::string n = next_word();
      if (n != "transaction" && n != "trans" && n != "tran" && n != "dialog" && n != "conversation" && n != "distributed") {
        ++nesting;
      }
    } else if (lower == "end") {
      const std::string n = next_word();
      if (n != "transaction" && n != "trans" && n != "tran" && nesting > 0) --nesting;
    }
    bool is_delimiter = false;
    if (nesting == 0) {
      const bool at_line_start = previous.empty() || previous.back() == '\n';
      if (delimiter.empty()) {
        is_delimiter = t == ";" || ((lower == "go" || t == "/") && at_line_start);
      } else if (delimiter.size() == 1) {
        is_delimiter = lower == Lower(delimiter) && (delimiter != "/" || at_line_start);
      } else {
        is_delimiter = lower == Lower(delimiter) ||
                       (delimiter_regex && std::regex_match(Lower(previous + t), *delimiter_regex));
      }
    }
    if (is_delimiter) {
      flush();
    } else {
      current += t;
    }
    previous = t;
  }
  flush();
  return statements;
}

}  // namespace ledgerhost::migration
