// The `database.*` properties Liquibase defines for the target database (ChangeLogParameters),
// usable as ${database.typeName} in any changelog.
#pragma once

#include <map>
#include <string>

#include "migration/model/database_kind.h"

namespace ledgerhost::migration::parse {

// Lower-cased property name ("database.typename") -> value.
std::map<std::string, std::string> DatabaseProperties(DatabaseKind database);

}  // namespace ledgerhost::migration::parse
