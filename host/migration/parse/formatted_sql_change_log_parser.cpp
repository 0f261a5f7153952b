#include "migration/parse/formatted_sql_change_log_parser.h"

#include <re2/re2.h>

#include <map>
#include <memory>

#include "core/text.h"
#include "migration/parse/text_util.h"

namespace ledgerhost::migration::parse {
namespace {

// Liquibase's patterns (AbstractFormattedChangeLogParser), all case-insensitive and matched against
// the whole line. RE2 runs them in time linear in the line and without recursion (std::regex recursed
// per character: a directive line of some 27,000 characters overflowed the stack). Latin-1, so that
// every byte is a character, as it is to Java reading the file.
class Pattern {
 public:
  explicit Pattern(const char* text) : re_(std::string("(?i)") + text, Options()) {}
  const RE2& re() const { return re_; }

 private:
  static RE2::Options Options() {
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);
    options.set_log_errors(false);
    return options;
  }
  RE2 re_;
};

// Up to two captured groups; group i of a match is match[i] (1-based, as std::smatch).
struct Match {
  std::string group[3];
  const std::string& operator[](int i) const { return group[i]; }
};

bool FullMatch(const std::string& line, const Pattern& pattern, Match* match = nullptr) {
  const int groups = std::min(pattern.re().NumberOfCapturingGroups(), 2);
  if (match == nullptr || groups == 0) return RE2::FullMatch(line, pattern.re());
  const RE2::Arg first(&match->group[1]), second(&match->group[2]);
  const RE2::Arg* args[] = {&first, &second};
  return RE2::FullMatchN(line, pattern.re(), args, groups);
}

const Pattern kHeader(R"(\s*--\s*liquibase\s*formatted.*)");
const Pattern kLogicalFilePath(R"(.*logicalFilePath:(\S*).*)");
const Pattern kProperty(R"(\s*--[\s]*property\s+(.*:.*)\s+(.*:.*).*)");
const Pattern kAltProperty(R"(\s*-[\s]*property\s.*)");
const Pattern kPropertyName(R"(.*name:\s*(\S+).*)");
const Pattern kPropertyValue(R"(.*value:\s*(\S+).*)");
const Pattern kChangeSet(R"rx(\s*--[\s]*changeset\s+("[^"]+"|[^:]+):\s*("[^"]+"|\S+).*)rx");
const Pattern kAltChangeSet(R"(\s*-+[\s]*changeset(\s.*)?)");
const Pattern kComment(R"(--[\s]*comment:? (.*))");
const Pattern kRollback(R"(\s*--[\s]*rollback (.*))");
const Pattern kAltRollback(R"(\s*-[\s]*rollback\s.*)");
const Pattern kRollbackBlockStart(R"(\s*/\*\s*liquibase\s*rollback\s*)");
const Pattern kRollbackBlockEnd(R"((.*?)\s*\*/\s*)");
const Pattern kPreconditionsComment(R"(\s*--[\s]*preconditions(.*))");
const Pattern kPrecondition(R"(\s*--[\s]*precondition\-([a-zA-Z0-9-]+) (.*))");
const Pattern kValidCheckSum(R"(--[\s]*validCheckSum:? (.*))");
const Pattern kIgnoreLines(R"(--[\s]*ignoreLines:(\w+))");
const Pattern kIgnoreLinesEnd(R"(\s*--[\s]*ignoreLines:end\s*)");

std::optional<std::string> Find(const std::string& line, const char* attribute_pattern) {
  static thread_local std::map<std::string, std::unique_ptr<Pattern>> cache;
  auto it = cache.find(attribute_pattern);
  if (it == cache.end()) it = cache.emplace(attribute_pattern, std::make_unique<Pattern>(attribute_pattern)).first;
  std::string group;
  if (!RE2::PartialMatch(line, it->second->re(), &group)) return std::nullopt;
  return group;
}

std::string StripQuotes(std::string text) {
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') return text.substr(1, text.size() - 2);
  return text;
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  std::string current;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' || c == '\r') {
      lines.push_back(std::move(current));
      current.clear();
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      current += c;
    }
  }
  if (!current.empty()) lines.push_back(std::move(current));
  return lines;
}

// One changeset while its lines are being read.
struct PendingChangeSet {
  ChangeSet change_set;
  std::string line;  // the --changeset line, for its attributes
  std::string body;
  std::string rollback;
  bool has_rollback = false;
  std::optional<std::string> comment;
};

class FormattedSqlParser {
 public:
  FormattedSqlParser(ParseSession& session, const std::string& path, const IncludeScope& scope, ChangeLog& out)
      : session_(session), path_(path), scope_(scope), out_(out) {}

