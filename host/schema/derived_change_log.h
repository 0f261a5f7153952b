// Tables derived from a schema's entities, for a selected schema that brings no migration: one
// changeset per entity creating its table, filed under "derived/<SchemaName>" with a comment that
// says so, so that DATABASECHANGELOG shows which tables no changelog owns. Development only: the
// node allows it on the embedded SQLite database, elsewhere only with database.allowDerivedTables.
#pragma once

#include "migration/model/change_log.h"
#include "schema/selected_schema.h"

namespace ledgerhost::schema {

inline constexpr const char* kDerivedAuthor = "ledgerhost-derived";

// The changelog of `schema`'s entities, with its prefix and database schema applied.
migration::ChangeLog DeriveChangeLog(const SelectedSchema& schema);

}  // namespace ledgerhost::schema
