#include "schema/derived_change_log.h"

#include "schema/table_naming.h"

namespace ledgerhost::schema {

migration::ChangeLog DeriveChangeLog(const SelectedSchema& schema) {
  migration::ChangeLog change_log;
  change_log.physical_path = "derived/" + schema.name;
  for (const auto& entity : schema.entities) {
    migration::ChangeSet change_set;
    change_set.id = entity.table_name;
    change_set.author = kDerivedAuthor;
    change_set.file_path = change_log.physical_path;
    change_set.physical_path = change_log.physical_path;
    change_set.comments = "Derived from the entities of " + schema.name + " v" + std::to_string(schema.version) +
                          " because it has no migration; not for production";
    change_set.location = {change_log.physical_path, 0};
    migration::Change create;
    create.type = "createTable";
    create.attributes["tableName"] = entity.table_name;
    create.location = change_set.location;
    for (const auto& column : entity.columns) {
      migration::ColumnConfig config;
      config.attributes["name"] = column.name;
      config.attributes["type"] = column.length > 0 ? column.type + "(" + std::to_string(column.length) + ")" : column.type;
      if (!column.nullable || column.primary_key) {
        migration::Attributes constraints;
        constraints["nullable"] = "false";
        if (column.primary_key) {
          constraints["primaryKey"] = "true";
          constraints["primaryKeyName"] = entity.table_name + "_pkey";
        }
        config.constraints = std::move(constraints);
      }
      config.location = change_set.location;
      create.columns.push_back(std::move(config));
    }
    change_set.changes.push_back(std::move(create));
    change_log.change_sets.push_back(std::move(change_set));
  }
  ApplyTableNaming(change_log, schema.table_prefix, schema.database_schema);
  return change_log;
}

}  // namespace ledgerhost::schema
