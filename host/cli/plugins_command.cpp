// `ledgerhost plugins`: what the host would load from a base directory, and what it refuses and why.
#include <iostream>

#include "cli/commands.h"
#include "config/node_config.h"
#include "plugins/plugin_registry.h"

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

    std::cout << "Plugins in " << options.directory.string() << " ("
              << (options.trusted_keys.empty() ? "signatures not required" : "signatures required") << ")\n";
    if (registry.plugins().empty()) std::cout << "  (none loaded)\n";
    for (const auto& plugin : registry.plugins()) {
      std::cout << "\n  " << plugin->name() << " " << plugin->version() << "  [" << plugin->path().filename().string() << "]\n";
      if (plugin->schemas().empty()) std::cout << "    schemas:   (none)\n";
      for (const auto& schema : plugin->schemas()) {
        std::cout << "    schema:    " << schema.name << "  (" << schema.family << " v" << schema.version << ")\n"
                  << "      migration: " << schema.migration_resource.value_or("none") << "\n";
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
    return 0;
  }

 private:
  CLI::App* app_ = nullptr;
  std::string base_directory_ = ".";
  std::string plugins_dir_;
  std::vector<std::string> trusted_keys_;
};

}  // namespace

std::unique_ptr<Command> MakePluginsCommand() { return std::make_unique<PluginsCommand>(); }

}  // namespace ledgerhost::cli
