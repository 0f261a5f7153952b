#include "migration/parse/change_types.h"

#include <array>

namespace ledgerhost::migration::parse {
namespace {

// Generated from Liquibase 4.28's ChangeFactory metadata (liquibase-spec.md Appendix A, produced by
// java/DumpChanges.java): every open-source change type, its attributes ("columns" is the nested
// <column> list), those marked REQUIRED, and the attribute that takes the element's text.
const std::vector<ChangeTypeInfo>& Table() {
  static const std::vector<ChangeTypeInfo> kTable{
    {"addAutoIncrement", {"catalogName", "columnDataType", "columnName", "defaultOnNull", "generationType", "incrementBy", "schemaName", "startWith", "tableName"}, {"columnName", "tableName"}, ""},
    {"addColumn", {"catalogName", "schemaName", "tableName"}, {"columns", "tableName"}, ""},
    {"addDefaultValue", {"catalogName", "columnDataType", "columnName", "defaultValue", "defaultValueBoolean", "defaultValueComputed", "defaultValueConstraintName", "defaultValueDate", "defaultValueNumeric", "defaultValueSequenceNext", "schemaName", "tableName"}, {"columnName", "tableName"}, ""},
    {"addForeignKeyConstraint", {"baseColumnNames", "baseTableCatalogName", "baseTableName", "baseTableSchemaName", "constraintName", "deferrable", "deleteCascade", "initiallyDeferred", "onDelete", "onUpdate", "referencedColumnNames", "referencedTableCatalogName", "referencedTableName", "referencedTableSchemaName", "referencesUniqueColumn", "validate"}, {"baseColumnNames", "baseTableName", "constraintName", "referencedColumnNames", "referencedTableName"}, ""},
    {"addLookupTable", {"constraintName", "existingColumnName", "existingTableCatalogName", "existingTableName", "existingTableSchemaName", "newColumnDataType", "newColumnName", "newTableCatalogName", "newTableName", "newTableSchemaName"}, {"existingColumnName", "existingTableName", "newColumnName", "newTableName"}, ""},
    {"addNotNullConstraint", {"catalogName", "columnDataType", "columnName", "constraintName", "defaultNullValue", "schemaName", "tableName", "validate"}, {"columnName", "tableName"}, ""},
    {"addPrimaryKey", {"catalogName", "clustered", "columnNames", "constraintName", "forIndexCatalogName", "forIndexName", "forIndexSchemaName", "schemaName", "tableName", "tablespace", "validate"}, {"columnNames", "tableName"}, ""},
    {"addUniqueConstraint", {"catalogName", "clustered", "columnNames", "constraintName", "deferrable", "disabled", "forIndexCatalogName", "forIndexName", "forIndexSchemaName", "initiallyDeferred", "schemaName", "tableName", "tablespace", "validate"}, {"columnNames", "tableName"}, ""},
    {"alterSequence", {"cacheSize", "catalogName", "cycle", "dataType", "incrementBy", "maxValue", "minValue", "ordered", "schemaName", "sequenceName"}, {"sequenceName"}, ""},
    {"createIndex", {"associatedWith", "catalogName", "clustered", "indexName", "schemaName", "tableName", "tablespace", "unique"}, {"columns", "tableName"}, ""},
    {"createProcedure", {"catalogName", "comments", "dbms", "encoding", "path", "procedureName", "procedureText", "relativeToChangelogFile", "replaceIfExists", "schemaName"}, {"path", "procedureText"}, "procedureText"},
    {"createSequence", {"cacheSize", "catalogName", "cycle", "dataType", "incrementBy", "maxValue", "minValue", "ordered", "schemaName", "sequenceName", "startValue"}, {"sequenceName"}, ""},
    {"createTable", {"catalogName", "ifNotExists", "remarks", "schemaName", "tableName", "tableType", "tablespace"}, {"columns", "tableName"}, ""},
    {"createView", {"catalogName", "encoding", "fullDefinition", "path", "relativeToChangelogFile", "remarks", "replaceIfExists", "schemaName", "selectQuery", "viewName"}, {"viewName"}, "selectQuery"},
    {"customChange", {}, {}, ""},
    {"delete", {"catalogName", "schemaName", "tableName", "where"}, {"tableName"}, ""},
    {"dropAllForeignKeyConstraints", {"baseTableCatalogName", "baseTableName", "baseTableSchemaName"}, {"baseTableName"}, ""},
    {"dropColumn", {"catalogName", "columnName", "schemaName", "tableName"}, {"tableName"}, ""},
    {"dropDefaultValue", {"catalogName", "columnDataType", "columnName", "schemaName", "tableName"}, {"columnName", "tableName"}, ""},
    {"dropForeignKeyConstraint", {"baseTableCatalogName", "baseTableName", "baseTableSchemaName", "constraintName"}, {"baseTableName", "constraintName"}, ""},
    {"dropIndex", {"catalogName", "indexName", "schemaName", "tableName"}, {"indexName"}, ""},
    {"dropNotNullConstraint", {"catalogName", "columnDataType", "columnName", "constraintName", "schemaName", "tableName"}, {"tableName"}, ""},
    {"dropPrimaryKey", {"catalogName", "constraintName", "dropIndex", "schemaName", "tableName"}, {"tableName"}, ""},
    {"dropProcedure", {"catalogName", "procedureName", "schemaName"}, {"procedureName"}, ""},
    {"dropSequence", {"catalogName", "schemaName", "sequenceName"}, {"sequenceName"}, ""},
    {"dropTable", {"cascadeConstraints", "catalogName", "schemaName", "tableName"}, {"tableName"}, ""},
    {"dropUniqueConstraint", {"catalogName", "constraintName", "schemaName", "tableName", "uniqueColumns"}, {"constraintName", "tableName"}, ""},
    {"dropView", {"catalogName", "ifExists", "schemaName", "viewName"}, {"viewName"}, ""},
    {"empty", {}, {}, ""},
    {"executeCommand", {"executable", "timeout"}, {"executable"}, ""},
    {"insert", {"catalogName", "dbms", "schemaName", "tableName"}, {"columns", "tableName"}, ""},
    {"loadData", {"catalogName", "commentLineStartsWith", "encoding", "file", "quotchar", "relativeToChangelogFile", "schemaName", "separator", "tableName", "usePreparedStatements"}, {"file", "tableName"}, ""},
    {"loadUpdateData", {"catalogName", "commentLineStartsWith", "encoding", "file", "onlyUpdate", "primaryKey", "quotchar", "relativeToChangelogFile", "schemaName", "separator", "tableName", "usePreparedStatements"}, {"file", "primaryKey", "tableName"}, ""},
    {"mergeColumns", {"catalogName", "column1Name", "column2Name", "finalColumnName", "finalColumnType", "joinString", "schemaName", "tableName"}, {"column1Name", "column2Name", "finalColumnName", "finalColumnType", "tableName"}, ""},
    {"modifyDataType", {"catalogName", "columnName", "newDataType", "schemaName", "tableName"}, {"columnName", "newDataType", "tableName"}, ""},
    {"output", {"message", "target"}, {}, "message"},
    {"renameColumn", {"catalogName", "columnDataType", "newColumnName", "oldColumnName", "remarks", "schemaName", "tableName"}, {"newColumnName", "oldColumnName", "tableName"}, ""},
    {"renameSequence", {"catalogName", "newSequenceName", "oldSequenceName", "schemaName"}, {"newSequenceName", "oldSequenceName"}, ""},
    {"renameTable", {"catalogName", "newTableName", "oldTableName", "schemaName"}, {"newTableName", "oldTableName"}, ""},
    {"renameView", {"catalogName", "newViewName", "oldViewName", "schemaName"}, {"newViewName", "oldViewName"}, ""},
    {"setColumnRemarks", {"catalogName", "columnDataType", "columnName", "columnParentType", "remarks", "schemaName", "tableName"}, {"columnName", "tableName"}, ""},
    {"setTableRemarks", {"catalogName", "remarks", "schemaName", "tableName"}, {"tableName"}, ""},
    {"sql", {"comment", "dbms", "endDelimiter", "ignoreOriginalSplitStatements", "splitStatements", "sql", "stripComments"}, {"sql"}, "sql"},
    {"sqlFile", {"dbms", "encoding", "endDelimiter", "ignoreOriginalSplitStatements", "path", "relativeToChangelogFile", "splitStatements", "stripComments"}, {"path"}, ""},
    {"stop", {"message"}, {}, ""},
    {"tagDatabase", {"tag"}, {}, ""},
    {"update", {"catalogName", "schemaName", "tableName", "where"}, {"columns", "tableName"}, ""},
  };
  return kTable;
}

}  // namespace

const ChangeTypeInfo* FindChangeType(std::string_view name) {
  for (const auto& info : Table()) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

}  // namespace ledgerhost::migration::parse
