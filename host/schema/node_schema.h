// The host's own mapped schema (family ledgerhost::kNodeSchemaFamily): the vault, identities,
// attachments and node info tables. Its changelogs live in migrations/ (author "ledgerhost") and are
// embedded into the executable, so a node needs no files besides its plugins.
#pragma once

#include <memory>

#include "migration/model/resource_loader.h"
#include "schema/selected_schema.h"

namespace ledgerhost::schema {

// The author of every host changeset; plugin changelogs may not use it.
inline constexpr const char* kReservedAuthor = "ledgerhost";

// The host's schema, its migration resource set ("migration/ledgerhost-node.changelog-master.xml").
SelectedSchema NodeSchema();

// The embedded migrations/ directory, as "migration/<file>".
std::unique_ptr<migration::ResourceLoader> NodeMigrationResources();

}  // namespace ledgerhost::schema
