// customChange names a Java class, which cannot run here. A native replacement registered under the
// same class name (by the host or its plugins) generates the SQL instead.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "migration/sql/sql_generator.h"

namespace ledgerhost::migration {

using CustomChangeGenerator = std::function<std::vector<SqlStatement>(const Change&, const SqlGenerationContext&)>;

// Registers (or replaces) the native implementation of `class_name`. Thread-compatible: register at start-up.
void RegisterCustomChange(const std::string& class_name, CustomChangeGenerator generator);
const CustomChangeGenerator* FindCustomChange(const std::string& class_name);

}  // namespace ledgerhost::migration
