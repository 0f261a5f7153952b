// Mapped schemas: how a plugin's states become rows of relational tables. A MappedSchema belongs to a
// family (a name constant across versions, e.g. "com.example.schemas.IOUSchema") and has a version
// and a class-style name ("IOUSchemaV1"). The host finds its migrations by that name, hyphenated
// ("i-o-u-schema-v1.changelog-master.xml"), unless an explicit migration resource is given.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ledgerhost {

// A column of a mapped table. `type` is a Liquibase type name ("VARCHAR", "BIGINT", "TIMESTAMP",
// "BOOLEAN", "DECIMAL(19,4)", ...); `length` applies to string and binary types.
struct MappedColumn {
  std::string name;
  std::string type;
  bool nullable = true;
  bool primary_key = false;
  int length = 0;
};

// A table. Child entities (non-flat mappings, e.g. a list of parts) name their owning entity.
struct MappedEntity {
  std::string table_name;
  std::vector<MappedColumn> columns;
  std::string parent_table;  // empty for a top-level entity
};

class MappedSchema {
 public:
  MappedSchema(std::string family, int version, std::string name)
      : family_(std::move(family)), version_(version), name_(std::move(name)) {}

  MappedSchema& AddEntity(MappedEntity entity) {
    entities_.push_back(std::move(entity));
    return *this;
  }
  // The changelog's base name under "migration/" when it is not the hyphenated schema name
  // (Corda's migrationResource), e.g. "iou.changelog-master".
  MappedSchema& WithMigrationResource(std::string resource) {
    migration_resource_ = std::move(resource);
    return *this;
  }

  const std::string& family() const { return family_; }
  int version() const { return version_; }
  const std::string& name() const { return name_; }
  const std::vector<MappedEntity>& entities() const { return entities_; }
  const std::string& migration_resource() const { return migration_resource_; }

 private:
  std::string family_;
  int version_;
  std::string name_;
  std::vector<MappedEntity> entities_;
  std::string migration_resource_;
};

}  // namespace ledgerhost
