#include "migration/sql/custom_change_registry.h"

#include <map>

namespace ledgerhost::migration {
namespace {

std::map<std::string, CustomChangeGenerator>& Registry() {
  static std::map<std::string, CustomChangeGenerator> registry;
  return registry;
}

}  // namespace

void RegisterCustomChange(const std::string& class_name, CustomChangeGenerator generator) {
  Registry()[class_name] = std::move(generator);
}

void UnregisterCustomChange(const std::string& class_name) { Registry().erase(class_name); }

ScopedCustomChanges::~ScopedCustomChanges() {
  for (const auto& class_name : class_names_) UnregisterCustomChange(class_name);
}

void ScopedCustomChanges::Register(const std::string& class_name, CustomChangeGenerator generator) {
  RegisterCustomChange(class_name, std::move(generator));
  class_names_.push_back(class_name);
}

const CustomChangeGenerator* FindCustomChange(const std::string& class_name) {
  auto it = Registry().find(class_name);
  return it == Registry().end() ? nullptr : &it->second;
}

}  // namespace ledgerhost::migration