  void Parse(const std::vector<std::string>& lines) {
    bool ignoring_block = false;
    long ignore_count = 0;
    bool in_rollback_block = false;
    for (std::size_t index = 0; index < lines.size(); ++index) {
      const std::string& line = lines[index];
      const int number = static_cast<int>(index) + 1;
      Match match;
      if (ignoring_block) {
        if (FullMatch(line, kIgnoreLinesEnd)) ignoring_block = false;
        continue;
      }
      if (ignore_count > 0) {
        --ignore_count;
        continue;
      }
      if (in_rollback_block) {
        if (FullMatch(line, kRollbackBlockEnd, &match)) {
          current_->rollback += match[1];
          in_rollback_block = false;
        } else {
          current_->rollback += line;  // Liquibase joins these lines without separators
        }
        continue;
      }
      if (FullMatch(line, kHeader)) {
        if (FullMatch(line, kLogicalFilePath, &match)) logical_path_ = NormalizeLogicalPath(Expand(match[1]));
        continue;
      }
      if (FullMatch(line, kProperty)) {
        DefineProperty(line);
        continue;
      }
      if (FullMatch(line, kAltProperty)) Fail(number, "unexpected formatting of a property line: " + line);
      if (FullMatch(line, kChangeSet, &match)) {
        StartChangeSet(line, match, number);
        continue;
      }
      if (FullMatch(line, kAltChangeSet)) {
        Fail(number, "unexpected formatting of a changeset line (expected '--changeset author:id'): " + line);
      }
      if (!current_) {
        if (FullMatch(line, kComment)) Fail(number, "--comment outside a changeset");
        continue;  // lines before the first changeset are not part of any changeset
      }
      const std::string name = current_->change_set.id + "::" + current_->change_set.author;
      if (FullMatch(line, kRollbackBlockStart)) {
        in_rollback_block = true;
        current_->has_rollback = true;
      } else if (FullMatch(line, kComment, &match)) {
        current_->comment = match[1];
      } else if (FullMatch(line, kRollback, &match)) {
        current_->rollback += match[1] + "\n";
        current_->has_rollback = true;
      } else if (FullMatch(line, kAltRollback)) {
        Fail(number, "changeset " + name + ": unexpected formatting of a rollback line: " + line);
      } else if (FullMatch(line, kPreconditionsComment, &match)) {
        Preconditions(match[1], number);
      } else if (FullMatch(line, kPrecondition, &match)) {
        AddPrecondition(match[1], match[2], number, name);
      } else if (FullMatch(line, kValidCheckSum, &match)) {
        current_->change_set.valid_checksums.push_back(text::JavaTrim(match[1]));
      } else if (FullMatch(line, kIgnoreLines, &match)) {
        const std::string what = match[1];
        if (text::EqualsIgnoreCase(what, "start")) {
          ignoring_block = true;
        } else {
          try {
            ignore_count = std::stol(what);
          } catch (const std::exception&) {
            Fail(number, "changeset " + name + ": ignoreLines takes 'start', 'end' or a number, not '" + what + "'");
          }
        }
      } else {
        current_->body += line + "\n";
      }
    }
    FinishChangeSet(true);
  }

 private:
  std::string Expand(const std::string& text) const { return session_.properties().Expand(text, path_); }

  [[noreturn]] void Fail(int line, const std::string& message) const { ThrowAt({path_, line}, message); }

  void DefineProperty(const std::string& line) {
    Match match;
    PropertyDefinition definition;
    if (!FullMatch(line, kPropertyName, &match)) return;
    definition.name = match[1];
    if (FullMatch(line, kPropertyValue, &match)) definition.value = match[1];
    definition.context =
        Find(line, R"(contextFilter:("[^"]+"|\S*))").value_or(Find(line, R"(context:("[^"]+"|\S*))").value_or(""));
    definition.context = StripQuotes(definition.context);
    definition.labels = StripQuotes(Find(line, R"(labels:("[^"]+"|\S*))").value_or(""));
    definition.dbms = Find(line, R"(dbms:([^,][\w!,]+))").value_or("");
    definition.global = text::ParseJavaBoolean(Find(line, R"(global:(\S+))").value_or("true"));
    session_.properties().Define(definition, path_);
  }

