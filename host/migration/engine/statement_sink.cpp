#include "migration/engine/statement_sink.h"

#include <sstream>

namespace ledgerhost::migration {

namespace {

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string ScriptCommentPrefix(DatabaseKind database) {
  return database == DatabaseKind::kMysql || database == DatabaseKind::kMariadb ? "--  " : "-- ";
}

void ScriptSink::Comment(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  const std::string prefix = ScriptCommentPrefix(database_);
  while (std::getline(lines, line)) out_ << prefix << line << "\n";
}

void ScriptSink::RunChange(const SqlStatement& statement) {
  if (database_ == DatabaseKind::kMssql && statement.end_delimiter == ";" && !EndsWith(statement.sql, ";")) {
    Run({statement.sql + ";", statement.end_delimiter});
    return;
  }
  Run(statement);
}

void ScriptSink::Run(const SqlStatement& statement) {
  if (!statement.comment.empty()) Comment(statement.comment);
  std::string terminator = statement.end_delimiter.empty() ? ";" : statement.end_delimiter;
  if (database_ == DatabaseKind::kMssql && terminator == ";") terminator = "\nGO";
  out_ << statement.sql;
  if (!EndsWith(statement.sql, terminator)) out_ << terminator;
  out_ << "\n\n";
}

}  // namespace ledgerhost::migration
