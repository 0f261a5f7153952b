// Liquibase's DiffToChangeLog: the changesets that make the comparison database look like the
// reference, one change each (generate-changelog is the diff of a database against an empty one).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "migration/model/change_log.h"
#include "snapshot/schema_diff.h"

namespace ledgerhost::snapshot {

struct ChangeSetNaming {
  std::string author;       // Liquibase: "<user> (generated)", or --author
  std::int64_t id_root = 0;  // ids are "<id_root>-<n>", n from 1: Liquibase takes the time in ms
};

// The changes in Liquibase's order: what is missing (sequences, tables, columns, keys, unique
// constraints, indexes, views, foreign keys), then what is unexpected (dropped: foreign keys first),
// then what changed (columns' types, nullability and defaults; other objects dropped and made anew).
// `kind` is the database the changesets are for: on SQLite, where a foreign key or unique constraint
// on an existing table needs a table rebuild (which Liquibase cannot do), a new table's one-column
// keys are written inside its createTable.
std::vector<migration::ChangeSet> DiffChangeSets(const SchemaDiff& diff, db::DatabaseKind kind,
                                                 const ChangeSetNaming& naming);

}  // namespace ledgerhost::snapshot
