#include "migration/change/change_type.h"

#include <algorithm>

#include "migration/change/inverses.h"

namespace ledgerhost::migration {
namespace {

using F = FieldKind;
using namespace inverse;  // NOLINT: the inverse column of the table
constexpr bool kRequired = true;

}  // namespace

bool IsListKind(FieldKind kind) {
  return kind == F::kColumns || kind == F::kAddColumns || kind == F::kLoadDataColumns || kind == F::kParamMap;
}

const ChangeParameter* ChangeType::Find(std::string_view parameter) const {
  auto it = std::find_if(parameters.begin(), parameters.end(), [&](const auto& p) { return p.name == parameter; });
  return it == parameters.end() ? nullptr : &*it;
}

bool ChangeType::HasAttribute(std::string_view attribute) const {
  const ChangeParameter* parameter = Find(attribute);
  return parameter != nullptr && !IsListKind(parameter->kind);
}

// One entry per change type: its ChangeMetaData parameters (kind, REQUIRED), the parameter its
// element's text sets, the non-null defaults and empty lists of a fresh change object, and its
// inverse. customChange is CustomChangeWrapper's own getSerializableFields(): class + param.
const std::vector<ChangeType>& AllChangeTypes() {
  static const std::vector<ChangeType> kChangeTypes{
      {"addAutoIncrement",
       {{"catalogName"}, {"columnDataType"}, {"columnName", F::kString, kRequired}, {"defaultOnNull", F::kBoolean}, {"generationType"}, {"incrementBy", F::kBigInteger}, {"schemaName"}, {"startWith", F::kBigInteger}, {"tableName", F::kString, kRequired}},
       "", {}, {}, nullptr},
      {"addColumn",
       {{"catalogName"}, {"columns", F::kAddColumns, kRequired}, {"schemaName"}, {"tableName", F::kString, kRequired}},
       "", {}, {"columns"}, InverseOfAddColumn},
      {"addDefaultValue",
       {{"catalogName"}, {"columnDataType"}, {"columnName", F::kString, kRequired}, {"defaultValue"}, {"defaultValueBoolean", F::kBoolean}, {"defaultValueComputed"}, {"defaultValueConstraintName"}, {"defaultValueDate"}, {"defaultValueNumeric"}, {"defaultValueSequenceNext"}, {"schemaName"}, {"tableName", F::kString, kRequired}},
       "", {}, {}, InverseOfAddDefaultValue},
      {"addForeignKeyConstraint",
       {{"baseColumnNames", F::kString, kRequired}, {"baseTableCatalogName"}, {"baseTableName", F::kString, kRequired}, {"baseTableSchemaName"}, {"constraintName", F::kString, kRequired}, {"deferrable", F::kBoolean}, {"deleteCascade", F::kBoolean}, {"initiallyDeferred", F::kBoolean}, {"onDelete"}, {"onUpdate"}, {"referencedColumnNames", F::kString, kRequired}, {"referencedTableCatalogName"}, {"referencedTableName", F::kString, kRequired}, {"referencedTableSchemaName"}, {"referencesUniqueColumn", F::kBoolean}, {"validate", F::kBoolean}},
       "", {}, {}, InverseOfAddForeignKeyConstraint},
      {"addLookupTable",
       {{"constraintName"}, {"existingColumnName", F::kString, kRequired}, {"existingTableCatalogName"}, {"existingTableName", F::kString, kRequired}, {"existingTableSchemaName"}, {"newColumnDataType"}, {"newColumnName", F::kString, kRequired}, {"newTableCatalogName"}, {"newTableName", F::kString, kRequired}, {"newTableSchemaName"}},
       "", {}, {}, InverseOfAddLookupTable},
      {"addNotNullConstraint",
       {{"catalogName"}, {"columnDataType"}, {"columnName", F::kString, kRequired}, {"constraintName"}, {"defaultNullValue"}, {"schemaName"}, {"tableName", F::kString, kRequired}, {"validate", F::kBoolean}},
       "", {}, {}, InverseOfAddNotNullConstraint},
      {"addPrimaryKey",
       {{"catalogName"}, {"clustered", F::kBoolean}, {"columnNames", F::kString, kRequired}, {"constraintName"}, {"forIndexCatalogName"}, {"forIndexName"}, {"forIndexSchemaName"}, {"schemaName"}, {"tableName", F::kString, kRequired}, {"tablespace"}, {"validate", F::kBoolean}},
       "", {}, {}, InverseOfAddPrimaryKey},
      {"addUniqueConstraint",
       {{"catalogName"}, {"clustered", F::kBoolean}, {"columnNames", F::kString, kRequired}, {"constraintName"}, {"deferrable", F::kBoolean}, {"disabled", F::kBoolean}, {"forIndexCatalogName"}, {"forIndexName"}, {"forIndexSchemaName"}, {"initiallyDeferred", F::kBoolean}, {"schemaName"}, {"tableName", F::kString, kRequired}, {"tablespace"}, {"validate", F::kBoolean}},
       "", {}, {}, InverseOfAddUniqueConstraint},
      {"alterSequence",
       {{"cacheSize", F::kBigInteger}, {"catalogName"}, {"cycle", F::kBoolean}, {"dataType"}, {"incrementBy", F::kBigInteger}, {"maxValue", F::kBigInteger}, {"minValue", F::kBigInteger}, {"ordered", F::kBoolean}, {"schemaName"}, {"sequenceName", F::kString, kRequired}},
       "", {}, {}, nullptr},
      {"createIndex",
       {{"associatedWith"}, {"catalogName"}, {"clustered", F::kBoolean}, {"columns", F::kAddColumns, kRequired}, {"indexName"}, {"schemaName"}, {"tableName", F::kString, kRequired}, {"tablespace"}, {"unique", F::kBoolean}},
       "", {}, {"columns"}, InverseOfCreateIndex},
      {"createProcedure",
       {{"catalogName"}, {"comments"}, {"dbms"}, {"encoding"}, {"path", F::kString, kRequired}, {"procedureName"}, {"procedureText", F::kString, kRequired}, {"relativeToChangelogFile", F::kBoolean}, {"replaceIfExists", F::kBoolean}, {"schemaName"}},
       "procedureText", {}, {}, nullptr},
      {"createSequence",
       {{"cacheSize", F::kBigInteger}, {"catalogName"}, {"cycle", F::kBoolean}, {"dataType"}, {"incrementBy", F::kBigInteger}, {"maxValue", F::kBigInteger}, {"minValue", F::kBigInteger}, {"ordered", F::kBoolean}, {"schemaName"}, {"sequenceName", F::kString, kRequired}, {"startValue", F::kBigInteger}},
       "", {}, {}, InverseOfCreateSequence},
      {"createTable",
       {{"catalogName"}, {"columns", F::kColumns, kRequired}, {"ifNotExists", F::kBoolean}, {"remarks"}, {"schemaName"}, {"tableName", F::kString, kRequired}, {"tableType"}, {"tablespace"}},
       "", {}, {"columns"}, InverseOfCreateTable},
      {"createView",
       {{"catalogName"}, {"encoding"}, {"fullDefinition", F::kBoolean}, {"path"}, {"relativeToChangelogFile", F::kBoolean}, {"remarks"}, {"replaceIfExists", F::kBoolean}, {"schemaName"}, {"selectQuery"}, {"viewName", F::kString, kRequired}},
       "selectQuery", {}, {}, InverseOfCreateView},
      {"customChange",
       {{"class"}, {"param", F::kParamMap}},
       "", {}, {"param"}, nullptr},
      {"delete",
       {{"catalogName"}, {"schemaName"}, {"tableName", F::kString, kRequired}, {"where"}},
       "", {}, {}, nullptr},
      {"dropAllForeignKeyConstraints",
       {{"baseTableCatalogName"}, {"baseTableName", F::kString, kRequired}, {"baseTableSchemaName"}},
       "", {}, {}, nullptr},
      {"dropColumn",
       {{"catalogName"}, {"columnName"}, {"columns", F::kColumns}, {"schemaName"}, {"tableName", F::kString, kRequired}},
       "", {}, {}, nullptr},
      {"dropDefaultValue",
       {{"catalogName"}, {"columnDataType"}, {"columnName", F::kString, kRequired}, {"schemaName"}, {"tableName", F::kString, kRequired}},
       "", {}, {}, nullptr},
      {"dropForeignKeyConstraint",
       {{"baseTableCatalogName"}, {"baseTableName", F::kString, kRequired}, {"baseTableSchemaName"}, {"constraintName", F::kString, kRequired}},
       "", {}, {}, nullptr},
      {"dropIndex",
       {{"catalogName"}, {"indexName", F::kString, kRequired}, {"schemaName"}, {"tableName"}},
       "", {}, {}, nullptr},
      {"dropNotNullConstraint",
       {{"catalogName"}, {"columnDataType"}, {"columnName"}, {"constraintName"}, {"schemaName"}, {"tableName", F::kString, kRequired}},
       "", {}, {}, InverseOfDropNotNullConstraint},
      {"dropPrimaryKey",
       {{"catalogName"}, {"constraintName"}, {"dropIndex", F::kBoolean}, {"schemaName"}, {"tableName", F::kString, kRequired}},
       "", {}, {}, nullptr},
      {"dropProcedure",
       {{"catalogName"}, {"procedureName", F::kString, kRequired}, {"schemaName"}},
       "", {}, {}, nullptr},
      {"dropSequence",
       {{"catalogName"}, {"schemaName"}, {"sequenceName", F::kString, kRequired}},
       "", {}, {}, nullptr},
      {"dropTable",
       {{"cascadeConstraints", F::kBoolean}, {"catalogName"}, {"schemaName"}, {"tableName", F::kString, kRequired}},
       "", {}, {}, nullptr},
      {"dropUniqueConstraint",
       {{"catalogName"}, {"constraintName", F::kString, kRequired}, {"schemaName"}, {"tableName", F::kString, kRequired}, {"uniqueColumns"}},
       "", {}, {}, nullptr},
      {"dropView",
       {{"catalogName"}, {"ifExists", F::kBoolean}, {"schemaName"}, {"viewName", F::kString, kRequired}},
       "", {}, {}, nullptr},
      {"empty",
       {},
       "", {}, {}, NoInverseChanges},
      {"executeCommand",
       {{"executable", F::kString, kRequired}, {"timeout"}},
       "", {}, {}, nullptr},
      {"insert",
       {{"catalogName"}, {"columns", F::kColumns, kRequired}, {"dbms"}, {"schemaName"}, {"tableName", F::kString, kRequired}},
       "", {}, {"columns"}, nullptr},
      {"loadData",
       {{"catalogName"}, {"columns", F::kLoadDataColumns}, {"commentLineStartsWith"}, {"encoding"}, {"file", F::kString, kRequired}, {"quotchar"}, {"relativeToChangelogFile", F::kBoolean}, {"schemaName"}, {"separator"}, {"tableName", F::kString, kRequired}, {"usePreparedStatements", F::kBoolean}},
       "", {{"commentLineStartsWith", "#"}, {"quotchar", "\""}, {"separator", ","}}, {"columns"}, nullptr},
      {"loadUpdateData",
       {{"catalogName"}, {"columns", F::kLoadDataColumns}, {"commentLineStartsWith"}, {"encoding"}, {"file", F::kString, kRequired}, {"onlyUpdate", F::kBoolean}, {"primaryKey", F::kString, kRequired}, {"quotchar"}, {"relativeToChangelogFile", F::kBoolean}, {"schemaName"}, {"separator"}, {"tableName", F::kString, kRequired}, {"usePreparedStatements", F::kBoolean}},
       "", {{"commentLineStartsWith", "#"}, {"onlyUpdate", "false"}, {"quotchar", "\""}, {"separator", ","}}, {"columns"}, InverseOfLoadUpdateData},
      {"mergeColumns",
       {{"catalogName"}, {"column1Name", F::kString, kRequired}, {"column2Name", F::kString, kRequired}, {"finalColumnName", F::kString, kRequired}, {"finalColumnType", F::kString, kRequired}, {"joinString"}, {"schemaName"}, {"tableName", F::kString, kRequired}},
       "", {}, {}, nullptr},
      {"modifyDataType",
       {{"catalogName"}, {"columnName", F::kString, kRequired}, {"newDataType", F::kString, kRequired}, {"schemaName"}, {"tableName", F::kString, kRequired}},
       "", {}, {}, nullptr},
      {"output",
       {{"message"}, {"target"}},
       "message", {{"target", "STDERR"}}, {}, NoInverseChanges},
      {"renameColumn",
       {{"catalogName"}, {"columnDataType"}, {"newColumnName", F::kString, kRequired}, {"oldColumnName", F::kString, kRequired}, {"remarks"}, {"schemaName"}, {"tableName", F::kString, kRequired}},
       "", {}, {}, InverseOfRenameColumn},
      {"renameSequence",
       {{"catalogName"}, {"newSequenceName", F::kString, kRequired}, {"oldSequenceName", F::kString, kRequired}, {"schemaName"}},
       "", {}, {}, InverseOfRenameSequence},
      {"renameTable",
       {{"catalogName"}, {"newTableName", F::kString, kRequired}, {"oldTableName", F::kString, kRequired}, {"schemaName"}},
       "", {}, {}, InverseOfRenameTable},
      {"renameView",
       {{"catalogName"}, {"newViewName", F::kString, kRequired}, {"oldViewName", F::kString, kRequired}, {"schemaName"}},
       "", {}, {}, InverseOfRenameView},
      {"setColumnRemarks",
       {{"catalogName"}, {"columnDataType"}, {"columnName", F::kString, kRequired}, {"columnParentType"}, {"remarks"}, {"schemaName"}, {"tableName", F::kString, kRequired}},
       "", {}, {}, nullptr},
      {"setTableRemarks",
       {{"catalogName"}, {"remarks"}, {"schemaName"}, {"tableName", F::kString, kRequired}},
       "", {}, {}, nullptr},
      {"sql",
       {{"comment"}, {"dbms"}, {"endDelimiter"}, {"ignoreOriginalSplitStatements", F::kBoolean}, {"splitStatements", F::kBoolean}, {"sql", F::kString, kRequired}, {"stripComments", F::kBoolean}},
       "sql", {}, {}, nullptr},
      {"sqlFile",
       {{"dbms"}, {"encoding"}, {"endDelimiter"}, {"ignoreOriginalSplitStatements", F::kBoolean}, {"path", F::kString, kRequired}, {"relativeToChangelogFile", F::kBoolean}, {"splitStatements", F::kBoolean}, {"stripComments", F::kBoolean}},
       "", {}, {}, nullptr},
      {"stop",
       {{"message"}},
       "message", {{"message", "Stop command in changelog file"}}, {}, nullptr},
      {"tagDatabase",
       {{"tag"}},
       "", {}, {}, NoInverseChanges},
      {"update",
       {{"catalogName"}, {"columns", F::kColumns, kRequired}, {"schemaName"}, {"tableName", F::kString, kRequired}, {"where"}},
       "", {}, {"columns"}, nullptr},
  };
  return kChangeTypes;
}

const ChangeType* FindChangeType(std::string_view name) {
  for (const auto& type : AllChangeTypes()) {
    if (type.name == name) return &type;
  }
  return nullptr;
}

std::optional<std::vector<Change>> InverseOf(const Change& change) {
  const ChangeType* type = FindChangeType(change.type);
  if (type == nullptr || type->inverse == nullptr) return std::nullopt;
  return type->inverse(change);
}

}  // namespace ledgerhost::migration
