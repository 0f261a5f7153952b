#include "migration/parse/yaml_change_log_parser.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>
#include <regex>
#include <stdexcept>

#include "migration/model/change_log.h"
#include "core/text.h"
#include "migration/parse/attribute_names.h"
#include "migration/parse/parse_session.h"

namespace ledgerhost::migration::parse {
namespace {

// SnakeYAML's implicit resolvers (YAML 1.1), in the order it tries them; the patterns of SnakeYAML 2.2
// (Liquibase 4.28's), read from its Resolver.
const std::regex kBool("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
const std::regex kInt(
    "[-+]?0b_*[0-1][0-1_]*|[-+]?0_*[0-7][0-7_]*|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*|"
    "[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
// A float has a digit before its point or exponent ("_" and "_1" are strings): SnakeYAML 2.2's
// Resolver.FLOAT, as bundled with Liquibase 4.28, not the YAML 1.1 spec's looser form.
const std::regex kFloat(
    "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|"
    "[-+]?\\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|"
    "\\.(?:nan|NaN|NAN)");
const std::regex kNull("~|null|Null|NULL|");

std::string WithoutUnderscores(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), '_'), text.end());
  return text;
}

// Decimal rendering of an integer in `base` (digits only, no sign), as BigInteger.toString would.
std::string ToDecimal(const std::string& digits, int base) {
  std::vector<int> decimal{0};  // little-endian base-10 digits
  for (char c : digits) {
    int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(c) - 'a' + 10;
    int carry = digit;
    for (auto& d : decimal) {
      int v = d * base + carry;
      d = v % 10;
      carry = v / 10;
    }
    while (carry > 0) {
      decimal.push_back(carry % 10);
      carry /= 10;
    }
  }
  while (decimal.size() > 1 && decimal.back() == 0) decimal.pop_back();
  std::string out;
  for (auto it = decimal.rbegin(); it != decimal.rend(); ++it) out += static_cast<char>('0' + *it);
  return out;
}

std::string JavaIntegerString(const std::string& scalar) {
  std::string text = WithoutUnderscores(scalar);
  std::string sign;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    if (text[0] == '-') sign = "-";
    text.erase(0, 1);
  }
  std::string decimal;
  if (text.find(':') != std::string::npos) {  // sexagesimal 1:30 = 90
    long long value = 0;
    for (const auto& part : text::SplitAndTrim(text, ':')) value = value * 60 + std::stoll(part);
    decimal = std::to_string(value);
  } else if (text.rfind("0b", 0) == 0) {
    decimal = ToDecimal(text.substr(2), 2);
  } else if (text.rfind("0x", 0) == 0) {
    decimal = ToDecimal(text.substr(2), 16);
  } else if (text.size() > 1 && text[0] == '0') {
    decimal = ToDecimal(text.substr(1), 8);
  } else {
    decimal = ToDecimal(text, 10);
  }
  return decimal == "0" ? decimal : sign + decimal;
}

std::string JavaFloatString(const std::string& scalar) {
  std::string text = WithoutUnderscores(scalar);
  if (text.find_first_of("0123456789") == std::string::npos && text.find_first_of("iInN") == std::string::npos) {
    throw std::invalid_argument("no digits");  // "._": Double.valueOf(".") fails
  }
  std::string lowered = text::Lower(text);
  if (lowered.find(".inf") != std::string::npos) return text[0] == '-' ? "-Infinity" : "Infinity";
  if (lowered == ".nan") return "NaN";
  double value = 0;
  if (text.find(':') != std::string::npos) {
    double sign = 1;
    if (text[0] == '-' || text[0] == '+') {
      if (text[0] == '-') sign = -1;
      text.erase(0, 1);
    }
    for (const auto& part : text::SplitAndTrim(text, ':')) value = value * 60 + std::strtod(part.c_str(), nullptr);
    value *= sign;
  } else {
    // strtod, as Double.valueOf: out of range is +-Infinity or 0, never an error.
    value = std::strtod(text.c_str(), nullptr);
  }
  return JavaDoubleToString(value);
}

class YamlConverter {
 public:
  explicit YamlConverter(const std::string& path) : path_(path) {}

  // One "name: value" entry of a map (or of a single-key map in a list).
  ParsedNode Entry(const std::string& name, const YAML::Node& value, int key_line, const std::string& parent = "",
                   int depth = 1) const {
    // Real changelogs nest a few levels; an alias to one of its own ancestors nests forever.
    constexpr int kMaxDepth = 256;
    if (depth > kMaxDepth) {
      ThrowAt({path_, key_line}, "'" + name + "' is nested more than " + std::to_string(kMaxDepth) +
                                     " levels deep (an alias to one of its own ancestors?)");
    }
    ParsedNode node;
    node.name = name;
    node.line = key_line;
    // ParsedNode matches names ignoring case; a customChange's params keep theirs (they are the
    // Java class's property names, hashed as written).
    if (parent != "customChange" && (value.IsScalar() || value.IsNull() || text::Lower(name) == "constraints")) {
      node.name = text::Lower(name) == "constraints" ? "constraints" : CanonicalAttributeName(name);
    }
    switch (value.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        break;
      case YAML::NodeType::Scalar:
        node.value = Scalar(value);
        break;
      case YAML::NodeType::Map:
        for (const auto& item : value) {
          node.children.push_back(Entry(Key(item.first), item.second, Line(item.first), node.name, depth + 1));
        }
        break;
      case YAML::NodeType::Sequence:
        for (const auto& item : value) {
          if (item.IsMap()) {
            for (const auto& entry : item) {
              node.children.push_back(Entry(Key(entry.first), entry.second, Line(entry.first), node.name, depth + 1));
            }
          } else if (item.IsScalar()) {
            if (auto scalar = Scalar(item)) node.list.push_back(*scalar);
          } else if (!item.IsNull()) {
            ThrowAt({path_, Line(item)}, "a list inside a list is not a Liquibase changelog structure");
          }
        }
        break;
    }
    return node;
  }

