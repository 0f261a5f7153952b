// ledgerhost's entry point: parses the command line and turns every project error into one clear
// message on stderr and a documented exit code.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "core/error.h"
#include "core/logging.h"

int main(int argc, char** argv) {
  ledgerhost::InstallTerminateHandler();
  CLI::App app{"ledgerhost: a native node host for ledger applications.\n"
               "Loads plugins, brings the database schema to the right version (Liquibase-compatible\n"
               "changelogs) and runs the node's services.",
               "ledgerhost"};
  app.set_version_flag("--version", std::string("ledgerhost ") + ledgerhost::cli::VersionString());
  app.require_subcommand(0, 1);
  app.fallthrough();
  std::string log_level = "info";
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error or off")->capture_default_str();

  ledgerhost::cli::RegisterCommands(app);
  // Every --help ends with the exit codes, so that scripts can be written from --help alone.
  const std::string exit_codes = ledgerhost::ExitCodeHelp();
  std::vector<CLI::App*> pending{&app};
  while (!pending.empty()) {
    CLI::App* level = pending.back();
    pending.pop_back();
    const std::string own = level->get_footer();  // a command's own footer comes first
    level->footer(own.empty() ? exit_codes : own + "\n\n" + exit_codes);
    for (CLI::App* sub : level->get_subcommands({})) pending.push_back(sub);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    // An unknown command is named as such (CLI11 says "A subcommand is required" or "argument was
    // not expected"); every command-line error exits with the documented 2.
    CLI::App* deepest = &app;
    std::string path = "ledgerhost";
    for (auto subs = deepest->get_subcommands(); !subs.empty(); subs = deepest->get_subcommands()) {
      deepest = subs.front();
      path += " " + deepest->get_name();
    }
    // With fallthrough the word left over may sit on a parent.
    std::vector<std::string> remaining;
    for (CLI::App* level = deepest; level != nullptr && remaining.empty(); level = level->get_parent()) {
      remaining = level->remaining();
    }
    if (!remaining.empty() && !remaining.front().empty() && remaining.front().front() != '-' &&
        !deepest->get_subcommands({}).empty()) {
      std::string known;
      for (const CLI::App* sub : deepest->get_subcommands({})) known += (known.empty() ? "" : ", ") + sub->get_name();
      std::cerr << "error: unknown command '" << remaining.front() << "' for " << path << " (commands: " << known
                << ")\nRun with --help for more information.\n";
    } else {
      app.exit(e);
    }
    return static_cast<int>(ledgerhost::ExitCode::kUsage);
  }
  try {
    ledgerhost::ConfigureLogging(log_level);
    return ledgerhost::cli::RunSelectedCommand(app);
  } catch (const ledgerhost::Error& e) {
    std::cerr << "error: " << e.what() << "\n";
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what() << "\n";
    return static_cast<int>(ledgerhost::ExitCode::kInternal);
  }
}
