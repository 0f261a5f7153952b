// .sql changelogs. A file whose first non-blank line is "--liquibase formatted sql" is a formatted
// SQL changelog (--changeset author:id blocks, each one `sql` change); any other .sql file is one
// changeset "raw" by "includeAll" that runs the whole file, as Liquibase's SqlChangeLogParser does.
#pragma once

#include <string>
#include <string_view>

#include "migration/model/change_log.h"
#include "migration/parse/parse_session.h"

namespace ledgerhost::migration::parse {

bool IsFormattedSql(std::string_view text);

void ParseSqlChangeLog(ParseSession& session, std::string_view text, const std::string& path, const IncludeScope& scope,
                       ChangeLog& out);

}  // namespace ledgerhost::migration::parse
