#include "schema/selected_schema.h"

#include "migration/sql/dialect.h"
#include "plugins/plugin_loader.h"

namespace ledgerhost::schema {

std::string SelectedSchema::Describe() const {
  std::string out = name + " v" + std::to_string(version) + " (" + family + ")";
  out += plugin ? " from " + plugin->path().string() : std::string(" of the host");
  return out;
}

const MappedEntity* SelectedSchema::FindEntity(const std::string& table_name) const {
  for (const auto& entity : entities) {
    if (entity.table_name == table_name) return &entity;
  }
  return nullptr;
}

std::string SelectedSchema::SqlTable(const std::string& entity_table, db::DatabaseKind database) const {
  const migration::Dialect dialect(database);
  std::string out = database_schema.empty() ? std::string() : dialect.Identifier(database_schema) + ".";
  return out + dialect.Identifier(PhysicalTable(entity_table));
}

const SelectedSchema* SchemaCatalog::Find(const std::string& family, int version) const {
  for (const auto& schema : schemas_) {
    if (schema.family == family && schema.version == version) return &schema;
  }
  return nullptr;
}

}  // namespace ledgerhost::schema
