#include "core/error.h"

namespace ledgerhost {

const std::vector<ExitCodeMeaning>& ExitCodeMeanings() {
  static const std::vector<ExitCodeMeaning> kMeanings{
      {ExitCode::kOk, "success"},
      {ExitCode::kNo, "a question's answer is no: db tag-exists when the tag is not recorded"},
      {ExitCode::kUsage, "bad command line: an unknown command or option, a missing argument"},
      {ExitCode::kConfig, "configuration: node.yaml, the environment, a defaults file, schema options, a database "
                          "another node started on"},
      {ExitCode::kPlugin, "a plugin file was refused or is inconsistent, or a service failed to start"},
      {ExitCode::kChangeLog, "a changelog could not be parsed or validated; `db check` found drift"},
      {ExitCode::kMigration, "a migration failed, or an executed changeset was edited"},
      {ExitCode::kDatabase, "database connection or SQL failure"},
      {ExitCode::kPendingMigrations, "migrations are pending and database.runMigration is false"},
      {ExitCode::kBalances, "ledgerhost balances: an unknown account, a refused operation, or reconcile found drift"},
      {ExitCode::kInternal, "internal error (a bug: please report it with the message)"},
      {ExitCode::kInterrupted, "SIGINT stopped the command (a migration between changesets, or the wait for its lock)"},
      {ExitCode::kTerminated, "SIGTERM stopped the command, as SIGINT does"},
  };
  return kMeanings;
}

std::string ExitCodeHelp() {
  std::string out = "Exit codes:\n";
  for (const auto& [code, meaning] : ExitCodeMeanings()) {
    const std::string number = std::to_string(static_cast<int>(code));
    out += "  " + number + std::string(5 - number.size(), ' ') + meaning + "\n";
  }
  return out;
}

}  // namespace ledgerhost
