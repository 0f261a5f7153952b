#include "migration/sql/generator/generators.h"

#include <algorithm>
#include <cctype>

#include "migration/model/sql_splitter.h"
#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {
namespace {

// The changelog author's SQL, split into statements as Liquibase splits it (sql_splitter.h).
Statements SqlText(const Change& change, const Dialect& d, const std::string& text) {
  const bool strip = JavaTrue(change.Get("stripComments", "false"));
  const bool split = JavaTrue(change.Get("splitStatements", "true"));
  std::optional<std::string> delimiter;
  if (const std::string* e = change.Find("endDelimiter")) delimiter = *e;
  Statements out;
  for (auto& statement : SplitSql(text, strip, split, delimiter)) {
    if (d.Is(db::DatabaseKind::kMssql)) {
      // Liquibase sends SQL Server its raw SQL with CRLF line ends.
      std::string crlf;
      for (char ch : statement) crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
      statement = crlf;
    }
    SqlStatement s{statement, ";"};
    if (delimiter) {
      std::string shown = *delimiter;
      if (!shown.empty() && shown.back() == '$') shown.pop_back();
      static const std::string allowed = ";/\r\n@-_";
      const bool printable = !shown.empty() && std::all_of(shown.begin(), shown.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || allowed.find(c) != std::string::npos;
      });
      if (printable) s.end_delimiter = shown;
    }
    out.push_back(s);
  }
  return out;
}

}  // namespace

Statements Sql(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  return SqlText(change, d, change.Get("sql"));
}

Statements SqlFile(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  return SqlText(change, d, ReadResource(change, context, "path"));
}

}  // namespace ledgerhost::migration::generator
