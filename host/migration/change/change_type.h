// What ledgerhost knows about each Liquibase change type, in one registry that the parser
// (attributes, requiredness, element text), the checksum (parameters and how each is serialized),
// automatic rollback (the inverse) and SQL generation (sql/generator/, one generator per type) read.
// Source: Liquibase 4.28's ChangeFactory metadata (liquibase-spec.md Appendix A, dumped by
// java/DumpChanges.java) and its XSD.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "migration/model/change_log.h"

namespace ledgerhost::migration {

// How a parameter's text becomes the Java value whose toString() the checksum serializes.
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

bool IsListKind(FieldKind kind);

// One ChangeMetaData parameter. `required`: Liquibase refuses the change without it ("columns":
// at least one nested column).
struct ChangeParameter {
  std::string_view name;
  FieldKind kind = FieldKind::kString;
  bool required = false;
};

// Liquibase's Change.createInverses: the changes that undo `change`, in order.
using InverseFunction = std::vector<Change> (*)(const Change& change);

struct ChangeType {
  std::string_view name;
  std::vector<ChangeParameter> parameters;          // by name
  std::string_view text_attribute;                  // the parameter the element's text sets, or ""
  std::map<std::string, std::string> text_defaults;  // non-null defaults of a fresh change object
  std::set<std::string> list_defaults;              // list/map fields that are [] on a fresh object
  InverseFunction inverse = nullptr;                // nullptr: an explicit <rollback> is needed

  const ChangeParameter* Find(std::string_view parameter) const;
  // What the XSD lets the change's XML element carry: its parameters that are not lists.
  bool HasAttribute(std::string_view attribute) const;
};

// nullptr for a change type Liquibase 4.28 (open source) does not know.
const ChangeType* FindChangeType(std::string_view name);
const std::vector<ChangeType>& AllChangeTypes();

// Liquibase's automatic inverse of a change (createTable -> dropTable, ...), or nullopt when the
// change type has none and an explicit <rollback> is needed.
std::optional<std::vector<Change>> InverseOf(const Change& change);

// The change type the inverse of loadUpdateData is: SQL generation turns it into one DELETE per CSV
// row (the rows are known only once the CSV is read).
inline constexpr std::string_view kLoadUpdateDataRollback = "loadUpdateDataRollback";

}  // namespace ledgerhost::migration
