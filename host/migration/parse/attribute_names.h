// The attribute names the parser knows beyond the change types' own (migration/change/change_type.h):
// a <changeSet>'s, and every name's canonical spelling.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace ledgerhost::migration::parse {

// The attributes a <changeSet> may carry (Liquibase's XSD, 4.28).
const std::set<std::string>& ChangeSetAttributes();

// Liquibase's ParsedNode finds a node's values by name ignoring case (`TableName`, `primarykey`).
// The spelling the model uses for `key` when it is, in another case, the name of a changeSet, change,
// column, constraint, precondition, include or property attribute; `key` itself otherwise.
std::string CanonicalAttributeName(std::string_view key);

}  // namespace ledgerhost::migration::parse
