#include "migration/sql/generator/generators.h"

#include "core/text.h"
#include "migration/sql/generator/support.h"
#include "migration/sql/sqlite/sqlite_rebuild.h"
#include "migration/sql/sqlite/sqlite_rebuild_statement.h"

namespace ledgerhost::migration::generator {

Statements DropPrimaryKey(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  const std::string table = d.Table(change);
  if (d.IsMysqlFamily() || d.Is(db::DatabaseKind::kH2)) return {{"ALTER TABLE " + table + " DROP PRIMARY KEY"}};
  if (d.Is(db::DatabaseKind::kOracle)) return {{"ALTER TABLE " + table + " DROP PRIMARY KEY DROP INDEX"}};
  if (d.Is(db::DatabaseKind::kPostgresql) && change.Find("constraintName") == nullptr) {
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

// SQLite: the table rebuilt without its key (a table constraint, or a column's PRIMARY KEY with
// its AUTOINCREMENT). A constraintName must name the key when the key has a name.
Statements DropPrimaryKeySqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  d.Table(change);  // the generic generator's check
  if (!context.introspect) return SqliteOfflineRebuild(change, d);
  const std::string name = change.Get("constraintName");
  sqlite::TableEdit edit;
  edit.edit = [name](sqlite::TableDefinition& definition) {
    auto named_otherwise = [&](const std::string& key_name) {
      return !name.empty() && !key_name.empty() && !text::EqualsIgnoreCase(name, key_name);
    };
    auto& constraints = definition.constraints();
    for (auto it = constraints.begin(); it != constraints.end(); ++it) {
      if (it->kind != sqlite::TableConstraint::Kind::kPrimaryKey) continue;
      if (named_otherwise(it->name)) throw MigrationError("the table's primary key is named " + it->name + ", not " + name);
      constraints.erase(it);
      return;
    }
    for (auto& column : definition.columns()) {
      for (auto it = column.clauses.begin(); it != column.clauses.end(); ++it) {
        if (it->kind != sqlite::ColumnClause::Kind::kPrimaryKey) continue;
        if (named_otherwise(it->name)) throw MigrationError("the table's primary key is named " + it->name + ", not " + name);
        column.clauses.erase(it);
        return;
      }
    }
    throw MigrationError("the table has no primary key");
  };
  return SqliteRebuild(change, context, edit, "DropPrimaryKeyStatement");
}

}  // namespace ledgerhost::migration::generator
