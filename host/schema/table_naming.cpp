#include "schema/table_naming.h"

#include <array>
#include <initializer_list>

namespace ledgerhost::schema {
namespace {

using migration::Attributes;

// Attributes naming a table-like object (and so taking the prefix), in changes, column constraints
// and preconditions. Index and constraint names are prefixed too: on PostgreSQL they share one
// namespace per schema, so two prefixed copies of a family must not collide.
constexpr std::array kPrefixed = {
    "tableName",        "baseTableName",        "referencedTableName", "oldTableName",   "newTableName",
    "viewName",         "oldViewName",          "newViewName",         "indexName",      "constraintName",
    "primaryKeyName",   "foreignKeyName",       "uniqueConstraintName", "foreignKeyTableName",
    "primaryKeyTableName"};

void Rewrite(Attributes& attributes, const std::string& prefix, const std::string& database_schema,
             bool names_a_table) {
  if (!prefix.empty()) {
    for (const char* name : kPrefixed) {
      auto it = attributes.find(name);
      if (it != attributes.end() && !it->second.empty()) it->second = prefix + it->second;
    }
    // <constraints references="table(column)">
    if (auto it = attributes.find("references"); it != attributes.end() && !it->second.empty()) {
      it->second = prefix + it->second;
    }
  }
  if (!database_schema.empty() && names_a_table) {
    auto set_default = [&](const char* schema_attribute, std::initializer_list<const char*> when_any_of) {
      for (const char* name : when_any_of) {
        if (attributes.count(name)) {
          auto& value = attributes[schema_attribute];
          if (value.empty()) value = database_schema;
          return;
        }
      }
    };
    set_default("schemaName", {"tableName", "viewName", "sequenceName", "oldTableName", "oldViewName", "indexName"});
    set_default("baseTableSchemaName", {"baseTableName"});
    set_default("referencedTableSchemaName", {"referencedTableName"});
  }
}

void RewritePrecondition(migration::Precondition& precondition, const std::string& prefix,
                         const std::string& database_schema) {
  Rewrite(precondition.attributes, prefix, database_schema, true);
  for (auto& child : precondition.children) RewritePrecondition(child, prefix, database_schema);
}

void RewriteChange(migration::Change& change, const std::string& prefix, const std::string& database_schema) {
  Rewrite(change.attributes, prefix, database_schema, true);
  for (auto& column : change.columns) {
    if (column.constraints) Rewrite(*column.constraints, prefix, database_schema, false);
  }
}

}  // namespace

void ApplyTableNaming(migration::ChangeLog& change_log, const std::string& table_prefix,
                      const std::string& database_schema) {
  if (table_prefix.empty() && database_schema.empty()) return;
  for (auto& change_set : change_log.change_sets) {
    for (auto& change : change_set.changes) RewriteChange(change, table_prefix, database_schema);
    for (auto& change : change_set.rollback.changes) RewriteChange(change, table_prefix, database_schema);
    if (change_set.preconditions) {
      for (auto& condition : change_set.preconditions->conditions) RewritePrecondition(condition, table_prefix, database_schema);
    }
  }
  for (auto& container : change_log.preconditions) {
    for (auto& condition : container.conditions) RewritePrecondition(condition, table_prefix, database_schema);
  }
}

}  // namespace ledgerhost::schema
