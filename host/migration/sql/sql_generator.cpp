// One generator per change type; each asks the Dialect for what differs between databases. The
// expected output of every case was captured from Liquibase 4.28 (tests/host/migration/sql/).
#include "migration/sql/sql_generator.h"

#include <algorithm>
#include <map>
#include <sstream>

#include "core/error.h"
#include "migration/model/sql_splitter.h"
#include "migration/model/text.h"
#include "migration/sql/csv_reader.h"
#include "migration/sql/custom_change_registry.h"
#include "migration/sql/data_type.h"
#include "migration/sql/dialect.h"
#include "migration/sql/sqlite_rebuild.h"
#include "migration/sql/text_decoding.h"

namespace ledgerhost::migration {
namespace {

using Statements = std::vector<SqlStatement>;

// Liquibase's note before the statements of a change whose SQL depends on the database or its
// files (loadData, SQLite table rebuilds).
constexpr const char* kVolatileWarning =
    "WARNING The following SQL may change each run and therefore is possibly incorrect and/or invalid:";

[[noreturn]] void Unsupported(const Change& change, const Dialect& dialect) {
  throw UnsupportedChangeError(change.location.ToString() + ": " + change.type + " is not supported on " +
                               dialect.Name());
}

std::string Require(const Change& change, const char* attribute) {
  const std::string* value = change.Find(attribute);
  if (!value || value->empty()) {
    throw MigrationError(change.location.ToString() + ": " + change.type + " needs " + attribute);
  }
  return *value;
}

std::string Attr(const Attributes& attributes, const char* name, const std::string& fallback = "") {
  auto it = attributes.find(name);
  return it == attributes.end() ? fallback : it->second;
}

bool Has(const Attributes& attributes, const char* name) { return attributes.count(name) > 0; }

// "a, b" -> {"a", "b"}: blanks, tabs and newlines around each name dropped, empty names too.
std::vector<std::string> SplitNames(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    std::string name = text::TrimChars(item, " \t\n");
    if (!name.empty()) out.push_back(std::move(name));
  }
  return out;
}

std::string JoinIdentifiers(const Dialect& d, const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + d.Identifier(n);
  return out;
}

std::string ColumnName(const ColumnConfig& column, const Change& change) {
  auto it = column.attributes.find("name");
  if (it == column.attributes.end() || it->second.empty()) {
    throw MigrationError(column.location.ToString() + ": " + change.type + ": a column needs a name");
  }
  return it->second;
}

bool ConstraintTrue(const ColumnConfig& column, const char* name) {
  return column.constraints && Has(*column.constraints, name) && JavaTrue(column.constraints->at(name));
}

bool ConstraintFalse(const ColumnConfig& column, const char* name) {
  return column.constraints && Has(*column.constraints, name) && !JavaTrue(column.constraints->at(name));
}

// "party(id)" -> ("party", "id").
std::pair<std::string, std::string> SplitReference(const std::string& references) {
  auto open = references.find('(');
  if (open == std::string::npos) return {references, ""};
  auto close = references.rfind(')');
  return {references.substr(0, open), references.substr(open + 1, close - open - 1)};
}

std::string DefaultClause(const Dialect& d, const std::string& table, const std::string& column, const Attributes& a,
                          bool add_column = false) {
  auto value = d.DefaultValue(a, add_column);
  if (!value) return "";
  if (d.Is(DatabaseKind::kMssql)) {
    const std::string name = Attr(a, "defaultValueConstraintName", "DF_" + table + "_" + column);
    return " CONSTRAINT " + d.Identifier(name) + " DEFAULT " + *value;
  }
  return " DEFAULT " + *value;
}

// " TABLESPACE x" where Liquibase prints it (PostgreSQL, Oracle); the name is an identifier.
std::string TablespaceClause(const Change& change, const Dialect& d) {
  const std::string* tablespace = change.Find("tablespace");
  if (!tablespace || tablespace->empty()) return "";
  if (!d.Is(DatabaseKind::kPostgresql) && !d.Is(DatabaseKind::kOracle)) return "";
  return " TABLESPACE " + d.Identifier(*tablespace);
}

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

std::string ReferentialActions(const Dialect& d, const Attributes& a, bool delete_cascade) {
  std::string out;
  // Oracle has no ON UPDATE action; Liquibase leaves it out there.
  if (Has(a, "onUpdate") && !d.Is(DatabaseKind::kOracle)) out += " ON UPDATE " + a.at("onUpdate");
  if (Has(a, "onDelete")) out += " ON DELETE " + a.at("onDelete");
  else if (delete_cascade) out += " ON DELETE CASCADE";
  if (JavaTrue(Attr(a, "deferrable", "false"))) out += " DEFERRABLE";
  if (JavaTrue(Attr(a, "initiallyDeferred", "false"))) out += " INITIALLY DEFERRED";
  return out;
}

// SQL Server keeps remarks as MS_Description extended properties; Liquibase updates or adds one
// for the table, or for one of its columns when `column` is given.
std::string MssqlDescription(const Dialect& d, const std::string& table, const std::string& remarks,
                             const std::string& column = "") {
  auto escaped = [&](const std::string& text) {
    std::string quoted = d.String(text);
    return quoted.substr(1, quoted.size() - 2);
  };
  const std::string value = "N" + d.String(remarks);
  const std::string minor = column.empty() ? "0"
                                           : "( SELECT column_id FROM sys.columns WHERE name = '" + escaped(column) +
                                                 "' AND object_id = OBJECT_ID('dbo." + escaped(table) + "'))";
  const std::string target = " , @level0type = N'SCHEMA' , @level0name = N'dbo' , @level1type = N'TABLE' , @level1name = N'" +
                             escaped(table) + "'" +
                             (column.empty() ? "" : " , @level2type = N'COLUMN' , @level2name = N'" + escaped(column) + "'");
  return "IF EXISTS(  SELECT extended_properties.value FROM sys.extended_properties WHERE major_id = OBJECT_ID('dbo." +
         escaped(table) + "') AND name = N'MS_DESCRIPTION' AND minor_id = " + minor +
         " ) BEGIN  EXEC sys.sp_updateextendedproperty @name = N'MS_Description' , @value = " + value + target +
         " END  ELSE  BEGIN  EXEC sys.sp_addextendedproperty @name = N'MS_Description' , @value = " + value + target +
         " END";
}

Statements Remarks(const Dialect& d, const Change& change, const std::string& table) {
  Statements out;
  if (!Has(change.attributes, "remarks")) return out;
  const std::string remarks = change.attributes.at("remarks");
  if (d.Is(DatabaseKind::kPostgresql) || d.Is(DatabaseKind::kOracle) || d.Is(DatabaseKind::kH2)) {
    out.push_back({"COMMENT ON TABLE " + table + " IS " + d.String(remarks)});
  } else if (d.Is(DatabaseKind::kMssql)) {
    out.push_back({MssqlDescription(d, change.Get("tableName"), remarks)});
  }
  return out;
}

Statements CreateTable(const Change& change, const Dialect& d) {
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
      d.Is(DatabaseKind::kSqlite) && pk_columns.size() == 1 && CreateTableColumnAutoIncrements(*pk_columns[0]);
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
        d.Is(DatabaseKind::kH2) && ref_table.find('.') == std::string::npos ? "PUBLIC." : "";
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
    if (d.Is(DatabaseKind::kPostgresql) || d.Is(DatabaseKind::kOracle) || d.Is(DatabaseKind::kH2)) {
      out.push_back({"COMMENT ON COLUMN " + table + "." + d.Identifier(name) + " IS " + d.String(remarks)});
    } else if (d.Is(DatabaseKind::kMssql)) {
      out.push_back({MssqlDescription(d, change.Get("tableName"), remarks, name)});
    }
  }
  return out;
}

