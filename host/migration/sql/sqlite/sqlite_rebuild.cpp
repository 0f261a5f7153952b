// SQLiteDatabase.getAlterTableStatements and the change types that use it, as Liquibase 4.28 has
// them (see sqlite_rebuild.h); sqlite_snapshot.cpp reads the table as Liquibase does.
#include "migration/sql/sqlite/sqlite_rebuild.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include "core/error.h"
#include "core/text.h"
#include "migration/sql/dialect.h"
#include "migration/sql/java_format.h"
#include "migration/sql/sqlite_type.h"

namespace ledgerhost::migration {
namespace {

using C = LiquibaseTypeClass;
using Kind = RebuildDefault::Kind;

bool IsRegexSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

RebuildDefault Value(Kind kind, std::string text) { return RebuildDefault{kind, std::move(text)}; }

// CreateTableChange + CreateTableGenerator for the rebuilt table.
std::string CreateTableSql(const Dialect& d, const std::string& table_sql, const std::string& table_name,
                           const std::vector<RebuildColumn>& columns, const std::string& where) {
  std::vector<const RebuildColumn*> key_columns;
  for (const auto& c : columns) {
    if (c.primary_key) key_columns.push_back(&c);
  }
  std::optional<std::string> key_name = key_columns.empty() ? std::nullopt : key_columns[0]->primary_key_name;
  if (key_name && text::JavaTrim(*key_name).empty()) key_name.reset();
  const std::string key_constraint = d.Identifier(key_name.value_or(d.DefaultPrimaryKeyName(table_name)));
  std::string sql = "CREATE TABLE " + table_sql + " (";
  bool key_auto_increment = false;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const RebuildColumn& c = columns[i];
    const SqliteColumnType type = ResolveSqliteType(c.type);
    const bool auto_increment = c.auto_increment || type.auto_increment;
    sql += d.Identifier(c.name) + " " + type.sql;
    if (key_columns.size() == 1 && c.primary_key && auto_increment) {
      sql += " CONSTRAINT " + key_constraint + " PRIMARY KEY";
      key_auto_increment = true;
    }
    if (auto operand = RebuildDefaultSql(c.default_value, c.type)) sql += " DEFAULT " + *operand;
    if (auto_increment) sql += " AUTOINCREMENT";
    if (c.not_null || c.primary_key) sql += " NOT NULL";
    if (i + 1 < columns.size()) sql += ", ";
  }
  sql += ",";
  if (!key_columns.empty() && !key_auto_increment) {
    sql += " CONSTRAINT " + key_constraint + " PRIMARY KEY (";
    for (std::size_t i = 0; i < key_columns.size(); ++i) sql += (i ? ", " : "") + d.Identifier(key_columns[i]->name);
    sql += "),";
  }
  for (const auto& c : columns) {
    if (!c.references && !(c.referenced_table && c.referenced_columns)) continue;
    if (!c.foreign_key_name || text::JavaTrim(*c.foreign_key_name).empty()) {
      throw MigrationError(where +
                           ": createTable with references requires foreignKeyName (Liquibase's SQLite rebuild "
                           "of " +
                           table_name + " reads a foreign key without a name)");
    }
    sql +=
        " CONSTRAINT " + d.Identifier(*c.foreign_key_name) + " FOREIGN KEY (" + d.Identifier(c.name) + ") REFERENCES ";
    if (c.references) {
      sql += *c.references;
    } else {
      std::string referenced_columns;
      for (const auto& name : text::SplitAndTrim(*c.referenced_columns, ',')) {
        referenced_columns += (referenced_columns.empty() ? "" : ", ") + d.Identifier(name);
      }
      sql += d.Identifier(*c.referenced_table) + "(" + referenced_columns + ")";
    }
    if (c.delete_cascade) sql += " ON DELETE CASCADE";
    sql += ",";
  }
  for (const auto& c : columns) {
    if (c.unique) sql += " UNIQUE (" + d.Identifier(c.name) + "),";
  }
  // replaceFirst(",\\s*$", ""): the last comma goes, whatever a default ended with stays.
  std::size_t end = sql.size();
  while (end > 0 && IsRegexSpace(sql[end - 1])) --end;
  if (end > 0 && sql[end - 1] == ',') sql.erase(end - 1);
  return sql + ")";
}

// The value AddDefaultValueChange hands its statement, as Java's toString() renders it, and its kind.
RebuildDefault AddDefaultValueObject(const Change& change) {
  if (const std::string* v = change.Find("defaultValue")) return Value(Kind::kString, *v);
  if (const std::string* v = change.Find("defaultValueBoolean")) {
    return Value(Kind::kBoolean, JavaTrue(*v) ? "true" : "false");
  }
  if (const std::string* v = change.Find("defaultValueNumeric")) {
    // NumberFormat.parse: the longest number prefix, a Long when whole, else a Double.
    std::string digits;
    std::size_t i = 0;
    if (i < v->size() && ((*v)[i] == '-' || (*v)[i] == '+')) digits += (*v)[i++];
    bool any = false;
    bool fraction = false;
    for (; i < v->size(); ++i) {
      const char c = (*v)[i];
      if (std::isdigit(static_cast<unsigned char>(c))) {
        digits += c;
        any = true;
      } else if (c == ',' && !fraction) {
        continue;
      } else if (c == '.' && !fraction) {
        digits += c;
        fraction = true;
      } else {
        break;
      }
    }
    if (!any) return Value(Kind::kFunction, *v);
    const double number = std::strtod(digits.c_str(), nullptr);
    if (number == std::floor(number) && std::fabs(number) < 9.2e18 && !(number == 0 && std::signbit(number))) {
      return Value(Kind::kNumber, std::to_string(static_cast<long long>(number)));
    }
    return Value(Kind::kNumber, java::JavaFloatingToString(number, false));
  }
  if (const std::string* v = change.Find("defaultValueDate")) {
    if (auto date = ParseIsoDate(*v)) return *date;
    return Value(Kind::kFunction, *v);
  }
  if (const std::string* v = change.Find("defaultValueComputed")) return Value(Kind::kFunction, *v);
  if (const std::string* v = change.Find("defaultValueSequenceNext")) return Value(Kind::kFunction, *v);
  return {};
}

std::string RequireAttribute(const Change& change, const char* name) {
  const std::string* value = change.Find(name);
  if (!value || value->empty())
    throw MigrationError(change.location.ToString() + ": " + change.type + " needs " + name);
  return *value;
}

bool ConstraintSet(const ColumnConfig& column, const char* name) {
  return column.constraints && column.constraints->count(name) && JavaTrue(column.constraints->at(name));
}

}  // namespace

