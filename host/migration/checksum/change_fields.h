// How Liquibase's StringChangeLogSerializer renders each field: which fields are Java Booleans or
// BigIntegers (so "TRUE" serializes as "true", "0100" as "100"), which are excluded from checksums,
// and the non-null defaults of a fresh change object (liquibase-spec.md §1.4).
#pragma once

#include <map>
#include <string>

namespace ledgerhost::migration {

bool IsColumnBooleanField(const std::string& name);
bool IsColumnBigIntegerField(const std::string& name);
bool IsConstraintBooleanField(const std::string& name);
bool IsChangeBooleanField(const std::string& name);
bool IsChangeBigIntegerField(const std::string& name);
bool IsExcludedField(const std::string& change_type, const std::string& name, int version);
// Fields a fresh change object has (so they always serialize); "columns"/"param" mark list fields.
const std::map<std::string, std::string>& ChangeDefaults(const std::string& change_type);

}  // namespace ledgerhost::migration