Statements AddForeignKey(const Change& change, const Dialect& d);
Statements SetColumnRemarks(const Change& change, const Dialect& d);
Statements AddUnique(const Change& change, const Dialect& d);
Statements AddNotNull(const Change& change, const Dialect& d);
Statements AddDefault(const Change& change, const Dialect& d, const SqlGenerationContext& context);

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

// Liquibase refuses update-sql for statements whose SQL it derives from the live table.
[[noreturn]] void NeedsLiveDatabase(const Change& change, const std::string& statement_class) {
  throw MigrationError(change.location.ToString() + ": " + statement_class +
                       " requires access to up to date database metadata which is not available in SQL output mode");
}

// A change Liquibase implements on SQLite by rebuilding the table (sqlite_rebuild.h). The rebuild
// is generated when the statement runs: Liquibase reads the table at that point, after the changes
// before it in the changeset. `needs_live_database` names the statement class Liquibase refuses to
// print in update-sql (empty: the change's own rebuild, which it prints).
SqlStatement SqliteRebuildStatement(const Change& change, std::string needs_live_database,
                                    std::function<Statements()> generate) {
  const std::string placeholder = "-- " + change.type + " " + change.Get("tableName") +
                                  ": SQLite table rebuild, generated from the live table when it runs";
  SqlStatement statement{placeholder};
  statement.comment = kVolatileWarning;
  const std::string where = change.location.ToString();
  statement.generate = [placeholder, where, generate = std::move(generate)](const std::string& sql) {
    if (sql != placeholder) {
      throw MigrationError(where + ": <modifySql> cannot change this change's SQL on sqlite: ledgerhost generates "
                           "Liquibase's table rebuild from the live table when it runs");
    }
    return generate();
  };
  statement.needs_live_database = std::move(needs_live_database);
  return statement;
}

Statements RebuildOf(const Change& change, const SqlGenerationContext& context, const RebuildVisitor& visitor) {
  return SqliteTableRebuild(context.introspect, Require(change, "tableName"), change.Get("schemaName"), visitor,
                            change.location.ToString());
}

// Liquibase's AddColumnGenerator: per column "ALTER TABLE t ADD ..." followed by its unique and
// foreign key constraints (MySQL/MariaDB: all columns in one ALTER TABLE, constraints after);
// then AddColumnChange's UPDATEs filling existing rows from the value* attributes.
Statements AddColumn(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  const std::string table_name = Require(change, "tableName");
  const std::string table = d.Table(change);
  if (change.columns.empty()) throw MigrationError(change.location.ToString() + ": addColumn has no columns");
  // A NOT NULL column with a value is added nullable, filled, then made NOT NULL (AddColumnChange's
  // addNotNullConstraint statements), so that existing rows do not violate it.
  auto not_null_later = [&](const ColumnConfig& column) {
    return ConstraintFalse(column, "nullable") && d.Value(column.attributes).has_value();
  };
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
      if (!d.IsMysqlFamily() && !d.Is(DatabaseKind::kH2)) {
        throw UnsupportedChangeError(column.location.ToString() + ": addAfterColumn is not allowed on " + d.Name());
      }
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
      for (auto& s : AddUnique(unique, d)) out.push_back(s);
    }
    if (column.constraints && (Has(*column.constraints, "references") || Has(*column.constraints, "referencedTableName"))) {
      for (auto& s : AddForeignKey(ColumnForeignKey(change, column), d)) out.push_back(s);
    }
  };
  Statements out;
  if (d.Is(DatabaseKind::kSqlite)) {
    // AddColumnGeneratorSQLite: the table is rebuilt with the new columns (offline there is no
    // table to read, and Liquibase fails).
    for (const auto& column : change.columns) {
      if (!Attr(column.attributes, "afterColumn").empty()) {
        throw MigrationError(column.location.ToString() + ": addAfterColumn is not allowed on " + d.Name());
      }
    }
    if (!context.introspect) NeedsLiveDatabase(change, "AddColumnStatement");
    const RebuildVisitor visitor = AddColumnVisitor(change);
    out.push_back(SqliteRebuildStatement(change, "AddColumnStatement",
                                         [change, context, visitor] { return RebuildOf(change, context, visitor); }));
  } else if (d.IsMysqlFamily() && change.columns.size() > 1) {
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
  for (const auto& column : change.columns) {
    if (auto value = d.Value(column.attributes)) {
      out.push_back({"UPDATE " + table + " SET " + d.Identifier(ColumnName(column, change)) + " = " + *value});
    }
  }
  for (const auto& column : change.columns) {
    if (!not_null_later(column)) continue;
    if (d.Is(DatabaseKind::kSqlite)) {
      // Liquibase has no SQLite generator for it: the changeset fails there, after the rebuild.
      SqlStatement fails{"-- addColumn " + table_name + ": NOT NULL for " + ColumnName(column, change)};
      const std::string where = column.location.ToString();
      fails.generate = [where](const std::string&) -> Statements {
        throw MigrationError(where + ": addColumn on sqlite: a NOT NULL column with a value needs Liquibase's "
                             "SetNullableStatement, which has no SQLite generator (Liquibase 4.28: Cannot find "
                             "generators for database class liquibase.database.core.SQLiteDatabase, statement: "
                             "SetNullableStatement)");
      };
      out.push_back(fails);
      continue;
    }
    Change not_null;
    not_null.type = "addNotNullConstraint";
    not_null.location = column.location;
    not_null.attributes = {{"tableName", table_name},
                           {"columnName", ColumnName(column, change)},
                           {"columnDataType", Attr(column.attributes, "type")}};
    if (const std::string* schema = change.Find("schemaName")) not_null.attributes["schemaName"] = *schema;
    for (auto& statement : AddNotNull(not_null, d)) out.push_back(statement);
    if (d.IsMysqlFamily() && d.DefaultValue(column.attributes, /*add_column=*/true)) {
      // MySQL's MODIFY ... NOT NULL drops the default; Liquibase sets it again.
      Change add_default = not_null;
      add_default.type = "addDefaultValue";
      add_default.attributes["columnDataType"] = ColumnName(column, change);
      for (const char* key : {"defaultValue", "defaultValueNumeric", "defaultValueBoolean", "defaultValueDate",
                              "defaultValueComputed", "defaultValueSequenceNext", "defaultValueConstraintName"}) {
        if (Has(column.attributes, key)) add_default.attributes[key] = column.attributes.at(key);
      }
      for (auto& statement : AddDefault(add_default, d, context)) out.push_back(statement);
    }
  }
  // AddColumnChange: a column's remarks (trimmed) become a SetColumnRemarksStatement where the
  // database has a generator for it, except on MySQL, whose ADD already carried the COMMENT.
  if (!d.IsMysqlFamily() && !d.Is(DatabaseKind::kSqlite)) {
    for (const auto& column : change.columns) {
      const std::string remarks = text::JavaTrim(Attr(column.attributes, "remarks"));
      if (remarks.empty()) continue;
      Change set_remarks;
      set_remarks.type = "setColumnRemarks";
      set_remarks.location = column.location;
      set_remarks.attributes = {{"tableName", table_name}, {"columnName", ColumnName(column, change)}, {"remarks", remarks}};
      if (const std::string* schema = change.Find("schemaName")) set_remarks.attributes["schemaName"] = *schema;
      for (auto& statement : SetColumnRemarks(set_remarks, d)) out.push_back(statement);
    }
  }
  return out;
}

