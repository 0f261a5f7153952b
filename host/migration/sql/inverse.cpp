// Liquibase's automatic rollbacks (Change.createInverses, liquibase-spec.md §5.2).
#include "migration/sql/sql_generator.h"

#include <algorithm>

namespace ledgerhost::migration {
namespace {

Change Make(const Change& from, const std::string& type, std::initializer_list<std::pair<const char*, const char*>> copy) {
  Change out;
  out.type = type;
  out.location = from.location;
  for (const auto& [to, source] : copy) {
    if (const std::string* value = from.Find(source)) out.attributes[to] = *value;
  }
  return out;
}

}  // namespace

std::optional<std::vector<Change>> InverseOf(const Change& change) {
  const std::string& t = change.type;
  if (t == "createTable") return std::vector<Change>{Make(change, "dropTable", {{"catalogName", "catalogName"}, {"schemaName", "schemaName"}, {"tableName", "tableName"}})};
  if (t == "addColumn") {
    // AddColumnChange.createInverses: drop the defaults first, then all columns in one dropColumn.
    std::vector<Change> out;
    for (const auto& column : change.columns) {
      const bool has_default = std::any_of(column.attributes.begin(), column.attributes.end(), [](const auto& a) {
        return a.first.rfind("defaultValue", 0) == 0 && a.first != "defaultValueConstraintName";
      });
      if (!has_default) continue;
      Change drop_default = Make(change, "dropDefaultValue", {{"catalogName", "catalogName"}, {"schemaName", "schemaName"}, {"tableName", "tableName"}});
      drop_default.attributes["columnName"] = column.attributes.count("name") ? column.attributes.at("name") : "";
      if (column.attributes.count("type")) drop_default.attributes["columnDataType"] = column.attributes.at("type");
      out.push_back(drop_default);
    }
    Change drop = Make(change, "dropColumn", {{"catalogName", "catalogName"}, {"schemaName", "schemaName"}, {"tableName", "tableName"}});
    for (const auto& column : change.columns) {
      ColumnConfig c;
      c.attributes["name"] = column.attributes.count("name") ? column.attributes.at("name") : "";
      drop.columns.push_back(c);
    }
    out.push_back(drop);
    return out;
  }
  if (t == "renameColumn") {
    return std::vector<Change>{Make(change, "renameColumn", {{"schemaName", "schemaName"}, {"tableName", "tableName"},
                                                             {"oldColumnName", "newColumnName"}, {"newColumnName", "oldColumnName"},
                                                             {"columnDataType", "columnDataType"}})};
  }
  if (t == "renameTable") {
    return std::vector<Change>{Make(change, "renameTable", {{"schemaName", "schemaName"}, {"oldTableName", "newTableName"}, {"newTableName", "oldTableName"}})};
  }
  if (t == "renameView") {
    return std::vector<Change>{Make(change, "renameView", {{"schemaName", "schemaName"}, {"oldViewName", "newViewName"}, {"newViewName", "oldViewName"}})};
  }
  if (t == "renameSequence") {
    return std::vector<Change>{Make(change, "renameSequence", {{"schemaName", "schemaName"}, {"oldSequenceName", "newSequenceName"}, {"newSequenceName", "oldSequenceName"}})};
  }
  if (t == "addLookupTable") {
    return std::vector<Change>{
        Make(change, "dropForeignKeyConstraint", {{"baseTableSchemaName", "existingTableSchemaName"}, {"baseTableName", "existingTableName"}, {"constraintName", "constraintName"}}),
        Make(change, "dropTable", {{"schemaName", "newTableSchemaName"}, {"tableName", "newTableName"}})};
  }
  if (t == "createIndex") return std::vector<Change>{Make(change, "dropIndex", {{"schemaName", "schemaName"}, {"tableName", "tableName"}, {"indexName", "indexName"}})};
  if (t == "addForeignKeyConstraint") {
    return std::vector<Change>{Make(change, "dropForeignKeyConstraint", {{"baseTableSchemaName", "baseTableSchemaName"}, {"baseTableName", "baseTableName"}, {"constraintName", "constraintName"}})};
  }
  if (t == "addPrimaryKey") return std::vector<Change>{Make(change, "dropPrimaryKey", {{"schemaName", "schemaName"}, {"tableName", "tableName"}, {"constraintName", "constraintName"}})};
  if (t == "addUniqueConstraint") {
    return std::vector<Change>{Make(change, "dropUniqueConstraint", {{"schemaName", "schemaName"}, {"tableName", "tableName"}, {"constraintName", "constraintName"}, {"uniqueColumns", "columnNames"}})};
  }
  if (t == "addNotNullConstraint") {
    return std::vector<Change>{Make(change, "dropNotNullConstraint", {{"schemaName", "schemaName"}, {"tableName", "tableName"}, {"columnName", "columnName"}, {"columnDataType", "columnDataType"}})};
  }
  if (t == "dropNotNullConstraint") {
    return std::vector<Change>{Make(change, "addNotNullConstraint", {{"schemaName", "schemaName"}, {"tableName", "tableName"}, {"columnName", "columnName"}, {"columnDataType", "columnDataType"}, {"constraintName", "constraintName"}})};
  }
  if (t == "addDefaultValue") {
    return std::vector<Change>{Make(change, "dropDefaultValue", {{"schemaName", "schemaName"}, {"tableName", "tableName"}, {"columnName", "columnName"}, {"columnDataType", "columnDataType"}})};
  }
  if (t == "createSequence") return std::vector<Change>{Make(change, "dropSequence", {{"schemaName", "schemaName"}, {"sequenceName", "sequenceName"}})};
  if (t == "createView") return std::vector<Change>{Make(change, "dropView", {{"schemaName", "schemaName"}, {"viewName", "viewName"}})};
  if (t == "loadUpdateData") {
    // LoadUpdateDataChange.generateRollbackStatements: one DELETE per CSV row, by primary key. The
    // rows are only known once the CSV is read, so GenerateSql expands this marker change.
    Change rollback = change;
    rollback.type = std::string(kLoadUpdateDataRollback);
    return std::vector<Change>{rollback};
  }
  if (t == "tagDatabase" || t == "empty" || t == "output") return std::vector<Change>{};
  return std::nullopt;
}

}  // namespace ledgerhost::migration
