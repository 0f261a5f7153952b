#include "migration/parse/change_log_builder.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "core/error.h"
#include "core/logging.h"
#include "migration/model/sql_splitter.h"
#include "migration/parse/data_type_grammar.h"
#include "core/text.h"
#include "migration/change/change_type.h"
#include "migration/parse/attribute_names.h"
#include "migration/parse/text_util.h"

namespace ledgerhost::migration::parse {
namespace {

// A node that carries a plain value: an XML attribute or a YAML scalar key.
bool IsScalar(const ParsedNode& node) { return node.is_attribute || (!node.from_xml && node.children.empty()); }

std::string Describe(const ParsedNode& node) { return node.from_xml ? "<" + node.name + ">" : "'" + node.name + "'"; }

// The preconditions and the attributes each has (Liquibase 4.28's dbchangelog XSD). Liquibase refuses
// any other attribute in XML through the XSD; in YAML/JSON it ignores them and a typo then fails at
// update (a null table name) or, under onFail="MARK_RAN", never shows. ledgerhost refuses them in
// every format, before anything runs. customPrecondition's are its class's properties: not checked.
const std::map<std::string, std::optional<std::set<std::string>>> kPreconditions{
    {"and", std::set<std::string>{}},
    {"or", std::set<std::string>{}},
    {"not", std::set<std::string>{}},
    {"dbms", {{"type"}}},
    {"runningAs", {{"username"}}},
    {"changeSetExecuted", {{"author", "changeLogFile", "id"}}},
    {"tableExists", {{"catalogName", "schemaName", "tableName"}}},
    {"columnExists", {{"catalogName", "columnName", "schemaName", "tableName"}}},
    {"viewExists", {{"catalogName", "schemaName", "viewName"}}},
    {"sequenceExists", {{"catalogName", "schemaName", "sequenceName"}}},
    {"foreignKeyConstraintExists", {{"catalogName", "foreignKeyName", "foreignKeyTableName", "schemaName"}}},
    {"indexExists", {{"catalogName", "columnNames", "indexName", "schemaName", "tableName"}}},
    {"uniqueConstraintExists", {{"catalogName", "columnNames", "constraintName", "schemaName", "tableName"}}},
    {"primaryKeyExists", {{"catalogName", "primaryKeyName", "schemaName", "tableName"}}},
    {"rowCount", {{"catalogName", "expectedRows", "schemaName", "tableName"}}},
    {"tableIsEmpty", {{"catalogName", "schemaName", "tableName"}}},
    {"sqlCheck", {{"expectedResult", "sql"}}},
    {"changeLogPropertyDefined", {{"property", "value"}}},
    {"expectedQuotingStrategy", {{"strategy"}}},
    {"customPrecondition", std::nullopt},
};

bool IsPrecondition(const std::string& name) { return kPreconditions.count(name) != 0; }

// Values Liquibase prints into SQL as written. A number that does not parse is an expression
// ("timesRan"+1, newsequentialid()) and stays one, but one holding a ';' would end the statement and
// start another (valueNumeric="1); DROP TABLE t; --" runs under Liquibase), so that is refused; SQL
// meant to run goes in <sql> or valueComputed. A type must be a type (data_type_grammar.h).
const std::set<std::string> kPastedExpressions{"valueNumeric", "defaultValueNumeric"};
const std::set<std::string> kPastedTypes{"type", "columnDataType", "newDataType", "dataType", "newColumnDataType",
                                         "finalColumnType"};

void RefuseStatementIn(const std::string& name, const std::string& value, const SourceLocation& where,
                       const std::string& context) {
  if (kPastedExpressions.count(name) && value.find(';') != std::string::npos) {
    ThrowAt(where, context + name + "=\"" + value + "\" holds a ';': it would be pasted into the SQL and end the statement");
  }
  if (kPastedTypes.count(name)) {
    if (auto problem = DataTypeGrammarProblem(value)) {
      ThrowAt(where, context + name + "=\"" + value + "\" is not a data type: " + *problem +
                         " (it would be pasted into the SQL as written)");
    }
  }
}

std::string Joined(const std::set<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out.empty() ? "none" : out;
}

const std::set<std::string> kSqlVisitorTypes{"append", "prepend", "replace", "regExpReplace"};

std::optional<bool> OptionalBool(const ParsedNode& node, const std::string& name) {
  auto value = node.ChildValue(name);
  if (!value) return std::nullopt;
  return text::ParseJavaBoolean(*value);
}

std::string Value(const ParsedNode& node, const std::string& name) { return node.ChildValue(name).value_or(""); }

// ObjectQuotingStrategy.valueOf: the exact constant name, or an error (as Java's valueOf).
ObjectQuotingStrategy ParseQuotingStrategy(const std::string& value, const SourceLocation& where) {
  if (value == "LEGACY") return ObjectQuotingStrategy::kLegacy;
  if (value == "QUOTE_ALL_OBJECTS") return ObjectQuotingStrategy::kQuoteAllObjects;
  if (value == "QUOTE_ONLY_RESERVED_WORDS") return ObjectQuotingStrategy::kQuoteOnlyReservedWords;
  ThrowAt(where, "objectQuotingStrategy must be LEGACY, QUOTE_ALL_OBJECTS or QUOTE_ONLY_RESERVED_WORDS, not '" + value +
                     "'");
}

}  // namespace

ChangeLogBuilder::ChangeLogBuilder(ParseSession& session, std::string physical_path, IncludeScope scope, ChangeLog& out)
    : session_(session), physical_path_(std::move(physical_path)), scope_(std::move(scope)), out_(out) {}

SourceLocation ChangeLogBuilder::At(const ParsedNode& node) const { return {physical_path_, node.line}; }

ParsedNode ChangeLogBuilder::Expanded(const ParsedNode& node) const {
  ParsedNode copy = node;
  auto& properties = session_.properties();
  auto expand = [&](auto& self, ParsedNode& n) -> void {
    if (n.value) n.value = properties.Expand(*n.value, physical_path_);
    for (auto& item : n.list) item = properties.Expand(item, physical_path_);
    for (auto& child : n.children) self(self, child);
  };
  expand(expand, copy);
  return copy;
}

void ChangeLogBuilder::CheckAttributes(const ParsedNode& node, std::initializer_list<const char*> allowed,
                                       const std::string& where) const {
  if (!node.from_xml) return;
  for (const auto& child : node.children) {
    if (!child.is_attribute) continue;
    if (std::find_if(allowed.begin(), allowed.end(), [&](const char* a) { return child.name == a; }) == allowed.end()) {
      ThrowAt(At(node), "attribute '" + child.name + "' is not allowed on " + where);
    }
  }
}

void ChangeLogBuilder::Build(const ParsedNode& root, bool properties_defined) {
  // Changelog attributes apply to the whole file, wherever they stand (YAML lists them as items).
  for (const auto& child : root.children) {
    if (!IsScalar(child) || !child.value) continue;
    const std::string value = session_.properties().Expand(*child.value, physical_path_);
    if (child.name == "logicalFilePath") {
      logical_path_ = NormalizeLogicalPath(value);
    } else if (child.name == "context" || child.name == "contextFilter") {
      if (!text::JavaTrim(value).empty()) scope_.contexts.push_back(value);
    } else if (child.name == "objectQuotingStrategy") {
      if (!text::JavaTrim(value).empty()) quoting_ = ParseQuotingStrategy(text::JavaTrim(value), At(child));
    } else if (child.name == "changeLogId") {
      // Informational only.
    } else if (!child.from_xml) {
      // DatabaseChangeLog.handleChildNode: an unknown entry without children is ignored.
    } else {
      ThrowAt(At(child), "unexpected " + std::string(child.is_attribute ? "attribute '" : "entry '") + child.name +
                             "' on databaseChangeLog");
    }
  }
  if (out_.physical_path == physical_path_) out_.logical_path = logical_path_;

  for (const auto& raw : root.children) {
    if (IsScalar(raw) && raw.value) continue;  // changelog attributes, handled above
    if (raw.name == "property") {
      if (!properties_defined) DefineProperty(raw);
      continue;
    }
    const ParsedNode node = Expanded(raw);
    if (node.name == "changeSet") {
      BuildChangeSet(node);
    } else if (node.name == "include") {
      Include(node);
    } else if (node.name == "includeAll") {
      IncludeAll(node);
    } else if (node.name == "preConditions") {
      out_.preconditions.push_back(BuildPreconditions(node));
    } else if (node.name == "modifyChangeSets") {
      // Liquibase 4.x wraps includes to change their runWith; the includes inside still apply.
      for (const auto& child : node.children) {
        if (child.name == "include") Include(child);
        if (child.name == "includeAll") IncludeAll(child);
      }
    } else if (node.name == "removeChangeSetProperty") {
      // Only alters properties of changesets for other databases; nothing to record.
    } else {
      ThrowAt(At(node), "unexpected " + Describe(node) + " in databaseChangeLog");
    }
  }
}

void ChangeLogBuilder::DefineProperty(const ParsedNode& raw) {
  const ParsedNode node = Expanded(raw);
  CheckAttributes(node,
                  {"name", "value", "file", "context", "contextFilter", "labels", "dbms", "global",
                   "relativeToChangelogFile", "errorIfMissing", "target"},
                  "<property>");
  PropertyDefinition definition;
  definition.context = node.ChildValue("contextFilter").value_or(Value(node, "context"));
  definition.labels = Value(node, "labels");
  definition.dbms = Value(node, "dbms");
  definition.global = OptionalBool(node, "global").value_or(true);
  if (auto file = node.ChildValue("file")) {
    const bool relative = OptionalBool(node, "relativeToChangelogFile").value_or(false);
    std::string path;
    try {
      path = ResourceLoader::Resolve(*file, relative ? physical_path_ : "");
    } catch (const ChangeLogError& e) {
      ThrowAt(At(node), e.what());
    }
    auto text = session_.loader().Read(path);
    if (!text) {
      if (OptionalBool(node, "errorIfMissing").value_or(true)) {
        ThrowAt(At(node), "property file '" + path + "' not found in " + session_.loader().Describe());
      }
      return;
    }
    for (const auto& [name, value] : ParseJavaProperties(*text)) {
      definition.name = name;
      definition.value = value;
      session_.properties().Define(definition, physical_path_);
    }
    return;
  }
  auto name = node.ChildValue("name");
  if (!name || name->empty()) ThrowAt(At(node), "property without a name");
  definition.name = *name;
  definition.value = node.ChildValue("value").value_or(node.value.value_or(""));
  session_.properties().Define(definition, physical_path_);
}

void ChangeLogBuilder::BuildChangeSet(const ParsedNode& node) {
  ChangeSet cs;
  cs.location = At(node);
  cs.id = node.ChildValue("id").value_or("");
  cs.author = node.ChildValue("author").value_or("");
  const std::string name = cs.id + "::" + cs.author;
  if (cs.id.empty()) ThrowAt(cs.location, "changeset " + name + ": attribute 'id' is required");
  if (cs.author.empty()) ThrowAt(cs.location, "changeset " + name + ": attribute 'author' is required");
  for (const auto& child : node.children) {
    if (child.is_attribute && !ChangeSetAttributes().count(child.name)) {
      ThrowAt(cs.location, "changeset " + name + ": attribute '" + child.name + "' is not allowed on <changeSet>");
    }
  }

  cs.dbms = Value(node, "dbms");
  // Liquibase drops changesets for other databases while parsing XML/YAML/JSON.
  if (!cs.dbms.empty() && !db::DbmsMatches(cs.dbms, ShortName(session_.options().database))) {
    out_.skipped_for_dbms++;
    return;
  }

  cs.physical_path = physical_path_;
  if (auto logical = node.ChildValue("logicalFilePath"); logical && !logical->empty()) {
    cs.file_path = NormalizeLogicalPath(*logical);
  } else {
    cs.file_path = logical_path_.empty() ? physical_path_ : logical_path_;
  }
  cs.run_on_change = OptionalBool(node, "runOnChange").value_or(false);
  cs.run_always = OptionalBool(node, "runAlways").value_or(OptionalBool(node, "alwaysRun").value_or(false));
  cs.fail_on_error = OptionalBool(node, "failOnError").value_or(true);
  cs.run_in_transaction = OptionalBool(node, "runInTransaction").value_or(true);
  cs.ignore = OptionalBool(node, "ignore").value_or(false) || scope_.ignore;
  cs.context = node.ChildValue("contextFilter").value_or(Value(node, "context"));
  cs.labels = Value(node, "labels");
  cs.inherited_contexts = scope_.contexts;
  cs.inherited_labels = scope_.labels;
  cs.on_validation_fail = node.ChildValue("onValidationFail").value_or("HALT");
  cs.quoting = quoting_;
  if (auto quoting = node.ChildValue("objectQuotingStrategy"); quoting && !text::JavaTrim(*quoting).empty()) {
    cs.quoting = ParseQuotingStrategy(text::JavaTrim(*quoting), cs.location);
  }
  cs.run_order = Value(node, "runOrder");
  if (!cs.run_order.empty() && cs.run_order != "first" && cs.run_order != "last") {
    ThrowAt(cs.location, "changeset " + name + ": runOrder must be 'first' or 'last', not '" + cs.run_order + "'");
  }

  // COMMENTS: the changeset's own `comment` children only (a `comment` inside `changes` is not one).
  std::vector<std::string> comments;
  for (const auto& child : node.children) {
    if (child.name != "comment") continue;
    if (child.value) comments.push_back(*child.value);
    for (const auto& item : child.list) comments.push_back(item);
  }
  for (const auto& child : node.children) {
    if ((IsScalar(child) && ChangeSetAttributes().count(child.name)) || child.name == "comment") continue;
    HandleChangeSetChild(child, cs);
  }
  std::string joined;
  for (const auto& comment : comments) joined += (joined.empty() ? "" : "\n") + comment;
  cs.comments = text::JavaTrim(joined);
  out_.change_sets.push_back(std::move(cs));
}

void ChangeLogBuilder::HandleChangeSetChild(const ParsedNode& child, ChangeSet& cs) const {
  const std::string name = cs.id + "::" + cs.author;
  if (child.name == "validCheckSum" || child.name == "validCheckSums") {
    if (child.value) cs.valid_checksums.push_back(text::JavaTrim(*child.value));
    for (const auto& item : child.list) cs.valid_checksums.push_back(text::JavaTrim(item));
  } else if (child.name == "preConditions") {
    cs.preconditions = BuildPreconditions(child);
  } else if (child.name == "modifySql") {
    BuildSqlVisitors(child, cs);
  } else if (child.name == "rollback") {
    RollbackSpec rollback = BuildRollback(child, cs);
    cs.rollback.declared = true;
    for (auto& change : rollback.changes) cs.rollback.changes.push_back(std::move(change));
    if (rollback.referenced_id) {
      cs.rollback.referenced_id = rollback.referenced_id;
      cs.rollback.referenced_author = rollback.referenced_author;
      cs.rollback.referenced_path = rollback.referenced_path;
    }
  } else if (child.name == "changes") {
    // Liquibase hands each item of `changes` back to the same dispatch: a modifySql, rollback or
    // validCheckSum written among the changes (as YAML changelogs do) means what it means outside.
    for (const auto& item : child.children) HandleChangeSetChild(item, cs);
  } else if (FindChangeType(child.name) != nullptr) {
    cs.changes.push_back(BuildChange(child, name));
  } else if (IsScalar(child)) {
    // Not a change: a plain value (`comment: ...`, `remarks: ...`, a null) is an attribute of the
    // changeset that Liquibase keeps aside and never runs.
  } else {
    ThrowAt(At(child), "changeset " + name + ": unknown change type " + Describe(child) +
                           ". Check for spelling or capitalization errors");
  }
}

ColumnConfig ChangeLogBuilder::BuildColumn(const ParsedNode& node) const {
  ColumnConfig column;
  column.location = At(node);
  for (const auto& child : node.children) {
    if (child.name == "constraints" && !child.is_attribute) {
      Attributes constraints;
      for (const auto& attribute : child.children) {
        if (attribute.value) constraints[attribute.name] = *attribute.value;
      }
      column.constraints = std::move(constraints);
    } else if (IsScalar(child)) {
      if (child.value) {
        RefuseStatementIn(child.name, *child.value, At(child), "column ");
        column.attributes[child.name] = *child.value;
      }
    } else {
      ThrowAt(At(child), "unexpected " + Describe(child) + " in " + Describe(node));
    }
  }
  // ColumnConfig.load: the element's text is the value only when there is no value attribute.
  if (node.from_xml && node.value && !column.attributes.count("value")) column.attributes["value"] = *node.value;
  return column;
}

Change ChangeLogBuilder::BuildChange(const ParsedNode& node, const std::string& change_set_name) const {
  const std::string where = "changeset " + change_set_name + ": ";
  const ChangeType* info = FindChangeType(node.name);
  if (info == nullptr) ThrowAt(At(node), where + "unknown change type " + Describe(node));
  const bool custom = node.name == "customChange";
  Change change;
  change.type = node.name;
  change.location = At(node);
  auto add_param = [&](const ParsedNode& param) {
    auto name = param.ChildValue("name");
    if (!name) ThrowAt(At(param), where + "<param> without a name");
    change.params.emplace_back(*name, param.ChildValue("value").value_or(param.value.value_or("")));
  };
  for (const auto& child : node.children) {
    if (IsScalar(child)) {
      if (custom && child.name != "class") {
        if (child.value) change.params.emplace_back(child.name, *child.value);
        continue;
      }
      if (node.from_xml && !custom && !info->HasAttribute(child.name)) {
        ThrowAt(At(node), where + "attribute '" + child.name + "' is not allowed on <" + node.name + ">");
      }
      if (child.value) {
        RefuseStatementIn(child.name, *child.value, At(child), where);
        change.attributes[child.name] = *child.value;
      }
    } else if (child.name == "column" && child.Child("column") != nullptr) {
      // A `column:` holding `- column:` items: each inner one is a column (AbstractChange.load).
      for (const auto& column : child.children) {
        if (column.name == "column") change.columns.push_back(BuildColumn(column));
      }
    } else if (child.name == "column") {
      change.columns.push_back(BuildColumn(child));
    } else if (child.name == "columns") {
      // AbstractChange.load: the `column` items of a `columns` list are the columns (anything else
      // listed there is ignored, as Liquibase ignores it); a `columns` without any is one column.
      bool any = false;
      for (const auto& column : child.children) {
        if (column.name != "column") continue;
        change.columns.push_back(BuildColumn(column));
        any = true;
      }
      if (!any && !child.children.empty()) change.columns.push_back(BuildColumn(child));
    } else if (child.name == "where" || child.name == "comment") {
      if (child.value) change.attributes[child.name] = *child.value;
    } else if (child.name == "whereParams") {
      for (const auto& param : child.children) change.where_params.push_back(BuildColumn(param));
    } else if (child.name == "param") {
      add_param(child);
    } else if (child.name == "params") {
      for (const auto& param : child.children) add_param(param);
    } else if (child.name == "arg" || child.name == "args") {
      auto add_arg = [&](const ParsedNode& arg) {
        change.params.emplace_back("arg", arg.ChildValue("value").value_or(arg.value.value_or("")));
      };
      if (child.name == "arg") add_arg(child);
      for (const auto& arg : child.children) {
        if (child.name == "args") add_arg(arg);
      }
    } else if (!node.from_xml) {
      // AbstractChange.load reads the change's own parameters and ignores any other list or map
      // (a misindented `rollback:` under a createTable in Keel's changelogs); XML has its schema.
      Logger("migration")->debug("{}: {}'{}' is not a parameter of {}, ignored as Liquibase ignores it",
                                 At(child).ToString(), where, child.name, node.name);
    } else {
      ThrowAt(At(child), where + "unexpected " + Describe(child) + " in <" + node.name + ">");
    }
  }
  if (node.from_xml && node.value) {
    if (info->text_attribute.empty()) ThrowAt(At(node), where + "<" + node.name + "> takes no text");
    change.attributes[std::string(info->text_attribute)] = *node.value;
  } else if (node.value && !info->text_attribute.empty() && !change.Find(std::string(info->text_attribute))) {
    // AbstractChange.load: `- sql: SELECT 1` gives the change's DIRECT_VALUE parameter (sql, an
    // output's or stop's message, a view's selectQuery, a procedure's text).
    change.attributes[std::string(info->text_attribute)] = *node.value;
  }
  for (const auto& parameter : info->parameters) {
    if (!parameter.required) continue;
    const std::string required(parameter.name);
    if (required == "columns") {
      if (change.columns.empty()) ThrowAt(At(node), where + "<" + node.name + "> requires at least one column");
      continue;
    }
    if (node.name == "createProcedure" && (change.Find("path") || change.Find("procedureText"))) continue;
    const std::string* value = change.Find(required);
    if (value == nullptr || text::JavaTrim(*value).empty()) {
      ThrowAt(At(node), where + "<" + node.name + "> requires '" + required + "'");
    }
  }
  if (custom && !change.Find("class")) ThrowAt(At(node), where + "<customChange> requires 'class'");
  // The XSD types onDelete/onUpdate as xsd:token: the validating XML parser collapses their whitespace.
  if (node.from_xml && node.name == "addForeignKeyConstraint") {
    for (const char* action : {"onDelete", "onUpdate"}) {
      if (auto it = change.attributes.find(action); it != change.attributes.end()) {
        std::string collapsed;
        std::istringstream words(it->second);
        for (std::string word; words >> word;) collapsed += (collapsed.empty() ? "" : " ") + word;
        it->second = collapsed;
      }
    }
  }
  // LoadDataChange.setSeparator: the two characters \t are a tab (checksum and CSV reading alike).
  if (auto it = change.attributes.find("separator"); it != change.attributes.end() && it->second == "\\t") {
    it->second = "\t";
  }
  return change;
}

RollbackSpec ChangeLogBuilder::BuildRollback(const ParsedNode& node, const ChangeSet& change_set) const {
  const std::string name = change_set.id + "::" + change_set.author;
  RollbackSpec rollback;
  rollback.declared = true;
  if (auto id = node.ChildValue("changeSetId")) {
    rollback.referenced_id = *id;
    rollback.referenced_author = node.ChildValue("changeSetAuthor");
    rollback.referenced_path = node.ChildValue("changeSetPath");
    const std::string path = rollback.referenced_path.value_or(change_set.file_path);
    // Like Liquibase, the referenced changeset must already be known; its changes become ours.
    const ChangeSet* found = nullptr;
    for (const auto& candidate : out_.change_sets) {
      if (candidate.id == *id && (!rollback.referenced_author || candidate.author == *rollback.referenced_author) &&
          NormalizeLogicalPath(candidate.file_path) == NormalizeLogicalPath(path)) {
        found = &candidate;
      }
    }
    if (found == nullptr) {
      ThrowAt(At(node), "changeset " + name + ": rollback refers to changeset " + path + "::" + *id +
                            "::" + rollback.referenced_author.value_or("") + ", which does not exist");
    }
    rollback.changes = found->changes;
    return rollback;
  }
  for (const auto& child : node.children) {
    if (IsScalar(child) && (child.name == "changeSetAuthor" || child.name == "changeSetPath")) continue;
    if (child.is_attribute) {
      ThrowAt(At(node), "changeset " + name + ": attribute '" + child.name + "' is not allowed on <rollback>");
    }
    rollback.changes.push_back(BuildChange(child, name));
  }
  // Rollback text is split as Liquibase's processMultiLineSQL does for it: comments stripped, on ';'.
  if (node.value) {
    for (auto& statement : SplitSql(*node.value, /*strip_comments=*/true, /*split_statements=*/true, ";")) {
      Change sql;
      sql.type = "sql";
      sql.attributes["sql"] = std::move(statement);
      sql.location = At(node);
      rollback.changes.push_back(std::move(sql));
    }
  }
  for (const auto& item : node.list) {
    for (auto& statement : SplitSql(item, /*strip_comments=*/true, /*split_statements=*/true, ";")) {
      Change sql;
      sql.type = "sql";
      sql.attributes["sql"] = std::move(statement);
      sql.location = At(node);
      rollback.changes.push_back(std::move(sql));
    }
  }
  return rollback;
}

void ChangeLogBuilder::RequireKnownPrecondition(const ParsedNode& node) const {
  // PreconditionLogic.toPrecondition in Liquibase's strict parse mode: an unknown name with content.
  if (!IsPrecondition(node.name)) {
    ThrowAt(At(node), "Unknown precondition '" + node.name + "'. Check for spelling or capitalization errors");
  }
}

PreconditionContainer ChangeLogBuilder::BuildPreconditions(const ParsedNode& node) const {
  PreconditionContainer container;
  container.location = At(node);
  for (const auto& child : node.children) {
    if (IsScalar(child)) {
      const std::string value = child.value.value_or("");
      if (child.name == "onFail") {
        container.on_fail = value;
      } else if (child.name == "onError") {
        container.on_error = value;
      } else if (child.name == "onFailMessage") {
        container.on_fail_message = value;
      } else if (child.name == "onErrorMessage") {
        container.on_error_message = value;
      } else if (child.name == "onSqlOutput" || child.name == "onUpdateSQL") {
        container.on_sql_output = value;
      } else if (IsPrecondition(child.name)) {
        container.conditions.push_back(BuildPrecondition(child));
      } else if (node.from_xml) {
        ThrowAt(At(child), "attribute '" + child.name + "' is not allowed on <preConditions>");
      }
      // PreconditionLogic.toPrecondition: an unknown name without children is ignored (YAML/JSON).
      continue;
    }
    RequireKnownPrecondition(child);
    container.conditions.push_back(BuildPrecondition(child));
  }
  auto check = [&](const std::string& value, const char* what) {
    if (value != "HALT" && value != "CONTINUE" && value != "MARK_RAN" && value != "WARN") {
      ThrowAt(container.location,
              std::string("preConditions ") + what + " must be HALT, CONTINUE, MARK_RAN or WARN, not '" + value + "'");
    }
  };
  check(container.on_fail, "onFail");
  check(container.on_error, "onError");
  return container;
}

Precondition ChangeLogBuilder::BuildPrecondition(const ParsedNode& node) const {
  if (!IsPrecondition(node.name) && node.name != "param") {
    ThrowAt(At(node), "unknown precondition " + Describe(node));
  }
  Precondition precondition;
  precondition.type = node.name;
  precondition.location = At(node);
  for (const auto& child : node.children) {
    if (node.name == "sqlCheck" && child.name == "sql" && !child.is_attribute) {
      precondition.text = child.value.value_or("");
    } else if (IsScalar(child) && !IsPrecondition(child.name)) {
      if (node.name == "sqlCheck" && child.name == "sql") {
        precondition.text = child.value.value_or("");
      } else {
        // A customPrecondition's <param> and customPrecondition itself have no fixed attributes.
        const auto known = kPreconditions.find(node.name);
        if (known != kPreconditions.end() && known->second && !known->second->count(child.name)) {
          ThrowAt(At(child), "attribute '" + child.name + "' is not allowed on " + Describe(node) + " (its attributes: " +
                                 Joined(*known->second) + ")");
        }
        if (child.value) precondition.attributes[child.name] = *child.value;
      }
    } else {
      if (node.name == "and" || node.name == "or" || node.name == "not") RequireKnownPrecondition(child);
      precondition.children.push_back(BuildPrecondition(child));
    }
  }
  if (node.value) precondition.text = *node.value;
  if (precondition.type == "changeLogPropertyDefined") {
    // The changelog's parameters as this file sees them, resolved now: the engine has no property
    // table of its own. ${name} left as written means the property is not defined.
    const std::string property = precondition.attributes.count("property") ? precondition.attributes.at("property") : "";
    const std::string reference = "${" + property + "}";
    const std::string value = session_.properties().Expand(reference, physical_path_);
    precondition.attributes["resolved.defined"] = value != reference ? "true" : "false";
    precondition.attributes["resolved.value"] = value;
  }
  if (precondition.type == "expectedQuotingStrategy") {
    // ObjectQuotingStrategyPrecondition compares with the changelog's own strategy, known only here.
    static const char* const kNames[] = {"LEGACY", "QUOTE_ALL_OBJECTS", "QUOTE_ONLY_RESERVED_WORDS"};
    precondition.attributes["resolved.changelog"] = kNames[static_cast<int>(quoting_)];
  }
  return precondition;
}

void ChangeLogBuilder::BuildSqlVisitors(const ParsedNode& node, ChangeSet& change_set) const {
  const std::string dbms = Value(node, "dbms");
  const std::string context = node.ChildValue("contextFilter").value_or(Value(node, "context"));
  const std::string labels = Value(node, "labels");
  const bool apply_to_rollback = OptionalBool(node, "applyToRollback").value_or(false);
  for (const auto& child : node.children) {
    if (IsScalar(child)) {
      if (child.name == "dbms" || child.name == "context" || child.name == "contextFilter" || child.name == "labels" ||
          child.name == "applyToRollback") {
        continue;
      }
      ThrowAt(At(node), "attribute '" + child.name + "' is not allowed on <modifySql>");
    }
    if (!kSqlVisitorTypes.count(child.name)) {
      // SqlVisitorFactory.create gives null for an unknown name and ChangeSet skips it; XML has its schema.
      if (!node.from_xml) continue;
      ThrowAt(At(child), "unknown modifySql visitor " + Describe(child));
    }
    SqlVisitor visitor;
    visitor.type = child.name;
    visitor.dbms = dbms;
    visitor.context = context;
    visitor.labels = labels;
    visitor.apply_to_rollback = apply_to_rollback;
    // AbstractSqlVisitor.load: a visitor's own dbms, applyToRollback and context(Filter|s) win over
    // the enclosing modifySql's (YAML lists several visitors, each with its own dbms).
    for (const auto& attribute : child.children) {
      if (!attribute.value) continue;
      if (attribute.name == "dbms") {
        visitor.dbms = *attribute.value;
      } else if (attribute.name == "applyToRollback") {
        visitor.apply_to_rollback = text::ParseJavaBoolean(*attribute.value);
      } else if (attribute.name == "context" || attribute.name == "contextFilter" || attribute.name == "contexts") {
        visitor.context = *attribute.value;
      } else {
        visitor.attributes[attribute.name] = *attribute.value;
      }
    }
    change_set.sql_visitors.push_back(std::move(visitor));
  }
}

void ChangeLogBuilder::Include(const ParsedNode& node) {
  CheckAttributes(
      node,
      {"file", "relativeToChangelogFile", "errorIfMissing", "context", "contextFilter", "labels", "ignore", "created"},
      "<include>");
  auto file = node.ChildValue("file");
  if (!file || file->empty()) ThrowAt(At(node), "include requires 'file'");
  const bool relative = OptionalBool(node, "relativeToChangelogFile").value_or(false);
  std::string path;
  try {
    path = ResourceLoader::Resolve(*file, relative ? physical_path_ : "");
  } catch (const ChangeLogError& e) {
    ThrowAt(At(node), std::string("include: ") + e.what());
  }
  if (!ParseSession::IsChangeLogFile(path)) {
    ThrowAt(At(node), "include of '" + path + "': no changelog parser for this file type");
  }
  bool exists = false;
  try {
    exists = session_.loader().Read(path).has_value();
  } catch (const ChangeLogError& e) {
    ThrowAt(At(node), std::string("include: ") + e.what());
  }
  if (!exists) {
    if (OptionalBool(node, "errorIfMissing").value_or(true)) {
      ThrowAt(At(node), "included file '" + path + "' not found in " + session_.loader().Describe());
    }
    Logger("migration")
        ->warn("{}: included file '{}' not found, skipped (errorIfMissing=false)", At(node).ToString(), path);
    return;
  }
  IncludeScope scope = scope_;
  if (auto context = node.ChildValue("contextFilter").value_or(Value(node, "context")); !text::JavaTrim(context).empty()) {
    scope.contexts.push_back(context);
  }
  if (auto labels = Value(node, "labels"); !text::JavaTrim(labels).empty()) scope.labels.push_back(labels);
  scope.ignore = scope.ignore || OptionalBool(node, "ignore").value_or(false);
  session_.ParseFile(path, scope, out_, At(node).ToString());
}

void ChangeLogBuilder::IncludeAll(const ParsedNode& node) {
  CheckAttributes(
      node,
      {"path", "relativeToChangelogFile", "errorIfMissingOrEmpty", "minDepth", "maxDepth", "endsWithFilter", "context",
       "contextFilter", "labels", "ignore", "resourceFilter", "filter", "resourceComparator", "created"},
      "<includeAll>");
  auto raw_path = node.ChildValue("path");
  if (!raw_path || raw_path->empty()) ThrowAt(At(node), "includeAll requires 'path'");
  for (const char* unsupported : {"resourceFilter", "filter", "resourceComparator"}) {
    if (node.Child(unsupported)) {
      ThrowAt(At(node),
              std::string("includeAll: '") + unsupported + "' names a Java class, which ledgerhost cannot load");
    }
  }
  const bool relative = OptionalBool(node, "relativeToChangelogFile").value_or(false);
  std::string dir;
  try {
    dir = ResourceLoader::Resolve(*raw_path, relative ? physical_path_ : "");
  } catch (const ChangeLogError& e) {
    ThrowAt(At(node), std::string("includeAll: ") + e.what());
  }
  auto to_int = [&](const char* name, int fallback) {
    auto value = node.ChildValue(name);
    if (!value) return fallback;
    try {
      return std::stoi(*value);
    } catch (const std::exception&) {
      ThrowAt(At(node), std::string("includeAll: ") + name + " must be a number, not '" + *value + "'");
    }
  };
  const int min_depth = to_int("minDepth", 0);
  const int max_depth = to_int("maxDepth", std::numeric_limits<int>::max());
  const std::string ends_with = Value(node, "endsWithFilter");

  std::vector<std::string> files;
  for (const auto& path : session_.loader().List(dir)) {
    const std::string below = dir.empty() ? path : path.substr(dir.size() + 1);
    const int depth = 1 + static_cast<int>(std::count(below.begin(), below.end(), '/'));
    if (depth < min_depth || depth > max_depth) continue;
    if (!ends_with.empty() && !text::EndsWithIgnoreCase(path, ends_with)) continue;
    if (!ParseSession::IsChangeLogFile(path)) {
      Logger("migration")->warn("{}: includeAll skips '{}': not a changelog format", At(node).ToString(), path);
      continue;
    }
    files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  if (files.empty() && OptionalBool(node, "errorIfMissingOrEmpty").value_or(true)) {
    ThrowAt(At(node), "includeAll path '" + dir + "' has no changelogs in " + session_.loader().Describe());
  }
  IncludeScope scope = scope_;
  if (auto context = node.ChildValue("contextFilter").value_or(Value(node, "context")); !text::JavaTrim(context).empty()) {
    scope.contexts.push_back(context);
  }
  if (auto labels = Value(node, "labels"); !text::JavaTrim(labels).empty()) scope.labels.push_back(labels);
  scope.ignore = scope.ignore || OptionalBool(node, "ignore").value_or(false);
  for (const auto& file : files) {
    if (session_.IsBeingParsed(file)) {
      ThrowAt(At(node), "includeAll of '" + dir + "' includes '" + file + "', which is being parsed: circular include");
    }
    session_.ParseFile(file, scope, out_, At(node).ToString());
  }
}

}  // namespace ledgerhost::migration::parse