// A column's value for insert/update. valueClobFile is the file's text (Liquibase binds it to a
// prepared statement; ledgerhost inlines it as an escaped literal so the script runs as printed).
std::string ColumnValue(const Dialect& d, const ColumnConfig& column,
                        const SqlGenerationContext& context) {
  if (const std::string path = Attr(column.attributes, "valueClobFile"); !path.empty()) {
    if (context.loader == nullptr) throw MigrationError(column.location.ToString() + ": valueClobFile needs a resource loader");
    const std::string resolved = ResourceLoader::Resolve(path, context.change_log_path);
    auto bytes = context.loader->Read(resolved);
    if (!bytes) {
      throw MigrationError(column.location.ToString() + ": valueClobFile '" + resolved + "' not found in " +
                           context.loader->Describe());
    }
    return d.String(DecodeText(*bytes, Attr(column.attributes, "encoding", "UTF-8"), column.location.ToString()));
  }
  if (Has(column.attributes, "valueBlobFile")) {
    throw UnsupportedChangeError(column.location.ToString() + ": valueBlobFile is not supported by ledgerhost");
  }
  return d.Value(column.attributes).value_or("NULL");
}

std::string ValuesList(const Dialect& d, const Change& change, const SqlGenerationContext& context,
                       std::string& columns_out) {
  std::string values;
  for (const auto& column : change.columns) {
    columns_out += (columns_out.empty() ? "" : ", ") + d.Identifier(ColumnName(column, change));
    values += (values.empty() ? "" : ", ") + ColumnValue(d, column, context);
  }
  return values;
}

// InsertDataChange/UpdateDataChange: a file value (or an insert column typed BLOB/CLOB) makes
// Liquibase use a prepared statement.
bool NeedsPreparedStatement(const Change& change, bool insert) {
  return std::any_of(change.columns.begin(), change.columns.end(), [insert](const ColumnConfig& column) {
    const std::string type = text::Upper(Attr(column.attributes, "type"));
    return Has(column.attributes, "valueClobFile") || Has(column.attributes, "valueBlobFile") ||
           (insert && (type == "BLOB" || type == "CLOB"));
  });
}

Statements Insert(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  std::string columns;
  const std::string values = ValuesList(d, change, context, columns);
  SqlStatement statement{"INSERT INTO " + d.Table(change) + " (" + columns + ") VALUES (" + values + ")"};
  statement.prepared = NeedsPreparedStatement(change, /*insert=*/true);
  return {statement};
}

Statements Update(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  // Liquibase's UpdateStatement keeps the new values in a TreeMap: SET lists columns by name.
  std::map<std::string, std::string> values;
  for (const auto& column : change.columns) {
    values[ColumnName(column, change)] = ColumnValue(d, column, context);
  }
  std::string sets;
  for (const auto& [name, value] : values) sets += (sets.empty() ? "" : ", ") + d.Identifier(name) + " = " + value;
  std::string sql = "UPDATE " + d.Table(change) + " SET " + sets;
  if (const std::string* where = change.Find("where"); where && !where->empty()) sql += " WHERE " + *where;
  SqlStatement statement{sql};
  statement.prepared = NeedsPreparedStatement(change, /*insert=*/false);
  return {statement};
}

Statements Delete(const Change& change, const Dialect& d) {
  std::string sql = "DELETE FROM " + d.Table(change);
  if (const std::string* where = change.Find("where"); where && !where->empty()) sql += " WHERE " + *where;
  return {{sql}};
}

Statements SqlText(const Change& change, const Dialect& d, const std::string& text) {
  const bool strip = JavaTrue(change.Get("stripComments", "false"));
  const bool split = JavaTrue(change.Get("splitStatements", "true"));
  std::optional<std::string> delimiter;
  if (const std::string* e = change.Find("endDelimiter")) delimiter = *e;
  Statements out;
  for (auto& statement : SplitSql(text, strip, split, delimiter)) {
    if (d.Is(DatabaseKind::kMssql)) {
      // Liquibase sends SQL Server its raw SQL with CRLF line ends.
      std::string crlf;
      for (char ch : statement) crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
      statement = crlf;
    }
    SqlStatement s{statement, ";"};
    if (delimiter) {
      std::string shown = *delimiter;
      if (!shown.empty() && shown.back() == '$') shown.pop_back();
      static const std::string allowed = ";/\r\n@-_";
      const bool printable = !shown.empty() && std::all_of(shown.begin(), shown.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || allowed.find(c) != std::string::npos;
      });
      if (printable) s.end_delimiter = shown;
    }
    out.push_back(s);
  }
  return out;
}

std::string ReadResource(const Change& change, const SqlGenerationContext& context, const char* attribute) {
  const std::string path = Require(change, attribute);
  if (context.loader == nullptr) throw MigrationError(change.location.ToString() + ": " + change.type + " needs a resource loader");
  const bool relative = JavaTrue(change.Get("relativeToChangelogFile", "false"));
  const std::string resolved = ResourceLoader::Resolve(path, relative ? context.change_log_path : "");
  auto bytes = context.loader->Read(resolved);
  if (!bytes) {
    throw MigrationError(change.location.ToString() + ": " + change.type + ": file '" + resolved + "' not found in " +
                         context.loader->Describe());
  }
  return DecodeText(*bytes, change.Get("encoding", "UTF-8"), change.location.ToString() + ": " + resolved);
}

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

