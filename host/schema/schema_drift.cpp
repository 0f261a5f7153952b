#include "schema/schema_drift.h"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>

#include "migration/sql/dialect.h"

namespace ledgerhost::schema {
namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// The family of a type name, from a Liquibase type or what SQLite/PostgreSQL report for the type
// the migration engine created; unknown names stand for themselves.
std::string TypeFamily(const std::string& type) {
  std::string base = Lower(type);
  if (auto paren = base.find('('); paren != std::string::npos) base = base.substr(0, paren);
  while (!base.empty() && base.back() == ' ') base.pop_back();
  static const std::map<std::string, std::string> families{
      {"varchar", "string"},     {"nvarchar", "string"},      {"char", "string"},      {"nchar", "string"},
      {"text", "string"},        {"clob", "string"},          {"nclob", "string"},     {"character varying", "string"},
      {"character", "string"},   {"varchar2", "string"},      {"int", "integer"},      {"integer", "integer"},
      {"bigint", "integer"},     {"smallint", "integer"},     {"tinyint", "integer"},  {"int2", "integer"},
      {"int4", "integer"},       {"int8", "integer"},         {"mediumint", "integer"}, {"decimal", "decimal"},
      {"numeric", "decimal"},    {"number", "decimal"},       {"currency", "decimal"}, {"double", "float"},
      {"float", "float"},        {"real", "float"},           {"double precision", "float"}, {"float8", "float"},
      {"float4", "float"},       {"boolean", "boolean"},      {"bool", "boolean"},     {"bit", "boolean"},
      {"timestamp", "timestamp"}, {"datetime", "timestamp"},  {"timestamp without time zone", "timestamp"},
      {"timestamp with time zone", "timestamp"}, {"timestamptz", "timestamp"}, {"date", "date"},
      {"time", "time"},          {"time without time zone", "time"}, {"blob", "binary"}, {"bytea", "binary"},
      {"binary", "binary"},      {"varbinary", "binary"},     {"longblob", "binary"},  {"uuid", "uuid"}};
  auto it = families.find(base);
  return it == families.end() ? base : it->second;
}

std::optional<int> LengthOf(const std::string& type) {
  static const std::regex length(R"(\(\s*(\d+)\s*\))");
  std::smatch match;
  if (std::regex_search(type, match, length)) return std::stoi(match[1]);
  return std::nullopt;
}

struct LiveColumn {
  std::string type;
  bool nullable = true;
  std::optional<int> length;
};

// Columns of `table` by lower-cased name, or nullopt when the table does not exist.
std::optional<std::map<std::string, LiveColumn>> LiveColumns(migration::Connection& connection,
                                                               const std::string& database_schema,
                                                               const std::string& table) {
  std::map<std::string, LiveColumn> columns;
  if (connection.kind() == migration::DatabaseKind::kPostgresql) {
    const auto rows = connection.Query(
        "SELECT column_name, data_type, is_nullable, character_maximum_length FROM information_schema.columns "
        "WHERE table_schema = COALESCE(NULLIF($1, ''), current_schema()) AND lower(table_name) = lower($2)",
        {database_schema, table});
    if (rows.empty()) return std::nullopt;
    for (const auto& row : rows) {
      LiveColumn column{row[1].value_or(""), row[2].value_or("YES") == "YES", std::nullopt};
      if (row[3]) column.length = std::stoi(*row[3]);
      columns[Lower(row[0].value_or(""))] = column;
    }
    return columns;
  }
  const auto exists = connection.QueryScalar(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND lower(name) = lower(?)", {table});
  if (!exists) return std::nullopt;
  for (const auto& row : connection.Query("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", {*exists})) {
    const std::string type = row[1].value_or("");
    // SQLite does not enforce NOT NULL on primary key columns unless declared; the engine declares it.
    LiveColumn column{type, row[2].value_or("0") == "0", LengthOf(type)};
    columns[Lower(row[0].value_or(""))] = column;
  }
  return columns;
}

}  // namespace

std::string Drift::ToString() const {
  return schema + ": " + table + (column.empty() ? "" : "." + column) + ": " + problem;
}

std::vector<Drift> FindSchemaDrift(migration::Connection& connection, const SchemaCatalog& catalog) {
  std::vector<Drift> drift;
  const migration::Dialect dialect(connection.kind());
  for (const auto& schema : catalog.schemas()) {
    for (const auto& entity : schema.entities) {
      const std::string table = schema.PhysicalTable(entity.table_name);
      const std::string shown = schema.database_schema.empty() ? table : schema.database_schema + "." + table;
      const auto live = LiveColumns(connection, schema.database_schema, table);
      if (!live) {
        drift.push_back({schema.Describe(), shown, "", "table is missing"});
        continue;
      }
      for (const auto& column : entity.columns) {
        auto it = live->find(Lower(column.name));
        if (it == live->end()) {
          drift.push_back({schema.Describe(), shown, column.name, "column is missing"});
          continue;
        }
        const LiveColumn& actual = it->second;
        // What the migration engine creates for the declared type on this database (TIMESTAMP is
        // TEXT on SQLite, as with Liquibase), so engine-made tables never show drift.
        const std::string declared =
            column.length > 0 && column.type.find('(') == std::string::npos
                ? column.type + "(" + std::to_string(column.length) + ")"
                : column.type;
        std::string created = declared;
        try {
          created = dialect.Type(declared);
        } catch (const std::exception&) {
          // Not a Liquibase type the engine knows: compare the declared name as it is.
        }
        const std::string expected_family = TypeFamily(created);
        const std::string actual_family = TypeFamily(actual.type);
        if (expected_family != actual_family) {
          drift.push_back({schema.Describe(), shown, column.name,
                           "type is " + actual.type + ", entity declares " + column.type + " (" + expected_family + ")"});
        }
        const bool expected_nullable = column.nullable && !column.primary_key;
        if (expected_nullable != actual.nullable) {
          drift.push_back({schema.Describe(), shown, column.name,
                           std::string(actual.nullable ? "nullable" : "NOT NULL") + ", entity declares " +
                               (expected_nullable ? "nullable" : "NOT NULL")});
        }
        const std::optional<int> expected_length =
            column.length > 0 ? std::optional<int>(column.length) : LengthOf(column.type);
        if (expected_family == "string" && expected_length && actual.length && *expected_length != *actual.length) {
          drift.push_back({schema.Describe(), shown, column.name,
                           "length " + std::to_string(*actual.length) + ", entity declares " +
                               std::to_string(*expected_length)});
        }
      }
    }
  }
  return drift;
}

}  // namespace ledgerhost::schema
