#include "migration/parse/change_log_parser.h"

#include "migration/parse/expression_matcher.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

#include "core/error.h"
#include "core/text.h"
#include "migration/parse/change_log_builder.h"
#include "migration/parse/formatted_sql_change_log_parser.h"
#include "migration/parse/parse_session.h"
#include "migration/parse/text_util.h"
#include "migration/parse/xml_change_log_parser.h"
#include "migration/parse/yaml_change_log_parser.h"

namespace ledgerhost::migration {
namespace parse {
namespace {

// What ledgerhost refuses in a changelog file before parsing it, naming file and line:
// - bytes that are not UTF-8: Liquibase refuses them in XML and YAML; in formatted SQL it silently
//   turns them into U+FFFD, changing the SQL (and a database then fails on them mid-run);
// - a DOCTYPE or entity declaration in XML: Liquibase expands internal entities and reads external
//   ones found beside the changelog; ledgerhost reads neither, so it says so instead of running
//   "&x;" literally;
// - an empty .sql changelog (Liquibase: "Unable to parse empty file").
void RefuseUnreadable(const std::string& text, const std::string& path) {
  if (const std::size_t bad = FirstInvalidUtf8(text); bad != std::string::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
    throw ChangeLogError(path + ":" + std::to_string(LineOfOffset(text, bad)) + ": invalid UTF-8 (byte " + hex +
                         "); save the changelog as UTF-8");
  }
  if (text::EndsWithIgnoreCase(path, ".xml")) {
    // A DOCTYPE (where entities are declared) can only stand before the root element.
    std::size_t root = 0;
    while ((root = text.find('<', root)) != std::string::npos && root + 1 < text.size() &&
           !std::isalpha(static_cast<unsigned char>(text[root + 1]))) {
      ++root;
    }
    if (const std::size_t at = text.substr(0, root).find("<!DOCTYPE"); at != std::string::npos) {
      throw ChangeLogError(path + ":" + std::to_string(LineOfOffset(text, at)) +
                           ": a <!DOCTYPE> declaration is not read (no DTDs, no entities); remove it");
    }
  }
  if (text::EndsWithIgnoreCase(path, ".sql") && text.empty()) {
    throw ChangeLogError(path + ": Unable to parse empty file '" + path + "'");
  }
}

}  // namespace


void ThrowAt(const SourceLocation& location, const std::string& message) {
  throw ChangeLogError(location.ToString() + ": " + message);
}

ParseSession::ParseSession(const ResourceLoader& loader, const ParseOptions& options)
    : loader_(loader), options_(options), properties_(options) {}

bool ParseSession::IsChangeLogFile(const std::string& path) {
  for (const char* extension : {".xml", ".yaml", ".yml", ".json", ".sql"}) {
    if (text::EndsWithIgnoreCase(path, extension)) return true;
  }
  return false;
}

bool ParseSession::IsBeingParsed(const std::string& path) const {
  return std::find(stack_.begin(), stack_.end(), path) != stack_.end();
}

void ParseSession::ParseFile(const std::string& path, const IncludeScope& scope, ChangeLog& out,
                             const std::string& included_from) {
  const std::string where = included_from.empty() ? path : included_from;
  if (IsBeingParsed(path)) {
    std::string chain;
    for (const auto& file : stack_) chain += file + " -> ";
    throw ChangeLogError(where + ": circular include: " + chain + path);
  }
  std::optional<std::string> text = loader_.Read(path);
  if (!text) throw ChangeLogError(where + ": changelog '" + path + "' not found in " + loader_.Describe());
  if (text->rfind("\xEF\xBB\xBF", 0) == 0) text->erase(0, 3);  // UTF-8 byte order mark
  RefuseUnreadable(*text, path);

  stack_.push_back(path);
  struct PopOnExit {
    std::vector<std::string>& stack;
    ~PopOnExit() { stack.pop_back(); }
  } pop_on_exit{stack_};

  if (text::EndsWithIgnoreCase(path, ".xml")) {
    ParsedNode root = ParseXmlChangeLog(*text, path);
    ChangeLogBuilder(*this, path, scope, out).Build(root, false);
  } else if (text::EndsWithIgnoreCase(path, ".yaml") || text::EndsWithIgnoreCase(path, ".yml") ||
             text::EndsWithIgnoreCase(path, ".json")) {
    ParsedNode root = ParseYamlChangeLog(*text, path);
    ChangeLogBuilder builder(*this, path, scope, out);
    // YAML/JSON: every property is known before any ${} is expanded.
    for (const auto& child : root.children) {
      if (child.name == "property") builder.DefineProperty(child);
    }
    builder.Build(root, true);
  } else if (text::EndsWithIgnoreCase(path, ".sql")) {
    ParseSqlChangeLog(*this, *text, path, scope, out);
  } else {
    throw ChangeLogError(where + ": no changelog parser for '" + path + "' (use .xml, .yaml, .yml, .json or .sql)");
  }
}

namespace {

// Liquibase's addChangeSet: runOrder "first" changesets go before all others, "last" after all
// others, each group keeping document order.
void ApplyRunOrder(std::vector<ChangeSet>& change_sets) {
  std::stable_partition(change_sets.begin(), change_sets.end(),
                        [](const ChangeSet& cs) { return cs.run_order == "first"; });
  auto first_end =
      std::find_if(change_sets.begin(), change_sets.end(), [](const ChangeSet& cs) { return cs.run_order != "first"; });
  std::stable_partition(first_end, change_sets.end(), [](const ChangeSet& cs) { return cs.run_order != "last"; });
}

// Liquibase's ValidatingVisitor sees only the changesets that pass the dbms, context and label
// filters (and skips ignored ones), so the same id may stand twice under contexts that exclude each
// other, as Fineract's changelogs do ("postgresql" / "mysql").
bool SelectedForValidation(const ChangeSet& cs, const ParseOptions& options) {
  return !cs.ignore && ContextsAndLabelsSelect(cs, options.contexts, options.label_filter);
}

void CheckDuplicateIdentifiers(const std::vector<ChangeSet>& change_sets, const ParseOptions& options) {
  std::map<std::string, const ChangeSet*> seen;
  std::vector<std::string> duplicates;
  for (const auto& cs : change_sets) {
    if (!SelectedForValidation(cs, options)) continue;
    auto [it, inserted] = seen.emplace(cs.Identifier(), &cs);
    if (!inserted) {
      duplicates.push_back(cs.Identifier() + " (" + it->second->location.ToString() + " and " + cs.location.ToString() +
                           ")");
    }
  }
  if (duplicates.empty()) return;
  std::string message = std::to_string(duplicates.size()) + " changesets had duplicate identifiers:";
  for (const auto& duplicate : duplicates) message += "\n  " + duplicate;
  throw ChangeLogError(message);
}

}  // namespace
}  // namespace parse

ChangeLog ParseChangeLog(const ResourceLoader& loader, const std::string& path, const ParseOptions& options) {
  const std::string root = ResourceLoader::Resolve(path);
  ChangeLog change_log;
  change_log.physical_path = root;
  parse::ParseSession session(loader, options);
  session.ParseFile(root, parse::IncludeScope{}, change_log, "");
  parse::CheckDuplicateIdentifiers(change_log.change_sets, options);
  parse::ApplyRunOrder(change_log.change_sets);
  return change_log;
}

}  // namespace ledgerhost::migration
