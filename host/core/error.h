// The few exception types ledgerhost throws. Each carries the context a reader needs to act:
// a file and line, a changeset, a plugin path. main() turns them into one message and an exit code.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ledgerhost {

// Process exit codes. Their meanings, once: ExitCodeMeanings() below, which `ledgerhost --help` prints
// and docs/operators.md's table repeats (a test keeps the three equal).
enum class ExitCode : int {
  kOk = 0,
  kNo = 1,              // a yes/no command's no (db tag-exists: the tag is not recorded)
  kUsage = 2,           // bad command line
  kConfig = 3,          // node.yaml or environment
  kPlugin = 4,          // a plugin could not be loaded or is inconsistent
  kChangeLog = 5,       // a changelog could not be parsed or validated
  kMigration = 6,       // applying or generating a migration failed
  kDatabase = 7,        // connection or SQL failure outside a migration
  kPendingMigrations = 8,  // the node refuses to start with unapplied changesets
  kBalances = 9,           // a balance operation was refused, or reconcile found drift
  kInternal = 70,
  kInterrupted = 130,  // SIGINT: 128 + 2, the shell's convention
  kTerminated = 143,   // SIGTERM: 128 + 15
};

struct ExitCodeMeaning {
  ExitCode code;
  const char* meaning;
};
// Every exit code with what it means to an operator, in ascending order.
const std::vector<ExitCodeMeaning>& ExitCodeMeanings();
// "Exit codes:" and a line per code, for --help.
std::string ExitCodeHelp();

// What the calling thread is doing (a plugin's service starting, say), for the last words of a
// process that std::terminate ends: a plugin's exception thrown where none may be (a destructor,
// a noexcept function) would otherwise abort the node without a word. Scopes nest.
class ActivityScope {
 public:
  explicit ActivityScope(std::string what);
  ~ActivityScope();
  ActivityScope(const ActivityScope&) = delete;
  ActivityScope& operator=(const ActivityScope&) = delete;

 private:
  std::string previous_;
};

// Makes std::terminate print the exception in flight and the thread's activity before aborting.
void InstallTerminateHandler();

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const noexcept { return code_; }

 private:
  ExitCode code_;
};

class ConfigError : public Error {
 public:
  explicit ConfigError(const std::string& message) : Error(ExitCode::kConfig, message) {}
};

class PluginError : public Error {
 public:
  PluginError(const std::string& plugin_path, const std::string& message)
      : Error(ExitCode::kPlugin, plugin_path + ": " + message), plugin_path_(plugin_path), reason_(message) {}
  const std::string& plugin_path() const noexcept { return plugin_path_; }
  const std::string& reason() const noexcept { return reason_; }  // the message without the path

 private:
  std::string plugin_path_;
  std::string reason_;
};

// A changelog that cannot be read or is invalid. The message starts with "file:line:" when known and
// names the changeset as "id::author".
class ChangeLogError : public Error {
 public:
  explicit ChangeLogError(const std::string& message) : Error(ExitCode::kChangeLog, message) {}
};

// SIGINT or SIGTERM ended a wait; the exit code is the shell's 128 + signal.
class InterruptedError : public Error {
 public:
  InterruptedError(bool terminated, const std::string& message)
      : Error(terminated ? ExitCode::kTerminated : ExitCode::kInterrupted, message) {}
};

// Applying, rolling back or generating SQL for a changeset failed.
class MigrationError : public Error {
 public:
  explicit MigrationError(const std::string& message) : Error(ExitCode::kMigration, message) {}
};

// A change the database cannot express ("addPrimaryKey is not supported on sqlite", "addAfterColumn
// is not allowed on postgresql"): what Liquibase's validation reports before anything runs.
class UnsupportedChangeError : public MigrationError {
 public:
  using MigrationError::MigrationError;
};

class DatabaseError : public Error {
 public:
  explicit DatabaseError(const std::string& message) : Error(ExitCode::kDatabase, message) {}
};

// The node will not start: changesets are pending and database.runMigration is false.
class PendingMigrationsError : public Error {
 public:
  explicit PendingMigrationsError(const std::string& message) : Error(ExitCode::kPendingMigrations, message) {}
};

}  // namespace ledgerhost