RebuildVisitor AddColumnVisitor(const Change& change) {
  RebuildVisitor visitor;
  std::set<std::string> names;
  for (const auto& config : change.columns) {
    RebuildColumn column;
    auto attr = [&config](const char* name) -> std::optional<std::string> {
      auto it = config.attributes.find(name);
      return it == config.attributes.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    column.name = attr("name").value_or("");
    if (column.name.empty()) throw MigrationError(config.location.ToString() + ": addColumn: a column needs a name");
    column.type = attr("type").value_or("");
    if (column.type.empty())
      throw MigrationError(config.location.ToString() + ": column " + column.name + " needs a type");
    // AddColumnGeneratorSQLite: name, type, auto-increment and the key constraints; a NOT NULL
    // constraint and the default do not reach the new table.
    column.auto_increment = JavaTrue(attr("autoIncrement").value_or("false"));
    column.has_constraints = true;
    column.primary_key = ConstraintSet(config, "primaryKey");
    column.unique = ConstraintSet(config, "unique");
    if (config.constraints) {
      const Attributes& k = *config.constraints;
      auto get = [&k](const char* name) -> std::optional<std::string> {
        auto it = k.find(name);
        return it == k.end() ? std::nullopt : std::optional<std::string>(it->second);
      };
      column.references = get("references");
      column.referenced_table = get("referencedTableName");
      column.referenced_columns = get("referencedColumnNames");
      column.foreign_key_name = get("foreignKeyName");
      column.delete_cascade = JavaTrue(get("deleteCascade").value_or("false"));
    }
    names.insert(column.name);
    visitor.columns_to_add.push_back(column);
  }
  visitor.copy_column = [names](RebuildColumn& c) { return names.count(c.name) == 0; };
  return visitor;
}

RebuildVisitor AddDefaultValueVisitor(const Change& change) {
  const std::string column_name = RequireAttribute(change, "columnName");
  const RebuildDefault value = AddDefaultValueObject(change);
  std::optional<C> declared;
  if (const std::string* type = change.Find("columnDataType"); type && !type->empty()) {
    declared = ResolveSqliteType(*type).type_class;
  }
  const std::string as_text = IsDateKind(value.kind) ? JavaDateToString(value) : value.text;
  RebuildVisitor visitor;
  visitor.create_column = [column_name, value, declared, as_text](RebuildColumn& c) {
    if (c.name != column_name) return true;
    if (declared == C::kBoolean) {
      if (value.kind == Kind::kBoolean) {
        SetDefault(c, value);
      } else if (!text::EqualsIgnoreCase(text::JavaTrim(as_text), "null") && !text::JavaTrim(as_text).empty()) {
        const std::string t = text::JavaTrim(as_text);
        if (text::EqualsIgnoreCase(t, "true") || t == "1")
          SetDefault(c, Value(Kind::kBoolean, "true"));
        else if (text::EqualsIgnoreCase(t, "false") || t == "0")
          SetDefault(c, Value(Kind::kBoolean, "false"));
        else
          SetDefault(c, Value(Kind::kFunction, t));
      }
    } else if (declared && IsCharType(*declared)) {
      SetDefault(c, Value(Kind::kString, as_text));
    } else if (declared == C::kDate) {
      if (IsDateKind(value.kind)) {
        SetDefault(c, value);
      } else if (!text::EqualsIgnoreCase(text::JavaTrim(as_text), "null") && !text::JavaTrim(as_text).empty()) {
        auto date = ParseIsoDate(as_text);
        SetDefault(c, date ? *date : Value(Kind::kFunction, text::JavaTrim(as_text)));
      }
    } else {
      SetDefault(c, Value(Kind::kString, as_text));
    }
    return true;
  };
  return visitor;
}

RebuildVisitor AddAutoIncrementVisitor(const Change& change) {
  const std::string column_name = RequireAttribute(change, "columnName");
  RebuildVisitor visitor;
  visitor.create_column = [column_name](RebuildColumn& c) {
    if (c.name == column_name) {
      c.auto_increment = true;
      c.primary_key = true;
      c.has_constraints = true;
    }
    return true;
  };
  return visitor;
}

RebuildVisitor DropColumnVisitor(const Change& change) {
  // A single columnName removes nothing: Liquibase 4.28 only drops the nested <column>s (its
  // SQLite path collects the names from them), so the rebuild keeps the column.
  std::set<std::string> removed;
  for (const auto& column : change.columns) {
    auto it = column.attributes.find("name");
    if (it != column.attributes.end()) removed.insert(it->second);
  }
  RebuildVisitor visitor;
  visitor.copy_column = [removed](RebuildColumn& c) { return removed.count(c.name) == 0; };
  visitor.create_column = visitor.copy_column;
  visitor.create_index = [removed](const RebuildIndex& index) {
    return std::none_of(index.columns.begin(), index.columns.end(),
                        [&](const std::string& c) { return removed.count(c) > 0; });
  };
  return visitor;
}

RebuildVisitor DropPrimaryKeyVisitor(const Change& change) {
  const std::string where = change.location.ToString();
  RebuildVisitor visitor;
  // Liquibase's visitor reads getConstraints().isPrimaryKey() of every column: a column outside
  // the key makes it fail with a NullPointerException, so only a table made of its key rebuilds.
  auto toggle = [where](RebuildColumn& c) {
    if (!c.primary_key) {
      throw MigrationError(where +
                           ": dropPrimaryKey on sqlite: Liquibase 4.28 fails here with a NullPointerException (" +
                           std::string(c.has_constraints ? "ConstraintsConfig.isPrimaryKey() is null"
                                                         : "ColumnConfig.getConstraints() is null") +
                           " for column " + c.name +
                           "): its table rebuild only works when every column is part of "
                           "the primary key");
    }
    c.primary_key = false;
    return true;
  };
  visitor.copy_column = toggle;
  visitor.create_column = toggle;
  return visitor;
}

RebuildVisitor MergeColumnsVisitor(const Change& change) {
  const std::string first = RequireAttribute(change, "column1Name");
  const std::string second = RequireAttribute(change, "column2Name");
  RebuildColumn merged;
  merged.name = RequireAttribute(change, "finalColumnName");
  merged.type = RequireAttribute(change, "finalColumnType");
  RebuildVisitor visitor;
  visitor.columns_to_add.push_back(merged);
  visitor.copy_column = [first, second](RebuildColumn& c) { return c.name != first && c.name != second; };
  visitor.create_column = visitor.copy_column;
  visitor.create_index = [first, second](const RebuildIndex& index) {
    return std::none_of(index.columns.begin(), index.columns.end(),
                        [&](const std::string& c) { return c == first || c == second; });
  };
  return visitor;
}

std::vector<SqlStatement> SqliteTableRebuild(const TableIntrospector& introspect, const std::string& table_name,
                                             const std::string& schema_name, const RebuildVisitor& visitor,
                                             const std::string& where) {
  const Dialect d(db::DatabaseKind::kSqlite, /*live=*/true);
  const auto live = introspect(table_name);
  if (live && !live->referenced_by.empty()) {
    // Renaming the table re-points the other tables' foreign keys to <table>_temporary, which the
    // rebuild then drops. Liquibase's connection does not enforce foreign keys and leaves them
    // dangling; ledgerhost's does, so every later write to those tables would fail.
    std::string tables;
    for (const auto& name : live->referenced_by) tables += (tables.empty() ? "" : ", ") + name;
    throw MigrationError(where + ": SQLite has no ALTER TABLE for this change, and Liquibase's table rebuild of " +
                         live->name + " (rename to " + table_name +
                         "_temporary, copy, drop) would leave the foreign "
                         "keys of " +
                         tables + " pointing at the dropped " + table_name +
                         "_temporary; ledgerhost "
                         "enforces SQLite foreign keys and refuses. Re-create the table with a <sql> change instead");
  }
  std::vector<RebuildColumn> create;
  std::vector<RebuildColumn> copy;
  if (live) {
    for (const auto& column : SnapshotColumns(*live, introspect, where)) {
      RebuildColumn created = column;
      if (visitor.create_column(created)) create.push_back(created);
      RebuildColumn copied = column;
      if (visitor.copy_column(copied)) copy.push_back(copied);
    }
  }
  for (RebuildColumn column : visitor.columns_to_add) {
    if (visitor.create_column(column)) create.push_back(column);
    if (visitor.copy_column(column)) copy.push_back(column);
  }
  std::vector<SnapshotIndex> indexes;
  if (live) {
    for (auto& index : SchemaIndexes(*live)) {
      if (!text::EqualsIgnoreCase(index.table, table_name)) continue;
      RebuildIndex rebuild{index.name, index.unique, {}};
      for (const auto& column : index.columns) rebuild.columns.push_back(*column);
      if (visitor.create_index(rebuild)) indexes.push_back(index);
    }
  }
  const std::string prefix = schema_name.empty() ? "" : d.Identifier(schema_name) + ".";
  const std::string table = prefix + d.Identifier(table_name);
  const std::string temporary_name = table_name + "_temporary";
  std::vector<SqlStatement> out;
  try {
    out.push_back({"ALTER TABLE " + table + " RENAME TO " + d.Identifier(temporary_name)});
    out.push_back({CreateTableSql(d, table, table_name, create, where)});
  } catch (const MigrationError& e) {
    const std::string message = e.what();
    throw MigrationError(text::StartsWith(message, where) ? message : where + ": " + message);
  }
  if (!copy.empty()) {
    std::string names;
    for (const auto& c : copy) names += (names.empty() ? "" : ",") + d.Identifier(c.name);
    out.push_back({"INSERT INTO " + d.Identifier(table_name) + " (" + names + ") SELECT " + names + " FROM " +
                   d.Identifier(temporary_name)});
  }
  out.push_back({"DROP TABLE " + prefix + d.Identifier(temporary_name)});
  out.push_back({"REINDEX " + table});
  for (const auto& index : indexes) {
    if (text::StartsWith(text::Lower(index.name), "sqlite_autoindex_")) continue;
    std::string columns;
    for (const auto& column : index.columns) columns += (columns.empty() ? "" : ", ") + d.Identifier(*column);
    out.push_back({std::string("CREATE ") + (index.unique ? "UNIQUE " : "") + "INDEX " + d.Identifier(index.name) +
                   " ON " + table + "(" + columns + ")"});
  }
  return out;
}

}  // namespace ledgerhost::migration
