// The ledgerhost command line: each subcommand is a Command in its own file, registered here.
#pragma once

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

namespace ledgerhost::cli {

// One subcommand of ledgerhost. Register() declares its options on `parent`; Run() executes it after
// parsing and returns the process exit code. Errors are thrown as ledgerhost::Error.
class Command {
 public:
  virtual ~Command() = default;
  virtual CLI::App* Register(CLI::App& parent) = 0;
  virtual int Run() = 0;
};

std::unique_ptr<Command> MakePluginsCommand();  // plugins_command.cpp
std::unique_ptr<Command> MakeDbCommand();       // db_command.cpp
std::unique_ptr<Command> MakeBalancesCommand(); // balances_command.cpp
std::unique_ptr<Command> MakeNodeCommand();     // node_command.cpp: the top level, run when no subcommand is given

const char* VersionString();

void RegisterCommands(CLI::App& app);
int RunSelectedCommand(CLI::App& app);

}  // namespace ledgerhost::cli
