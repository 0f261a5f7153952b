#include "migration/sql/generator/generators.h"

#include <algorithm>
#include <map>

#include "core/text.h"
#include "migration/sql/csv_reader.h"
#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {
namespace {

std::string LoadValue(const Dialect& d, const std::string& raw, const std::string& type) {
  const std::string upper = text::Upper(type);
  const std::string lower_raw = text::Lower(raw);
  if (raw.empty() || lower_raw == "null") return "NULL";
  if (upper == "NUMERIC") return LooksNumeric(raw) ? raw : d.String(raw);
  if (upper == "BOOLEAN") return d.Boolean(JavaTrue(raw) || raw == "1");
  if (upper == "DATE" || upper == "DATETIME") return d.DateLiteral(raw);
  if (upper == "COMPUTED") return raw;
  if (upper.empty()) return LooksNumeric(raw) ? raw : d.String(raw);
  return d.String(raw);
}

struct LoadedRows {
  std::vector<std::string> columns;               // SQL column names, in order
  std::vector<std::vector<std::string>> values;   // SQL literals
};

LoadedRows LoadCsv(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  const std::string text = ReadResource(change, context, "file");
  const std::string separator = change.Get("separator", ",");
  const std::string quote = change.Get("quotchar", "\"");
  CsvTable csv = ReadCsv(text, separator.empty() ? ',' : separator[0], quote.empty() ? '"' : quote[0],
                         change.Get("commentLineStartsWith", "#"));
  std::map<std::string, const ColumnConfig*> by_header;
  for (const auto& column : change.columns) {
    by_header[Attr(column.attributes, "header", Attr(column.attributes, "name"))] = &column;
  }
  LoadedRows out;
  std::vector<std::pair<size_t, std::string>> used;  // csv index, type
  for (size_t i = 0; i < csv.header.size(); ++i) {
    auto it = by_header.find(csv.header[i]);
    std::string type = it != by_header.end() ? Attr(it->second->attributes, "type") : "";
    if (text::Upper(type) == "SKIP") continue;
    out.columns.push_back(d.Identifier(it != by_header.end() ? Attr(it->second->attributes, "name", csv.header[i]) : csv.header[i]));
    used.emplace_back(i, type);
  }
  for (const auto& row : csv.rows) {
    std::vector<std::string> values;
    for (const auto& [index, type] : used) values.push_back(LoadValue(d, index < row.size() ? row[index] : "", type));
    out.values.push_back(values);
  }
  return out;
}

std::string Tuple(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return "(" + out + ")";
}

}  // namespace

Statements LoadData(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  LoadedRows rows = LoadCsv(change, d, context);
  const std::string insert = "INSERT INTO " + d.Table(change) + " " + Tuple(rows.columns) + " VALUES ";
  Statements out;
  // Liquibase batches the rows into one multi-row INSERT where the database has it.
  const bool multi_row = d.Is(db::DatabaseKind::kPostgresql) || d.IsMysqlFamily() || d.Is(db::DatabaseKind::kMssql);
  if (multi_row && !rows.values.empty()) {
    std::string tuples;
    for (const auto& row : rows.values) tuples += (tuples.empty() ? "" : ",") + Tuple(row);
    out.push_back({insert + tuples});
  } else {
    for (const auto& row : rows.values) out.push_back({insert + Tuple(row)});
  }
  if (!out.empty()) out.front().comment = kVolatileWarning;
  return out;
}

Statements LoadUpdateData(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  LoadedRows rows = LoadCsv(change, d, context);
  const auto keys = SplitNames(Require(change, "primaryKey"));
  std::vector<std::string> key_columns;
  for (const auto& k : keys) key_columns.push_back(d.Identifier(k));
  const std::string table = d.Table(change);
  Statements out;
  for (const auto& row : rows.values) {
    std::string updates;
    std::string where;
    for (size_t i = 0; i < rows.columns.size(); ++i) {
      const bool is_key = std::find(key_columns.begin(), key_columns.end(), rows.columns[i]) != key_columns.end();
      if (is_key) {
        where += (where.empty() ? "" : " AND ") + rows.columns[i] + " = " + row[i];
      } else {
        updates += (updates.empty() ? "" : ", ") + rows.columns[i] + " = " + row[i];
      }
    }
    const std::string insert = "INSERT INTO " + table + " " + Tuple(rows.columns) + " VALUES " + Tuple(row);
    const std::string update = "UPDATE " + table + " SET " + updates + " WHERE " + where;
    if (d.Is(db::DatabaseKind::kPostgresql)) {
      out.push_back({"DO\n$$\nBEGIN\n" + update + ";\nIF not found THEN\n" + insert + ";\nEND IF;\nEND;\n$$\nLANGUAGE plpgsql"});
    } else if (d.IsMysqlFamily()) {
      out.push_back({insert + (updates.empty() ? "" : "\nON DUPLICATE KEY UPDATE " + updates)});
    } else if (d.Is(db::DatabaseKind::kSqlite)) {
      out.push_back({"INSERT OR REPLACE INTO " + table + " " + Tuple(rows.columns) + " VALUES " + Tuple(row)});
    } else if (d.Is(db::DatabaseKind::kH2)) {
      std::string key_list;
      for (const auto& k : key_columns) key_list += (key_list.empty() ? "" : ", ") + k;
      out.push_back({"MERGE INTO " + table + " " + Tuple(rows.columns) + " KEY(" + key_list + ") VALUES " + Tuple(row)});
    } else if (d.Is(db::DatabaseKind::kOracle)) {
      out.push_back({"DECLARE\n\tv_reccount NUMBER := 0;\nBEGIN\n\tSELECT COUNT(*) INTO v_reccount FROM " + table + " WHERE " +
                     where + ";\n\tIF v_reccount = 0 THEN\n" + insert + ";\n\tELSIF v_reccount = 1 THEN\n" + update +
                     ";\nEND IF;\nEND;"});
    } else {
      out.push_back({"DECLARE @reccount integer\nSELECT @reccount = count(*) FROM " + table + " WHERE " + where +
                     "\nIF @reccount = 0\nBEGIN\n" + insert + ";\nEND\nELSE\nBEGIN\n" + update + ";\nEND"});
    }
  }
  if (!out.empty()) out.front().comment = kVolatileWarning;
  return out;
}

Statements LoadUpdateDataRollback(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  LoadedRows rows = LoadCsv(change, d, context);
  Statements out;
  for (const auto& row : rows.values) {
    std::string where;
    for (const auto& key : SplitNames(Require(change, "primaryKey"))) {
      const std::string column = d.Identifier(key);
      auto it = std::find(rows.columns.begin(), rows.columns.end(), column);
      const std::string value = it == rows.columns.end() ? "NULL" : row[it - rows.columns.begin()];
      where += (where.empty() ? "" : " AND ") + column + (value == "NULL" ? " is NULL" : " = " + value);
    }
    out.push_back({"DELETE FROM " + d.Table(change) + " WHERE " + where});
  }
  return out;
}

}  // namespace ledgerhost::migration::generator
