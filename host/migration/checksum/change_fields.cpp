#include "migration/checksum/change_fields.h"

#include <set>

namespace ledgerhost::migration {
namespace {

bool In(const std::set<std::string>& set, const std::string& name) { return set.count(name) > 0; }

}  // namespace

bool IsColumnBooleanField(const std::string& name) {
  static const std::set<std::string> fields{"computed",      "valueBoolean", "defaultValueBoolean", "autoIncrement",
                                            "defaultOnNull", "descending",   "allowUpdate"};
  return In(fields, name);
}

bool IsColumnBigIntegerField(const std::string& name) {
  static const std::set<std::string> fields{"startWith", "incrementBy"};
  return In(fields, name);
}

bool IsConstraintBooleanField(const std::string& name) {
  static const std::set<std::string> fields{"nullable",         "primaryKey",        "unique",
                                            "deleteCascade",    "initiallyDeferred", "deferrable",
                                            "validateNullable", "validateUnique",    "validatePrimaryKey",
                                            "validateForeignKey"};
  return In(fields, name);
}

bool IsChangeBooleanField(const std::string& name) {
  static const std::set<std::string> fields{
      "unique",   "clustered",        "cascadeConstraints", "replaceIfExists",        "fullDefinition",
      "ifExists", "ifNotExists",      "cycle",              "ordered",                "deferrable",
      "initiallyDeferred", "deleteCascade", "validate",     "dropIndex",              "disabled",
      "referencesUniqueColumn", "relativeToChangelogFile", "usePreparedStatements", "onlyUpdate",
      "defaultValueBoolean", "defaultOnNull"};
  return In(fields, name);
}

bool IsChangeBigIntegerField(const std::string& name) {
  static const std::set<std::string> fields{"startValue", "incrementBy", "minValue", "maxValue", "cacheSize", "startWith"};
  return In(fields, name);
}

bool IsExcludedField(const std::string& change_type, const std::string& name, int) {
  return (change_type == "createTable" && name == "ifNotExists") ||
         (change_type == "createIndex" && name == "associatedWith");
}

const std::map<std::string, std::string>& ChangeDefaults(const std::string& change_type) {
  static const std::map<std::string, std::map<std::string, std::string>> defaults{
      {"addColumn", {{"columns", ""}}},
      {"createIndex", {{"columns", ""}}},
      {"createTable", {{"columns", ""}}},
      {"insert", {{"columns", ""}}},
      {"update", {{"columns", ""}}},
      {"customChange", {{"param", ""}}},
      {"loadData", {{"columns", ""}, {"commentLineStartsWith", "#"}, {"quotchar", "\""}, {"separator", ","}}},
      {"loadUpdateData",
       {{"columns", ""}, {"commentLineStartsWith", "#"}, {"onlyUpdate", "false"}, {"quotchar", "\""}, {"separator", ","}}},
      {"output", {{"target", "STDERR"}}},
      {"stop", {{"message", "Stop command in changelog file"}}},
  };
  static const std::map<std::string, std::string> none;
  auto it = defaults.find(change_type);
  return it == defaults.end() ? none : it->second;
}

}  // namespace ledgerhost::migration
