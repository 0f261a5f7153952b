#include <chrono>
#include <ctime>
#include <regex>
#include <sstream>

#include "core/error.h"
#include "core/logging.h"
#include "migration/engine/history_date.h"
#include "migration/engine/migrator_internal.h"
#include "migration/parse/expression_matcher.h"

namespace ledgerhost::migration::migrator_detail {

// Liquibase's StringUtil.limitSize: longer text keeps max-3 characters and gains "...".
std::string LimitSize(const std::string& text, size_t max) {
  return text.size() <= max ? text : text.substr(0, max - 3) + "...";
}

// ChangeSet.buildFullContext: every context expression, parenthesised when it has a comma or a
// space, joined with " AND ": the inherited ones first, innermost first (getInheritableContextFilter
// walks from the changeset's file up to the root; inherited_contexts is stored outermost first),
// then the changeset's own.
std::optional<std::string> FullContexts(const ChangeSet& cs) {
  std::vector<std::string> parts(cs.inherited_contexts.rbegin(), cs.inherited_contexts.rend());
  parts.push_back(cs.context);
  std::string out;
  for (auto part : parts) {
    part = Trim(part);
    if (part.empty()) continue;
    if (part.find_first_of(", ") != std::string::npos) part = "(" + part + ")";
    out += (out.empty() ? "" : " AND ") + part;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

// ChangeSet.buildFullLabels: each label set lower-cased, split on ',', trimmed, joined with ','; the
// inherited ones innermost first, as for contexts.
std::optional<std::string> FullLabels(const ChangeSet& cs) {
  std::vector<std::string> sets(cs.inherited_labels.rbegin(), cs.inherited_labels.rend());
  sets.push_back(cs.labels);
  std::string out;
  for (const auto& set : sets) {
    std::stringstream in(Lower(set));
    std::string label;
    while (std::getline(in, label, ',')) {
      label = Trim(label);
      if (!label.empty()) out += (out.empty() ? "" : ",") + label;
    }
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::string DeploymentId() {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  std::string digits = std::to_string(ms);
  return digits.size() > 10 ? digits.substr(digits.size() - 10) : digits;
}

// "Ran at:" in Java's SHORT date-time style: 11/22/26, 9:57 PM.
std::string JavaShortDateTime() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char sortable[32];
  std::strftime(sortable, sizeof sortable, "%Y-%m-%d %H:%M:%S.000000", &local);
  return JavaShortDateTimeOf(sortable);
}

namespace {

enum class Syntax { kXml, kYaml, kJson, kSql };

Syntax SyntaxOf(const std::string& path) {
  const std::string lower = Lower(path);
  if (lower.ends_with(".yaml") || lower.ends_with(".yml")) return Syntax::kYaml;
  if (lower.ends_with(".json")) return Syntax::kJson;
  if (lower.ends_with(".sql")) return Syntax::kSql;
  return Syntax::kXml;
}

}  // namespace

std::string RollbackAdvice(const std::string& change_log_path) {
  switch (SyntaxOf(change_log_path)) {
    case Syntax::kYaml:
      return "add a rollback: entry to the changeset";
    case Syntax::kJson:
      return "add a \"rollback\" entry to the changeset";
    case Syntax::kSql:
      return "add a --rollback line to the changeset (--rollback empty when there is nothing to undo)";
    case Syntax::kXml:
      break;
  }
  return "add a <rollback> block to the changeset";
}

std::string ValidCheckSumAdvice(const std::string& change_log_path, const std::string& check_sum) {
  switch (SyntaxOf(change_log_path)) {
    case Syntax::kYaml:
      return "validCheckSum: " + check_sum + " in the changeset";
    case Syntax::kJson:
      return "\"validCheckSum\": \"" + check_sum + "\" in the changeset";
    case Syntax::kSql:
      return "a --validCheckSum: " + check_sum + " line in the changeset";
    case Syntax::kXml:
      break;
  }
  return "<validCheckSum>" + check_sum + "</validCheckSum> in the changeset";
}

std::string NameOf(const ChangeSet& cs) { return cs.Identifier(); }

std::string Where(const ChangeSet& cs) {
  return cs.location.ToString() + ": changeset " + cs.id + "::" + cs.author;
}

const std::string* TagOf(const ChangeSet& cs) {
  for (const auto& change : cs.changes) {
    if (change.type == "tagDatabase") return change.Find("tag");
  }
  return nullptr;
}

// <modifySql>: append, prepend, replace, regExpReplace, applied to every generated statement.
void ApplySqlVisitors(const ChangeSet& cs, bool rollback, db::DatabaseKind database, const std::vector<std::string>& contexts,
                      const std::string& label_filter, std::vector<SqlStatement>& statements) {
  for (const auto& visitor : cs.sql_visitors) {
    if (rollback && !visitor.apply_to_rollback) continue;
    if (!db::DbmsMatches(visitor.dbms, ShortName(database))) continue;
    if (!parse::ContextMatches(visitor.context, contexts)) continue;
    if (!parse::LabelsMatch(label_filter, visitor.labels)) continue;
    auto attr = [&](const char* name) {
      auto it = visitor.attributes.find(name);
      return it == visitor.attributes.end() ? std::string() : it->second;
    };
    for (auto& statement : statements) {
      if (visitor.type == "append") {
        statement.sql += attr("value");
      } else if (visitor.type == "prepend") {
        statement.sql = attr("value") + statement.sql;
      } else if (visitor.type == "replace") {
        const std::string from = attr("replace");
        const std::string to = attr("with");
        if (from.empty()) continue;
        for (auto pos = statement.sql.find(from); pos != std::string::npos; pos = statement.sql.find(from, pos + to.size())) {
          statement.sql.replace(pos, from.size(), to);
        }
      } else if (visitor.type == "regExpReplace") {
        try {
          statement.sql = std::regex_replace(statement.sql, std::regex(attr("replace")), attr("with"));
        } catch (const std::regex_error& e) {
          throw ChangeLogError(Where(cs) + ": modifySql regExpReplace '" + attr("replace") + "' is not a valid regular expression: " + e.what());
        }
      }
    }
  }
}

ForeignKeysOff::ForeignKeysOff(db::Connection& connection) : connection_(connection) {
  if (connection.kind() != db::DatabaseKind::kSqlite) return;
  if (connection.in_transaction()) {
    throw MigrationError("a SQLite migration cannot run inside an open transaction: SQLite switches foreign key "
                         "enforcement, which table rebuilds need off, only outside one");
  }
  was_on_ = connection.SetForeignKeyEnforcement(false);
}

ForeignKeysOff::~ForeignKeysOff() {
  if (connection_.kind() != db::DatabaseKind::kSqlite) return;
  try {
    connection_.Execute("PRAGMA legacy_alter_table = OFF");
    if (was_on_) connection_.SetForeignKeyEnforcement(true);
  } catch (const Error& e) {
    Logger("migration")->error("restoring SQLite's foreign key enforcement after the migration failed: {}", e.what());
  }
}

}  // namespace ledgerhost::migration::migrator_detail
