// `ledgerhost plugins`: what the host would load from a base directory, and what it refuses and why;
// each selected schema's changelog is parsed as the node would, so its errors show before a start.
#include <iostream>
#include <map>
#include <utility>

#include "cli/commands.h"
#include "config/node_config.h"
#include "core/error.h"
#include "node/node_database.h"
#include "plugins/plugin_registry.h"
#include "schema/node_schema.h"
#include "schema/schema_change_logs.h"
#include "schema/schema_selector.h"

namespace ledgerhost::cli {
namespace {

class PluginsCommand : public Command {
 public:
  CLI::App* Register(CLI::App& parent) override {
    app_ = parent.add_subcommand("plugins", "List the plugins of a node: schemas, migrations, services, customChange classes, refused files");
    app_->add_option("--base-directory", base_directory_, "Node base directory (node.yaml, plugins/)")->capture_default_str();
    app_->add_option("--plugins-dir", plugins_dir_, "Plugins directory (default: from node.yaml, else <base>/plugins)");
    app_->add_option("--trusted-key", trusted_keys_, "PEM Ed25519 public key; when given, plugins need a valid .so.sig");
    return app_;
  }

  int Run() override {
    config::NodeConfig config = config::LoadNodeConfig(base_directory_);
    plugins::PluginLoadOptions options;
    options.directory = plugins_dir_.empty() ? config.plugins.directory : std::filesystem::path(plugins_dir_);
    options.trusted_keys = config.plugins.trusted_keys;
    for (const auto& key : trusted_keys_) options.trusted_keys.emplace_back(key);
    options.ignored_files = config.plugins.ignored_files;
    auto registry = plugins::PluginRegistry::Load(options);
    std::string not_checked;  // why no changelog could be checked (database URL, schema selection)
    const auto checks = CheckChangeLogs(config, registry, not_checked);
    size_t failed = 0;

    std::cout << "Plugins in " << options.directory.string() << " ("
              << (options.trusted_keys.empty() ? "signatures not required" : "signatures required") << ")\n";
    if (registry.plugins().empty()) std::cout << "  (none loaded)\n";
    for (const auto& plugin : registry.plugins()) {
      std::cout << "\n  " << plugin->name() << " " << plugin->version() << "  [" << plugin->path().filename().string() << "]\n";
      if (plugin->schemas().empty()) std::cout << "    schemas:   (none)\n";
      for (const auto& schema : plugin->schemas()) {
        std::cout << "    schema:    " << schema.name << "  (" << schema.family << " v" << schema.version << ")\n"
                  << "      migration: " << schema.migration_resource.value_or("none") << "\n";
        const auto check = checks.find({schema.family, schema.version});
        if (!not_checked.empty()) {
          std::cout << "      changelog: not checked (see below)\n";
        } else if (check == checks.end()) {
          std::cout << "      changelog: not checked (not selected in node.yaml schemas)\n";
        } else if (check->second.error.empty()) {
          std::cout << "      changelog: " << check->second.summary << "\n";
        } else {
          ++failed;
          std::cout << "      changelog: ERROR " << check->second.error << "\n";
        }
      }
      for (const auto& service : plugin->services()) {
        std::cout << "    service:   " << service.name;
        if (!service.depends_on.empty()) {
          std::cout << " (after";
          for (const auto& d : service.depends_on) std::cout << " " << d;
          std::cout << ")";
        }
        std::cout << "\n";
      }
      for (const auto& class_name : plugin->custom_changes()) std::cout << "    customChange: " << class_name << "\n";
      std::cout << "    resources: " << plugin->resources().size() << " embedded file(s)\n";
    }
    if (!options.ignored_files.empty()) {
      std::cout << "\nLeft out (plugins.ignore):\n";
      for (const auto& name : options.ignored_files) std::cout << "  " << name << "\n";
    }
    if (!registry.skipped().empty()) {
      std::cout << "\nRefused (the node does not start until each is replaced, removed or in plugins.ignore):\n";
      for (const auto& skipped : registry.skipped()) {
        std::cout << "  " << skipped.path.filename().string() << ": " << skipped.reason << "\n";
      }
    }
    if (!not_checked.empty()) {
      std::cout << "\nChangelogs not checked: " << not_checked << "\n";
      return static_cast<int>(ExitCode::kConfig);
    }
    if (failed > 0) {
      std::cout << "\n" << failed << " schema changelog(s) have errors: the node would not start with them.\n";
      return static_cast<int>(ExitCode::kChangeLog);
    }
    return 0;
  }

 private:
  struct ChangeLogCheck {
    std::string summary;  // "N changesets" / "derived from the entities"
    std::string error;    // empty: parsed
  };

  // Each selected plugin schema's changelog, parsed on its own (so that one error does not hide the
  // next) with the node's database and schema options, as the node would at start.
  // `not_checked` says why none could be (the database URL, the schema selection): the listing
  // still shows what loaded.
  static std::map<std::pair<std::string, int>, ChangeLogCheck> CheckChangeLogs(const config::NodeConfig& config,
                                                                            const plugins::PluginRegistry& registry,
                                                                            std::string& not_checked) {
    std::map<std::pair<std::string, int>, ChangeLogCheck> out;
    db::DatabaseUrl url;
    schema::SchemaCatalog catalog;
    try {
      url = node::NodeDatabaseUrl(config);
      catalog = schema::SelectSchemas(registry.plugins(), config.schemas, url.kind);
    } catch (const Error& e) {
      not_checked = e.what();
      return out;
    }
    schema::SchemaChangeLogOptions options;
    options.database = url.kind;
    options.allow_derived_tables = config.database.allow_derived_tables;
    for (const auto& selected : catalog.schemas()) {
      if (selected.family == ledgerhost::kNodeSchemaFamily) continue;
      ChangeLogCheck check;
      try {
        const schema::SchemaCatalog alone({schema::NodeSchema(), selected});  // the changelogs point into it
        const auto change_logs = schema::BuildSchemaChangeLogs(alone, options);
        for (const auto& change_log : change_logs) {
          if (change_log.schemas.size() == 1 && change_log.schemas.front()->family == ledgerhost::kNodeSchemaFamily) continue;
          check.summary = change_log.derived ? "derived from the entities (no migration)"
                                             : "parsed, " + std::to_string(change_log.change_log.change_sets.size()) +
                                                   " changeset(s) for " + std::string(db::ShortName(url.kind));
        }
      } catch (const std::exception& e) {  // one schema's problem does not hide the next's
        check.error = e.what();
      }
      out[{selected.family, selected.version}] = check;
    }
    return out;
  }

  CLI::App* app_ = nullptr;
  std::string base_directory_ = ".";
  std::string plugins_dir_;
  std::vector<std::string> trusted_keys_;
};

}  // namespace

std::unique_ptr<Command> MakePluginsCommand() { return std::make_unique<PluginsCommand>(); }

}  // namespace ledgerhost::cli
