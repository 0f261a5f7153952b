#include "migration/parse/data_type_grammar.h"

#include <cctype>

namespace ledgerhost::migration {
namespace {

bool IsWordByte(unsigned char c) {
  // Bytes >= 0x80 are the parts of non-ASCII letters: the changelog is valid UTF-8 by now.
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
         c == '.' || c >= 0x80;
}

bool IsPunctuation(char c) {
  switch (c) {
    case '(': case ')': case ',': case '*': case '{': case '}': case ':':
      return true;
    default:
      return false;
  }
}

// Quoted regions a database reads as one token: strings, quoted names, and SQL Server's [names]
// (which is also how PostgreSQL's array brackets, int[] and text[10], read here).
char ClosingQuote(char open) {
  switch (open) {
    case '"': return '"';
    case '\'': return '\'';
    case '`': return '`';
    case '[': return ']';
    default: return '\0';
  }
}

bool IsAsciiWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string At(std::size_t index) { return " at column " + std::to_string(index + 1); }

}  // namespace

std::optional<std::string> DataTypeGrammarProblem(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '$') {
      // PostgreSQL's dollar quotes ($$...$$, $tag$...$tag$) quote what follows as a string this
      // scanner would read as code; ${property} and names with $ stay words.
      std::size_t j = i + 1;
      while (j < text.size() && IsAsciiWordChar(text[j])) ++j;
      if (j < text.size() && text[j] == '$') return "a dollar quote" + At(i);
    }
    if (c == '\'' && i > 0 && (text[i - 1] == 'q' || text[i - 1] == 'Q')) {
      // Oracle's q'[...]' ends at its own closing bracket, not at the next quote.
      const bool starts_word = i < 2 || !IsWordByte(static_cast<unsigned char>(text[i - 2])) ||
                               ((text[i - 2] == 'n' || text[i - 2] == 'N') &&
                                (i < 3 || !IsWordByte(static_cast<unsigned char>(text[i - 3]))));
      if (starts_word) return "an Oracle q-quote" + At(i - 1);
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || IsWordByte(static_cast<unsigned char>(c)) ||
        IsPunctuation(c)) {
      ++i;
      continue;
    }
    // A sign belongs to a number only (decimal(10,-2)); "--" starts a comment.
    if ((c == '-' || c == '+') && i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9') {
      ++i;
      continue;
    }
    if (const char close = ClosingQuote(c); close != '\0') {
      // A quoted name or string; a doubled closing quote is one of it. No backslash: MySQL reads
      // \' as a quote inside the string, so the string would end elsewhere than it seems here.
      const std::size_t open = i++;
      for (;;) {
        if (i >= text.size()) return "an unclosed " + std::string(1, c) + At(open);
        if (text[i] == ';') return "';'" + At(i) + " ends the statement";
        if (text[i] == '\\') return "a backslash" + At(i) + " inside quotes";
        if (text[i] == close) {
          if (i + 1 < text.size() && text[i + 1] == close) {
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        ++i;
      }
      continue;
    }
    if (c == ';') return "';'" + At(i) + " ends the statement";
    if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') return "'--'" + At(i) + " starts a comment";
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') return "'/*'" + At(i) + " starts a comment";
    if (c == '#') return "'#'" + At(i) + " starts a comment on MySQL";
    return "'" + std::string(1, c) + "'" + At(i) + " is not part of a type";
  }
  return std::nullopt;
}

}  // namespace ledgerhost::migration
