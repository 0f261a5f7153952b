// YAML and JSON changelogs (yaml-cpp reads both): the databaseChangeLog list becomes the same
// ParsedNode tree the XML parser builds. Plain scalars are typed as SnakeYAML types them and stored
// as Java's toString() of that value ("1.50" -> "1.5", "yes" -> "true", "010" -> "8").
#pragma once

#include <string>
#include <string_view>

#include "migration/parse/parsed_node.h"

namespace ledgerhost::migration::parse {

ParsedNode ParseYamlChangeLog(std::string_view text, const std::string& path);

// The Java toString() of the value SnakeYAML (YAML 1.1 resolver) builds for a plain scalar; nullopt
// for null.
std::optional<std::string> JavaStringOfPlainScalar(const std::string& scalar);

// Java's Double.toString.
std::string JavaDoubleToString(double value);

}  // namespace ledgerhost::migration::parse
