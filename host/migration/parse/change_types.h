// What the parser knows about each Liquibase change type: which attributes its XML element may carry
// (Liquibase's XSD rejects others), which are required, and where the element's text goes.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ledgerhost::migration::parse {

struct ChangeTypeInfo {
  std::string name;
  std::set<std::string> attributes;
  std::vector<std::string> required;  // "columns" = at least one <column>
  std::string text_attribute;         // "sql", "selectQuery", "procedureText", "message" or ""
};

// The attributes a <changeSet> may carry (Liquibase's XSD, 4.28).
const std::set<std::string>& ChangeSetAttributes();

// nullptr for a change type Liquibase (open source) does not know.
const ChangeTypeInfo* FindChangeType(std::string_view name);

// Liquibase's ParsedNode finds a node's values by name ignoring case (`TableName`, `primarykey`).
// The spelling the model uses for `key` when it is, in another case, the name of a changeSet, change,
// column, constraint, precondition, include or property attribute; `key` itself otherwise.
std::string CanonicalAttributeName(std::string_view key);

}  // namespace ledgerhost::migration::parse