  void StartChangeSet(const std::string& line, const Match& match, int number) {
    FinishChangeSet(false);
    const std::string raw_author = match[1];
    const std::string raw_id = match[2];
    // Liquibase also requires "author:id" literally, so "--changeset a: 1" is rejected.
    if (line.find(raw_author + ":" + raw_id) == std::string::npos) {
      Fail(number, "unexpected formatting of a changeset line (expected '--changeset author:id'): " + line);
    }
    current_.emplace();
    current_->line = line;
    ChangeSet& cs = current_->change_set;
    cs.location = {path_, number};
    cs.author = Expand(StripQuotes(text::JavaTrim(raw_author)));
    cs.id = Expand(StripQuotes(raw_id));
    cs.physical_path = path_;
    auto logical = Find(line, R"(logicalFilePath:(\S*))");
    if (logical && !logical->empty()) {
      cs.file_path = NormalizeLogicalPath(Expand(*logical));
    } else {
      cs.file_path = logical_path_.empty() ? path_ : logical_path_;
    }
    cs.run_on_change = text::ParseJavaBoolean(Find(line, R"(runOnChange:(\w+))").value_or("false"));
    cs.run_always = text::ParseJavaBoolean(Find(line, R"(runAlways:(\w+))").value_or("false"));
    cs.run_in_transaction = text::ParseJavaBoolean(Find(line, R"(runInTransaction:(\w+))").value_or("true"));
    cs.fail_on_error = text::ParseJavaBoolean(Find(line, R"(failOnError:(\w+))").value_or("true"));
    auto context = Find(line, R"(contextFilter:("[^"]+"|\S*))");
    if (!context) context = Find(line, R"(context:("[^"]+"|\S*))");
    cs.context = Expand(StripQuotes(context.value_or("")));
    cs.labels = Expand(StripQuotes(Find(line, R"(labels:("[^"]+"|\S*))").value_or("")));
    cs.dbms = Expand(Find(line, R"(dbms:([^,][\w!,]+))").value_or(""));
    cs.ignore = text::ParseJavaBoolean(Find(line, R"(ignore:(\w*))").value_or("false")) || scope_.ignore;
    cs.inherited_contexts = scope_.contexts;
    cs.inherited_labels = scope_.labels;
  }

  void Preconditions(const std::string& rest, int number) {
    PreconditionContainer container;
    container.location = {path_, number};
    if (auto on_fail = Find(rest, R"(onFail:(\w+))")) container.on_fail = *on_fail;
    if (auto on_error = Find(rest, R"(onError:(\w+))")) container.on_error = *on_error;
    auto on_update = Find(rest, R"(onUpdateSQL:(\w+))");
    auto on_output = Find(rest, R"(onSqlOutput:(\w+))");
    if (on_update && on_output) Fail(number, "use onUpdateSQL or onSqlOutput, not both");
    if (on_update) container.on_sql_output = *on_update;
    if (on_output) container.on_sql_output = *on_output;
    if (current_->change_set.preconditions) container.conditions = current_->change_set.preconditions->conditions;
    current_->change_set.preconditions = std::move(container);
  }

  void AddPrecondition(const std::string& type, const std::string& raw_body, int number, const std::string& name) {
    const std::string body = Expand(raw_body);
    Precondition precondition;
    precondition.location = {path_, number};
    const std::string lowered = text::Lower(type);
    Match match;
    if (lowered == "sql-check") {
      static const Pattern kSqlCheck(R"rx(\s*(?:expectedResult:)?(\w+|'[^']+'|"[^"]+")\s+(.*))rx");
      if (!FullMatch(body, kSqlCheck, &match)) {
        Fail(number, "changeset " + name + ": --precondition-sql-check needs 'expectedResult:<value> <sql>'");
      }
      std::string expected = match[1];
      if (expected.size() >= 2 && (expected.front() == '\'' || expected.front() == '"')) {
        expected = expected.substr(1, expected.size() - 2);
      }
      precondition.type = "sqlCheck";
      precondition.attributes["expectedResult"] = expected;
      precondition.text = text::JavaTrim(match[2]);
    } else if (lowered == "table-exists" || lowered == "view-exists") {
      const bool table = lowered == "table-exists";
      precondition.type = table ? "tableExists" : "viewExists";
      auto object = Find(body, table ? R"(table:(\w+))" : R"(view:(\w+))");
      if (!object) Fail(number, "changeset " + name + ": --precondition-" + lowered + " needs a name");
      precondition.attributes[table ? "tableName" : "viewName"] = *object;
      if (auto schema = Find(body, R"(schema:(\w+))")) precondition.attributes["schemaName"] = *schema;
    } else {
      Fail(number, "changeset " + name + ": unknown precondition '" + type +
                       "' (formatted SQL supports sql-check, table-exists, view-exists)");
    }
    if (!current_->change_set.preconditions) {
      current_->change_set.preconditions = PreconditionContainer{};
      current_->change_set.preconditions->location = {path_, number};
    }
    current_->change_set.preconditions->conditions.push_back(std::move(precondition));
  }

  void FinishChangeSet(bool last_in_file) {
    if (!current_) return;
    PendingChangeSet pending = std::move(*current_);
    current_.reset();
    ChangeSet& cs = pending.change_set;
    const std::string name = cs.id + "::" + cs.author;
    const std::string& line = pending.line;

    std::string body = text::JavaTrim(pending.body);
    if (body.empty()) ThrowAt(cs.location, "no SQL for changeset " + name);
    body = Expand(body);
    Change change;
    change.type = "sql";
    change.location = cs.location;
    change.attributes["sql"] = body;
    if (auto split = Find(line, R"(splitStatements:(\w+))")) change.attributes["splitStatements"] = *split;
    // Formatted SQL strips comments unless told otherwise (XML <sql> does not).
    change.attributes["stripComments"] = Find(line, R"(stripComments:(\w+))").value_or("true");
    auto end_delimiter = Find(line, R"(endDelimiter:(\S*))");
    if (end_delimiter) {
      change.attributes["endDelimiter"] = *end_delimiter;
    } else if (last_in_file && body.size() >= 2 && body.compare(body.size() - 2, 2, "\n/") == 0) {
      change.attributes["endDelimiter"] = "\n/$";
    }
    cs.changes.push_back(std::move(change));

    if (pending.comment) cs.comments = text::JavaTrim(Expand(*pending.comment));
    if (pending.has_rollback) BuildRollback(pending, cs);
    out_.change_sets.push_back(std::move(cs));
  }

  void BuildRollback(const PendingChangeSet& pending, ChangeSet& cs) {
    cs.rollback.declared = true;
    const std::string text = text::JavaTrim(Expand(pending.rollback));
    const std::string lowered = text::Lower(text);
    if (text.empty() || lowered.rfind("not required", 0) == 0 || lowered.rfind("empty", 0) == 0) return;
    if (lowered.find("changesetid") != std::string::npos) {
      auto id = Find(text, R"(changeSetId:(\S+))");
      auto author = Find(text, R"(changesetAuthor:(\S+))");
      auto path = Find(text, R"(changesetPath:(\S+))");
      if (!id) ThrowAt(cs.location, "changeset " + cs.id + "::" + cs.author + ": rollback needs changeSetId:<id>");
      cs.rollback.referenced_id = *id;
      cs.rollback.referenced_author = author;
      cs.rollback.referenced_path = path;
      const std::string wanted_path = path.value_or(cs.file_path);
      for (const auto& candidate : out_.change_sets) {
        if (candidate.id == *id && (!author || candidate.author == *author) && candidate.file_path == wanted_path) {
          cs.rollback.changes = candidate.changes;
          return;
        }
      }
      ThrowAt(cs.location, "changeset " + cs.id + "::" + cs.author + ": rollback refers to changeset " + wanted_path +
                               "::" + *id + "::" + author.value_or("") + ", which does not exist");
    }
    Change change;
    change.type = "sql";
    change.location = cs.location;
    change.attributes["sql"] = text;
    if (auto split = Find(pending.line, R"(rollbackSplitStatements:(\w+))")) {
      change.attributes["splitStatements"] = *split;
    }
    if (auto delimiter = Find(pending.line, R"(rollbackEndDelimiter:(\S*))")) {
      change.attributes["endDelimiter"] = *delimiter;
    }
    cs.rollback.changes.push_back(std::move(change));
  }

  ParseSession& session_;
  const std::string& path_;
  const IncludeScope& scope_;
  ChangeLog& out_;
  std::string logical_path_;
  std::optional<PendingChangeSet> current_;
};

}  // namespace

bool IsFormattedSql(std::string_view text) {
  for (const auto& line : SplitLines(text)) {
    if (text::JavaTrim(line).empty()) continue;
    return FullMatch(line, kHeader);
  }
  return false;
}

void ParseSqlChangeLog(ParseSession& session, std::string_view text, const std::string& path, const IncludeScope& scope,
                       ChangeLog& out) {
  if (IsFormattedSql(text)) {
    FormattedSqlParser(session, path, scope, out).Parse(SplitLines(text));
    return;
  }
  // A plain SQL file (SqlChangeLogParser): one changeset "raw" by "includeAll" running the whole
  // file as one statement, never split and comments kept, so PostgreSQL $$ bodies stay whole.
  if (text.empty()) ThrowAt({path, 1}, "Unable to parse empty file '" + path + "'");
  ChangeSet cs;
  cs.id = "raw";
  cs.author = "includeAll";
  cs.file_path = path;
  cs.physical_path = path;
  cs.location = {path, 1};
  cs.ignore = scope.ignore;
  cs.inherited_contexts = scope.contexts;
  cs.inherited_labels = scope.labels;
  Change change;
  change.type = "sql";
  change.location = cs.location;
  change.attributes["sql"] = std::string(text);
  change.attributes["splitStatements"] = "false";
  change.attributes["stripComments"] = "false";
  cs.changes.push_back(std::move(change));
  out.change_sets.push_back(std::move(cs));
}

}  // namespace ledgerhost::migration::parse
