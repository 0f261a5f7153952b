// Liquibase's StringUtil.processMultiLineSQL: how the text of <sql>, <sqlFile> and formatted-SQL
// changesets becomes statements (liquibase-spec.md §3.1).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migration/model/database_kind.h"

namespace ledgerhost::migration {

std::vector<std::string> SplitSql(std::string_view text, bool strip_comments, bool split_statements,
                                  const std::optional<std::string>& end_delimiter, DatabaseKind database);

}  // namespace ledgerhost::migration
