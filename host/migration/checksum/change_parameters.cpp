#include "migration/checksum/change_parameters.h"

#include <map>
#include <set>

namespace ledgerhost::migration {
namespace {

using F = FieldKind;

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
