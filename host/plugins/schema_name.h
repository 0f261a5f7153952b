// Finding a schema's changelog the way Corda does (../shared/reference/corda-persistence.md §1).
#pragma once

#include <map>
#include <optional>
#include <string>

namespace ledgerhost::plugins {

// Guava's CaseFormat.UPPER_CAMEL.to(LOWER_HYPHEN, name): "IOUSchemaV1" -> "i-o-u-schema-v1",
// "X500NameSchemaV1" -> "x500-name-schema-v1", "Schema_V1" -> "schema_-v1".
std::string HyphenateSchemaName(const std::string& name);

// The resource holding the schema's changelog: "migration/<explicit resource or hyphenated
// name>.changelog-master" plus the first of .xml .sql .yml .yaml .json present among `resources`
// (an explicit resource is used as given, with one of those extensions added when it has none).
std::optional<std::string> ResolveMigrationResource(const std::string& schema_name, const std::string& explicit_resource,
                                                    const std::map<std::string, std::string>& resources);

}  // namespace ledgerhost::plugins