Statements LoadData(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  LoadedRows rows = LoadCsv(change, d, context);
  const std::string insert = "INSERT INTO " + d.Table(change) + " " + Tuple(rows.columns) + " VALUES ";
  Statements out;
  // Liquibase batches the rows into one multi-row INSERT where the database has it.
  const bool multi_row = d.Is(DatabaseKind::kPostgresql) || d.IsMysqlFamily() || d.Is(DatabaseKind::kMssql);
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
    if (d.Is(DatabaseKind::kPostgresql)) {
      out.push_back({"DO\n$$\nBEGIN\n" + update + ";\nIF not found THEN\n" + insert + ";\nEND IF;\nEND;\n$$\nLANGUAGE plpgsql"});
    } else if (d.IsMysqlFamily()) {
      out.push_back({insert + (updates.empty() ? "" : "\nON DUPLICATE KEY UPDATE " + updates)});
    } else if (d.Is(DatabaseKind::kSqlite)) {
      out.push_back({"INSERT OR REPLACE INTO " + table + " " + Tuple(rows.columns) + " VALUES " + Tuple(row)});
    } else if (d.Is(DatabaseKind::kH2)) {
      std::string key_list;
      for (const auto& k : key_columns) key_list += (key_list.empty() ? "" : ", ") + k;
      out.push_back({"MERGE INTO " + table + " " + Tuple(rows.columns) + " KEY(" + key_list + ") VALUES " + Tuple(row)});
    } else if (d.Is(DatabaseKind::kOracle)) {
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

Statements CreateIndex(const Change& change, const Dialect& d) {
  std::string columns;
  for (const auto& column : change.columns) {
    const bool computed = JavaTrue(Attr(column.attributes, "computed", "false"));
    columns += (columns.empty() ? "" : ", ") + (computed ? ColumnName(column, change) : d.Identifier(ColumnName(column, change)));
    if (JavaTrue(Attr(column.attributes, "descending", "false"))) columns += " DESC";
  }
  if (columns.empty()) throw MigrationError(change.location.ToString() + ": createIndex has no columns");
  const bool unique = JavaTrue(change.Get("unique", "false"));
  std::string kind = unique ? "UNIQUE " : "";
  if (d.Is(DatabaseKind::kMssql)) kind += JavaTrue(change.Get("clustered", "false")) ? "CLUSTERED " : "NONCLUSTERED ";
  std::string index = d.Identifier(Require(change, "indexName"));
  if (d.Is(DatabaseKind::kH2)) index = "PUBLIC." + index;
  std::string sql = "CREATE " + kind + "INDEX " + index + " ON " + d.Table(change) + "(" + columns + ")";
  sql += TablespaceClause(change, d);
  return {{sql}};
}

Statements DropIndex(const Change& change, const Dialect& d) {
  const std::string index = d.Identifier(Require(change, "indexName"));
  if (d.IsMysqlFamily()) return {{"DROP INDEX " + index + " ON " + d.Table(change)}};
  if (d.Is(DatabaseKind::kMssql)) return {{"DROP INDEX " + index + " ON " + d.Table(change)}};
  if (d.Is(DatabaseKind::kH2)) return {{"DROP INDEX PUBLIC." + index}};
  return {{"DROP INDEX " + index}};
}

Statements AddForeignKey(const Change& change, const Dialect& d) {
  if (d.Is(DatabaseKind::kSqlite)) Unsupported(change, d);
  Change referenced = change;
  referenced.attributes["tableName"] = Require(change, "referencedTableName");
  if (Has(change.attributes, "referencedTableSchemaName")) referenced.attributes["schemaName"] = change.attributes.at("referencedTableSchemaName");
  else referenced.attributes.erase("schemaName");
  return {{"ALTER TABLE " + d.Table(change, "baseTableName", "baseTableSchemaName") + " ADD CONSTRAINT " +
           d.Identifier(Require(change, "constraintName")) + " FOREIGN KEY (" +
           JoinIdentifiers(d, SplitNames(Require(change, "baseColumnNames"))) + ") REFERENCES " + d.Table(referenced) +
           " (" + JoinIdentifiers(d, SplitNames(Require(change, "referencedColumnNames"))) + ")" +
           ReferentialActions(d, change.attributes, JavaTrue(change.Get("deleteCascade", "false")))}};
}

Statements DropForeignKey(const Change& change, const Dialect& d) {
  if (d.Is(DatabaseKind::kSqlite)) Unsupported(change, d);
  const std::string table = d.Table(change, "baseTableName", "baseTableSchemaName");
  const std::string name = d.Identifier(Require(change, "constraintName"));
  if (d.IsMysqlFamily()) return {{"ALTER TABLE " + table + " DROP FOREIGN KEY " + name}};
  return {{"ALTER TABLE " + table + " DROP CONSTRAINT " + name}};
}

Statements AddPrimaryKey(const Change& change, const Dialect& d) {
  if (d.Is(DatabaseKind::kSqlite)) Unsupported(change, d);
  const std::string* name = change.Find("constraintName");
  if (d.IsMysqlFamily()) name = nullptr;  // MySQL names every primary key PRIMARY; Liquibase omits the name
  std::string kind = "PRIMARY KEY";
  if (const std::string* clustered = change.Find("clustered"); clustered && d.Is(DatabaseKind::kMssql)) {
    kind += JavaTrue(*clustered) ? " CLUSTERED" : " NONCLUSTERED";
  }
  return {{"ALTER TABLE " + d.Table(change) + " ADD " + (name ? "CONSTRAINT " + d.Identifier(*name) + " " : "") + kind +
           " (" + JoinIdentifiers(d, SplitNames(Require(change, "columnNames"))) + ")"}};
}

Statements SqliteOfflineRebuild(const Change& change, const Dialect& d);

Statements DropPrimaryKey(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  const std::string table = d.Table(change);
  if (d.Is(DatabaseKind::kSqlite)) {
    if (!context.introspect) return SqliteOfflineRebuild(change, d);
    const RebuildVisitor visitor = DropPrimaryKeyVisitor(change);
    return {SqliteRebuildStatement(change, "", [change, context, visitor] { return RebuildOf(change, context, visitor); })};
  }
  if (d.IsMysqlFamily() || d.Is(DatabaseKind::kH2)) return {{"ALTER TABLE " + table + " DROP PRIMARY KEY"}};
  if (d.Is(DatabaseKind::kOracle)) return {{"ALTER TABLE " + table + " DROP PRIMARY KEY DROP INDEX"}};
  if (d.Is(DatabaseKind::kPostgresql) && change.Find("constraintName") == nullptr) {
    // DropPrimaryKeyGenerator: without a name the key is looked up when the statement runs (a
    // renamed table's key is not <table>_pkey). Liquibase inlines its connection's default schema;
    // the generator does not know it, so the database supplies it (current_schema()).
    const std::string table_name = Require(change, "tableName");
    const std::string corrected =
        text::HasMixedCase(table_name) ? table_name : text::Lower(table_name);  // correctObjectName
    const std::string* schema = change.Find("schemaName");
    const std::string schema_value = schema ? d.String(*schema) : "current_schema()";
    // Names inside the EXECUTE literal: quoted identifiers with any ' doubled for the literal.
    auto in_literal = [](std::string text) {
      for (std::size_t at = text.find('\''); at != std::string::npos; at = text.find('\'', at + 2)) text.insert(at, "'");
      return text;
    };
    const std::string schema_sql = schema ? in_literal(d.Identifier(*schema)) : "' || quote_ident(current_schema()) || '";
    return {{"DO $$ DECLARE constraint_name varchar;\nBEGIN\n  SELECT tc.CONSTRAINT_NAME into strict constraint_name\n"
             "    FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc\n    WHERE CONSTRAINT_TYPE = 'PRIMARY KEY'\n"
             "      AND TABLE_NAME = " + d.String(corrected) + " AND TABLE_SCHEMA = " + schema_value + ";\n"
             "    EXECUTE 'alter table " + schema_sql + "." + in_literal(d.Identifier(corrected)) +
             " drop constraint \"' || constraint_name || '\"';\nEND $$"}};
  }
  const std::string name = change.Get("constraintName", d.DefaultPrimaryKeyName(change.Get("tableName")));
  return {{"ALTER TABLE " + table + " DROP CONSTRAINT " + d.Identifier(name)}};
}

Statements AddUnique(const Change& change, const Dialect& d) {
  if (d.Is(DatabaseKind::kSqlite)) Unsupported(change, d);
  const std::string* name = change.Find("constraintName");
  std::string sql = "ALTER TABLE " + d.Table(change) + " ADD " + (name ? "CONSTRAINT " + d.Identifier(*name) + " " : "") +
                    "UNIQUE (" + JoinIdentifiers(d, SplitNames(Require(change, "columnNames"))) + ")";
  if (d.Is(DatabaseKind::kPostgresql) || d.Is(DatabaseKind::kOracle)) {
    if (JavaTrue(change.Get("deferrable", "false"))) sql += " DEFERRABLE";
    if (JavaTrue(change.Get("initiallyDeferred", "false"))) sql += " INITIALLY DEFERRED";
  }
  return {{sql}};
}

Statements DropUnique(const Change& change, const Dialect& d) {
  if (d.Is(DatabaseKind::kSqlite)) Unsupported(change, d);
  const std::string name = d.Identifier(Require(change, "constraintName"));
  if (d.IsMysqlFamily()) return {{"ALTER TABLE " + d.Table(change) + " DROP KEY " + name}};
  if (d.Is(DatabaseKind::kOracle)) return {{"ALTER TABLE " + d.Table(change) + " DROP CONSTRAINT " + name + " DROP INDEX"}};
  return {{"ALTER TABLE " + d.Table(change) + " DROP CONSTRAINT " + name}};
}

std::string ColumnType(const Change& change, const Dialect& d, const char* attribute) {
  const std::string* type = change.Find(attribute);
  if (!type) throw MigrationError(change.location.ToString() + ": " + change.type + " on " + d.Name() + " needs " + attribute);
  return d.Type(*type);
}

Statements AddNotNull(const Change& change, const Dialect& d) {
  if (d.Is(DatabaseKind::kSqlite)) Unsupported(change, d);
  const std::string table = d.Table(change);
  const std::string column = d.Identifier(Require(change, "columnName"));
  Statements out;
  if (const std::string* fill = change.Find("defaultNullValue")) {
    out.push_back({"UPDATE " + table + " SET " + column + " = " + d.String(*fill) +
                   " WHERE " + column + " IS NULL"});
  }
  if (d.Is(DatabaseKind::kPostgresql) || d.Is(DatabaseKind::kH2)) {
    out.push_back({"ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL"});
  } else if (d.IsMysqlFamily()) {
    out.push_back({"ALTER TABLE " + table + " MODIFY " + column + " " + ColumnType(change, d, "columnDataType") + " NOT NULL"});
  } else if (d.Is(DatabaseKind::kOracle)) {
    out.push_back({"ALTER TABLE " + table + " MODIFY " + column + " NOT NULL"});
  } else {
    out.push_back({"ALTER TABLE " + table + " ALTER COLUMN " + column + " " + ColumnType(change, d, "columnDataType") + " NOT NULL"});
  }
  return out;
}

Statements DropNotNull(const Change& change, const Dialect& d) {
  if (d.Is(DatabaseKind::kSqlite)) Unsupported(change, d);
  const std::string table = d.Table(change);
  const std::string column = d.Identifier(Require(change, "columnName"));
  if (d.Is(DatabaseKind::kPostgresql)) return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP NOT NULL"}};
  if (d.Is(DatabaseKind::kH2)) return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NULL"}};
  if (d.IsMysqlFamily()) return {{"ALTER TABLE " + table + " MODIFY " + column + " " + ColumnType(change, d, "columnDataType") + " NULL"}};
  if (d.Is(DatabaseKind::kOracle)) return {{"ALTER TABLE " + table + " MODIFY " + column + " NULL"}};
  return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " " + ColumnType(change, d, "columnDataType") + " NULL"}};
}

