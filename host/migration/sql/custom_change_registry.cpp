#include "migration/sql/custom_change_registry.h"

#include <map>

namespace ledgerhost::migration {
namespace {

std::map<std::string, CustomChangeGenerator>& CustomChangeGenerators() {
  static std::map<std::string, CustomChangeGenerator> registry;
  return registry;
}

}  // namespace

void RegisterCustomChange(const std::string& class_name, CustomChangeGenerator generator) {
  CustomChangeGenerators()[class_name] = std::move(generator);
}

void UnregisterCustomChange(const std::string& class_name) { CustomChangeGenerators().erase(class_name); }

ScopedCustomChanges::~ScopedCustomChanges() {
  for (const auto& class_name : class_names_) UnregisterCustomChange(class_name);
}

void ScopedCustomChanges::Register(const std::string& class_name, CustomChangeGenerator generator) {
  RegisterCustomChange(class_name, std::move(generator));
  class_names_.push_back(class_name);
}

const CustomChangeGenerator* FindCustomChange(const std::string& class_name) {
  auto it = CustomChangeGenerators().find(class_name);
  return it == CustomChangeGenerators().end() ? nullptr : &it->second;
}

}  // namespace ledgerhost::migration
