// Where `ledgerhost db` takes a setting that is not on its command line from, as Liquibase 4.28 does:
// the environment (LIQUIBASE_COMMAND_<ARG>, LIQUIBASE_COMMAND_<COMMAND>_<ARG>, LIQUIBASE_<GLOBAL>),
// then the defaults file (--defaults-file, default liquibase.properties in the working directory, and
// its sibling <name>.local.properties before it). Keys match Liquibase's way: any case, kabob-case or
// camelCase (`changelog-file`, `changeLogFile`), bare or as `liquibase.command.<arg>` /
// `liquibase.command.<command>.<arg>` (command arguments) or `liquibase.<name>` (global settings);
// `parameter.<name>` keys are changelog parameters. docs/operators.md describes it for operators.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ledgerhost::cli {

struct SettingSpec {
  std::string name;  // kabob-case, as on the command line without "--"
  std::vector<std::string> aliases;
  bool global = false;  // a Liquibase global setting (liquibase.<name>) rather than a command argument
};

struct SettingValue {
  std::string value;
  std::string origin;  // "LIQUIBASE_COMMAND_URL" or "liquibase.properties:3 (url)", for messages
};

class DbSettings {
 public:
  // `command`: the db subcommand running; `commands`: every db subcommand (a key for another command
  // is not unknown); `defaults_file`: the --defaults-file given, or "" for liquibase.properties, which
  // may be missing; `environment`: "NAME=value" entries. Unknown keys are warnings, or a ConfigError
  // naming file:line or variable when `strict` (--strict, LIQUIBASE_STRICT or strict in the file).
  DbSettings(const std::vector<SettingSpec>& specs, const std::string& command, const std::vector<std::string>& commands,
             const std::string& defaults_file, const std::vector<std::string>& environment, bool strict);

  // The value of the setting named `name` (a spec's name), environment before defaults file.
  std::optional<SettingValue> Find(const std::string& name) const;
  // Changelog parameters from the defaults files' parameter.<name> keys.
  const std::map<std::string, std::string>& parameters() const { return parameters_; }
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  // The spec a key names (any spelling), among global settings, command arguments or both.
  const SettingSpec* Match(const std::string& key, bool global_only, bool arguments_only) const;
  struct Found {
    SettingValue value;
    bool command_specific = false;
  };
  void ReadEnvironment(const std::vector<std::string>& environment);
  void ReadDefaultsFile(const std::string& path, bool explicitly_named, std::map<std::string, Found>& into);
  void Offer(std::map<std::string, Found>& into, const SettingSpec& spec, SettingValue value, bool command_specific);

  const std::vector<SettingSpec>& specs_;
  std::string command_;
  std::vector<std::string> commands_;
  bool strict_;
  std::map<std::string, Found> environment_values_;
  std::map<std::string, Found> local_file_values_;
  std::map<std::string, Found> file_values_;
  std::map<std::string, std::string> parameters_;
  std::vector<std::string> warnings_;
  std::vector<std::string> unknown_;
};

// A key compared as Liquibase compares them: lower case, without '-', '_' and '.'.
std::string NormalizedSettingKey(const std::string& key);

}  // namespace ledgerhost::cli
