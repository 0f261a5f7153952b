// Liquibase's automatic rollbacks (Change.createInverses, liquibase-spec.md §5.2).
#include "migration/change/inverses.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <utility>

namespace ledgerhost::migration::inverse {
namespace {

// A change of `type` whose attributes are copied from `from`: (to, source) pairs.
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

std::vector<Change> InverseOfCreateTable(const Change& change) {
  return {Make(change, "dropTable", {{"catalogName", "catalogName"}, {"schemaName", "schemaName"}, {"tableName", "tableName"}})};
}

// AddColumnChange.createInverses: drop the defaults first, then all columns in one dropColumn.
std::vector<Change> InverseOfAddColumn(const Change& change) {
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

std::vector<Change> InverseOfRenameColumn(const Change& change) {
  return {Make(change, "renameColumn", {{"schemaName", "schemaName"}, {"tableName", "tableName"},
                                        {"oldColumnName", "newColumnName"}, {"newColumnName", "oldColumnName"},
                                        {"columnDataType", "columnDataType"}})};
}

std::vector<Change> InverseOfRenameTable(const Change& change) {
  return {Make(change, "renameTable", {{"schemaName", "schemaName"}, {"oldTableName", "newTableName"}, {"newTableName", "oldTableName"}})};
}

std::vector<Change> InverseOfRenameView(const Change& change) {
  return {Make(change, "renameView", {{"schemaName", "schemaName"}, {"oldViewName", "newViewName"}, {"newViewName", "oldViewName"}})};
}

std::vector<Change> InverseOfRenameSequence(const Change& change) {
  return {Make(change, "renameSequence", {{"schemaName", "schemaName"}, {"oldSequenceName", "newSequenceName"}, {"newSequenceName", "oldSequenceName"}})};
}

std::vector<Change> InverseOfAddLookupTable(const Change& change) {
  return {Make(change, "dropForeignKeyConstraint", {{"baseTableSchemaName", "existingTableSchemaName"}, {"baseTableName", "existingTableName"}, {"constraintName", "constraintName"}}),
          Make(change, "dropTable", {{"schemaName", "newTableSchemaName"}, {"tableName", "newTableName"}})};
}

std::vector<Change> InverseOfCreateIndex(const Change& change) {
  return {Make(change, "dropIndex", {{"schemaName", "schemaName"}, {"tableName", "tableName"}, {"indexName", "indexName"}})};
}

std::vector<Change> InverseOfAddForeignKeyConstraint(const Change& change) {
  return {Make(change, "dropForeignKeyConstraint", {{"baseTableSchemaName", "baseTableSchemaName"}, {"baseTableName", "baseTableName"}, {"constraintName", "constraintName"}})};
}

std::vector<Change> InverseOfAddPrimaryKey(const Change& change) {
  return {Make(change, "dropPrimaryKey", {{"schemaName", "schemaName"}, {"tableName", "tableName"}, {"constraintName", "constraintName"}})};
}

std::vector<Change> InverseOfAddUniqueConstraint(const Change& change) {
  return {Make(change, "dropUniqueConstraint", {{"schemaName", "schemaName"}, {"tableName", "tableName"}, {"constraintName", "constraintName"}, {"uniqueColumns", "columnNames"}})};
}

std::vector<Change> InverseOfAddNotNullConstraint(const Change& change) {
  return {Make(change, "dropNotNullConstraint", {{"schemaName", "schemaName"}, {"tableName", "tableName"}, {"columnName", "columnName"}, {"columnDataType", "columnDataType"}})};
}

std::vector<Change> InverseOfDropNotNullConstraint(const Change& change) {
  return {Make(change, "addNotNullConstraint", {{"schemaName", "schemaName"}, {"tableName", "tableName"}, {"columnName", "columnName"}, {"columnDataType", "columnDataType"}, {"constraintName", "constraintName"}})};
}

std::vector<Change> InverseOfAddDefaultValue(const Change& change) {
  return {Make(change, "dropDefaultValue", {{"schemaName", "schemaName"}, {"tableName", "tableName"}, {"columnName", "columnName"}, {"columnDataType", "columnDataType"}})};
}

std::vector<Change> InverseOfCreateSequence(const Change& change) {
  return {Make(change, "dropSequence", {{"schemaName", "schemaName"}, {"sequenceName", "sequenceName"}})};
}

std::vector<Change> InverseOfCreateView(const Change& change) {
  return {Make(change, "dropView", {{"schemaName", "schemaName"}, {"viewName", "viewName"}})};
}

// LoadUpdateDataChange.generateRollbackStatements: one DELETE per CSV row, by primary key.
std::vector<Change> InverseOfLoadUpdateData(const Change& change) {
  Change rollback = change;
  rollback.type = std::string(kLoadUpdateDataRollback);
  return {rollback};
}

std::vector<Change> NoInverseChanges(const Change& /*change*/) { return {}; }

}  // namespace ledgerhost::migration::inverse
