#include "core/error.h"

#include <unistd.h>

#include <cstdlib>
#include <exception>

namespace ledgerhost {
namespace {

thread_local std::string current_activity;

// Pieces written as they are, with no allocation: the terminate may come from a bad_alloc.
void WriteStderr(const char* text) {
  size_t length = 0;
  while (text[length] != '\0') ++length;
  const ssize_t ignored = write(STDERR_FILENO, text, length);
  (void)ignored;
}

[[noreturn]] void OnTerminate() {
  WriteStderr("fatal: the process was terminated");
  if (const std::exception_ptr in_flight = std::current_exception()) {
    try {
      std::rethrow_exception(in_flight);
    } catch (const std::exception& e) {
      WriteStderr(" by an exception where none may be thrown: ");
      WriteStderr(e.what());
    } catch (...) {
      WriteStderr(" by an exception of an unknown type where none may be thrown");
    }
  }
  if (!current_activity.empty()) {
    // The host was calling into a plugin: say which, and the usual cause.
    WriteStderr("\n  while ");
    WriteStderr(current_activity.c_str());
    WriteStderr("\n  (a plugin's exception inside a SOCI statement being built, `session << ..., use(f())`, or out of "
                "Stop() or a destructor ends the process so: docs/plugin-authors.md, \"SOCI pitfalls\")");
  }
  WriteStderr("\n");
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
