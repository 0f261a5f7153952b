#include "migration/parse/rollback_sql_splitter.h"

#include <cctype>

#include "migration/parse/text_util.h"

namespace ledgerhost::migration::parse {
namespace {

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '#' || c == '@';
}

// The word starting at `pos` (identifier characters only).
std::string WordAt(std::string_view sql, std::size_t pos) {
  std::size_t end = pos;
  while (end < sql.size() && IsWordChar(sql[end])) ++end;
  return std::string(sql.substr(pos, end - pos));
}

// The next word after `pos`, skipping whitespace.
std::string NextWord(std::string_view sql, std::size_t pos) {
  while (pos < sql.size() && std::isspace(static_cast<unsigned char>(sql[pos]))) ++pos;
  return Lower(WordAt(sql, pos));
}

}  // namespace

std::vector<std::string> SplitRollbackSql(std::string_view sql) {
  std::vector<std::string> statements;
  std::string current;
  int nesting = 0;
  auto flush = [&] {
    std::string statement = JavaTrim(current);
    if (!statement.empty()) statements.push_back(std::move(statement));
    current.clear();
  };
  std::size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {  // line comment, stripped
      while (i < sql.size() && sql[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {  // block comment, stripped
      std::size_t end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 2;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {  // quoted text is copied untouched
      std::size_t j = i + 1;
      while (j < sql.size()) {
        if (sql[j] == '\\' && c != '`' && j + 1 < sql.size()) {
          j += 2;
          continue;
        }
        if (sql[j] == c) {
          if (j + 1 < sql.size() && sql[j + 1] == c) {  // doubled quote escapes itself
            j += 2;
            continue;
          }
          break;
        }
        ++j;
      }
      std::size_t end = j < sql.size() ? j + 1 : sql.size();
      current.append(sql.substr(i, end - i));
      i = end;
      continue;
    }
    if (IsWordChar(c) && (i == 0 || !IsWordChar(sql[i - 1]))) {
      std::string word = WordAt(sql, i);
      std::string lowered = Lower(word);
      std::string following = NextWord(sql, i + word.size());
      if (lowered == "begin" && following != "transaction" && following != "trans" && following != "tran" &&
          following != "dialog" && following != "conversation" && following != "distributed") {
        ++nesting;
      } else if (lowered == "end" && following != "transaction" && following != "trans" && following != "tran" &&
                 nesting > 0) {
        --nesting;
      }
      current += word;
      i += word.size();
      continue;
    }
    if (c == ';' && nesting == 0) {
      flush();
      ++i;
      continue;
    }
    current += c;
    ++i;
  }
  flush();
  return statements;
}

}  // namespace ledgerhost::migration::parse
