// State shared by every file of one ParseChangeLog call: the loader, the options, the properties
// (global ones cross file boundaries), and the chain of files being parsed (to detect circular
// includes).
#pragma once

#include <string>
#include <vector>

#include "migration/model/change_log.h"
#include "migration/parse/change_log_parser.h"
#include "migration/parse/change_log_properties.h"

namespace ledgerhost::migration::parse {

// What an enclosing include/includeAll passes down to the changesets of the included file.
struct IncludeScope {
  std::vector<std::string> contexts;  // outermost first
  std::vector<std::string> labels;
  bool ignore = false;
};

class ParseSession {
 public:
  ParseSession(const ResourceLoader& loader, const ParseOptions& options);

  // Parses the changelog at resource `path` (normalized) and appends its changesets to `out`.
  // `included_from` names the include element for messages ("" for the root).
  void ParseFile(const std::string& path, const IncludeScope& scope, ChangeLog& out, const std::string& included_from);

  // True when ParseFile understands the file (by extension; .sql files of any kind).
  static bool IsChangeLogFile(const std::string& path);

  // True when `path` is being parsed right now (an include of it would recurse forever).
  bool IsBeingParsed(const std::string& path) const;

  const ResourceLoader& loader() const { return loader_; }
  const ParseOptions& options() const { return options_; }
  ChangeLogProperties& properties() { return properties_; }

 private:
  const ResourceLoader& loader_;
  const ParseOptions& options_;
  ChangeLogProperties properties_;
  std::vector<std::string> stack_;
};

// Throws ChangeLogError "file:line: message".
[[noreturn]] void ThrowAt(const SourceLocation& location, const std::string& message);

}  // namespace ledgerhost::migration::parse
