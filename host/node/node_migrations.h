// The migrations of a node: the changelogs of every selected schema (host first), run by one
// migration::Migrator as one update under one lock. Used at start-up (check, apply or generate) and
// by `ledgerhost db <command> --base-directory`.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <ostream>
#include <vector>

#include "core/error.h"
#include "db/connection.h"
#include "migration/engine/migrator.h"
#include "schema/schema_change_logs.h"
#include "schema/selected_schema.h"

namespace ledgerhost::node {

class NodeMigrations {
 public:
  // `connection` may be null only for offline SQL generation. `database_display` is the redacted
  // URL for script headers.
  // `custom_changes`: Java customChange class -> "refuse" | "mark-ran" (node.yaml database.customChanges).
  NodeMigrations(const schema::SchemaCatalog& catalog, db::DatabaseKind database, bool allow_derived_tables,
                 db::Connection* connection, const std::string& database_display,
                 const std::map<std::string, std::string>& custom_changes = {});

  migration::Migrator& migrator() { return *migrator_; }
  // Migrator::Validate(), with what only the node knows added to a checksum failure: which plugin
  // file each changed changeset comes from, and the schema options (tablePrefix, databaseSchema) the
  // node rewrites that plugin's changelog with, whose change since the changesets ran changes their
  // checksums as an edit would.
  void Validate();
  // Called from the handler of `error` (from any command on these changelogs): rethrows it, with the
  // same explanation added when it is a checksum failure of a plugin's changeset.
  [[noreturn]] void RethrowExplained(const MigrationError& error);
  const std::vector<schema::SchemaChangeLog>& change_logs() const { return change_logs_; }
  // Every changelog's root, for messages.
  std::string Describe() const;

 private:
  std::vector<schema::SchemaChangeLog> change_logs_;
  std::unique_ptr<migration::Migrator> migrator_;
};

}  // namespace ledgerhost::node
