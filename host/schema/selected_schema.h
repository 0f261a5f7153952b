// A mapped schema the node persists, with the options node.yaml gives its family. The schema service
// builds these (the host's own schema first, then the plugins'); migrations, the vault and `db check`
// all name tables through TableName() so that a prefix or database schema applies everywhere alike.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ledgerhost/schema.h"
#include "db/database_kind.h"
#include "migration/model/resource_loader.h"

namespace ledgerhost::plugins {
class LoadedPlugin;
}

namespace ledgerhost::schema {

struct SelectedSchema {
  std::string family;  // e.g. com.example.schemas.IOUSchema
  int version = 0;
  std::string name;    // class-style, e.g. IOUSchemaV1
  std::vector<MappedEntity> entities;
  std::string table_prefix;     // schemas.<family>.tablePrefix, validated as an identifier part
  std::string database_schema;  // schemas.<family>.databaseSchema (PostgreSQL), validated identifier
  // The plugin that declared it; null for the host's own schema and for schemas registered directly
  // (the SDK test kit).
  std::shared_ptr<const plugins::LoadedPlugin> plugin;
  // Where migration_resource is read from when there is no plugin; null = the host's embedded
  // migrations.
  std::shared_ptr<const migration::ResourceLoader> resources;
  // Resource path of the changelog ("migration/i-o-u-schema-v1.changelog-master.xml"), or none: then
  // the tables are derived from `entities` where that is allowed.
  std::optional<std::string> migration_resource;

  // "IOUSchemaV1 v1 (com.example.schemas.IOUSchema) from /path/libiou.so", for messages.
  std::string Describe() const;
  const MappedEntity* FindEntity(const std::string& table_name) const;
  // The table's name in the database: prefix + entity table name (unquoted).
  std::string PhysicalTable(const std::string& entity_table) const { return table_prefix + entity_table; }
  // The table as it appears in SQL for `database`: schema-qualified when a database schema is set,
  // each part quoted the way the migration engine quotes it, so both name the same table.
  std::string SqlTable(const std::string& entity_table, db::DatabaseKind database) const;
};

// The selected schemas of a node, in migration order: the host's schema first, then each plugin's
// in plugin load order and declaration order.
class SchemaCatalog {
 public:
  SchemaCatalog() = default;
  explicit SchemaCatalog(std::vector<SelectedSchema> schemas) : schemas_(std::move(schemas)) {}

  const std::vector<SelectedSchema>& schemas() const { return schemas_; }
  // nullptr when family v`version` is not selected.
  const SelectedSchema* Find(const std::string& family, int version) const;

 private:
  std::vector<SelectedSchema> schemas_;
};

}  // namespace ledgerhost::schema
