#include "migration/engine/statement_sink.h"

#include <sstream>

#include "core/error.h"
#include "core/text.h"

namespace ledgerhost::migration {

namespace {

using text::EndsWith;

}  // namespace

std::vector<SqlStatement> StatementSink::Generate(const SqlStatement& statement) {
  try {
    return statement.generate(statement.sql);
  } catch (const MigrationError& e) {
    throw DatabaseError(e.what());
  }
}

void LiveSink::Run(const SqlStatement& statement) {
  if (statement.generate) {
    for (const auto& generated : Generate(statement)) Run(generated);
    return;
  }
  if (!statement.failure_if_rows.empty()) {
    const auto rows = connection_.Query(statement.sql);
    if (!rows.empty()) {
      std::string first;
      for (const auto& value : rows.front()) first += (first.empty() ? "" : "|") + value.value_or("NULL");
      throw DatabaseError(statement.failure_if_rows + " (" + std::to_string(rows.size()) + " row(s) from " +
                          statement.sql + "; the first: " + first + ")");
    }
    return;
  }
  connection_.Execute(statement.sql);
}

std::string ScriptCommentPrefix(db::DatabaseKind database) {
  return database == db::DatabaseKind::kMysql || database == db::DatabaseKind::kMariadb ? "--  " : "-- ";
}

void ScriptSink::Comment(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  const std::string prefix = ScriptCommentPrefix(database_);
  while (std::getline(lines, line)) out_ << prefix << line << "\n";
}

void ScriptSink::RunChange(const SqlStatement& statement) {
  if (statement.generate) {
    // Liquibase prints its warning, then refuses statements whose SQL depends on the live table,
    // or prints the rebuild it read from the database (which a script does not change).
    if (!statement.comment.empty()) Comment(statement.comment);
    if (!statement.needs_live_database.empty()) {
      throw DatabaseError(statement.needs_live_database +
                          " requires access to up to date database metadata which is not available in SQL output mode");
    }
    for (const auto& generated : Generate(statement)) RunChange(generated);
    return;
  }
  if (database_ == db::DatabaseKind::kMssql && !statement.prepared && statement.end_delimiter == ";" &&
      !EndsWith(statement.sql, ";")) {
    SqlStatement terminated = statement;
    terminated.sql += ";";
    Run(terminated);
    return;
  }
  Run(statement);
}

void ScriptSink::Run(const SqlStatement& statement) {
  if (statement.generate) {
    RunChange(statement);
    return;
  }
  if (!statement.comment.empty()) Comment(statement.comment);
  if (statement.prepared) {
    out_ << kPreparedStatementWarning << "\n\n";
    return;
  }
  std::string terminator = statement.end_delimiter.empty() ? ";" : statement.end_delimiter;
  if (database_ == db::DatabaseKind::kMssql && terminator == ";") terminator = "\nGO";
  out_ << statement.sql;
  if (!EndsWith(statement.sql, terminator)) out_ << terminator;
  out_ << "\n\n";
}

void RehearsalSink::Run(const SqlStatement& statement) {
  if (statement.generate) {
    if (!statement.comment.empty()) Comment(statement.comment);
    for (const auto& generated : Generate(statement)) Run(generated);
    return;
  }
  ScriptSink::Run(statement);
  LiveSink(scratch_).Run(statement);
}

}  // namespace ledgerhost::migration
