// How Liquibase's StringChangeLogSerializer renders what a change holds beyond its own parameters
// (those, with their kinds, are in the change-type registry, migration/change/change_type.h): nested
// columns serialize their declared Java fields, constraints theirs, and some fields are left out.
// Source: liquibase-spec.md Appendix A (ChangeFactory metadata of Liquibase 4.28) and §1.4.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "migration/change/change_type.h"

namespace ledgerhost::migration {

// The kind of a field of a nested column of list kind `list`; nullopt when the column class has no
// such field.
std::optional<FieldKind> ColumnFieldKind(FieldKind list, std::string_view name);

// The kind of a <constraints> field; nullopt when ConstraintsConfig has no such field.
std::optional<FieldKind> ConstraintFieldKind(std::string_view name);

// getExcludedFieldFilters(version): fields left out of the serialization (§1.4).
bool IsExcludedField(std::string_view change_type, std::string_view name, int version);

}  // namespace ledgerhost::migration