Statements AddDefault(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  const std::string table = d.Table(change);
  const std::string column_name = Require(change, "columnName");
  const std::string column = d.Identifier(column_name);
  auto value = d.DefaultValue(change.attributes);
  if (!value) throw MigrationError(change.location.ToString() + ": addDefaultValue needs a defaultValue* attribute");
  if (d.Is(DatabaseKind::kSqlite)) {
    // AddDefaultValueGeneratorSQLite: the table is rebuilt with the new default.
    if (!context.introspect) NeedsLiveDatabase(change, "AddDefaultValueStatement");
    const RebuildVisitor visitor = AddDefaultValueVisitor(change);
    return {SqliteRebuildStatement(change, "AddDefaultValueStatement",
                                   [change, context, visitor] { return RebuildOf(change, context, visitor); })};
  }
  if (d.IsMysqlFamily()) {
    // Liquibase's MySQL generator wraps a computed default in parentheses, untranslated.
    if (const std::string* computed = change.Find("defaultValueComputed")) value = "(" + *computed + ")";
    return {{"ALTER TABLE " + table + " ALTER " + column + " SET DEFAULT " + *value}};
  }
  if (d.Is(DatabaseKind::kOracle)) return {{"ALTER TABLE " + table + " MODIFY " + column + " DEFAULT " + *value}};
  if (d.Is(DatabaseKind::kMssql)) {
    return {{"ALTER TABLE " + table + " ADD CONSTRAINT " +
             d.Identifier(change.Get("defaultValueConstraintName", "DF_" + change.Get("tableName") + "_" + column_name)) +
             " DEFAULT " + *value + " FOR " + column}};
  }
  return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DEFAULT " + *value}};
}

// SQL Server names default constraints itself; Liquibase looks the name up and drops it
// (DropDefaultValueGenerator.DROP_DF_MSSQL, lines joined with CRLF as there).
std::string DropMssqlDefaultConstraint(const Dialect& d, const std::string& table, const std::string& column) {
  auto escaped = [&](const std::string& text) {
    std::string quoted = d.String(text);
    return quoted.substr(1, quoted.size() - 2);
  };
  return "DECLARE @sql [nvarchar](MAX)\r\nSELECT @sql = N'ALTER TABLE " + escaped(table) +
         " DROP CONSTRAINT ' + QUOTENAME([df].[name]) FROM [sys].[columns] AS [c] INNER JOIN "
         "[sys].[default_constraints] AS [df] ON [df].[object_id] = [c].[default_object_id] WHERE [c].[object_id] = "
         "OBJECT_ID(N'" + escaped(table) + "') AND [c].[name] = N'" + escaped(column) + "'\r\nEXEC sp_executesql @sql";
}

Statements DropDefault(const Change& change, const Dialect& d) {
  if (d.Is(DatabaseKind::kSqlite)) Unsupported(change, d);
  const std::string table = d.Table(change);
  const std::string column = d.Identifier(Require(change, "columnName"));
  if (d.IsMysqlFamily()) return {{"ALTER TABLE " + table + " ALTER " + column + " DROP DEFAULT"}};
  if (d.Is(DatabaseKind::kOracle)) return {{"ALTER TABLE " + table + " MODIFY " + column + " DEFAULT NULL"}};
  if (d.Is(DatabaseKind::kMssql)) return {{DropMssqlDefaultConstraint(d, table, change.Get("columnName"))}};
  if (d.Is(DatabaseKind::kPostgresql)) return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP DEFAULT"}};
  return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DEFAULT NULL"}};
}

Statements ModifyDataType(const Change& change, const Dialect& d) {
  if (d.Is(DatabaseKind::kSqlite)) Unsupported(change, d);
  const std::string table = d.Table(change);
  const std::string column = d.Identifier(Require(change, "columnName"));
  std::string type = d.Type(Require(change, "newDataType"));
  if (d.Is(DatabaseKind::kPostgresql) || d.Is(DatabaseKind::kOracle)) {
    // Liquibase drops what follows the type's parameters ("NVARCHAR(76) NOT NULL") here; MySQL,
    // SQL Server and H2 keep it.
    if (auto close = type.find(')'); close != std::string::npos) type.erase(close + 1);
  }
  if (d.Is(DatabaseKind::kPostgresql)) {
    return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE " + type + " USING (" + column + "::" + type + ")"}};
  }
  if (d.IsMysqlFamily() || d.Is(DatabaseKind::kOracle)) return {{"ALTER TABLE " + table + " MODIFY " + column + " " + type}};
  return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " " + type}};
}

Statements RenameTable(const Change& change, const Dialect& d) {
  Change old_table = change;
  old_table.attributes["tableName"] = Require(change, "oldTableName");
  const std::string from = d.Table(old_table);
  const std::string to = d.Identifier(Require(change, "newTableName"));
  if (d.IsMysqlFamily()) return {{"ALTER TABLE " + from + " RENAME " + to}};
  if (d.Is(DatabaseKind::kMssql)) return {{"exec sp_rename '" + change.Get("oldTableName") + "', '" + change.Get("newTableName") + "'"}};
  return {{"ALTER TABLE " + from + " RENAME TO " + to}};
}

Statements RenameColumn(const Change& change, const Dialect& d) {
  const std::string table = d.Table(change);
  const std::string from = d.Identifier(Require(change, "oldColumnName"));
  const std::string to = d.Identifier(Require(change, "newColumnName"));
  if (d.IsMysqlFamily()) return {{"ALTER TABLE " + table + " CHANGE " + from + " " + to + " " + ColumnType(change, d, "columnDataType")}};
  if (d.Is(DatabaseKind::kMssql)) {
    return {{"exec sp_rename '" + change.Get("tableName") + "." + change.Get("oldColumnName") + "', '" +
             change.Get("newColumnName") + "', 'COLUMN'"}};
  }
  if (d.Is(DatabaseKind::kH2)) return {{"ALTER TABLE " + table + " ALTER COLUMN " + from + " RENAME TO " + to}};
  return {{"ALTER TABLE " + table + " RENAME COLUMN " + from + " TO " + to}};
}

