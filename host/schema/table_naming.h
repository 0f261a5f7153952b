// Applies a schema family's table prefix and database schema to its parsed changelog, so that the
// tables its changesets create, alter and check are the ones the vault writes to. Structured changes
// and preconditions are rewritten; SQL text cannot be, so changelogs with raw SQL refer to
// ${tablePrefix} and ${databaseSchema}, which the host defines as changelog properties.
#pragma once

#include <string>

#include "migration/model/change_log.h"

namespace ledgerhost::schema {

// Prefixes every table, view, index and constraint name and sets schemaName (and its variants)
// where the changeset left it empty. A no-op when both are empty.
void ApplyTableNaming(migration::ChangeLog& change_log, const std::string& table_prefix,
                      const std::string& database_schema);

}  // namespace ledgerhost::schema
