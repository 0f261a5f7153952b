// ${name} substitution (Liquibase's ChangeLogParameters + ExpressionExpander). Sources are searched
// in Liquibase's order and the first definition wins: environment, database.* built-ins, -D
// properties of the run, then changelog <property>s (global ones first-wins; global=false ones are
// local to their file and the last local definition wins).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "migration/parse/change_log_parser.h"

namespace ledgerhost::migration::parse {

struct PropertyDefinition {
  std::string name;
  std::string value;
  std::string context;  // filters: the property only exists when they match the run
  std::string labels;
  std::string dbms;
  bool global = true;
};

class ChangeLogProperties {
 public:
  explicit ChangeLogProperties(const ParseOptions& options);

  // Defines a changelog property declared in `file`; ignored when its filters do not match the run.
  void Define(const PropertyDefinition& definition, const std::string& file);

  std::optional<std::string> Find(std::string_view name, const std::string& file) const;

  // Replaces every ${name} whose property is known; unknown ones and an unterminated "${" are kept.
  std::string Expand(std::string_view text, const std::string& file) const;

 private:
  // `expanding`: the properties being expanded around this text, to name a cycle.
  std::string ExpandDepth(std::string_view text, const std::string& file, std::vector<std::string>& expanding) const;

  const ParseOptions& options_;
  std::map<std::string, std::string> built_ins_;                     // lower-cased name -> value
  std::map<std::string, std::string> run_;                           // -D properties, lower-cased name
  std::map<std::string, std::string> global_;                        // lower-cased name -> value
  std::map<std::string, std::map<std::string, std::string>> local_;  // file -> name -> value
};

// Parses Java .properties text (key=value, key: value, # and ! comments, '\' continuations).
std::map<std::string, std::string> ParseJavaProperties(std::string_view text);

}  // namespace ledgerhost::migration::parse
