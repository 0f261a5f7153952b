// The words Liquibase quotes as identifiers per database (its LEGACY quoting strategy).
#pragma once

#include <string_view>

#include "db/database_kind.h"

namespace ledgerhost::migration {

bool IsReservedWord(std::string_view upper_case_word, db::DatabaseKind database);

// The words the JDBC driver adds to Liquibase's list once it is connected
// (DatabaseMetaData.getSQLKeywords); only SQLite's are known here.
bool IsDriverKeyword(std::string_view upper_case_word, db::DatabaseKind database);

}  // namespace ledgerhost::migration
