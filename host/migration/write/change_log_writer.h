// Writes changesets as a changelog in Liquibase's serializers' layout (XMLChangeLogSerializer,
// YamlChangeLogSerializer, JsonChangeLogSerializer): one element or map per change with its
// attributes in alphabetical order, columns with their constraints, body text (a view's select, SQL)
// as the element's text. What diff-changelog and generate-changelog write.
#pragma once

#include <string>
#include <vector>

#include "migration/model/change_log.h"

namespace ledgerhost::migration {

enum class ChangeLogFormat { kXml, kYaml, kJson };

// The format a changelog file's name asks for (.xml, .yaml/.yml, .json); nullopt for any other.
std::optional<ChangeLogFormat> ChangeLogFormatOf(const std::string& path);

// A whole changelog file holding `change_sets`.
std::string WriteChangeLog(const std::vector<ChangeSet>& change_sets, ChangeLogFormat format);

// `existing` (an XML changelog's text) with `change_sets` added before its closing
// </databaseChangeLog>, everything else kept byte for byte, as Liquibase's diff-changelog appends.
// Throws ChangeLogError naming `path` when the text has no such closing tag.
std::string AppendToXmlChangeLog(const std::string& existing, const std::vector<ChangeSet>& change_sets,
                                 const std::string& path);

}  // namespace ledgerhost::migration
