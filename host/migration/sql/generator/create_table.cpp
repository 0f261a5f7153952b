#include "migration/sql/generator/generators.h"

#include "migration/sql/data_type.h"
#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {
namespace {

// CreateTableChange: a column auto-increments when it says so or when its type does ("serial",
// "bigserial", "int identity", "int{autoIncrement:true}"), on every database.
bool CreateTableColumnAutoIncrements(const ColumnConfig& column) {
  if (JavaTrue(Attr(column.attributes, "autoIncrement", "false"))) return true;
  const std::string type = Attr(column.attributes, "type");
  return !type.empty() && ParseLiquibaseType(type).auto_increment;
}

// The column definition of createTable.
std::string ColumnDefinition(const Dialect& d, const std::string& table, const ColumnConfig& column, const Change& change,
                             bool inline_sqlite_pk, const std::string& pk_name) {
  const std::string name = ColumnName(column, change);
  std::string type = Attr(column.attributes, "type");
  if (type.empty()) throw MigrationError(column.location.ToString() + ": column " + name + " needs a type");
  const bool auto_increment = CreateTableColumnAutoIncrements(column);
  if (auto_increment && d.IsMysqlFamily() && Has(column.attributes, "incrementBy")) {
    Disallowed(column.location, "incrementBy", d);
  }
  std::string sql = d.Identifier(name) + " " + d.Type(type);
  if (inline_sqlite_pk) sql += " CONSTRAINT " + d.Identifier(pk_name) + " PRIMARY KEY";
  if (auto_increment) sql += " " + d.AutoIncrementClause(column.attributes);
  sql += DefaultClause(d, table, name, column.attributes);
  const bool not_null = ConstraintFalse(column, "nullable") || ConstraintTrue(column, "primaryKey");
  if (not_null) {
    sql += " NOT NULL";
  } else if (d.IsMysqlFamily()) {
    sql += " NULL";
  }
  if (d.IsMysqlFamily() && Has(column.attributes, "remarks")) sql += " COMMENT " + d.String(column.attributes.at("remarks"));
  return sql;
}

Statements Remarks(const Dialect& d, const Change& change, const std::string& table) {
  Statements out;
  if (!Has(change.attributes, "remarks")) return out;
  const std::string remarks = change.attributes.at("remarks");
  if (d.Is(db::DatabaseKind::kPostgresql) || d.Is(db::DatabaseKind::kOracle) || d.Is(db::DatabaseKind::kH2)) {
    out.push_back({"COMMENT ON TABLE " + table + " IS " + d.String(remarks)});
  } else if (d.Is(db::DatabaseKind::kMssql)) {
    out.push_back({MssqlDescription(d, change.Get("tableName"), remarks)});
  }
  return out;
}

}  // namespace

