#include "migration/parse/change_types.h"

#include <array>
#include <map>

#include "migration/model/text.h"

namespace ledgerhost::migration::parse {
namespace {

// Generated from Liquibase 4.28's ChangeFactory metadata (liquibase-spec.md Appendix A, produced by
// java/DumpChanges.java): every open-source change type, its attributes ("columns" is the nested
// <column> list), those marked REQUIRED, and the attribute that takes the element's text.
const std::vector<ChangeTypeInfo>& Table() {
  static const std::vector<ChangeTypeInfo> kTable{
      {"addAutoIncrement",
       {"catalogName", "columnDataType", "columnName", "defaultOnNull", "generationType", "incrementBy", "schemaName",
        "startWith", "tableName"},
       {"columnName", "tableName"},
       ""},
      {"addColumn", {"catalogName", "schemaName", "tableName"}, {"columns", "tableName"}, ""},
      {"addDefaultValue",
       {"catalogName", "columnDataType", "columnName", "defaultValue", "defaultValueBoolean", "defaultValueComputed",
        "defaultValueConstraintName", "defaultValueDate", "defaultValueNumeric", "defaultValueSequenceNext",
        "schemaName", "tableName"},
       {"columnName", "tableName"},
       ""},
      {"addForeignKeyConstraint",
       {"baseColumnNames", "baseTableCatalogName", "baseTableName", "baseTableSchemaName", "constraintName",
        "deferrable", "deleteCascade", "initiallyDeferred", "onDelete", "onUpdate", "referencedColumnNames",
        "referencedTableCatalogName", "referencedTableName", "referencedTableSchemaName", "referencesUniqueColumn",
        "validate"},
       {"baseColumnNames", "baseTableName", "constraintName", "referencedColumnNames", "referencedTableName"},
       ""},
      {"addLookupTable",
       {"constraintName", "existingColumnName", "existingTableCatalogName", "existingTableName",
        "existingTableSchemaName", "newColumnDataType", "newColumnName", "newTableCatalogName", "newTableName",
        "newTableSchemaName"},
       {"existingColumnName", "existingTableName", "newColumnName", "newTableName"},
       ""},
      {"addNotNullConstraint",
       {"catalogName", "columnDataType", "columnName", "constraintName", "defaultNullValue", "schemaName", "tableName",
        "validate"},
       {"columnName", "tableName"},
       ""},
      {"addPrimaryKey",
       {"catalogName", "clustered", "columnNames", "constraintName", "forIndexCatalogName", "forIndexName",
        "forIndexSchemaName", "schemaName", "tableName", "tablespace", "validate"},
       {"columnNames", "tableName"},
       ""},
      {"addUniqueConstraint",
       {"catalogName", "clustered", "columnNames", "constraintName", "deferrable", "disabled", "forIndexCatalogName",
        "forIndexName", "forIndexSchemaName", "initiallyDeferred", "schemaName", "tableName", "tablespace", "validate"},
       {"columnNames", "tableName"},
       ""},
      {"alterSequence",
       {"cacheSize", "catalogName", "cycle", "dataType", "incrementBy", "maxValue", "minValue", "ordered", "schemaName",
        "sequenceName"},
       {"sequenceName"},
       ""},
      {"createIndex",
       {"associatedWith", "catalogName", "clustered", "indexName", "schemaName", "tableName", "tablespace", "unique"},
       {"columns", "tableName"},
       ""},
      {"createProcedure",
       {"catalogName", "comments", "dbms", "encoding", "path", "procedureName", "procedureText",
        "relativeToChangelogFile", "replaceIfExists", "schemaName"},
       {"path", "procedureText"},
       "procedureText"},
      {"createSequence",
       {"cacheSize", "catalogName", "cycle", "dataType", "incrementBy", "maxValue", "minValue", "ordered", "schemaName",
        "sequenceName", "startValue"},
       {"sequenceName"},
       ""},
      {"createTable",
       {"catalogName", "ifNotExists", "remarks", "schemaName", "tableName", "tableType", "tablespace"},
       {"columns", "tableName"},
       ""},
      {"createView",
       {"catalogName", "encoding", "fullDefinition", "path", "relativeToChangelogFile", "remarks", "replaceIfExists",
        "schemaName", "selectQuery", "viewName"},
       {"viewName"},
       "selectQuery"},
      {"customChange", {}, {}, ""},
      {"delete", {"catalogName", "schemaName", "tableName", "where"}, {"tableName"}, ""},
      {"dropAllForeignKeyConstraints",
       {"baseTableCatalogName", "baseTableName", "baseTableSchemaName"},
       {"baseTableName"},
       ""},
      {"dropColumn", {"catalogName", "columnName", "schemaName", "tableName"}, {"tableName"}, ""},
      {"dropDefaultValue",
       {"catalogName", "columnDataType", "columnName", "schemaName", "tableName"},
       {"columnName", "tableName"},
       ""},
      {"dropForeignKeyConstraint",
       {"baseTableCatalogName", "baseTableName", "baseTableSchemaName", "constraintName"},
       {"baseTableName", "constraintName"},
       ""},
      {"dropIndex", {"catalogName", "indexName", "schemaName", "tableName"}, {"indexName"}, ""},
      {"dropNotNullConstraint",
       {"catalogName", "columnDataType", "columnName", "constraintName", "schemaName", "tableName"},
       {"tableName"},
       ""},
      {"dropPrimaryKey", {"catalogName", "constraintName", "dropIndex", "schemaName", "tableName"}, {"tableName"}, ""},
      {"dropProcedure", {"catalogName", "procedureName", "schemaName"}, {"procedureName"}, ""},
      {"dropSequence", {"catalogName", "schemaName", "sequenceName"}, {"sequenceName"}, ""},
      {"dropTable", {"cascadeConstraints", "catalogName", "schemaName", "tableName"}, {"tableName"}, ""},
      {"dropUniqueConstraint",
       {"catalogName", "constraintName", "schemaName", "tableName", "uniqueColumns"},
       {"constraintName", "tableName"},
       ""},
      {"dropView", {"catalogName", "ifExists", "schemaName", "viewName"}, {"viewName"}, ""},
      {"empty", {}, {}, ""},
      {"executeCommand", {"executable", "timeout"}, {"executable"}, ""},
      {"insert", {"catalogName", "dbms", "schemaName", "tableName"}, {"columns", "tableName"}, ""},
      {"loadData",
       {"catalogName", "commentLineStartsWith", "encoding", "file", "quotchar", "relativeToChangelogFile", "schemaName",
        "separator", "tableName", "usePreparedStatements"},
       {"file", "tableName"},
       ""},
      {"loadUpdateData",
       {"catalogName", "commentLineStartsWith", "encoding", "file", "onlyUpdate", "primaryKey", "quotchar",
        "relativeToChangelogFile", "schemaName", "separator", "tableName", "usePreparedStatements"},
       {"file", "primaryKey", "tableName"},
       ""},
      {"mergeColumns",
       {"catalogName", "column1Name", "column2Name", "finalColumnName", "finalColumnType", "joinString", "schemaName",
        "tableName"},
       {"column1Name", "column2Name", "finalColumnName", "finalColumnType", "tableName"},
       ""},
      {"modifyDataType",
       {"catalogName", "columnName", "newDataType", "schemaName", "tableName"},
       {"columnName", "newDataType", "tableName"},
       ""},
      {"output", {"message", "target"}, {}, "message"},
      {"renameColumn",
       {"catalogName", "columnDataType", "newColumnName", "oldColumnName", "remarks", "schemaName", "tableName"},
       {"newColumnName", "oldColumnName", "tableName"},
       ""},
      {"renameSequence",
       {"catalogName", "newSequenceName", "oldSequenceName", "schemaName"},
       {"newSequenceName", "oldSequenceName"},
       ""},
      {"renameTable",
       {"catalogName", "newTableName", "oldTableName", "schemaName"},
       {"newTableName", "oldTableName"},
       ""},
      {"renameView", {"catalogName", "newViewName", "oldViewName", "schemaName"}, {"newViewName", "oldViewName"}, ""},
      {"setColumnRemarks",
       {"catalogName", "columnDataType", "columnName", "columnParentType", "remarks", "schemaName", "tableName"},
       {"columnName", "tableName"},
       ""},
      {"setTableRemarks", {"catalogName", "remarks", "schemaName", "tableName"}, {"tableName"}, ""},
      {"sql",
       {"comment", "dbms", "endDelimiter", "ignoreOriginalSplitStatements", "splitStatements", "sql", "stripComments"},
       {"sql"},
       "sql"},
      {"sqlFile",
       {"dbms", "encoding", "endDelimiter", "ignoreOriginalSplitStatements", "path", "relativeToChangelogFile",
        "splitStatements", "stripComments"},
       {"path"},
       ""},
      {"stop", {"message"}, {}, "message"},
      {"tagDatabase", {"tag"}, {}, ""},
      {"update", {"catalogName", "schemaName", "tableName", "where"}, {"columns", "tableName"}, ""},
  };
  return kTable;
}

}  // namespace

const std::set<std::string>& ChangeSetAttributes() {
  static const std::set<std::string> kNames{"id",
                                            "author",
                                            "context",
                                            "contextFilter",
                                            "labels",
                                            "dbms",
                                            "runOnChange",
                                            "runAlways",
                                            "alwaysRun",
                                            "failOnError",
                                            "created",
                                            "onValidationFail",
                                            "runOrder",
                                            "runInTransaction",
                                            "logicalFilePath",
                                            "objectQuotingStrategy",
                                            "ignore",
                                            "runWith",
                                            "runWithSpoolFile"};
  return kNames;
}

std::string CanonicalAttributeName(std::string_view key) {
  static const std::map<std::string, std::string> kByLowerName = [] {
    std::map<std::string, std::string> out;
    auto add = [&](const std::string& name) { out.emplace(text::Lower(name), name); };
    for (const auto& info : Table()) {
      for (const auto& attribute : info.attributes) add(attribute);
    }
    for (const auto& attribute : ChangeSetAttributes()) add(attribute);
    // ColumnConfig / LoadDataColumnConfig, ConstraintsConfig, preconditions, include(All), property and
    // sql visitor fields (Liquibase 4.28).
    for (const char* name :
         {"name", "computed", "type", "value",
          "valueNumeric", "valueDate", "valueBoolean", "valueBlobFile", "valueClobFile", "encoding", "valueComputed",
          "valueSequenceNext", "valueSequenceCurrent", "defaultValue", "defaultValueNumeric", "defaultValueDate",
          "defaultValueBoolean", "defaultValueComputed", "defaultValueSequenceNext", "defaultValueConstraintName",
          "autoIncrement", "startWith", "incrementBy", "generationType", "defaultOnNull", "remarks", "descending",
          "position", "header", "index", "afterColumn", "beforeColumn", "allowUpdate", "nullPlaceholder", "nullable",
          "notNullConstraintName", "primaryKey", "primaryKeyName", "primaryKeyTablespace", "unique",
          "uniqueConstraintName", "references", "referencedTableCatalogName", "referencedTableSchemaName",
          "referencedTableName", "referencedColumnNames", "foreignKeyName", "deleteCascade", "deferrable",
          "initiallyDeferred", "checkConstraint", "validateNullable", "validateUnique", "validatePrimaryKey",
          "validateForeignKey", "onFail", "onError", "onFailMessage", "onErrorMessage", "onSqlOutput",
          "expectedResult", "expectedRows", "property", "changeLogFile", "foreignKeyTableName", "foreignKeyName",
          "columnNames", "username", "strategy", "file", "path", "relativeToChangelogFile", "errorIfMissing",
          "errorIfMissingOrEmpty", "resourceFilter", "filter", "resourceComparator", "minDepth", "maxDepth",
          "endsWithFilter", "global", "applyToRollback", "with", "replace"}) {
      add(name);
    }
    return out;
  }();
  auto it = kByLowerName.find(text::Lower(key));
  return it == kByLowerName.end() ? std::string(key) : it->second;
}

const ChangeTypeInfo* FindChangeType(std::string_view name) {
  for (const auto& info : Table()) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

}  // namespace ledgerhost::migration::parse
