// A node's life: read node.yaml, load the plugins, select the schemas, bring the database to the
// right version (or write the SQL for it, or refuse), then start the vault and the plugins' services
// and run until SIGINT/SIGTERM. What `ledgerhost --base-directory DIR` runs.
#pragma once

#include <filesystem>
#include <optional>

namespace ledgerhost::node {

struct NodeOptions {
  enum class Mode {
    kStart,                  // migrate if allowed (database.runMigration), refuse if pending otherwise, then run
    kJustRunMigration,       // --just-run-db-migration: apply pending migrations and exit
    kJustGenerateMigration,  // --just-generate-db-migration [FILE]: write their SQL and exit; touches nothing
  };
  std::filesystem::path base_directory = ".";
  Mode mode = Mode::kStart;
  // Where generate writes; default migration<yyyyMMddHHmmss>.sql in the current directory (Corda's name).
  std::optional<std::filesystem::path> generate_file;
  // The log level from the command line, when given; otherwise logging.level from node.yaml applies.
  std::optional<std::string> log_level;
};

// Returns the process exit code; errors are thrown as ledgerhost::Error.
int RunNode(const NodeOptions& options);

}  // namespace ledgerhost::node
