#include "migration/sql/generator/generators.h"

#include <algorithm>
#include <optional>

#include "core/text.h"
#include "migration/sql/generator/support.h"
#include "migration/sql/sqlite/sqlite_rebuild.h"
#include "migration/sql/sqlite/sqlite_rebuild_statement.h"

namespace ledgerhost::migration::generator {
namespace {

// A column-level foreign key (<constraints references="t(c)"/> or referencedTableName) as the
// addForeignKeyConstraint change Liquibase derives from it.
Change ColumnForeignKey(const Change& change, const ColumnConfig& column) {
  const Attributes& c = *column.constraints;
  std::string ref_table = Attr(c, "referencedTableName");
  std::string ref_columns = Attr(c, "referencedColumnNames");
  if (Has(c, "references")) std::tie(ref_table, ref_columns) = SplitReference(c.at("references"));
  Change fk;
  fk.type = "addForeignKeyConstraint";
  fk.location = column.location;
  fk.attributes["baseTableName"] = change.Get("tableName");
  if (const std::string* schema = change.Find("schemaName")) fk.attributes["baseTableSchemaName"] = *schema;
  fk.attributes["baseColumnNames"] = ColumnName(column, change);
  if (auto dot = ref_table.find('.'); dot != std::string::npos && dot > 0) {
    fk.attributes["referencedTableSchemaName"] = ref_table.substr(0, dot);
    ref_table = ref_table.substr(dot + 1);
  }
  fk.attributes["referencedTableName"] = ref_table;
  fk.attributes["referencedColumnNames"] = ref_columns;
  fk.attributes["constraintName"] = Attr(c, "foreignKeyName");
  if (JavaTrue(Attr(c, "deleteCascade", "false"))) fk.attributes["onDelete"] = "CASCADE";
  return fk;
}

// A NOT NULL column with a value is added nullable, filled, then made NOT NULL (AddColumnChange's
// addNotNullConstraint statements), so that existing rows do not violate it.
bool NotNullLater(const ColumnConfig& column, const Dialect& d) {
  return ConstraintFalse(column, "nullable") && d.Value(column.attributes).has_value();
}

// AddColumnChange's UPDATEs filling existing rows from the columns' value* attributes.
void AppendValueUpdates(const Change& change, const Dialect& d, const std::string& table, Statements& out) {
  for (const auto& column : change.columns) {
    if (auto value = d.Value(column.attributes)) {
      out.push_back({"UPDATE " + table + " SET " + d.Identifier(ColumnName(column, change)) + " = " + *value});
    }
  }
}

}  // namespace

// Liquibase's AddColumnGenerator: per column "ALTER TABLE t ADD ..." followed by its unique and
// foreign key constraints (MySQL/MariaDB: all columns in one ALTER TABLE, constraints after);
// then AddColumnChange's UPDATEs filling existing rows, NOT NULL constraints and remarks.
Statements AddColumn(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  const std::string table_name = Require(change, "tableName");
  const std::string table = d.Table(change);
  if (change.columns.empty()) throw MigrationError(change.location.ToString() + ": addColumn has no columns");
  auto not_null_later = [&](const ColumnConfig& column) { return NotNullLater(column, d); };
  auto column_sql = [&](const ColumnConfig& column) {
    const std::string name = ColumnName(column, change);
    const std::string type = Attr(column.attributes, "type");
    if (type.empty()) throw MigrationError(column.location.ToString() + ": column " + name + " needs a type");
    std::string sql = " ADD " + d.Identifier(name) + " " + d.Type(type);
    if (JavaTrue(Attr(column.attributes, "autoIncrement", "false"))) sql += " " + d.AutoIncrementClause(column.attributes);
    sql += DefaultClause(d, table_name, name, column.attributes, /*add_column=*/true);
    if ((ConstraintFalse(column, "nullable") && !not_null_later(column)) || ConstraintTrue(column, "primaryKey")) {
      sql += " NOT NULL";
    } else if (d.IsMysqlFamily()) {
      sql += " NULL";
    }
    if (ConstraintTrue(column, "primaryKey")) sql += " PRIMARY KEY";
    if (d.IsMysqlFamily() && Has(column.attributes, "remarks")) {
      sql += " COMMENT " + d.String(column.attributes.at("remarks"));
    }
    if (const std::string after = Attr(column.attributes, "afterColumn"); !after.empty()) {
      if (!d.IsMysqlFamily() && !d.Is(db::DatabaseKind::kH2)) Disallowed(column.location, "addAfterColumn", d);
      sql += " AFTER " + d.Identifier(after);
    }
    return sql;
  };
  auto constraints = [&](const ColumnConfig& column, Statements& out) {
    if (ConstraintTrue(column, "unique")) {
      Change unique;
      unique.type = "addUniqueConstraint";
      unique.location = column.location;
      unique.attributes = {{"tableName", table_name}, {"columnNames", ColumnName(column, change)}};
      if (const std::string* schema = change.Find("schemaName")) unique.attributes["schemaName"] = *schema;
      if (const std::string name = Attr(*column.constraints, "uniqueConstraintName"); !name.empty()) {
        unique.attributes["constraintName"] = name;
      }
      for (auto& s : Generate(unique, d, context)) out.push_back(s);
    }
    if (column.constraints && (Has(*column.constraints, "references") || Has(*column.constraints, "referencedTableName"))) {
      for (auto& s : Generate(ColumnForeignKey(change, column), d, context)) out.push_back(s);
    }
  };
  Statements out;
  if (d.IsMysqlFamily() && change.columns.size() > 1) {
    std::string sql = "ALTER TABLE " + table;
    for (size_t i = 0; i < change.columns.size(); ++i) sql += (i ? "," : "") + column_sql(change.columns[i]);
    out.push_back({sql});
    for (const auto& column : change.columns) constraints(column, out);
  } else {
    for (const auto& column : change.columns) {
      out.push_back({"ALTER TABLE " + table + column_sql(column)});
      constraints(column, out);
    }
  }
  AppendValueUpdates(change, d, table, out);
  for (const auto& column : change.columns) {
    if (!not_null_later(column)) continue;
    Change not_null;
    not_null.type = "addNotNullConstraint";
    not_null.location = column.location;
    not_null.attributes = {{"tableName", table_name},
                           {"columnName", ColumnName(column, change)},
                           {"columnDataType", Attr(column.attributes, "type")}};
    if (const std::string* schema = change.Find("schemaName")) not_null.attributes["schemaName"] = *schema;
    for (auto& statement : Generate(not_null, d, context)) out.push_back(statement);
    if (d.IsMysqlFamily() && d.DefaultValue(column.attributes, /*add_column=*/true)) {
      // MySQL's MODIFY ... NOT NULL drops the default; Liquibase sets it again.
      Change add_default = not_null;
      add_default.type = "addDefaultValue";
      add_default.attributes["columnDataType"] = ColumnName(column, change);
      for (const char* key : {"defaultValue", "defaultValueNumeric", "defaultValueBoolean", "defaultValueDate",
                              "defaultValueComputed", "defaultValueSequenceNext", "defaultValueConstraintName"}) {
        if (Has(column.attributes, key)) add_default.attributes[key] = column.attributes.at(key);
      }
      for (auto& statement : Generate(add_default, d, context)) out.push_back(statement);
    }
  }
  // AddColumnChange: a column's remarks (trimmed) become a SetColumnRemarksStatement where the
  // database has a generator for it, except on MySQL, whose ADD already carried the COMMENT.
  if (!d.IsMysqlFamily()) {
    for (const auto& column : change.columns) {
      const std::string remarks = text::JavaTrim(Attr(column.attributes, "remarks"));
      if (remarks.empty()) continue;
      Change set_remarks;
      set_remarks.type = "setColumnRemarks";
      set_remarks.location = column.location;
      set_remarks.attributes = {{"tableName", table_name}, {"columnName", ColumnName(column, change)}, {"remarks", remarks}};
      if (const std::string* schema = change.Find("schemaName")) set_remarks.attributes["schemaName"] = *schema;
      for (auto& statement : Generate(set_remarks, d, context)) out.push_back(statement);
    }
  }
  return out;
}

namespace {

// SQLite's ALTER TABLE ADD COLUMN takes a column without a key, a CHECK or a generated value, whose
// default is a constant, and NOT NULL only with a non-NULL default (lang_altertable.html).
bool AddsInPlace(const sqlite::ColumnDefinition& column) {
  using Kind = sqlite::ColumnClause::Kind;
  if (column.Has(Kind::kPrimaryKey) || column.Has(Kind::kUnique) || column.Has(Kind::kGenerated) ||
      column.Has(Kind::kCheck)) {
    return false;
  }
  std::optional<std::string> default_value;
  for (const auto& clause : column.clauses) {
    if (clause.kind == Kind::kDefault) default_value = text::Trim(clause.sql.substr(clause.sql.find_first_of(" \t\n") + 1));
  }
  if (default_value) {
    if (default_value->front() == '(' || text::StartsWithIgnoreCase(*default_value, "CURRENT_")) return false;
  }
  if (column.Has(Kind::kNotNull) && (!default_value || text::EqualsIgnoreCase(*default_value, "NULL"))) return false;
  return true;
}

}  // namespace

// On SQLite a column SQLite's ALTER TABLE can add is added in place; otherwise (a key, a unique or
// foreign key constraint, an expression default) the table is rebuilt with it. Then the UPDATEs
// filling existing rows, and NOT NULL for a column with a value (a rebuild). No remarks: SQLite
// has none.
Statements AddColumnSqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  const std::string table = d.Table(change);
  if (change.columns.empty()) throw MigrationError(change.location.ToString() + ": addColumn has no columns");
  std::vector<sqlite::ColumnDefinition> added;
  std::vector<sqlite::TableConstraint> constraints;
  for (const auto& column : change.columns) {
    if (!Attr(column.attributes, "afterColumn").empty()) Disallowed(column.location, "addAfterColumn", d);
    ColumnName(column, change);
    if (Attr(column.attributes, "type").empty()) {
      throw MigrationError(column.location.ToString() + ": column " + ColumnName(column, change) + " needs a type");
    }
    ColumnConfig definition = column;
    if (NotNullLater(column, d)) definition.constraints->erase("nullable");
    added.push_back(SqliteColumnDefinition(change, definition, d, context, constraints));
  }
  Statements out;
  if (constraints.empty() && std::all_of(added.begin(), added.end(), AddsInPlace)) {
    for (const auto& column : added) out.push_back({"ALTER TABLE " + table + " ADD COLUMN " + column.Sql()});
  } else {
    sqlite::TableEdit edit;
    edit.edit = [added, constraints](sqlite::TableDefinition& definition) {
      for (const auto& column : added) {
        if (definition.FindColumn(column.name)) throw MigrationError("the table already has a column " + column.name);
        definition.columns().push_back(column);
      }
      if (definition.HasPrimaryKey() && std::any_of(constraints.begin(), constraints.end(), [](const auto& c) {
            return c.kind == sqlite::TableConstraint::Kind::kPrimaryKey;
          })) {
        throw MigrationError("the table already has a primary key");
      }
      for (const auto& constraint : constraints) definition.constraints().push_back(constraint);
    };
    out = SqliteRebuild(change, context, edit, "AddColumnStatement");
  }
  AppendValueUpdates(change, d, table, out);
  for (const auto& column : change.columns) {
    if (!NotNullLater(column, d)) continue;
    Change not_null;
    not_null.type = "addNotNullConstraint";
    not_null.location = column.location;
    not_null.attributes = {{"tableName", Require(change, "tableName")}, {"columnName", ColumnName(column, change)}};
    if (const std::string* schema = change.Find("schemaName")) not_null.attributes["schemaName"] = *schema;
    for (auto& statement : Generate(not_null, d, context)) out.push_back(statement);
  }
  return out;
}

}  // namespace ledgerhost::migration::generator
