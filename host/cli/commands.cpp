#include "cli/commands.h"

#include <utility>
#include <vector>

#include "core/error.h"
#include "ledgerhost/version.h"

namespace ledgerhost::cli {
namespace {

struct Registered {
  CLI::App* app;
  std::unique_ptr<Command> command;
};

std::unique_ptr<Command>& NodeCommandInstance() {
  static std::unique_ptr<Command> node;
  return node;
}

std::vector<Registered>& Registry() {
  static std::vector<Registered> registry;
  return registry;
}

}  // namespace

const char* VersionString() { return LEDGERHOST_VERSION_STRING; }

void RegisterCommands(CLI::App& app) {
  for (auto* make : {&MakePluginsCommand, &MakeDbCommand, &MakeBalancesCommand}) {
    auto command = make();
    CLI::App* sub = command->Register(app);
    Registry().push_back({sub, std::move(command)});
  }
  NodeCommandInstance() = MakeNodeCommand();
  NodeCommandInstance()->Register(app);
}

int RunSelectedCommand(CLI::App& app) {
  for (auto& entry : Registry()) {
    if (entry.app->parsed()) return entry.command->Run();
  }
  (void)app;
  return NodeCommandInstance()->Run();
}

}  // namespace ledgerhost::cli
