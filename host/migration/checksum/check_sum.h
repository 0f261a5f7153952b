// Liquibase 4.28 changeset checksums ("9:<md5>", and the older "8:<md5>" used to upgrade stored rows)
// and the DESCRIPTION column text. Algorithms: ../shared/reference/liquibase-spec.md section 1 and 2.3.
#pragma once

#include <string>
#include <string_view>

#include "migration/model/change_log.h"
#include "db/database_kind.h"
#include "migration/model/resource_loader.h"

namespace ledgerhost::migration {

enum class CheckSumVersion { kV8 = 8, kV9 = 9 };

// `database` matters for v9: dbms-targeted changes for other databases do not count.
// `loader` reads sqlFile / loadData files, resolved like the engine resolves them.
std::string ComputeCheckSum(const ChangeSet& change_set, CheckSumVersion version, db::DatabaseKind database,
                            const ResourceLoader& loader);

// The version prefix of a stored MD5SUM ("8:..." -> 8); 1 for values without a prefix.
int CheckSumVersionOf(std::string_view stored);

// True when a changeset whose checksum is now `current` may stand for a row that stored `stored`:
// equal, or listed in <validCheckSum> (ANY/ALL/* match everything).
bool CheckSumAccepted(const ChangeSet& change_set, std::string_view stored, std::string_view current);

// DESCRIPTION column value, e.g. "createTable tableName=node; sql" (already limited to 250 chars).
std::string Describe(const ChangeSet& change_set);

}  // namespace ledgerhost::migration
