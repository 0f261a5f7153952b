#include "schema/schema_drift.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "core/error.h"
#include "core/text.h"
#include "migration/sql/dialect.h"

namespace ledgerhost::schema {
namespace {

using text::Lower;
using text::Upper;

// A type name without parameters, braces, "unsigned" or Java prefixes, lower case, single-spaced:
// "timestamp(6) without time zone" -> "timestamp without time zone", "java.sql.Types.VARCHAR(10)"
// -> "varchar".
std::string BaseTypeName(std::string_view type) {
  std::string text = Lower(type);
  for (std::string_view prefix : {"java.sql.types.", "java.lang."}) {
    if (text.rfind(prefix, 0) == 0) text.erase(0, prefix.size());
  }
  std::string stripped;
  int depth = 0;
  for (char c : text) {
    if (c == '(' || c == '{') ++depth;
    if (depth == 0) stripped += std::isspace(static_cast<unsigned char>(c)) ? ' ' : c;
    if ((c == ')' || c == '}') && depth > 0) --depth;
  }
  std::string out;
  size_t start = 0;
  while (start < stripped.size()) {
    const size_t end = std::min(stripped.find(' ', start), stripped.size());
    const std::string word = stripped.substr(start, end - start);
    if (!word.empty() && word != "unsigned") out += (out.empty() ? "" : " ") + word;
    start = end + 1;
  }
  return out;
}

// The family of a type: a Liquibase type name, or what SQLite (the declared text), PostgreSQL
// (format_type) or MySQL/MariaDB (column_type) report. Names we do not know are their own family, compared case-insensitively.
std::string TypeFamily(std::string_view type) {
  static const std::map<std::string, std::string> families = [] {
    std::map<std::string, std::string> f;
    auto add = [&f](const char* family, std::initializer_list<const char*> names) {
      for (const char* name : names) f.emplace(name, family);
    };
    add("string", {"varchar", "varchar2", "nvarchar", "nvarchar2", "char", "nchar", "character", "character varying",
                   "national character", "national character varying", "bpchar", "text", "clob", "nclob", "ntext",
                   "longtext", "mediumtext", "tinytext", "longvarchar", "string"});
    add("integer", {"int", "integer", "bigint", "smallint", "tinyint", "mediumint", "int2", "int4", "int8", "serial",
                    "serial4", "serial8", "bigserial", "smallserial", "long"});
    add("decimal", {"decimal", "numeric", "number", "currency", "money", "smallmoney"});
    add("float", {"double", "double precision", "float", "float4", "float8", "real"});
    add("boolean", {"boolean", "bool", "bit"});
    add("timestamp", {"timestamp", "timestamp without time zone", "timestamp with time zone", "timestamptz",
                      "datetime", "datetime2", "smalldatetime"});
    add("date", {"date"});
    add("time", {"time", "time without time zone", "time with time zone", "timetz"});
    // OID: what Liquibase (and so the engine) creates for BLOB on PostgreSQL, a large-object reference.
    add("binary", {"blob", "tinyblob", "mediumblob", "longblob", "bytea", "binary", "varbinary", "longvarbinary",
                   "image", "raw", "oid"});
    add("uuid", {"uuid", "uniqueidentifier"});
    return f;
  }();
  std::string compact;
  for (char c : Lower(type)) {
    if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
  }
  if (compact == "tinyint(1)") return "boolean";  // MySQL's BOOLEAN, as the engine creates it there
  const std::string base = BaseTypeName(type);
  const auto it = families.find(base);
  return it == families.end() ? base : it->second;
}

// The length in "VARCHAR(255)" / "character varying(255)"; none for "(19,4)", "(MAX)" or no parameters.
std::optional<int> TypeLength(std::string_view type) {
  const size_t open = type.find('(');
  const size_t close = open == std::string_view::npos ? open : type.find(')', open);
  if (close == std::string_view::npos) return std::nullopt;
  std::string_view inside = type.substr(open + 1, close - open - 1);
  while (!inside.empty() && std::isspace(static_cast<unsigned char>(inside.front()))) inside.remove_prefix(1);
  while (!inside.empty() && std::isspace(static_cast<unsigned char>(inside.back()))) inside.remove_suffix(1);
  int value = 0;
  const auto [end, error] = std::from_chars(inside.data(), inside.data() + inside.size(), value);
  if (error != std::errc() || end != inside.data() + inside.size() || inside.empty()) return std::nullopt;
  return value;
}

bool HasLength(const std::string& family) { return family == "string" || family == "binary"; }

using LiveColumn = db::DeclaredColumn;

// How well a live name matches a wanted one: exactly, as an unquoted name folds on PostgreSQL, or
// only case-insensitively (the query already filtered on that).
int MatchQuality(const std::string& live, const std::string& wanted) {
  if (live == wanted) return 2;
  return live == Lower(wanted) ? 1 : 0;
}

const LiveColumn* FindColumn(const std::vector<LiveColumn>& columns, const std::string& name) {
  const LiveColumn* best = nullptr;
  int best_quality = -1;
  for (const auto& column : columns) {
    if (Lower(column.name) != Lower(name)) continue;
    const int quality = MatchQuality(column.name, name);
    if (quality > best_quality) {
      best = &column;
      best_quality = quality;
    }
  }
  return best;
}

// What the migration engine creates for the entity's column on this database; nullopt when the
// engine does not take the type (then only the declared type's family counts).
std::optional<std::string> EngineType(const migration::Dialect& dialect, const MappedColumn& column) {
  // The column's length goes into the type as DeriveChangeLog puts it ("VARCHAR" + 255).
  const std::string declared = column.length > 0 && column.type.find('(') == std::string::npos
                                   ? column.type + "(" + std::to_string(column.length) + ")"
                                   : column.type;
  try {
    return dialect.Type(declared);
  } catch (const std::exception&) {
    return std::nullopt;  // e.g. a TIMESTAMP precision SQLite refuses: not ours to report here
  }
}

void CompareColumn(const MappedColumn& column, const LiveColumn& live, const migration::Dialect& dialect,
                   const std::function<void(std::string)>& report) {
  const std::string declared_family = TypeFamily(column.type);
  std::set<std::string> accepted{declared_family};
  if (const auto created = EngineType(dialect, column)) accepted.insert(TypeFamily(*created));
  const std::string live_family = TypeFamily(live.type);
  if (!accepted.count(live_family)) {
    report("type is " + live.type + ", entity declares " + column.type + " (" + declared_family + ")");
  }

  const bool nullable = column.nullable && !column.primary_key;
  if (nullable != live.nullable) {
    report(std::string(live.nullable ? "nullable" : "NOT NULL") + ", entity declares " +
           (nullable ? "nullable" : "NOT NULL"));
  }

  // Only where both sides know a length: PostgreSQL's BYTEA and TEXT have none.
  const std::optional<int> declared_length = column.length > 0 ? std::optional<int>(column.length) : TypeLength(column.type);
  const std::optional<int> live_length = TypeLength(live.type);
  if (declared_length && live_length && *declared_length != *live_length && HasLength(declared_family) &&
      HasLength(live_family)) {
    report(Upper(BaseTypeName(column.type)) + " length " + std::to_string(*live_length) + ", entity declares " +
           std::to_string(*declared_length));
  }
}

}  // namespace

std::string Drift::ToString() const {
  return schema + ": " + table + (column.empty() ? "" : "." + column) + ": " + problem;
}

std::vector<Drift> FindSchemaDrift(db::Connection& connection, const SchemaCatalog& catalog) {
  std::vector<Drift> drift;
  const migration::Dialect dialect(connection.kind());
  for (const auto& schema : catalog.schemas()) {
    const std::string described = schema.Describe();
    for (const auto& entity : schema.entities) {
      const std::string table = schema.PhysicalTable(entity.table_name);
      const std::string shown = schema.database_schema.empty() ? table : schema.database_schema + "." + table;
      std::optional<std::vector<LiveColumn>> live;
      try {
        live = connection.DeclaredColumns(schema.database_schema, table);
      } catch (const DatabaseError& e) {
        throw DatabaseError("checking table " + shown + " of " + described + ": " + e.what());
      }
      if (!live) {
        drift.push_back({described, shown, "", "table is missing"});
        continue;
      }
      for (const auto& column : entity.columns) {
        const LiveColumn* found = FindColumn(*live, column.name);
        if (!found) {
          drift.push_back({described, shown, column.name, "column is missing"});
          continue;
        }
        CompareColumn(column, *found, dialect,
                      [&](std::string problem) { drift.push_back({described, shown, column.name, std::move(problem)}); });
      }
    }
  }
  return drift;
}

}  // namespace ledgerhost::schema
