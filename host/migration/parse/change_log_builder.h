// Turns the ParsedNode tree of one XML/YAML/JSON changelog file into model changesets, in document
// order, as Liquibase's DatabaseChangeLog.load / ChangeSet.load do: properties are defined as they
// are met, ${} is expanded in each top-level element before it is used, includes are parsed where
// they stand.
#pragma once

#include <string>

#include "migration/model/change_log.h"
#include "migration/parse/parse_session.h"
#include "migration/parse/parsed_node.h"

namespace ledgerhost::migration::parse {

class ChangeLogBuilder {
 public:
  ChangeLogBuilder(ParseSession& session, std::string physical_path, IncludeScope scope, ChangeLog& out);

  // Processes a <databaseChangeLog> root. With `properties_defined`, <property> children were already
  // defined by DefineProperty (YAML collects all properties first).
  void Build(const ParsedNode& root, bool properties_defined);

  void DefineProperty(const ParsedNode& node);

 private:
  ParsedNode Expanded(const ParsedNode& node) const;
  SourceLocation At(const ParsedNode& node) const;
  void CheckAttributes(const ParsedNode& node, std::initializer_list<const char*> allowed,
                       const std::string& where) const;

  void BuildChangeSet(const ParsedNode& node);
  Change BuildChange(const ParsedNode& node, const std::string& change_set_name) const;
  // One child of a changeset, or of its `changes` list, as Liquibase's ChangeSet.handleChildNode.
  void HandleChangeSetChild(const ParsedNode& child, ChangeSet& change_set) const;
  ColumnConfig BuildColumn(const ParsedNode& node) const;
  RollbackSpec BuildRollback(const ParsedNode& node, const ChangeSet& change_set) const;
  PreconditionContainer BuildPreconditions(const ParsedNode& node) const;
  void RequireKnownPrecondition(const ParsedNode& node) const;
  Precondition BuildPrecondition(const ParsedNode& node) const;
  void BuildSqlVisitors(const ParsedNode& node, ChangeSet& change_set) const;
  void Include(const ParsedNode& node);
  void IncludeAll(const ParsedNode& node);

  ParseSession& session_;
  std::string physical_path_;
  std::string logical_path_;
  ObjectQuotingStrategy quoting_ = ObjectQuotingStrategy::kLegacy;  // this file's databaseChangeLog setting
  IncludeScope scope_;
  ChangeLog& out_;
};

}  // namespace ledgerhost::migration::parse
