// Splits the SQL text of a <rollback> element into statements the way Liquibase does when it builds
// rollback changes (StringUtil.processMultiLineSQL with stripComments=true, splitStatements=true and
// endDelimiter ";"): comments dropped, split on ';' outside strings and BEGIN...END blocks,
// statements trimmed, empty ones dropped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ledgerhost::migration::parse {

std::vector<std::string> SplitRollbackSql(std::string_view sql);

}  // namespace ledgerhost::migration::parse
