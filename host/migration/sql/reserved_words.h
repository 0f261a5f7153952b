// The words Liquibase quotes as identifiers per database (its LEGACY quoting strategy).
#pragma once

#include <string_view>

#include "migration/model/database_kind.h"

namespace ledgerhost::migration {

bool IsReservedWord(std::string_view upper_case_word, DatabaseKind database);

}  // namespace ledgerhost::migration
