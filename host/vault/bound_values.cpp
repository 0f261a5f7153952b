#include "vault/bound_values.h"

namespace ledgerhost::vault {

std::string BoundValues::Bind(const std::optional<std::string>& value) {
  if (!value) return "NULL";
  values_.push_back(*value);
  return db::Placeholder(database_, static_cast<int>(values_.size()));
}

std::string BoundValues::BindAll(std::initializer_list<std::optional<std::string>> values) {
  std::string out;
  for (const auto& value : values) {
    if (!out.empty()) out += ", ";
    out += Bind(value);
  }
  return out;
}

}  // namespace ledgerhost::vault