  static int Line(const YAML::Node& node) { return node.Mark().line + 1; }

 private:
  std::string Key(const YAML::Node& key) const {
    if (!key.IsScalar()) ThrowAt({path_, Line(key)}, "map keys must be plain names");
    return key.Scalar();
  }

  std::optional<std::string> Scalar(const YAML::Node& node) const {
    // "?" = plain scalar, resolved by content; quoted or explicitly tagged scalars are strings.
    if (node.Tag() != "?") return node.Scalar();
    try {
      return JavaStringOfPlainScalar(node.Scalar());
    } catch (const std::logic_error&) {
      // A sexagesimal integer past Long, a float of underscores and a point: SnakeYAML's
      // Long.parseLong / Double.valueOf fail there too.
      ThrowAt({path_, Line(node)}, "'" + node.Scalar() + "' is read as a YAML 1.1 number but is not one; quote it to "
                                   "make it a string");
    }
  }

  const std::string& path_;
};

}  // namespace

std::string JavaDoubleToString(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value < 0 ? "-Infinity" : "Infinity";
  if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::scientific);
  std::string scientific(buffer, result.ptr);  // shortest round-trip digits: "-1.2345e+02"
  std::string sign;
  if (scientific[0] == '-') {
    sign = "-";
    scientific.erase(0, 1);
  }
  auto e = scientific.find('e');
  std::string digits = scientific.substr(0, e);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  const int exponent = std::stoi(scientific.substr(e + 1));
  const double magnitude = std::fabs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    std::string integer_part;
    std::string fraction;
    if (exponent >= 0) {
      std::string padded = digits;
      while (static_cast<int>(padded.size()) < exponent + 1) padded += '0';
      integer_part = padded.substr(0, exponent + 1);
      fraction = padded.substr(exponent + 1);
    } else {
      integer_part = "0";
      fraction = std::string(-exponent - 1, '0') + digits;
    }
    if (fraction.empty()) fraction = "0";
    return sign + integer_part + "." + fraction;
  }
  std::string mantissa = digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0");
  return sign + mantissa + "E" + std::to_string(exponent);
}

std::optional<std::string> JavaStringOfPlainScalar(const std::string& scalar) {
  if (std::regex_match(scalar, kBool)) {
    const std::string lowered = text::Lower(scalar);
    return (lowered == "yes" || lowered == "true" || lowered == "on") ? "true" : "false";
  }
  if (std::regex_match(scalar, kInt)) return JavaIntegerString(scalar);
  if (std::regex_match(scalar, kFloat)) return JavaFloatString(scalar);
  if (std::regex_match(scalar, kNull)) return std::nullopt;
  return scalar;
}

ParsedNode ParseYamlChangeLog(std::string_view text, const std::string& path) {
  YAML::Node document;
  try {
    document = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    ThrowAt({path, e.mark.line + 1}, "malformed YAML/JSON: " + e.msg);
  }
  if (!document.IsMap() || !document["databaseChangeLog"]) {
    ThrowAt({path, 1}, "the root must be a map with a 'databaseChangeLog' key");
  }
  const YAML::Node list = document["databaseChangeLog"];
  if (list.IsNull()) {  // "databaseChangeLog:" with nothing under it: an empty changelog, as in Liquibase
    ParsedNode root;
    root.name = "databaseChangeLog";
    root.line = YamlConverter::Line(list);
    return root;
  }
  if (!list.IsSequence()) {
    ThrowAt({path, YamlConverter::Line(list)}, "'databaseChangeLog' must be a list");
  }
  YamlConverter converter(path);
  ParsedNode root;
  root.name = "databaseChangeLog";
  root.line = YamlConverter::Line(list);
  for (const auto& item : list) {
    // DatabaseChangeLog.handleChildNode ignores an item without children (`- just a string`).
    if (item.IsScalar() || item.IsNull()) continue;
    if (!item.IsMap()) ThrowAt({path, YamlConverter::Line(item)}, "each databaseChangeLog item must be a map");
    for (const auto& entry : item) {
      root.children.push_back(converter.Entry(entry.first.Scalar(), entry.second, YamlConverter::Line(entry.first)));
    }
  }
  return root;
}

}  // namespace ledgerhost::migration::parse
