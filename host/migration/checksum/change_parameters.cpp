#include "migration/checksum/change_parameters.h"

#include <algorithm>

namespace ledgerhost::migration {
namespace {

using F = FieldKind;

// ChangeMetaData parameters per change type, transcribed from liquibase-spec.md Appendix A (which
// was dumped from Liquibase 4.28's ChangeFactory). customChange is CustomChangeWrapper's own
// getSerializableFields(): class + param.
const std::map<std::string, std::vector<ChangeParameter>, std::less<>>& Parameters() {
  static const std::map<std::string, std::vector<ChangeParameter>, std::less<>> parameters{
      {"addAutoIncrement", {{"catalogName", F::kString}, {"columnDataType", F::kString}, {"columnName", F::kString}, {"defaultOnNull", F::kBoolean}, {"generationType", F::kString}, {"incrementBy", F::kBigInteger}, {"schemaName", F::kString}, {"startWith", F::kBigInteger}, {"tableName", F::kString}}},
      {"addColumn", {{"catalogName", F::kString}, {"columns", F::kAddColumns}, {"schemaName", F::kString}, {"tableName", F::kString}}},
      {"addDefaultValue", {{"catalogName", F::kString}, {"columnDataType", F::kString}, {"columnName", F::kString}, {"defaultValue", F::kString}, {"defaultValueBoolean", F::kBoolean}, {"defaultValueComputed", F::kString}, {"defaultValueConstraintName", F::kString}, {"defaultValueDate", F::kString}, {"defaultValueNumeric", F::kString}, {"defaultValueSequenceNext", F::kString}, {"schemaName", F::kString}, {"tableName", F::kString}}},
      {"addForeignKeyConstraint", {{"baseColumnNames", F::kString}, {"baseTableCatalogName", F::kString}, {"baseTableName", F::kString}, {"baseTableSchemaName", F::kString}, {"constraintName", F::kString}, {"deferrable", F::kBoolean}, {"deleteCascade", F::kBoolean}, {"initiallyDeferred", F::kBoolean}, {"onDelete", F::kString}, {"onUpdate", F::kString}, {"referencedColumnNames", F::kString}, {"referencedTableCatalogName", F::kString}, {"referencedTableName", F::kString}, {"referencedTableSchemaName", F::kString}, {"referencesUniqueColumn", F::kBoolean}, {"validate", F::kBoolean}}},
      {"addLookupTable", {{"constraintName", F::kString}, {"existingColumnName", F::kString}, {"existingTableCatalogName", F::kString}, {"existingTableName", F::kString}, {"existingTableSchemaName", F::kString}, {"newColumnDataType", F::kString}, {"newColumnName", F::kString}, {"newTableCatalogName", F::kString}, {"newTableName", F::kString}, {"newTableSchemaName", F::kString}}},
      {"addNotNullConstraint", {{"catalogName", F::kString}, {"columnDataType", F::kString}, {"columnName", F::kString}, {"constraintName", F::kString}, {"defaultNullValue", F::kString}, {"schemaName", F::kString}, {"tableName", F::kString}, {"validate", F::kBoolean}}},
      {"addPrimaryKey", {{"catalogName", F::kString}, {"clustered", F::kBoolean}, {"columnNames", F::kString}, {"constraintName", F::kString}, {"forIndexCatalogName", F::kString}, {"forIndexName", F::kString}, {"forIndexSchemaName", F::kString}, {"schemaName", F::kString}, {"tableName", F::kString}, {"tablespace", F::kString}, {"validate", F::kBoolean}}},
      {"addUniqueConstraint", {{"catalogName", F::kString}, {"clustered", F::kBoolean}, {"columnNames", F::kString}, {"constraintName", F::kString}, {"deferrable", F::kBoolean}, {"disabled", F::kBoolean}, {"forIndexCatalogName", F::kString}, {"forIndexName", F::kString}, {"forIndexSchemaName", F::kString}, {"initiallyDeferred", F::kBoolean}, {"schemaName", F::kString}, {"tableName", F::kString}, {"tablespace", F::kString}, {"validate", F::kBoolean}}},
      {"alterSequence", {{"cacheSize", F::kBigInteger}, {"catalogName", F::kString}, {"cycle", F::kBoolean}, {"dataType", F::kString}, {"incrementBy", F::kBigInteger}, {"maxValue", F::kBigInteger}, {"minValue", F::kBigInteger}, {"ordered", F::kBoolean}, {"schemaName", F::kString}, {"sequenceName", F::kString}}},
      {"createIndex", {{"associatedWith", F::kString}, {"catalogName", F::kString}, {"clustered", F::kBoolean}, {"columns", F::kAddColumns}, {"indexName", F::kString}, {"schemaName", F::kString}, {"tableName", F::kString}, {"tablespace", F::kString}, {"unique", F::kBoolean}}},
      {"createProcedure", {{"catalogName", F::kString}, {"comments", F::kString}, {"dbms", F::kString}, {"encoding", F::kString}, {"path", F::kString}, {"procedureName", F::kString}, {"procedureText", F::kString}, {"relativeToChangelogFile", F::kBoolean}, {"replaceIfExists", F::kBoolean}, {"schemaName", F::kString}}},
      {"createSequence", {{"cacheSize", F::kBigInteger}, {"catalogName", F::kString}, {"cycle", F::kBoolean}, {"dataType", F::kString}, {"incrementBy", F::kBigInteger}, {"maxValue", F::kBigInteger}, {"minValue", F::kBigInteger}, {"ordered", F::kBoolean}, {"schemaName", F::kString}, {"sequenceName", F::kString}, {"startValue", F::kBigInteger}}},
      {"createTable", {{"catalogName", F::kString}, {"columns", F::kColumns}, {"ifNotExists", F::kBoolean}, {"remarks", F::kString}, {"schemaName", F::kString}, {"tableName", F::kString}, {"tableType", F::kString}, {"tablespace", F::kString}}},
      {"createView", {{"catalogName", F::kString}, {"encoding", F::kString}, {"fullDefinition", F::kBoolean}, {"path", F::kString}, {"relativeToChangelogFile", F::kBoolean}, {"remarks", F::kString}, {"replaceIfExists", F::kBoolean}, {"schemaName", F::kString}, {"selectQuery", F::kString}, {"viewName", F::kString}}},
      {"customChange", {{"class", F::kString}, {"param", F::kParamMap}}},
      {"delete", {{"catalogName", F::kString}, {"schemaName", F::kString}, {"tableName", F::kString}, {"where", F::kString}}},
      {"dropAllForeignKeyConstraints", {{"baseTableCatalogName", F::kString}, {"baseTableName", F::kString}, {"baseTableSchemaName", F::kString}}},
      {"dropColumn", {{"catalogName", F::kString}, {"columnName", F::kString}, {"columns", F::kColumns}, {"schemaName", F::kString}, {"tableName", F::kString}}},
      {"dropDefaultValue", {{"catalogName", F::kString}, {"columnDataType", F::kString}, {"columnName", F::kString}, {"schemaName", F::kString}, {"tableName", F::kString}}},
      {"dropForeignKeyConstraint", {{"baseTableCatalogName", F::kString}, {"baseTableName", F::kString}, {"baseTableSchemaName", F::kString}, {"constraintName", F::kString}}},
      {"dropIndex", {{"catalogName", F::kString}, {"indexName", F::kString}, {"schemaName", F::kString}, {"tableName", F::kString}}},
      {"dropNotNullConstraint", {{"catalogName", F::kString}, {"columnDataType", F::kString}, {"columnName", F::kString}, {"constraintName", F::kString}, {"schemaName", F::kString}, {"tableName", F::kString}}},
      {"dropPrimaryKey", {{"catalogName", F::kString}, {"constraintName", F::kString}, {"dropIndex", F::kBoolean}, {"schemaName", F::kString}, {"tableName", F::kString}}},
      {"dropProcedure", {{"catalogName", F::kString}, {"procedureName", F::kString}, {"schemaName", F::kString}}},
      {"dropSequence", {{"catalogName", F::kString}, {"schemaName", F::kString}, {"sequenceName", F::kString}}},
      {"dropTable", {{"cascadeConstraints", F::kBoolean}, {"catalogName", F::kString}, {"schemaName", F::kString}, {"tableName", F::kString}}},
      {"dropUniqueConstraint", {{"catalogName", F::kString}, {"constraintName", F::kString}, {"schemaName", F::kString}, {"tableName", F::kString}, {"uniqueColumns", F::kString}}},
      {"dropView", {{"catalogName", F::kString}, {"ifExists", F::kBoolean}, {"schemaName", F::kString}, {"viewName", F::kString}}},
      {"empty", {}},
      {"executeCommand", {{"executable", F::kString}, {"timeout", F::kString}}},
      {"insert", {{"catalogName", F::kString}, {"columns", F::kColumns}, {"dbms", F::kString}, {"schemaName", F::kString}, {"tableName", F::kString}}},
      {"loadData", {{"catalogName", F::kString}, {"columns", F::kLoadDataColumns}, {"commentLineStartsWith", F::kString}, {"encoding", F::kString}, {"file", F::kString}, {"quotchar", F::kString}, {"relativeToChangelogFile", F::kBoolean}, {"schemaName", F::kString}, {"separator", F::kString}, {"tableName", F::kString}, {"usePreparedStatements", F::kBoolean}}},
      {"loadUpdateData", {{"catalogName", F::kString}, {"columns", F::kLoadDataColumns}, {"commentLineStartsWith", F::kString}, {"encoding", F::kString}, {"file", F::kString}, {"onlyUpdate", F::kBoolean}, {"primaryKey", F::kString}, {"quotchar", F::kString}, {"relativeToChangelogFile", F::kBoolean}, {"schemaName", F::kString}, {"separator", F::kString}, {"tableName", F::kString}, {"usePreparedStatements", F::kBoolean}}},
      {"mergeColumns", {{"catalogName", F::kString}, {"column1Name", F::kString}, {"column2Name", F::kString}, {"finalColumnName", F::kString}, {"finalColumnType", F::kString}, {"joinString", F::kString}, {"schemaName", F::kString}, {"tableName", F::kString}}},
      {"modifyDataType", {{"catalogName", F::kString}, {"columnName", F::kString}, {"newDataType", F::kString}, {"schemaName", F::kString}, {"tableName", F::kString}}},
      {"output", {{"message", F::kString}, {"target", F::kString}}},
      {"renameColumn", {{"catalogName", F::kString}, {"columnDataType", F::kString}, {"newColumnName", F::kString}, {"oldColumnName", F::kString}, {"remarks", F::kString}, {"schemaName", F::kString}, {"tableName", F::kString}}},
      {"renameSequence", {{"catalogName", F::kString}, {"newSequenceName", F::kString}, {"oldSequenceName", F::kString}, {"schemaName", F::kString}}},
      {"renameTable", {{"catalogName", F::kString}, {"newTableName", F::kString}, {"oldTableName", F::kString}, {"schemaName", F::kString}}},
      {"renameView", {{"catalogName", F::kString}, {"newViewName", F::kString}, {"oldViewName", F::kString}, {"schemaName", F::kString}}},
      {"setColumnRemarks", {{"catalogName", F::kString}, {"columnDataType", F::kString}, {"columnName", F::kString}, {"columnParentType", F::kString}, {"remarks", F::kString}, {"schemaName", F::kString}, {"tableName", F::kString}}},
      {"setTableRemarks", {{"catalogName", F::kString}, {"remarks", F::kString}, {"schemaName", F::kString}, {"tableName", F::kString}}},
      {"sql", {{"comment", F::kString}, {"dbms", F::kString}, {"endDelimiter", F::kString}, {"ignoreOriginalSplitStatements", F::kBoolean}, {"splitStatements", F::kBoolean}, {"sql", F::kString}, {"stripComments", F::kBoolean}}},
      {"sqlFile", {{"dbms", F::kString}, {"encoding", F::kString}, {"endDelimiter", F::kString}, {"ignoreOriginalSplitStatements", F::kBoolean}, {"path", F::kString}, {"relativeToChangelogFile", F::kBoolean}, {"splitStatements", F::kBoolean}, {"stripComments", F::kBoolean}}},
      {"stop", {{"message", F::kString}}},
      {"tagDatabase", {{"tag", F::kString}}},
      {"update", {{"catalogName", F::kString}, {"columns", F::kColumns}, {"schemaName", F::kString}, {"tableName", F::kString}, {"where", F::kString}}},
  };
  return parameters;
}

// Fields of a fresh change object that are not null (Appendix A "non-null defaults"). sql/sqlFile
// defaults are omitted: their checksum does not serialize fields (§1.5).
std::map<std::string, std::string> TextDefaults(std::string_view type) {
  if (type == "loadData") return {{"commentLineStartsWith", "#"}, {"quotchar", "\""}, {"separator", ","}};
  if (type == "loadUpdateData") {
    return {{"commentLineStartsWith", "#"}, {"onlyUpdate", "false"}, {"quotchar", "\""}, {"separator", ","}};
  }
  if (type == "output") return {{"target", "STDERR"}};
  if (type == "stop") return {{"message", "Stop command in changelog file"}};
  return {};
}

std::set<std::string> ListDefaults(std::string_view type) {
  static const std::set<std::string_view> with_columns{"addColumn", "createIndex",    "createTable", "insert",
                                                       "update",    "loadData", "loadUpdateData"};
  if (with_columns.count(type)) return {"columns"};
  if (type == "customChange") return {"param"};
  return {};
}

const std::map<std::string_view, FieldKind>& ColumnConfigFields() {
  // ColumnConfig's declared fields (serialized by reflection).
  static const std::map<std::string_view, FieldKind> fields{
      {"name", F::kString},
      {"computed", F::kBoolean},
      {"type", F::kString},
      {"value", F::kString},
      {"valueNumeric", F::kNumeric},
      {"valueDate", F::kDate},
      {"valueBoolean", F::kBoolean},
      {"valueBlobFile", F::kString},
      {"valueClobFile", F::kString},
      {"encoding", F::kString},
      {"valueComputed", F::kString},
      {"valueSequenceNext", F::kString},
      {"valueSequenceCurrent", F::kString},
      {"defaultValue", F::kString},
      {"defaultValueNumeric", F::kNumeric},
      {"defaultValueDate", F::kDate},
      {"defaultValueBoolean", F::kBoolean},
      {"defaultValueComputed", F::kString},
      {"defaultValueSequenceNext", F::kString},
      {"defaultValueConstraintName", F::kString},
      {"autoIncrement", F::kBoolean},
      {"generationType", F::kString},
      {"defaultOnNull", F::kBoolean},
      {"startWith", F::kBigInteger},
      {"incrementBy", F::kBigInteger},
      {"remarks", F::kString},
      {"descending", F::kBoolean},
  };
  return fields;
}

}  // namespace

const ChangeParameter* ChangeTypeInfo::Find(std::string_view name) const {
  auto it = std::find_if(parameters.begin(), parameters.end(), [&](const auto& p) { return p.name == name; });
  return it == parameters.end() ? nullptr : &*it;
}

const ChangeTypeInfo* FindChangeType(std::string_view type) {
  static const std::map<std::string, ChangeTypeInfo, std::less<>> types = [] {
    std::map<std::string, ChangeTypeInfo, std::less<>> out;
    for (const auto& [name, parameters] : Parameters()) {
      out[name] = ChangeTypeInfo{parameters, TextDefaults(name), ListDefaults(name)};
    }
    return out;
  }();
  auto it = types.find(type);
  return it == types.end() ? nullptr : &it->second;
}

std::optional<FieldKind> ColumnFieldKind(FieldKind list, std::string_view name) {
  const auto& base = ColumnConfigFields();
  if (auto it = base.find(name); it != base.end()) return it->second;
  // Integer fields render like BigInteger ("07" -> "7").
  if (list == F::kAddColumns) {
    if (name == "afterColumn" || name == "beforeColumn") return F::kString;
    if (name == "position") return F::kBigInteger;
  }
  if (list == F::kLoadDataColumns) {
    if (name == "header" || name == "loadType") return F::kString;
    if (name == "index") return F::kBigInteger;
    if (name == "allowUpdate") return F::kBoolean;
  }
  return std::nullopt;
}

std::optional<FieldKind> ConstraintFieldKind(std::string_view name) {
  static const std::map<std::string_view, FieldKind> fields{
      {"nullable", F::kBoolean},
      {"notNullConstraintName", F::kString},
      {"primaryKey", F::kBoolean},
      {"primaryKeyName", F::kString},
      {"primaryKeyTablespace", F::kString},
      {"references", F::kString},
      {"referencedTableCatalogName", F::kString},
      {"referencedTableSchemaName", F::kString},
      {"referencedTableName", F::kString},
      {"referencedColumnNames", F::kString},
      {"unique", F::kBoolean},
      {"uniqueConstraintName", F::kString},
      {"checkConstraint", F::kString},
      {"deleteCascade", F::kBoolean},
      {"foreignKeyName", F::kString},
      {"initiallyDeferred", F::kBoolean},
      {"deferrable", F::kBoolean},
      {"validateNullable", F::kBoolean},
      {"validateUnique", F::kBoolean},
      {"validatePrimaryKey", F::kBoolean},
      {"validateForeignKey", F::kBoolean},
  };
  auto it = fields.find(name);
  if (it == fields.end()) return std::nullopt;
  return it->second;
}

bool IsExcludedField(std::string_view change_type, std::string_view name, int version) {
  if (change_type == "createTable" && name == "ifNotExists") return true;
  // AddForeignKeyConstraintChange.getReferencesUniqueColumn() always returns null.
  if (change_type == "addForeignKeyConstraint" && name == "referencesUniqueColumn") return true;
  if (change_type == "createIndex" && name == "associatedWith") return true;
  if (version < 9) return false;
  static const std::set<std::string_view> view{"path", "relativeToChangelogFile", "selectQuery", "encoding"};
  static const std::set<std::string_view> procedure{"path",        "dbms",         "relativeToChangelogFile",
                                                    "procedureText", "encoding",   "comments",
                                                    "triggerBody", "functionBody", "packageText",
                                                    "packageBodyText"};
  if (change_type == "createView") return view.count(name) > 0;
  if (change_type == "createProcedure") return procedure.count(name) > 0;
  return false;
}

}  // namespace ledgerhost::migration
