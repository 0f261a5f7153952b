#include "migration/parse/attribute_names.h"

#include <map>

#include "migration/change/change_type.h"
#include "core/text.h"

namespace ledgerhost::migration::parse {

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
    for (const auto& type : AllChangeTypes()) {
      for (const auto& parameter : type.parameters) {
        if (!IsListKind(parameter.kind)) add(std::string(parameter.name));
      }
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

}  // namespace ledgerhost::migration::parse
