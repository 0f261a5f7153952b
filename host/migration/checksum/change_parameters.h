// Which fields Liquibase's StringChangeLogSerializer writes for each change type, and how it renders
// their values: a change serializes only its ChangeMetaData parameters (an attribute that is not one,
// e.g. a typo, does not count), nested columns serialize their declared Java fields.
// Source: liquibase-spec.md Appendix A (ChangeFactory metadata of Liquibase 4.28) and §1.4.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ledgerhost::migration {

// How a field's text becomes the Java value whose toString() is serialized.
enum class FieldKind {
  kString,           // as written
  kBoolean,          // Boolean.valueOf: "true" iff equalsIgnoreCase("true"), else "false"
  kBigInteger,       // new BigInteger(text).toString(): "0100" -> "100"
  kNumeric,          // valueNumeric/defaultValueNumeric: "(42)" -> "42"; not a number -> *Computed
  kDate,             // valueDate/defaultValueDate: ISO re-formatted; unparsable -> *Computed
  kColumns,          // list of ColumnConfig
  kAddColumns,       // list of AddColumnConfig
  kLoadDataColumns,  // list of LoadDataColumnConfig
  kParamMap,         // customChange <param>s: a map serialized with sorted keys
};

struct ChangeParameter {
  std::string_view name;
  FieldKind kind;
};

struct ChangeTypeInfo {
  std::vector<ChangeParameter> parameters;
  std::map<std::string, std::string> text_defaults;  // non-null defaults of a fresh change object
  std::set<std::string> list_defaults;               // list/map fields that are [] on a fresh object
  const ChangeParameter* Find(std::string_view name) const;
};

// nullptr for a change type Liquibase 4.28 (open source) does not know.
const ChangeTypeInfo* FindChangeType(std::string_view type);

// The kind of a field of a nested column of list kind `list`; nullopt when the column class has no
// such field.
std::optional<FieldKind> ColumnFieldKind(FieldKind list, std::string_view name);

// The kind of a <constraints> field; nullopt when ConstraintsConfig has no such field.
std::optional<FieldKind> ConstraintFieldKind(std::string_view name);

// getExcludedFieldFilters(version): fields left out of the serialization (§1.4).
bool IsExcludedField(std::string_view change_type, std::string_view name, int version);

}  // namespace ledgerhost::migration
