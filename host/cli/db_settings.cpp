#include "cli/db_settings.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/java_properties.h"
#include "core/error.h"
#include "core/files.h"
#include "core/text.h"

namespace ledgerhost::cli {
namespace {

// A command name as Liquibase's environment variables spell it: update-count-sql -> UPDATE_COUNT_SQL.
std::string EnvironmentForm(const std::string& command) {
  std::string out = text::Upper(command);
  std::replace(out.begin(), out.end(), '-', '_');
  return out;
}

}  // namespace

std::string NormalizedSettingKey(const std::string& key) {
  std::string out;
  for (const char c : key) {
    if (c != '-' && c != '_' && c != '.') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

DbSettings::DbSettings(const std::vector<SettingSpec>& specs, const std::string& command,
                       const std::vector<std::string>& commands, const std::string& defaults_file,
                       const std::vector<std::string>& environment, bool strict)
    : specs_(specs), command_(command), commands_(commands), strict_(strict) {
  // Longest first, so that update-count-sql is tried before update-count and update.
  std::sort(commands_.begin(), commands_.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  ReadEnvironment(environment);
  std::string file = defaults_file;
  bool named = !file.empty();
  if (!named) {
    if (auto from_env = Find("defaults-file")) {
      file = from_env->value;
      named = true;
    } else {
      file = "liquibase.properties";
    }
  }
  ReadDefaultsFile(file, named, file_values_);
  // Liquibase's sibling file for what one machine overrides: a source of its own, before the file.
  const std::filesystem::path path(file);
  const std::string local = (path.parent_path() / (path.stem().string() + ".local" + path.extension().string())).string();
  ReadDefaultsFile(local, false, local_file_values_);

  if (const auto strict_value = Find("strict")) strict_ = strict_ || text::ParseJavaBoolean(strict_value->value);
  if (!unknown_.empty()) {
    std::string list;
    for (const auto& u : unknown_) list += "\n  " + u;
    if (strict_) {
      throw ConfigError("unknown settings (strict is on; a key for any command can be written "
                        "liquibase.command.<argument>):" + list);
    }
    warnings_.push_back("ignored settings ledgerhost does not know:" + list);
  }
}

const SettingSpec* DbSettings::Match(const std::string& key, bool global_only, bool arguments_only) const {
  const std::string wanted = NormalizedSettingKey(key);
  for (const SettingSpec& spec : specs_) {
    if ((global_only && !spec.global) || (arguments_only && spec.global)) continue;
    if (NormalizedSettingKey(spec.name) == wanted) return &spec;
    for (const auto& alias : spec.aliases) {
      if (NormalizedSettingKey(alias) == wanted) return &spec;
    }
  }
  return nullptr;
}

void DbSettings::Offer(std::map<std::string, Found>& into, const SettingSpec& spec, SettingValue value,
                       bool command_specific) {
  auto it = into.find(spec.name);
  // Within one source a key for this command beats a key for any command; otherwise the later wins.
  if (it != into.end() && it->second.command_specific && !command_specific) return;
  into[spec.name] = Found{std::move(value), command_specific};
}

void DbSettings::ReadEnvironment(const std::vector<std::string>& environment) {
  for (const std::string& entry : environment) {
    const auto eq = entry.find('=');
    if (eq == std::string::npos) continue;
    const std::string name = entry.substr(0, eq);
    if (!text::StartsWithIgnoreCase(name, "LIQUIBASE_")) continue;
    std::string rest = name.substr(10);
    // Not settings: the installation's own variables.
    if (text::EqualsIgnoreCase(rest, "HOME") || text::StartsWithIgnoreCase(rest, "LAUNCHER_")) continue;
    SettingValue value{entry.substr(eq + 1), name};
    if (text::StartsWithIgnoreCase(rest, "COMMAND_")) {
      rest = rest.substr(8);
      bool handled = false;
      for (const auto& command : commands_) {
        const std::string prefix = EnvironmentForm(command) + "_";
        if (!text::StartsWithIgnoreCase(rest, prefix)) continue;
        if (const SettingSpec* spec = Match(rest.substr(prefix.size()), false, true)) {
          if (command == command_) Offer(environment_values_, *spec, value, true);
          handled = true;  // another command's argument: valid, not this command's
          break;
        }
      }
      if (handled) continue;
      if (const SettingSpec* spec = Match(rest, false, true)) {
        Offer(environment_values_, *spec, value, false);
        continue;
      }
    } else if (const SettingSpec* spec = Match(rest, true, false)) {
      Offer(environment_values_, *spec, value, false);
      continue;
    }
    unknown_.push_back(name + " (environment)");
  }
}

void DbSettings::ReadDefaultsFile(const std::string& path, bool explicitly_named, std::map<std::string, Found>& into) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    if (explicitly_named) throw ConfigError("defaults file " + path + " not found");
    return;
  }
  for (const config::JavaProperty& p : config::ParseJavaProperties(ReadWholeFile(path, "defaults file"), path)) {
    const std::string where = path + ":" + std::to_string(p.line);
    SettingValue value{p.value, where + " (" + p.key + ")"};
    if (text::StartsWithIgnoreCase(p.key, "parameter.")) {
      parameters_[p.key.substr(10)] = p.value;
      continue;
    }
    const SettingSpec* spec = nullptr;
    bool command_specific = false;
    if (text::StartsWithIgnoreCase(p.key, "liquibase.command.")) {
      const std::string rest = p.key.substr(18);
      const auto dot = rest.find('.');
      if (dot != std::string::npos) {
        const std::string command = NormalizedSettingKey(rest.substr(0, dot));
        const bool known_command = std::any_of(commands_.begin(), commands_.end(),
                                               [&](const auto& c) { return NormalizedSettingKey(c) == command; });
        spec = known_command ? Match(rest.substr(dot + 1), false, true) : nullptr;
        if (spec && command != NormalizedSettingKey(command_)) continue;  // valid, for another command
        command_specific = true;
      } else {
        spec = Match(rest, false, true);
      }
    } else if (text::StartsWithIgnoreCase(p.key, "liquibase.")) {
      spec = Match(p.key.substr(10), true, false);
    } else {
      spec = Match(p.key, false, false);
    }
    if (spec == nullptr) {
      unknown_.push_back("'" + p.key + "' (" + where + ")");
      continue;
    }
    Offer(into, *spec, value, command_specific);
  }
}

std::optional<SettingValue> DbSettings::Find(const std::string& name) const {
  for (const auto* source : {&environment_values_, &local_file_values_, &file_values_}) {
    if (auto it = source->find(name); it != source->end()) return it->second.value;
  }
  return std::nullopt;
}

}  // namespace ledgerhost::cli
