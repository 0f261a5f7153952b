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

// Liquibase rebuilds the table without the key (offline: its rebuild without the table's metadata).
Statements DropPrimaryKeySqlite(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  d.Table(change);  // the generic generator's check
  if (!context.introspect) return SqliteOfflineRebuild(change, d);
  const RebuildVisitor visitor = DropPrimaryKeyVisitor(change);
  return {SqliteRebuildStatement(change, "", [change, context, visitor] { return RebuildOf(change, context, visitor); })};
}

}  // namespace ledgerhost::migration::generator
