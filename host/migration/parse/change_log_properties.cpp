#include "migration/parse/change_log_properties.h"

#include <cstdlib>

#include "core/error.h"
#include "core/text.h"
#include "migration/parse/database_properties.h"
#include "migration/parse/expression_matcher.h"

namespace ledgerhost::migration::parse {
namespace {

// Property values may reference other properties. A cycle is an error (Liquibase overflows its stack
// on one), and so is an expansion that grows past any sensible size (a chain of properties that each
// double the previous reaches gigabytes in forty steps).
constexpr std::size_t kMaxExpandedSize = 16 << 20;
constexpr std::size_t kMaxExpansionDepth = 256;

std::string Chain(const std::vector<std::string>& names, const std::string& last) {
  std::string out;
  for (const auto& name : names) out += name + " -> ";
  return out + last;
}

}  // namespace

ChangeLogProperties::ChangeLogProperties(const ParseOptions& options)
    : options_(options), built_ins_(DatabaseProperties(options.database, options.server ? &*options.server : nullptr)) {
  for (const auto& [name, value] : options.properties) run_.emplace(text::Lower(name), value);
}

void ChangeLogProperties::Define(const PropertyDefinition& definition, const std::string& file) {
  if (!definition.dbms.empty() && !db::DbmsMatches(definition.dbms, ShortName(options_.database))) return;
  if (!definition.context.empty() && !ContextMatches(definition.context, options_.contexts)) return;
  if (!definition.labels.empty() && !LabelsMatch(options_.label_filter, definition.labels)) return;
  const std::string key = text::Lower(definition.name);
  if (definition.global) {
    global_.emplace(key, definition.value);  // first definition wins
  } else {
    local_[file][key] = definition.value;  // last local definition wins
  }
}

std::optional<std::string> ChangeLogProperties::Find(std::string_view name, const std::string& file) const {
  const std::string name_string(name);
  if (const char* env = std::getenv(name_string.c_str()); env != nullptr) return std::string(env);
  const std::string key = text::Lower(name);
  for (const auto* source : {&built_ins_, &run_, &global_}) {
    if (auto it = source->find(key); it != source->end()) return it->second;
  }
  if (auto file_it = local_.find(file); file_it != local_.end()) {
    if (auto it = file_it->second.find(key); it != file_it->second.end()) return it->second;
  }
  return std::nullopt;
}

std::string ChangeLogProperties::Expand(std::string_view text, const std::string& file) const {
  std::vector<std::string> expanding;
  return ExpandDepth(text, file, expanding);
}

std::string ChangeLogProperties::ExpandDepth(std::string_view text, const std::string& file,
                                             std::vector<std::string>& expanding) const {
  if (text.find("${") == std::string_view::npos) return std::string(text);
  std::string out;
  std::size_t i = 0;
  auto check_size = [&] {
    if (out.size() > kMaxExpandedSize) {
      throw ChangeLogError(file + ": expanding the properties of '" + std::string(text.substr(0, 80)) +
                           "' gives more than " + std::to_string(kMaxExpandedSize >> 20) + " MiB of text");
    }
  };
  while (i < text.size()) {
    if (text[i] != '$' || i + 1 >= text.size() || text[i + 1] != '{') {
      out += text[i++];
      continue;
    }
    // Find the matching '}' so that nested ${a${b}} expands the inner reference first.
    std::size_t j = i + 2;
    int level = 1;
    while (j < text.size()) {
      if (text[j] == '$' && j + 1 < text.size() && text[j + 1] == '{') {
        ++level;
        j += 2;
        continue;
      }
      if (text[j] == '}' && --level == 0) break;
      ++j;
    }
    if (j >= text.size()) {  // unterminated: kept literally
      out.append(text.substr(i));
      break;
    }
    const std::string name = ExpandDepth(text.substr(i + 2, j - i - 2), file, expanding);
    if (auto value = Find(name, file)) {
      const std::string key = text::Lower(name);
      for (const auto& outer : expanding) {
        if (outer == key) throw ChangeLogError(file + ": property '" + name + "' refers to itself: " + Chain(expanding, key));
      }
      if (expanding.size() >= kMaxExpansionDepth) {
        throw ChangeLogError(file + ": properties nested more than " + std::to_string(kMaxExpansionDepth) +
                             " deep: " + Chain(expanding, key));
      }
      expanding.push_back(key);
      out += ExpandDepth(*value, file, expanding);
      expanding.pop_back();
    } else {
      out += "${" + name + "}";
    }
    check_size();
    i = j + 1;
  }
  return out;
}

std::map<std::string, std::string> ParseJavaProperties(std::string_view text) {
  std::map<std::string, std::string> out;
  std::string logical;
  std::size_t pos = 0;
  auto next_line = [&](std::string& line) {
    if (pos > text.size()) return false;
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    line = std::string(text.substr(pos, end - pos));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    pos = end + 1;
    return true;
  };
  std::string line;
  while (next_line(line)) {
    std::string trimmed = text::JavaTrim(line);
    if (logical.empty() && (trimmed.empty() || trimmed[0] == '#' || trimmed[0] == '!')) continue;
    // An odd number of trailing backslashes continues the line.
    std::size_t backslashes = 0;
    while (backslashes < trimmed.size() && trimmed[trimmed.size() - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 1) {
      logical += trimmed.substr(0, trimmed.size() - 1);
      continue;
    }
    logical += trimmed;
    std::size_t split = 0;
    while (split < logical.size() && logical[split] != '=' && logical[split] != ':' &&
           !(static_cast<unsigned char>(logical[split]) <= ' ')) {
      if (logical[split] == '\\') ++split;
      ++split;
    }
    std::string key = logical.substr(0, std::min(split, logical.size()));
    std::string rest = split < logical.size() ? logical.substr(split) : "";
    rest = text::JavaTrim(rest);
    if (!rest.empty() && (rest[0] == '=' || rest[0] == ':')) rest = text::JavaTrim(rest.substr(1));
    out[key] = rest;
    logical.clear();
  }
  return out;
}

}  // namespace ledgerhost::migration::parse
