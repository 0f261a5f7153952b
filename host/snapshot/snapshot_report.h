// The text `db snapshot` and `db diff` print: a snapshot as a readable listing (or JSON for tools),
// and a diff in the layout of Liquibase's DiffToReport.
#pragma once

#include <ostream>
#include <string>

#include "snapshot/database_snapshot.h"
#include "snapshot/schema_diff.h"

namespace ledgerhost::snapshot {

enum class SnapshotFormat { kText, kJson };

// `user`: who the connection logged in as ("" where the database has no users).
void WriteSnapshot(std::ostream& out, const DatabaseSnapshot& snapshot, const std::string& user, SnapshotFormat format);

// Liquibase's diff report: the two databases, the compared schema, product name and version, then
// per object type (Column, Foreign Key, Index, Primary Key, Sequence, Table, Unique Constraint, View)
// the missing, unexpected and changed ones.
void WriteDiffReport(std::ostream& out, const SchemaDiff& diff, const DatabaseSnapshot& reference,
                     const std::string& reference_user, const DatabaseSnapshot& comparison,
                     const std::string& comparison_user);

}  // namespace ledgerhost::snapshot
