// The `database.*` properties Liquibase defines for the target database (ChangeLogParameters),
// usable as ${database.typeName} in any changelog.
#pragma once

#include <map>
#include <string>

#include "db/database_kind.h"
#include "db/database_server.h"

namespace ledgerhost::migration::parse {

// Lower-cased property name ("database.typename") -> value; `server` adds the connection's facts.
std::map<std::string, std::string> DatabaseProperties(db::DatabaseKind database, const db::DatabaseServer* server = nullptr);

}  // namespace ledgerhost::migration::parse
