#include "plugins/schema_name.h"

#include <cctype>

namespace ledgerhost::plugins {

std::string HyphenateSchemaName(const std::string& name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (std::isupper(c)) {
      if (i > 0) out += '-';
      out += static_cast<char>(std::tolower(c));
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::optional<std::string> ResolveMigrationResource(const std::string& schema_name, const std::string& explicit_resource,
                                                    const std::map<std::string, std::string>& resources) {
  static const char* extensions[] = {".xml", ".sql", ".yml", ".yaml", ".json"};
  const std::string base =
      "migration/" + (explicit_resource.empty() ? HyphenateSchemaName(schema_name) + ".changelog-master" : explicit_resource);
  if (!explicit_resource.empty() && resources.count(base)) return base;
  for (const char* extension : extensions) {
    if (resources.count(base + extension)) return base + extension;
  }
  return std::nullopt;
}

}  // namespace ledgerhost::plugins
