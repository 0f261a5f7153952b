// The node itself: `ledgerhost [--base-directory DIR] [--just-generate-db-migration [FILE] |
// --just-run-db-migration]`, the default when no subcommand is given (as `java -jar corda.jar`
// starts a Corda node).
#include "cli/commands.h"
#include "core/error.h"
#include "node/node.h"

namespace ledgerhost::cli {
namespace {

class NodeCommand : public Command {
 public:
  CLI::App* Register(CLI::App& parent) override {
    app_ = &parent;
    parent.add_option("--base-directory", base_directory_, "Node base directory (node.yaml, plugins/, ledgerhost.db)")
        ->capture_default_str();
    generate_ = parent.add_option("--just-generate-db-migration", generate_file_,
                                  "Write the SQL that would bring the database up to date to FILE (default: "
                                  "migration<yyyyMMddHHmmss>.sql here) and exit; the database is not touched")
                    ->expected(0, 1);
    run_only_ = parent.add_flag("--just-run-db-migration", run_only_flag_,
                                "Apply the pending migrations and exit without starting the node");
    generate_->excludes(run_only_);
    return app_;
  }

  int Run() override {
    node::NodeOptions options;
    options.base_directory = base_directory_;
    if (generate_->count() > 0) {
      options.mode = node::NodeOptions::Mode::kJustGenerateMigration;
      if (!generate_file_.empty()) options.generate_file = generate_file_;
    } else if (run_only_->count() > 0) {
      options.mode = node::NodeOptions::Mode::kJustRunMigration;
    }
    if (CLI::Option* level = app_->get_option_no_throw("--log-level"); level != nullptr && level->count() > 0) {
      options.log_level = level->as<std::string>();
    }
    return node::RunNode(options);
  }

 private:
  CLI::App* app_ = nullptr;
  std::string base_directory_ = ".";
  std::string generate_file_;
  CLI::Option* generate_ = nullptr;
  CLI::Option* run_only_ = nullptr;
  bool run_only_flag_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeNodeCommand() { return std::make_unique<NodeCommand>(); }

}  // namespace ledgerhost::cli