// Liquibase's DropColumnGenerator: MySQL/MariaDB drop several columns in one ALTER TABLE; SQL Server
// first drops the column's default constraint.
Statements DropColumn(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  const std::string table = d.Table(change);
  // Nested <column>s are the columns to drop; columnName only counts without them (DropColumnChange).
  std::vector<std::string> names;
  for (const auto& column : change.columns) names.push_back(ColumnName(column, change));
  if (const std::string* name = change.Find("columnName"); name && names.empty()) names.push_back(*name);
  if (names.empty()) throw MigrationError(change.location.ToString() + ": dropColumn needs columnName or <column>");
  if (d.Is(DatabaseKind::kSqlite) && !change.Find("columnName")) {
    // Liquibase validates every nested column of a multi-column drop against the change's own
    // columnName, which a <column> list leaves empty.
    throw MigrationError(change.location.ToString() + ": dropColumn on sqlite: columnName is required");
  }
  if (d.IsMysqlFamily() && names.size() > 1) {
    std::string sql = "ALTER TABLE " + table;
    for (size_t i = 0; i < names.size(); ++i) sql += std::string(i ? "," : "") + " DROP " + d.Identifier(names[i]);
    return {{sql}};
  }
  if (d.Is(DatabaseKind::kSqlite)) {
    if (!context.introspect) return SqliteOfflineRebuild(change, d);
    const RebuildVisitor visitor = DropColumnVisitor(change);
    return {SqliteRebuildStatement(change, "", [change, context, visitor] { return RebuildOf(change, context, visitor); })};
  }
  Statements out;
  for (const auto& name : names) {
    if (d.Is(DatabaseKind::kMssql)) out.push_back({DropMssqlDefaultConstraint(d, table, name)});
    out.push_back({"ALTER TABLE " + table + " DROP COLUMN " + d.Identifier(name)});
  }
  return out;
}

// What Liquibase 4.28 prints offline for a change it implements on SQLite by rebuilding the table:
// the rebuild without the metadata it needs (no columns, no row copy). Kept identical so
// update-sql scripts match.
Statements SqliteOfflineRebuild(const Change& change, const Dialect& d) {
  const std::string table = d.Table(change);
  const std::string temporary = d.Identifier(Require(change, "tableName") + "_temporary");
  return {{"ALTER TABLE " + table + " RENAME TO " + temporary, ";", kVolatileWarning},
          {"CREATE TABLE " + table + " ()"},
          {"DROP TABLE " + temporary},
          {"REINDEX " + table}};
}

Statements DropTable(const Change& change, const Dialect& d) {
  std::string sql = "DROP TABLE " + d.Table(change);
  if (JavaTrue(change.Get("cascadeConstraints", "false"))) {
    if (d.Is(DatabaseKind::kPostgresql) || d.Is(DatabaseKind::kH2)) sql += " CASCADE";
    if (d.Is(DatabaseKind::kOracle)) sql += " CASCADE CONSTRAINTS";
  }
  return {{sql}};
}

Statements CreateSequence(const Change& change, const Dialect& d) {
  // Liquibase accepts sequences on SQLite and MySQL and generates nothing for them.
  if (d.Is(DatabaseKind::kSqlite) || d.Is(DatabaseKind::kMysql)) return {};
  // Liquibase writes PostgreSQL's "IF NOT EXISTS" after two spaces.
  std::string sql = "CREATE SEQUENCE " + std::string(d.Is(DatabaseKind::kPostgresql) ? " IF NOT EXISTS " : "") +
                    d.Table(change, "sequenceName");
  if (const std::string* v = change.Find("dataType"); v && !d.Is(DatabaseKind::kOracle)) sql += " AS " + *v;
  // MariaDB's generator puts INCREMENT BY first (seen in the ILP connector capture).
  const bool increment_first = d.Is(DatabaseKind::kMariadb);
  if (const std::string* v = change.Find("incrementBy"); v && increment_first) sql += " INCREMENT BY " + *v;
  if (const std::string* v = change.Find("startValue")) sql += " START WITH " + *v;
  if (const std::string* v = change.Find("incrementBy"); v && !increment_first) sql += " INCREMENT BY " + *v;
  if (const std::string* v = change.Find("minValue")) sql += " MINVALUE " + *v;
  if (const std::string* v = change.Find("maxValue")) sql += " MAXVALUE " + *v;
  if (const std::string* v = change.Find("cacheSize"); v && !d.Is(DatabaseKind::kH2)) sql += " CACHE " + *v;
  if (JavaTrue(change.Get("cycle", "false"))) sql += " CYCLE";
  return {{sql}};
}

Statements DropSequence(const Change& change, const Dialect& d) {
  if (d.Is(DatabaseKind::kSqlite) || d.Is(DatabaseKind::kMysql)) return {};
  return {{"DROP SEQUENCE " + d.Table(change, "sequenceName") + (d.Is(DatabaseKind::kPostgresql) ? " CASCADE" : "")}};
}

Statements CreateView(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  const std::string view = d.Table(change, "viewName");
  std::string query = change.Find("path") ? ReadResource(change, context, "path") : Require(change, "selectQuery");
  const bool replace = JavaTrue(change.Get("replaceIfExists", "false"));
  if (JavaTrue(change.Get("fullDefinition", "false"))) return {{query}};
  if (replace && d.Is(DatabaseKind::kSqlite)) return {{"DROP VIEW " + view}, {"CREATE VIEW " + view + " AS " + query}};
  if (replace && d.Is(DatabaseKind::kMssql)) {
    // Liquibase creates a stub view when missing, then ALTERs it (CreateViewGenerator, MSSQL).
    const std::string bracketed = "[" + change.Get("viewName") + "]";
    std::string stub_name;
    for (char c : bracketed) stub_name += c == '\'' ? std::string("''") : std::string(1, c);
    return {{"IF NOT EXISTS (SELECT * FROM sys.views WHERE object_id = OBJECT_ID(N'" + stub_name +
             "')) EXEC sp_executesql N'CREATE VIEW " + stub_name +
             " AS SELECT ''This is a code stub which will be replaced by an Alter Statement'' as [code_stub]'"},
            {"ALTER VIEW " + view + " AS " + query}};
  }
  return {{std::string("CREATE ") + (replace ? "OR REPLACE " : "") + "VIEW " + view + " AS " + query}};
}

Statements AddAutoIncrement(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  if (d.Is(DatabaseKind::kOracle) || d.Is(DatabaseKind::kMssql)) Unsupported(change, d);
  const std::string table_name = Require(change, "tableName");
  const std::string column_name = Require(change, "columnName");
  if (d.Is(DatabaseKind::kSqlite)) {
    // AddAutoIncrementGeneratorSQLite: the table is rebuilt with the column as an auto-increment
    // primary key.
    if (!context.introspect) NeedsLiveDatabase(change, "AddAutoIncrementStatement");
    const RebuildVisitor visitor = AddAutoIncrementVisitor(change);
    return {SqliteRebuildStatement(change, "AddAutoIncrementStatement",
                                   [change, context, visitor] { return RebuildOf(change, context, visitor); })};
  }
  const std::string table = d.Table(change);
  const std::string column = d.Identifier(column_name);
  if (d.Is(DatabaseKind::kPostgresql)) {
    // Liquibase: a sequence owned by the column, feeding its default.
    const std::string sequence = table_name + "_" + column_name + "_seq";
    std::string create = "CREATE SEQUENCE  IF NOT EXISTS " + d.Identifier(sequence);
    if (const std::string* v = change.Find("startWith")) create += " START WITH " + *v;
    if (const std::string* v = change.Find("incrementBy")) create += " INCREMENT BY " + *v;
    return {{create},
            {"ALTER TABLE " + table + " ALTER COLUMN  " + column + " SET NOT NULL"},
            {"ALTER TABLE " + table + " ALTER COLUMN  " + column + " SET DEFAULT nextval('" + sequence + "')"},
            {"ALTER SEQUENCE " + d.Identifier(sequence) + " OWNED BY " + table + "." + column}};
  }
  if (d.Is(DatabaseKind::kH2)) {
    std::string clause = "GENERATED BY DEFAULT AS IDENTITY";
    if (const std::string* v = change.Find("startWith")) clause += " (START WITH " + *v + ")";
    const std::string type = text::Lower(ColumnType(change, d, "columnDataType"));
    return {{"ALTER TABLE " + table + " ALTER COLUMN " + column + " " + type + " " + clause}};
  }
  if (change.Find("incrementBy")) {
    throw MigrationError(change.location.ToString() + ": incrementBy is not allowed on " + d.Name());
  }
  return {{"ALTER TABLE " + table + " MODIFY " + column + " " + ColumnType(change, d, "columnDataType") + " AUTO_INCREMENT"}};
}

