#include "migration/write/change_log_writer.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <sstream>
#include <pugixml.hpp>

#include "core/error.h"
#include "core/text.h"
#include "migration/change/change_type.h"
#include "migration/checksum/change_parameters.h"

namespace ledgerhost::migration {
namespace {

// The root element as Liquibase 4.28's XMLChangeLogSerializer writes it.
constexpr const char* kXmlRoot =
    "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\" "
    "xmlns:ext=\"http://www.liquibase.org/xml/ns/dbchangelog-ext\" xmlns:pro=\"http://www.liquibase.org/xml/ns/pro\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/"
    "dbchangelog-ext http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-ext.xsd http://www.liquibase.org/xml/ns/pro "
    "http://www.liquibase.org/xml/ns/pro/liquibase-pro-latest.xsd http://www.liquibase.org/xml/ns/dbchangelog "
    "http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">";
constexpr const char* kXmlClose = "</databaseChangeLog>";

// A number whose text a YAML or JSON reader gives back unchanged: a whole number without leading zeros
// (1.50 would come back as 1.5, 0123 as 123; those are written as strings, which Liquibase reads too).
bool CanonicalNumber(const std::string& value) {
  const size_t digits = value.starts_with("-") ? 1 : 0;
  if (value.size() == digits || value.size() - digits > 18) return false;
  if (value[digits] == '0' && value.size() > digits + 1) return false;
  return std::all_of(value.begin() + static_cast<std::ptrdiff_t>(digits), value.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}
// A value YAML or JSON writes unquoted, as Liquibase's typed fields come out: a boolean or number field
// (its kind from the change-type registry, as the checksum reads it) holding one; every other value is a string.
bool Typed(std::optional<FieldKind> kind, const std::string& value) {
  if (kind == FieldKind::kBoolean) return value == "true" || value == "false";
  return (kind == FieldKind::kBigInteger || kind == FieldKind::kNumeric) && CanonicalNumber(value);
}

std::optional<FieldKind> ChangeFieldKind(const Change& change, const std::string& name) {
  const ChangeType* type = FindChangeType(change.type);
  const ChangeParameter* parameter = type == nullptr ? nullptr : type->Find(name);
  return parameter == nullptr ? std::nullopt : std::optional(parameter->kind);
}

// A <column>'s attribute, in the kind of column list the change holds (ColumnConfig, AddColumnConfig, ...).
std::optional<FieldKind> ColumnKind(const Change& change, const std::string& name) {
  return ColumnFieldKind(ChangeFieldKind(change, "columns").value_or(FieldKind::kColumns), name);
}

// A changeset's objectQuotingStrategy as written; nullptr for LEGACY, the default, which is left out.
const char* QuotingName(ObjectQuotingStrategy quoting) {
  switch (quoting) {
    case ObjectQuotingStrategy::kQuoteAllObjects: return "QUOTE_ALL_OBJECTS";
    case ObjectQuotingStrategy::kQuoteOnlyReservedWords: return "QUOTE_ONLY_RESERVED_WORDS";
    case ObjectQuotingStrategy::kLegacy: return nullptr;
  }
  return nullptr;
}

std::string_view TextAttribute(const Change& change) {
  const ChangeType* type = FindChangeType(change.type);
  return type == nullptr ? std::string_view() : type->text_attribute;
}

// ---- XML ----

void AppendColumn(pugi::xml_node parent, const ColumnConfig& column) {
  pugi::xml_node node = parent.append_child("column");
  for (const auto& [name, value] : column.attributes) node.append_attribute(name.c_str()) = value.c_str();
  if (column.constraints) {
    pugi::xml_node constraints = node.append_child("constraints");
    for (const auto& [name, value] : *column.constraints) constraints.append_attribute(name.c_str()) = value.c_str();
  }
}

void AppendChangeSet(pugi::xml_node root, const ChangeSet& change_set) {
  pugi::xml_node node = root.append_child("changeSet");
  node.append_attribute("author") = change_set.author.c_str();
  node.append_attribute("id") = change_set.id.c_str();
  if (const char* quoting = QuotingName(change_set.quoting)) node.append_attribute("objectQuotingStrategy") = quoting;
  for (const auto& change : change_set.changes) {
    pugi::xml_node element = node.append_child(change.type.c_str());
    const std::string_view text = TextAttribute(change);
    for (const auto& [name, value] : change.attributes) {
      if (name != text) element.append_attribute(name.c_str()) = value.c_str();
    }
    for (const auto& column : change.columns) AppendColumn(element, column);
    if (!text.empty()) {
      if (const std::string* body = change.Find(std::string(text))) element.text().set(body->c_str());
    }
  }
}

// The changesets as XML lines indented for a place inside <databaseChangeLog>.
std::string XmlChangeSets(const std::vector<ChangeSet>& change_sets) {
  pugi::xml_document document;
  pugi::xml_node root = document.append_child("databaseChangeLog");
  for (const auto& change_set : change_sets) AppendChangeSet(root, change_set);
  std::ostringstream out;
  document.save(out, "    ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
  std::string text = out.str();
  const auto first = text.find('\n');
  const auto last = text.rfind(kXmlClose);
  return first == std::string::npos || last == std::string::npos ? "" : text.substr(first + 1, last - first - 1);
}

// ---- YAML ----

// Whether a string may be written as a plain YAML scalar and read back as the same string: a letter
// or '_' first, then only letters, digits, spaces and _ . , ( ) / + - (no indicator, no ": " or " #"),
// and not one of YAML 1.1's boolean or null words. Anything else is double-quoted.
bool PlainInYaml(const std::string& value) {
  if (value.empty() || !(std::isalpha(static_cast<unsigned char>(value.front())) || value.front() == '_')) return false;
  if (value.back() == ' ') return false;
  for (const char c : value) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && std::string_view("_ .,()/+-").find(c) == std::string_view::npos) {
      return false;
    }
  }
  static const std::set<std::string> kWords{"y", "n", "yes", "no", "on", "off", "true", "false", "null"};
  return kWords.count(text::Lower(value)) == 0;
}

void EmitValue(YAML::Emitter& out, std::optional<FieldKind> kind, const std::string& value) {
  if (Typed(kind, value)) {
    out << value;
  } else {
    // Multi-line text (a view's select) too is double-quoted: yaml-cpp's literal block cannot say how
    // many final line breaks it has.
    out << (PlainInYaml(value) ? YAML::Auto : YAML::DoubleQuoted) << value;
  }
}

void EmitConstraints(YAML::Emitter& out, const Attributes& constraints) {
  for (const auto& [name, value] : constraints) {
    out << YAML::Key << name << YAML::Value;
    EmitValue(out, ConstraintFieldKind(name), value);
  }
}

// ---- JSON ----

std::string JsonValue(std::optional<FieldKind> kind, const std::string& value) {
  return Typed(kind, value) ? value : text::JsonString(value);
}

// Attributes as JSON members, each value typed by `kind_of` its name.
template <typename KindOf>
void JsonAttributes(std::ostringstream& out, const Attributes& attributes, const std::string& indent, bool& first,
                    KindOf kind_of) {
  for (const auto& [name, value] : attributes) {
    out << (first ? "\n" : ",\n") << indent << text::JsonString(name) << ": " << JsonValue(kind_of(name), value);
    first = false;
  }
}

// Attributes and the "columns" list, keys in alphabetical order as Liquibase's serializers sort them.
std::vector<std::string> SortedKeys(const Change& change) {
  std::vector<std::string> keys;
  for (const auto& [name, value] : change.attributes) keys.push_back(name);
  if (!change.columns.empty()) keys.emplace_back("columns");
  std::sort(keys.begin(), keys.end());
  return keys;
}

}  // namespace

std::optional<ChangeLogFormat> ChangeLogFormatOf(const std::string& path) {
  const std::string extension = text::Lower(std::filesystem::path(path).extension().string());
  if (extension == ".xml") return ChangeLogFormat::kXml;
  if (extension == ".yaml" || extension == ".yml") return ChangeLogFormat::kYaml;
  if (extension == ".json") return ChangeLogFormat::kJson;
  return std::nullopt;
}

std::string WriteChangeLog(const std::vector<ChangeSet>& change_sets, ChangeLogFormat format) {
  switch (format) {
    case ChangeLogFormat::kXml:
      return std::string("<?xml version=\"1.1\" encoding=\"UTF-8\" standalone=\"no\"?>\n") + kXmlRoot + "\n" +
             XmlChangeSets(change_sets) + kXmlClose + "\n";
    case ChangeLogFormat::kYaml: {
      YAML::Emitter out;
      out.SetIndent(2);
      out << YAML::BeginMap << YAML::Key << "databaseChangeLog" << YAML::Value << YAML::BeginSeq;
      for (const auto& change_set : change_sets) {
        out << YAML::BeginMap << YAML::Key << "changeSet" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "id" << YAML::Value;
        EmitValue(out, std::nullopt, change_set.id);
        out << YAML::Key << "author" << YAML::Value;
        EmitValue(out, std::nullopt, change_set.author);
        if (const char* quoting = QuotingName(change_set.quoting)) {
          out << YAML::Key << "objectQuotingStrategy" << YAML::Value << quoting;
        }
        out << YAML::Key << "changes" << YAML::Value << YAML::BeginSeq;
        for (const auto& change : change_set.changes) {
          out << YAML::BeginMap << YAML::Key << change.type << YAML::Value << YAML::BeginMap;
          for (const auto& key : SortedKeys(change)) {
            if (key != "columns") {
              out << YAML::Key << key << YAML::Value;
              EmitValue(out, ChangeFieldKind(change, key), change.attributes.at(key));
              continue;
            }
            out << YAML::Key << "columns" << YAML::Value << YAML::BeginSeq;
            for (const auto& column : change.columns) {
              out << YAML::BeginMap << YAML::Key << "column" << YAML::Value << YAML::BeginMap;
              std::vector<std::string> names;
              for (const auto& [name, value] : column.attributes) names.push_back(name);
              if (column.constraints) names.emplace_back("constraints");
              std::sort(names.begin(), names.end());
              for (const auto& name : names) {
                out << YAML::Key << name << YAML::Value;
                if (name == "constraints" && column.constraints) {
                  out << YAML::BeginMap;
                  EmitConstraints(out, *column.constraints);
                  out << YAML::EndMap;
                } else {
                  EmitValue(out, ColumnKind(change, name), column.attributes.at(name));
                }
              }
              out << YAML::EndMap << YAML::EndMap;
            }
            out << YAML::EndSeq;
          }
          out << YAML::EndMap << YAML::EndMap;
        }
        out << YAML::EndSeq << YAML::EndMap << YAML::EndMap;
      }
      out << YAML::EndSeq << YAML::EndMap;
      if (!out.good()) throw ChangeLogError("writing the changelog as YAML failed: " + out.GetLastError());
      return std::string(out.c_str()) + "\n";
    }
    case ChangeLogFormat::kJson: {
      std::ostringstream out;
      out << "{ \"databaseChangeLog\": [";
      bool first_set = true;
      for (const auto& change_set : change_sets) {
        out << (first_set ? "\n" : ",\n") << "  {\n    \"changeSet\": {\n      \"id\": " << text::JsonString(change_set.id)
            << ",\n      \"author\": " << text::JsonString(change_set.author);
        if (const char* quoting = QuotingName(change_set.quoting)) {
          out << ",\n      \"objectQuotingStrategy\": " << text::JsonString(quoting);
        }
        out << ",\n      \"changes\": [";
        first_set = false;
        bool first_change = true;
        for (const auto& change : change_set.changes) {
          out << (first_change ? "\n" : ",\n") << "        {\n          " << text::JsonString(change.type) << ": {";
          first_change = false;
          bool first = true;
          for (const auto& key : SortedKeys(change)) {
            if (key != "columns") {
              out << (first ? "\n" : ",\n") << "            " << text::JsonString(key) << ": "
                  << JsonValue(ChangeFieldKind(change, key), change.attributes.at(key));
              first = false;
              continue;
            }
            out << (first ? "\n" : ",\n") << "            \"columns\": [";
            first = false;
            bool first_column = true;
            for (const auto& column : change.columns) {
              out << (first_column ? "\n" : ",\n") << "              {\n                \"column\": {";
              first_column = false;
              bool first_attribute = true;
              JsonAttributes(out, column.attributes, "                  ", first_attribute,
                             [&](const std::string& name) { return ColumnKind(change, name); });
              if (column.constraints) {
                out << (first_attribute ? "\n" : ",\n") << "                  \"constraints\": {";
                bool first_constraint = true;
                JsonAttributes(out, *column.constraints, "                    ", first_constraint,
                               [](const std::string& name) { return ConstraintFieldKind(name); });
                out << "\n                  }";
              }
              out << "\n                }\n              }";
            }
            out << "\n            ]";
          }
          out << "\n          }\n        }";
        }
        out << "\n      ]\n    }\n  }";
      }
      out << "\n]}\n";
      return out.str();
    }
  }
  return "";
}

std::string AppendToXmlChangeLog(const std::string& existing, const std::vector<ChangeSet>& change_sets,
                                 const std::string& path) {
  const auto close = existing.rfind(kXmlClose);
  if (close == std::string::npos) {
    throw ChangeLogError(path + ": not an XML changelog (no </databaseChangeLog>) to add the changesets to");
  }
  // The closing tag's own indentation stays; the changesets go on the lines before it.
  size_t line_start = existing.rfind('\n', close);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  const bool own_line = existing.find_first_not_of(" \t", line_start) == close;
  const size_t at = own_line ? line_start : close;
  return existing.substr(0, at) + (own_line ? "" : "\n") + XmlChangeSets(change_sets) + existing.substr(at);
}

}  // namespace ledgerhost::migration
