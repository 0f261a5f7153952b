#include "core/error.h"

#include <unistd.h>

#include <cstdlib>
#include <exception>

namespace ledgerhost {
namespace {

thread_local std::string current_activity;

void WriteStderr(const std::string& text) {
  // No streams or allocation guarantees this late: one write(2) of what was prepared.
  const ssize_t ignored = write(STDERR_FILENO, text.data(), text.size());
  (void)ignored;
}

[[noreturn]] void OnTerminate() {
  std::string message = "fatal: the process was terminated";
  if (const std::exception_ptr in_flight = std::current_exception()) {
    try {
      std::rethrow_exception(in_flight);
    } catch (const std::exception& e) {
      message += " by an exception where none may be thrown: " + std::string(e.what());
    } catch (...) {
      message += " by an exception of an unknown type where none may be thrown";
    }
  }
  if (!current_activity.empty()) message += "\n  while " + current_activity;
  message += "\n  (a plugin's exception inside a SOCI statement being built, `session << ..., use(f())`, or out of "
             "a destructor or Stop() ends the process so: docs/plugin-authors.md, \"SOCI pitfalls\")\n";
  WriteStderr(message);
  std::abort();
}

}  // namespace

ActivityScope::ActivityScope(std::string what) : previous_(std::exchange(current_activity, std::move(what))) {}
ActivityScope::~ActivityScope() { current_activity = std::move(previous_); }

void InstallTerminateHandler() { std::set_terminate(&OnTerminate); }

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