// renameView per Liquibase's RenameViewGenerator (SQLite gets the generic "RENAME", as Liquibase prints it).
Statements RenameView(const Change& change, const Dialect& d) {
  if (d.Is(DatabaseKind::kH2)) Unsupported(change, d);
  Change old_view = change;
  old_view.attributes["viewName"] = Require(change, "oldViewName");
  const std::string from = d.Table(old_view, "viewName");
  const std::string to = d.Identifier(Require(change, "newViewName"));
  if (d.Is(DatabaseKind::kPostgresql)) return {{"ALTER TABLE " + from + " RENAME TO " + to}};
  if (d.IsMysqlFamily()) return {{"RENAME TABLE " + from + " TO " + to}};
  if (d.Is(DatabaseKind::kMssql)) {
    return {{"exec sp_rename " + d.String(change.Get("oldViewName")) + ", " + d.String(change.Get("newViewName"))}};
  }
  return {{"RENAME " + from + " TO " + to}};
}

Statements RenameSequence(const Change& change, const Dialect& d) {
  if (d.Is(DatabaseKind::kH2) || d.Is(DatabaseKind::kSqlite) || d.Is(DatabaseKind::kMysql)) Unsupported(change, d);
  Change old_sequence = change;
  old_sequence.attributes["sequenceName"] = Require(change, "oldSequenceName");
  const std::string from = d.Table(old_sequence, "sequenceName");
  const std::string to = d.Identifier(Require(change, "newSequenceName"));
  if (d.Is(DatabaseKind::kOracle)) return {{"RENAME " + from + " TO " + to}};
  if (d.Is(DatabaseKind::kMssql)) return {{"sp_rename " + from + " ," + to}};
  return {{"ALTER SEQUENCE " + from + " RENAME TO " + to}};
}

Statements AlterSequence(const Change& change, const Dialect& d) {
  if (d.Is(DatabaseKind::kSqlite) || d.Is(DatabaseKind::kMysql)) Unsupported(change, d);
  if (d.Is(DatabaseKind::kH2) && change.Find("incrementBy")) {
    throw MigrationError(change.location.ToString() + ": incrementBy is not allowed on h2");
  }
  std::string sql = "ALTER SEQUENCE " + d.Table(change, "sequenceName");
  if (const std::string* v = change.Find("incrementBy")) sql += " INCREMENT BY " + *v;
  if (const std::string* v = change.Find("minValue")) sql += " MINVALUE " + *v;
  if (const std::string* v = change.Find("maxValue")) sql += " MAXVALUE " + *v;
  // Liquibase's H2 generator leaves cacheSize and cycle out.
  if (d.Is(DatabaseKind::kH2)) return {{sql}};
  if (const std::string* v = change.Find("cacheSize")) sql += " CACHE " + *v;
  if (const std::string* v = change.Find("cycle")) {
    const bool cycle = JavaTrue(*v);
    if (cycle) sql += " CYCLE";
    else sql += d.Is(DatabaseKind::kOracle) ? " NOCYCLE" : " NO CYCLE";
  }
  return {{sql}};
}

Statements SetTableRemarks(const Change& change, const Dialect& d) {
  const std::string table = d.Table(change);
  const std::string remarks = change.Get("remarks");
  if (d.IsMysqlFamily()) return {{"ALTER TABLE " + table + " COMMENT = " + d.String(remarks)}};
  if (d.Is(DatabaseKind::kMssql)) return {{MssqlDescription(d, Require(change, "tableName"), remarks)}};
  if (d.Is(DatabaseKind::kSqlite)) Unsupported(change, d);
  return {{"COMMENT ON TABLE " + table + " IS " + d.String(remarks)}};
}

Statements SetColumnRemarks(const Change& change, const Dialect& d) {
  const std::string table = d.Table(change);
  const std::string column = Require(change, "columnName");
  const std::string remarks = change.Get("remarks");
  if (d.Is(DatabaseKind::kMssql)) return {{MssqlDescription(d, Require(change, "tableName"), remarks, column)}};
  // MySQL restates the whole column definition, which needs the live column type.
  if (d.Is(DatabaseKind::kSqlite) || d.IsMysqlFamily()) Unsupported(change, d);
  return {{"COMMENT ON COLUMN " + table + "." + d.Identifier(column) + " IS " + d.String(remarks)}};
}

// The procedure text runs as written (it is the changelog author's SQL); Oracle scripts end a
// PL/SQL block with "/" on its own line.
Statements CreateProcedure(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  if (d.Is(DatabaseKind::kSqlite)) Unsupported(change, d);
  std::string text = change.Find("path") ? ReadResource(change, context, "path") : Require(change, "procedureText");
  auto last = text.find_last_not_of(" \t\r\n");
  text = last == std::string::npos ? "" : text.substr(0, last + 1);
  SqlStatement statement{text};
  if (d.Is(DatabaseKind::kOracle)) statement.end_delimiter = "\n/";
  return {statement};
}

Statements DropProcedure(const Change& change, const Dialect& d) {
  if (d.Is(DatabaseKind::kSqlite)) Unsupported(change, d);
  return {{"DROP PROCEDURE " + d.Table(change, "procedureName")}};
}

// Liquibase's MergeColumnChange: add the final column, fill it with column1 + joinString +
// column2, drop both source columns.
Statements MergeColumns(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  if (d.Is(DatabaseKind::kMssql)) Unsupported(change, d);
  const std::string table = d.Table(change);
  const std::string first = d.Identifier(Require(change, "column1Name"));
  const std::string second = d.Identifier(Require(change, "column2Name"));
  const std::string join = d.String(change.Get("joinString"));
  Change add;
  add.type = "addColumn";
  add.location = change.location;
  add.attributes = {{"tableName", Require(change, "tableName")}};
  if (const std::string* schema = change.Find("schemaName")) add.attributes["schemaName"] = *schema;
  ColumnConfig column;
  column.attributes = {{"name", Require(change, "finalColumnName")}, {"type", Require(change, "finalColumnType")}};
  column.location = change.location;
  add.columns.push_back(column);
  if (d.Is(DatabaseKind::kSqlite)) {
    // MergeColumnChange on SQLite: the final column is added (a rebuild), filled, and the table
    // rebuilt without the two source columns. Liquibase reads the table for that second rebuild
    // when the change starts, before the first one runs.
    if (!context.introspect) NeedsLiveDatabase(change, "AddColumnStatement");
    const RebuildVisitor add_visitor = AddColumnVisitor(add);
    const RebuildVisitor merge_visitor = MergeColumnsVisitor(change);
    const std::string update = "UPDATE " + table + " SET " + d.Identifier(change.Get("finalColumnName")) + " = " + first +
                               " || '" + change.Get("joinString") + "' || " + second;
    return {SqliteRebuildStatement(change, "AddColumnStatement", [add, change, context, add_visitor, merge_visitor, update] {
      Statements out = RebuildOf(add, context, add_visitor);
      Statements merge = RebuildOf(change, context, merge_visitor);
      out.push_back({update});
      out.insert(out.end(), merge.begin(), merge.end());
      return out;
    })};
  }
  Statements out = AddColumn(add, d, context);
  std::string merged = first + " || " + join + " || " + second;
  if (d.IsMysqlFamily()) merged = "CONCAT_WS(" + join + ", " + first + ", " + second + ")";
  if (d.Is(DatabaseKind::kH2)) merged = "CONCAT(" + first + ", CONCAT(" + join + ", " + second + "))";
  out.push_back({"UPDATE " + table + " SET " + d.Identifier(change.Get("finalColumnName")) + " = " + merged});
  out.push_back({"ALTER TABLE " + table + " DROP COLUMN " + first});
  out.push_back({"ALTER TABLE " + table + " DROP COLUMN " + second});
  return out;
}

