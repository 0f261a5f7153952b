#include "migration/parse/xml_change_log_parser.h"

#include <pugixml.hpp>

#include <map>
#include <set>

#include "migration/model/change_log.h"
#include "core/text.h"
#include "migration/parse/parse_session.h"
#include "migration/parse/text_util.h"

namespace ledgerhost::migration::parse {
namespace {

constexpr std::string_view kChangeLogNamespace = "http://www.liquibase.org/xml/ns/dbchangelog";
// The attributes Liquibase 4.28's dbchangelog XSD types as booleanExp (xsd:boolean or a ${property}),
// by element. Liquibase validates XML changelogs against the XSD, so "maybe" (or "TRUE", "yes") there
// is refused at parse; read as Java's Boolean.valueOf it would silently be false (nullable="maybe"
// creating a NOT NULL column).
const std::map<std::string, std::set<std::string>> kBooleanAttributes{
    {"addAutoIncrement", {"defaultOnNull"}},
    {"addForeignKeyConstraint", {"deferrable", "deleteCascade", "initiallyDeferred", "referencesUniqueColumn", "validate"}},
    {"addNotNullConstraint", {"validate"}},
    {"addPrimaryKey", {"clustered", "validate"}},
    {"addUniqueConstraint", {"clustered", "deferrable", "disabled", "initiallyDeferred", "validate"}},
    {"alterSequence", {"cycle", "ordered"}},
    {"changeSet", {"failOnError", "ignore", "runAlways", "runInTransaction", "runOnChange"}},
    {"column", {"allowUpdate", "autoIncrement", "computed", "defaultOnNull", "defaultValueBoolean", "descending"}},
    {"constraints", {"deferrable", "deleteCascade", "initiallyDeferred", "nullable", "primaryKey", "unique", "validateForeignKey", "validateNullable", "validatePrimaryKey", "validateUnique"}},
    {"createIndex", {"clustered", "unique"}},
    {"createProcedure", {"relativeToChangelogFile", "replaceIfExists"}},
    {"createSequence", {"cycle", "ordered"}},
    {"createTable", {"ifNotExists"}},
    {"createView", {"fullDefinition", "relativeToChangelogFile", "replaceIfExists"}},
    {"dropPrimaryKey", {"dropIndex"}},
    {"dropSequence", {"cycle", "ordered"}},
    {"dropTable", {"cascadeConstraints"}},
    {"dropView", {"ifExists"}},
    {"include", {"errorIfMissing", "relativeToChangelogFile"}},
    {"includeAll", {"errorIfMissingOrEmpty", "relativeToChangelogFile"}},
    {"loadData", {"relativeToChangelogFile", "usePreparedStatements"}},
    {"loadUpdateData", {"onlyUpdate", "relativeToChangelogFile", "usePreparedStatements"}},
    {"modifySql", {"applyToRollback"}},
    {"property", {"errorIfMissing", "global", "relativeToChangelogFile"}},
    {"sql", {"splitStatements", "stripComments"}},
    {"sqlFile", {"relativeToChangelogFile", "splitStatements", "stripComments"}},
};

// xsd:boolean's lexical space (whitespace collapsed) or a property reference, as booleanExp.
bool IsBooleanExp(std::string_view value) {
  if (value.find("${") != std::string_view::npos) return true;
  const auto first = value.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return false;
  const auto last = value.find_last_not_of(" \t\r\n");
  const std::string_view core = value.substr(first, last - first + 1);
  return core == "true" || core == "false" || core == "1" || core == "0";
}

// Real changelogs nest a few levels (preconditions in and/or/not a few more); the conversion and
// everything after it recurse per level, so a hostile file nested thousands deep is refused here.
constexpr int kMaxDepth = 256;

// The namespace URI bound to `prefix` ("" = default namespace) at `node`.
std::string NamespaceOf(pugi::xml_node node, const std::string& prefix) {
  const std::string attribute = prefix.empty() ? "xmlns" : "xmlns:" + prefix;
  for (; node; node = node.parent()) {
    if (auto a = node.attribute(attribute.c_str())) return a.value();
  }
  return "";
}

class XmlConverter {
 public:
  XmlConverter(std::string_view text, const std::string& path) : lines_(text), path_(path) {}

  ParsedNode Convert(pugi::xml_node element, int depth = 1) const {
    ParsedNode node;
    node.from_xml = true;
    node.name = LocalName(element);
    node.line = lines_.LineOf(static_cast<std::size_t>(element.offset_debug()));
    if (depth > kMaxDepth) {
      ThrowAt({path_, node.line}, "<" + node.name + "> is nested more than " + std::to_string(kMaxDepth) +
                                      " elements deep, which no changelog needs");
    }
    for (auto attribute : element.attributes()) {
      std::string_view name = attribute.name();
      // Namespace declarations, xsi:schemaLocation and extension attributes of other namespaces
      // are not Liquibase attributes.
      if (name == "xmlns" || name.find(':') != std::string_view::npos) continue;
      if (const auto booleans = kBooleanAttributes.find(node.name);
          booleans != kBooleanAttributes.end() && booleans->second.count(std::string(name)) &&
          !IsBooleanExp(attribute.value())) {
        ThrowAt({path_, node.line}, "<" + node.name + " " + std::string(name) + "=\"" + attribute.value() +
                                        "\">: not a boolean (true, false, 1, 0 or a ${property}, as Liquibase's XSD says)");
      }
      ParsedNode child;
      child.name = std::string(name);
      child.value = attribute.value();
      child.line = node.line;
      child.is_attribute = true;
      child.from_xml = true;
      node.children.push_back(std::move(child));
    }
    std::string text;
    for (auto child : element.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        text += child.value();
      } else if (child.type() == pugi::node_element) {
        node.children.push_back(Convert(child, depth + 1));
      }
    }
    // Liquibase keeps the trimmed text of an element, and none when it is blank.
    std::string trimmed = text::JavaTrim(text);
    if (!trimmed.empty()) node.value = std::move(trimmed);
    return node;
  }

 private:
  // Elements in the Liquibase namespace lose their prefix; others keep it (and are then unknown).
  static std::string LocalName(pugi::xml_node element) {
    std::string name = element.name();
    auto colon = name.find(':');
    if (colon == std::string::npos) return name;
    if (NamespaceOf(element, name.substr(0, colon)) == kChangeLogNamespace) return name.substr(colon + 1);
    return name;
  }

  LineIndex lines_;
  const std::string& path_;
};

}  // namespace

ParsedNode ParseXmlChangeLog(std::string_view text, const std::string& path) {
  pugi::xml_document document;
  pugi::xml_parse_result result = document.load_buffer(text.data(), text.size(), pugi::parse_default);
  if (!result) {
    ThrowAt({path, LineOfOffset(text, static_cast<std::size_t>(result.offset))},
            std::string("malformed XML: ") + result.description());
  }
  pugi::xml_node root = document.document_element();
  XmlConverter converter(text, path);
  ParsedNode node = converter.Convert(root);
  if (node.name != "databaseChangeLog") {
    ThrowAt({path, node.line}, "the root element is <" + node.name + ">, expected <databaseChangeLog>");
  }
  return node;
}

}  // namespace ledgerhost::migration::parse
