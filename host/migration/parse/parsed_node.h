// The format-neutral tree every changelog front end (XML, YAML, JSON) produces, as Liquibase's
// ParsedNode: XML attributes and YAML map keys both become named children carrying a value, so one
// builder turns the tree into the model whatever the file format was.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ledgerhost::migration::parse {

struct ParsedNode {
  std::string name;
  std::optional<std::string> value;  // XML attribute value or trimmed text; YAML scalar (null -> nullopt)
  std::vector<std::string> list;     // YAML list of scalars (validCheckSum: [a, b])
  std::vector<ParsedNode> children;
  int line = 0;
  bool is_attribute = false;  // an XML attribute (as opposed to a nested element)
  bool from_xml = false;      // XML nodes are checked against the XSD's attribute lists

  const ParsedNode* Child(const std::string& child_name) const {
    for (const auto& child : children) {
      if (child.name == child_name) return &child;
    }
    return nullptr;
  }
  std::optional<std::string> ChildValue(const std::string& child_name) const {
    const ParsedNode* child = Child(child_name);
    if (child == nullptr) return std::nullopt;
    return child->value;
  }
};

}  // namespace ledgerhost::migration::parse
