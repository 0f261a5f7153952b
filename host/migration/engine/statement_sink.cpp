#include "migration/engine/statement_sink.h"

#include <sstream>

namespace ledgerhost::migration {

void ScriptSink::Comment(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) out_ << "-- " << line << "\n";
}

void ScriptSink::Run(const SqlStatement& statement) {
  std::string terminator = statement.end_delimiter.empty() ? ";" : statement.end_delimiter;
  if (database_ == DatabaseKind::kMssql && terminator == ";") terminator = "\nGO";
  out_ << statement.sql;
  const bool ends_with_terminator = statement.sql.size() >= terminator.size() &&
                                    statement.sql.compare(statement.sql.size() - terminator.size(), terminator.size(),
                                                          terminator) == 0;
  if (!ends_with_terminator) out_ << terminator;
  out_ << "\n\n";
}

}  // namespace ledgerhost::migration
