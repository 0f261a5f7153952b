// The changelogs a node runs: the host's own, then one per selected plugin schema (parsed from the
// plugin's embedded resources, with the family's table prefix and database schema applied), or one
// derived from the entities for a schema without migrations where that is allowed. The migration
// engine runs them all as one update (migration::Migrator with several sources).
#pragma once

#include <memory>
#include <vector>

#include "migration/engine/migrator.h"
#include "migration/model/change_log.h"
#include "db/database_kind.h"
#include "migration/model/resource_loader.h"
#include "schema/selected_schema.h"

namespace ledgerhost::schema {

struct SchemaChangeLog {
  std::vector<const SelectedSchema*> schemas;  // the schemas this changelog serves (Corda lets several share one)
  std::shared_ptr<const migration::ResourceLoader> loader;
  migration::ChangeLog change_log;
  bool derived = false;
};

struct SchemaChangeLogOptions {
  db::DatabaseKind database = db::DatabaseKind::kSqlite;
  bool allow_derived_tables = false;  // database.allowDerivedTables: derive outside SQLite too
};

// Throws ChangeLogError (file, line, changeset, plugin) for a plugin changeset by the reserved
// author, and ConfigError listing every schema without migrations when their tables may not be
// derived on this database.
std::vector<SchemaChangeLog> BuildSchemaChangeLogs(const SchemaCatalog& catalog, const SchemaChangeLogOptions& options);

// The sources for migration::Migrator, in order; they point into `change_logs`.
std::vector<migration::ChangeLogSource> MigratorSources(const std::vector<SchemaChangeLog>& change_logs);

}  // namespace ledgerhost::schema
