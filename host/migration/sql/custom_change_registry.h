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
void UnregisterCustomChange(const std::string& class_name);
const CustomChangeGenerator* FindCustomChange(const std::string& class_name);

// Registrations that last as long as this object: a node's plugins' implementations go when the
// plugins do.
class ScopedCustomChanges {
 public:
  ScopedCustomChanges() = default;
  ScopedCustomChanges(const ScopedCustomChanges&) = delete;
  ScopedCustomChanges& operator=(const ScopedCustomChanges&) = delete;
  ~ScopedCustomChanges();
  void Register(const std::string& class_name, CustomChangeGenerator generator);

 private:
  std::vector<std::string> class_names_;
};

}  // namespace ledgerhost::migration
