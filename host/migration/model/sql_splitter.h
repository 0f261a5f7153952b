// Liquibase's StringUtil.processMultiLineSQL: how the text of <sql>, <sqlFile>, formatted-SQL
// changesets and <rollback> bodies becomes statements (liquibase-spec.md §3.1). Shared by the
// parsers (rollback text) and the SQL generator.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledgerhost::migration {

// Statements are trimmed as Java's String.trim() does and empty ones dropped. Without an end
// delimiter, ';' and a "GO" or "/" at the start of a line split; BEGIN ... END blocks never do.
std::vector<std::string> SplitSql(std::string_view text, bool strip_comments, bool split_statements,
                                  const std::optional<std::string>& end_delimiter);

}  // namespace ledgerhost::migration