// Liquibase's AddLookupTableChange: the lookup table from the distinct non-null values, its
// column made NOT NULL (Oracle: already is), keyed, and referenced by the existing table.
Statements AddLookupTable(const Change& change, const Dialect& d) {
  if (d.Is(DatabaseKind::kSqlite)) Unsupported(change, d);
  const std::string existing_column = Require(change, "existingColumnName");
  const std::string new_column = Require(change, "newColumnName");
  Change existing;
  existing.attributes["tableName"] = Require(change, "existingTableName");
  if (const std::string* schema = change.Find("existingTableSchemaName")) existing.attributes["schemaName"] = *schema;
  Change lookup;
  lookup.attributes["tableName"] = Require(change, "newTableName");
  if (const std::string* schema = change.Find("newTableSchemaName")) lookup.attributes["schemaName"] = *schema;
  const std::string select = "DISTINCT " + d.Identifier(existing_column) + " AS " + d.Identifier(new_column);
  const std::string from = " FROM " + d.Table(existing) + " WHERE " + d.Identifier(existing_column) + " IS NOT NULL";
  Statements out;
  if (d.Is(DatabaseKind::kMssql)) out.push_back({"SELECT " + select + " INTO " + d.Table(lookup) + from});
  else out.push_back({"CREATE TABLE " + d.Table(lookup) + " AS SELECT " + select + from});
  if (!d.Is(DatabaseKind::kOracle)) {
    Change not_null = lookup;
    not_null.type = "addNotNullConstraint";
    not_null.location = change.location;
    not_null.attributes["columnName"] = new_column;
    if (const std::string* type = change.Find("newColumnDataType")) not_null.attributes["columnDataType"] = *type;
    for (auto& statement : AddNotNull(not_null, d)) out.push_back(statement);
  }
  out.push_back({"ALTER TABLE " + d.Table(lookup) + " ADD PRIMARY KEY (" + d.Identifier(new_column) + ")"});
  Change fk;
  fk.type = "addForeignKeyConstraint";
  fk.location = change.location;
  fk.attributes = {{"baseTableName", existing.attributes["tableName"]},
                   {"baseColumnNames", existing_column},
                   {"referencedTableName", lookup.attributes["tableName"]},
                   {"referencedColumnNames", new_column},
                   {"constraintName", Require(change, "constraintName")}};
  if (existing.attributes.count("schemaName")) fk.attributes["baseTableSchemaName"] = existing.attributes["schemaName"];
  if (lookup.attributes.count("schemaName")) fk.attributes["referencedTableSchemaName"] = lookup.attributes["schemaName"];
  for (auto& statement : AddForeignKey(fk, d)) out.push_back(statement);
  return out;
}

}  // namespace

std::vector<SqlStatement> GenerateSql(const Change& change, const SqlGenerationContext& context) {
  const Dialect d(context.database, static_cast<bool>(context.introspect), context.quoting);
  const std::string& t = change.type;
  if (t == "createTable") return CreateTable(change, d);
  if (t == "dropTable") return DropTable(change, d);
  if (t == "renameTable") return RenameTable(change, d);
  if (t == "addColumn") return AddColumn(change, d, context);
  if (t == "dropColumn") return DropColumn(change, d, context);
  if (t == "renameColumn") return RenameColumn(change, d);
  if (t == "modifyDataType") return ModifyDataType(change, d);
  if (t == "addNotNullConstraint") return AddNotNull(change, d);
  if (t == "dropNotNullConstraint") return DropNotNull(change, d);
  if (t == "addDefaultValue") return AddDefault(change, d, context);
  if (t == "dropDefaultValue") return DropDefault(change, d);
  if (t == "addPrimaryKey") return AddPrimaryKey(change, d);
  if (t == "dropPrimaryKey") return DropPrimaryKey(change, d, context);
  if (t == "addUniqueConstraint") return AddUnique(change, d);
  if (t == "dropUniqueConstraint") return DropUnique(change, d);
  if (t == "addForeignKeyConstraint") return AddForeignKey(change, d);
  if (t == "dropForeignKeyConstraint") return DropForeignKey(change, d);
  if (t == "createIndex") return CreateIndex(change, d);
  if (t == "dropIndex") return DropIndex(change, d);
  if (t == "createSequence") return CreateSequence(change, d);
  if (t == "dropSequence") return DropSequence(change, d);
  if (t == "createView") return CreateView(change, d, context);
  if (t == "dropView") return {{"DROP VIEW " + d.Table(change, "viewName")}};
  if (t == "addAutoIncrement") return AddAutoIncrement(change, d, context);
  if (t == "renameView") return RenameView(change, d);
  if (t == "renameSequence") return RenameSequence(change, d);
  if (t == "alterSequence") return AlterSequence(change, d);
  if (t == "setTableRemarks") return SetTableRemarks(change, d);
  if (t == "setColumnRemarks") return SetColumnRemarks(change, d);
  if (t == "createProcedure") return CreateProcedure(change, d, context);
  if (t == "dropProcedure") return DropProcedure(change, d);
  if (t == "mergeColumns") return MergeColumns(change, d, context);
  if (t == "addLookupTable") return AddLookupTable(change, d);
  if (t == "dropAllForeignKeyConstraints") {
    // Liquibase reads the table's foreign keys from the live database; offline it prints nothing.
    if (!context.introspect) return {};
    throw MigrationError(change.location.ToString() + ": dropAllForeignKeyConstraints needs the live table's foreign "
                         "keys, which ledgerhost does not read yet; drop them with dropForeignKeyConstraint");
  }
  if (t == "insert") return Insert(change, d, context);
  if (t == "update") return Update(change, d, context);
  if (t == "delete") return Delete(change, d);
  if (t == "loadData") return LoadData(change, d, context);
  if (t == "loadUpdateData") return LoadUpdateData(change, d, context);
  if (t == kLoadUpdateDataRollback) return LoadUpdateDataRollback(change, d, context);
  if (t == "sql") return SqlText(change, d, change.Get("sql"));
  if (t == "sqlFile") return SqlText(change, d, ReadResource(change, context, "path"));
  if (t == "tagDatabase" || t == "empty" || t == "output" || t == "stop") return {};
  if (t == "customChange") {
    const std::string class_name = change.Get("class");
    if (const auto* generator = FindCustomChange(class_name)) return (*generator)(change, context);
    throw MigrationError(change.location.ToString() + ": customChange class '" + class_name +
                         "' is Java code that ledgerhost cannot run, and no native replacement is registered for it");
  }
  throw UnsupportedChangeError(change.location.ToString() + ": change type " + t + " is not supported by ledgerhost");
}

}  // namespace ledgerhost::migration