Statements CreateTable(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string table_name = Require(change, "tableName");
  const std::string table = d.Table(change);
  if (change.columns.empty()) throw MigrationError(change.location.ToString() + ": createTable " + table_name + " has no columns");
  std::vector<const ColumnConfig*> pk_columns;
  std::string pk_name;
  for (const auto& column : change.columns) {
    if (ConstraintTrue(column, "primaryKey")) {
      pk_columns.push_back(&column);
      if (pk_name.empty()) pk_name = Attr(*column.constraints, "primaryKeyName");
    }
  }
  if (pk_name.empty()) pk_name = d.DefaultPrimaryKeyName(table_name);
  // SQLite can only auto-increment an inline INTEGER PRIMARY KEY, so Liquibase inlines it there.
  const bool sqlite_inline_pk =
      d.Is(db::DatabaseKind::kSqlite) && pk_columns.size() == 1 && CreateTableColumnAutoIncrements(*pk_columns[0]);
  std::string sql = "CREATE TABLE " + table + " (";
  bool first = true;
  for (const auto& column : change.columns) {
    sql += (first ? "" : ", ") +
           ColumnDefinition(d, table_name, column, change, sqlite_inline_pk && &column == pk_columns[0], pk_name);
    first = false;
  }
  if (!pk_columns.empty() && !sqlite_inline_pk) {
    std::vector<std::string> names;
    for (const auto* c : pk_columns) names.push_back(ColumnName(*c, change));
    sql += ", CONSTRAINT " + d.Identifier(pk_name) + " PRIMARY KEY (" + JoinIdentifiers(d, names) + ")";
  }
  for (const auto& column : change.columns) {
    if (!column.constraints) continue;
    const Attributes& c = *column.constraints;
    std::string ref_table = Attr(c, "referencedTableName");
    std::string ref_columns = Attr(c, "referencedColumnNames");
    if (Has(c, "references")) std::tie(ref_table, ref_columns) = SplitReference(c.at("references"));
    if (ref_table.empty()) continue;
    const std::string fk_name = Attr(c, "foreignKeyName");
    if (fk_name.empty()) throw MigrationError(column.location.ToString() + ": a foreign key needs foreignKeyName");
    // CreateTableGenerator prints references="t(c)" as written, never quoted, whatever the quoting
    // strategy (a mixed-case t then folds on PostgreSQL, as with Liquibase); only the default
    // schema goes in front when the text names none. referencedTableName/-ColumnNames are escaped.
    const std::string* references = Has(c, "references") ? &c.at("references") : nullptr;
    const std::string schema_prefix =
        d.Is(db::DatabaseKind::kH2) && ref_table.find('.') == std::string::npos ? "PUBLIC." : "";
    const std::string target = references != nullptr
                                   ? schema_prefix + *references
                                   : schema_prefix + d.Identifier(ref_table) + "(" +
                                         JoinIdentifiers(d, SplitNames(ref_columns)) + ")";
    sql += ", CONSTRAINT " + d.Identifier(fk_name) + " FOREIGN KEY (" + d.Identifier(ColumnName(column, change)) +
           ") REFERENCES " + target + ReferentialActions(d, c, JavaTrue(Attr(c, "deleteCascade", "false")));
  }
  for (const auto& column : change.columns) {
    if (!ConstraintTrue(column, "unique")) continue;
    const std::string name = Attr(*column.constraints, "uniqueConstraintName");
    sql += std::string(", ") + (name.empty() ? "" : "CONSTRAINT " + d.Identifier(name) + " ") + "UNIQUE (" +
           d.Identifier(ColumnName(column, change)) + ")";
  }
  sql += ")";
  if (d.IsMysqlFamily()) {
    // MySQL starts an AUTO_INCREMENT by a table option: the last auto-increment column's startWith.
    std::string start_with;
    for (const auto& column : change.columns) {
      if (CreateTableColumnAutoIncrements(column) && Has(column.attributes, "startWith")) {
        start_with = column.attributes.at("startWith");
      }
    }
    if (!start_with.empty()) sql += " AUTO_INCREMENT=" + start_with;
  }
  if (d.IsMysqlFamily() && Has(change.attributes, "remarks")) sql += " COMMENT=" + d.String(change.attributes.at("remarks"));
  sql += TablespaceClause(change, d);
  Statements out{{sql}};
  if (!d.IsMysqlFamily()) {
    auto remarks = Remarks(d, change, table);
    out.insert(out.end(), remarks.begin(), remarks.end());
  }
  for (const auto& column : change.columns) {
    if (!Has(column.attributes, "remarks")) continue;
    const std::string name = ColumnName(column, change);
    const std::string remarks = column.attributes.at("remarks");
    if (d.Is(db::DatabaseKind::kPostgresql) || d.Is(db::DatabaseKind::kOracle) || d.Is(db::DatabaseKind::kH2)) {
      out.push_back({"COMMENT ON COLUMN " + table + "." + d.Identifier(name) + " IS " + d.String(remarks)});
    } else if (d.Is(db::DatabaseKind::kMssql)) {
      out.push_back({MssqlDescription(d, change.Get("tableName"), remarks, name)});
    }
  }
  return out;
}

}  // namespace ledgerhost::migration::generator
