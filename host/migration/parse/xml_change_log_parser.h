// XML changelogs: pugixml parses the document, which becomes a ParsedNode tree (attributes and
// elements as children, trimmed text as value) with the line of every element.
#pragma once

#include <string>
#include <string_view>

#include "migration/parse/parsed_node.h"

namespace ledgerhost::migration::parse {

// Throws ChangeLogError "file:line: ..." for malformed XML or a root that is not databaseChangeLog.
ParsedNode ParseXmlChangeLog(std::string_view text, const std::string& path);

}  // namespace ledgerhost::migration::parse
