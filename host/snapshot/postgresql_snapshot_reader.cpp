// PostgreSQL's catalog (pg_catalog, the current schema) read as Liquibase's snapshot sees it: types
// in the spelling Liquibase's changelogs use, serial and identity columns as autoIncrement with their
// sequences left out, key constraints apart from plain indexes.
#include <algorithm>
#include <map>
#include <string>

#include "core/text.h"
#include "snapshot/snapshot_reader.h"
#include "snapshot/value_text.h"

namespace ledgerhost::snapshot {
namespace {

// pg_constraint's confupdtype / confdeltype letters as a changelog's onUpdate / onDelete.
std::string PostgresqlReferentialAction(const std::optional<std::string>& letter) {
  switch (letter.value_or("a").front()) {
    case 'c': return "CASCADE";
    case 'n': return "SET NULL";
    case 'd': return "SET DEFAULT";
    case 'r': return "RESTRICT";
    default: return "NO ACTION";
  }
}

bool True(const std::optional<std::string>& cell) { return cell.value_or("f") == "t"; }

}  // namespace

DatabaseSnapshot ReadPostgresqlSnapshot(db::Connection& connection) {
  DatabaseSnapshot snapshot;
  snapshot.kind = connection.kind();
  snapshot.database = connection.description();
  const auto server = connection.Server();
  snapshot.schema = server.default_schema;
  snapshot.product_name = "PostgreSQL";
  snapshot.product_version = server.product_version;
  const std::string sep = "chr(1)";

  std::map<std::string, Table*> tables;
  for (const auto& row : connection.Query(
           "SELECT c.relname, coalesce(obj_description(c.oid, 'pg_class'), '') FROM pg_class c "
           "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
           "AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname COLLATE \"C\"")) {
    if (IsHistoryTable(row[0].value_or(""))) continue;
    snapshot.tables.push_back({.name = row[0].value_or(""), .columns = {}, .primary_key = {}, .unique_constraints = {},
                               .remarks = row[1].value_or(""), .definition = ""});
  }
  for (auto& table : snapshot.tables) tables[table.name] = &table;

  // Columns; a serial column is one whose default takes the next value of a sequence the column owns
  // (the sequence depends on the column: the same join that gives an identity's start and increment;
  // refclassid lets it use pg_depend's index, ten times faster on 3,000 columns).
  for (const auto& row : connection.Query(
           "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
           "pg_get_expr(d.adbin, d.adrelid), a.attidentity, coalesce(col_description(c.oid, a.attnum), ''), "
           "s.seqstart, s.seqincrement, t.typcategory, a.attgenerated, t.typname, "
           "s.seqstart IS NOT NULL "
           "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
           "JOIN pg_type t ON t.oid = a.atttypid "
           "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
           "LEFT JOIN LATERAL (SELECT q.seqstart, q.seqincrement FROM pg_depend dep JOIN pg_sequence q ON "
           "q.seqrelid = dep.objid WHERE dep.refclassid = 'pg_class'::regclass AND dep.refobjid = c.oid AND "
           "dep.refobjsubid = a.attnum AND "
           "dep.classid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i') LIMIT 1) s ON true "
           "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped "
           "ORDER BY c.relname, a.attnum")) {
    const auto table = tables.find(row[0].value_or(""));
    if (table == tables.end()) continue;
    Column column;
    column.name = row[1].value_or("");
    const std::string formatted = row[2].value_or("");
    column.type = PostgresqlChangeLogType(formatted);
    if (row[9].value_or("") == "A" && formatted.find('(') != std::string::npos) {
      // An array of a sized type: VARCHAR(20)[] comes out of Liquibase's type parser (and so ledgerhost's)
      // as VARCHAR[](20), which PostgreSQL refuses; the array type's own name takes the size: _varchar(20).
      const auto open = formatted.find('(');
      column.type = row[11].value_or("") + formatted.substr(open, formatted.find(')', open) - open + 1);
    }
    column.nullable = !True(row[3]);
    const std::string identity = row[5].value_or("");
    const bool owns_sequence = True(row[12]);
    const std::optional<std::string> expression = row[4];
    const bool serial = owns_sequence && expression && expression->starts_with("nextval(");
    if (!identity.empty() || serial) {
      column.auto_increment = true;
      if (!identity.empty()) {  // serial columns start at 1 by 1: Liquibase writes nothing for them
        column.start_with = row[7];
        column.increment_by = row[8];
      }
      // serial/bigserial/smallserial are written as their integer type with autoIncrement.
    } else if (expression && row[10].value_or("") == "s") {
      column.generated = *expression;  // GENERATED ALWAYS AS (expression) STORED: not a default
    } else if (expression) {
      column.default_value = PostgresqlDefault(*expression, row[9].value_or(""));
    }
    column.remarks = row[6].value_or("");
    table->second->columns.push_back(std::move(column));
  }

  // Key constraints and foreign keys, columns in key order; a foreign key to a partitioned table has a
  // copy per partition (conparentid set), which is the same key.
  for (const auto& row : connection.Query(
           "SELECT con.contype, con.conname, c.relname, "
           "(SELECT string_agg(a.attname, " + sep + " ORDER BY k.n) FROM unnest(con.conkey) WITH ORDINALITY k(num, n) "
           " JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num), "
           "rc.relname, "
           "(SELECT string_agg(a.attname, " + sep + " ORDER BY k.n) FROM unnest(con.confkey) WITH ORDINALITY k(num, n) "
           " JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num), "
           "con.confupdtype, con.confdeltype, con.condeferrable, con.condeferred "
           "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
           "LEFT JOIN pg_class rc ON rc.oid = con.confrelid "
           "WHERE n.nspname = current_schema() AND con.contype IN ('p', 'u', 'f') AND con.conparentid = 0 "
           "ORDER BY con.conname COLLATE \"C\"")) {
    const auto table = tables.find(row[2].value_or(""));
    if (table == tables.end()) continue;
    const char type = row[0].value_or("?").front();
    if (type == 'f') {
      snapshot.foreign_keys.push_back({.name = row[1].value_or(""), .table = table->first, .columns = SplitNames(row[3]),
                                       .referenced_table = row[4].value_or(""), .referenced_columns = SplitNames(row[5]),
                                       .on_update = PostgresqlReferentialAction(row[6]), .on_delete = PostgresqlReferentialAction(row[7]),
                                       .deferrable = True(row[8]), .initially_deferred = True(row[9])});
      continue;
    }
    KeyConstraint key{.name = row[1].value_or(""), .columns = SplitNames(row[3]), .deferrable = True(row[8]),
                      .initially_deferred = True(row[9])};
    if (type == 'p') {
      table->second->primary_key = std::move(key);
    } else {
      table->second->unique_constraints.push_back(std::move(key));
    }
  }

  // Indexes no constraint owns; an expression key is kept as its SQL text, a descending one with DESC
  // (indoption's first bit: pg_get_indexdef of one column leaves the order out).
  for (const auto& row : connection.Query(
           "SELECT i.relname, c.relname, x.indisunique, "
           "CASE WHEN x.indpred IS NOT NULL OR x.indnatts > x.indnkeyatts OR am.amname <> 'btree' "
           "THEN replace(pg_get_indexdef(x.indexrelid), ' ON ' || quote_ident(n.nspname) || '.', ' ON ') END, "
           "(SELECT string_agg(pg_get_indexdef(x.indexrelid, k.n::int, true) || "
           " CASE WHEN x.indoption[k.n - 1] & 1 = 1 THEN ' DESC' ELSE '' END, " + sep + " ORDER BY k.n) "
           " FROM generate_series(1, x.indnkeyatts) k(n)) "
           "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid "
           "JOIN pg_am am ON am.oid = i.relam "
           "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
           "AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = x.indexrelid AND con.contype IN ('p', 'u', 'x')) "
           "ORDER BY i.relname COLLATE \"C\"")) {
    if (tables.find(row[1].value_or("")) == tables.end()) continue;
    snapshot.indexes.push_back({.name = row[0].value_or(""), .table = row[1].value_or(""), .columns = SplitNames(row[4]),
                                .unique = True(row[2]), .definition = row[3].value_or("")});
  }

  for (const auto& row : connection.Query(
           "SELECT c.relname, pg_get_viewdef(c.oid, true) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
           "WHERE n.nspname = current_schema() AND c.relkind = 'v' ORDER BY c.relname COLLATE \"C\"")) {
    snapshot.views.push_back({.name = row[0].value_or(""), .definition = text::Trim(row[1].value_or(""))});
  }

  // Sequences no column owns (those of serial and identity columns come back with their column).
  for (const auto& row : connection.Query(
           "SELECT c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, "
           "s.seqcycle FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
           "WHERE n.nspname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.objid = c.oid "
           "AND dep.classid = 'pg_class'::regclass AND dep.refobjsubid > 0 AND dep.deptype IN ('a', 'i')) "
           "ORDER BY c.relname COLLATE \"C\"")) {
    snapshot.sequences.push_back({.name = row[0].value_or(""), .data_type = row[1].value_or(""),
                                  .start_value = row[2].value_or(""), .increment_by = row[3].value_or(""),
                                  .min_value = row[4].value_or(""), .max_value = row[5].value_or(""),
                                  .cache_size = row[6].value_or(""), .cycle = True(row[7])});
  }

  // Enums, domains and composite types, which Liquibase's snapshot does not know: without them a column
  // of such a type cannot be made. Each as the statement that makes it, names quoted as needed.
  for (const auto& row : connection.Query(
           "SELECT t.typname, 'TYPE', 'CREATE TYPE ' || quote_ident(t.typname) || ' AS ENUM (' || "
           "string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) || ')' FROM pg_type t "
           "JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace "
           "WHERE n.nspname = current_schema() GROUP BY t.typname "
           "UNION ALL "
           "SELECT t.typname, 'DOMAIN', 'CREATE DOMAIN ' || quote_ident(t.typname) || ' AS ' || format_type(t.typbasetype, t.typtypmod) "
           "|| coalesce(' DEFAULT ' || t.typdefault, '') || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END || "
           "coalesce((SELECT string_agg(' CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid), '' "
           "ORDER BY c.conname) FROM pg_constraint c WHERE c.contypid = t.oid), '') FROM pg_type t JOIN pg_namespace n "
           "ON n.oid = t.typnamespace WHERE n.nspname = current_schema() AND t.typtype = 'd' "
           "UNION ALL "
           "SELECT t.typname, 'TYPE', 'CREATE TYPE ' || quote_ident(t.typname) || ' AS (' || "
           "coalesce(string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY "
           "a.attnum), '') || ')' FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_class r ON "
           "r.oid = t.typrelid AND r.relkind = 'c' LEFT JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND "
           "NOT a.attisdropped WHERE n.nspname = current_schema() GROUP BY t.typname ORDER BY 1")) {
    snapshot.types.push_back({.name = row[0].value_or(""), .kind = row[1].value_or(""), .definition = row[2].value_or("")});
  }
  std::sort(snapshot.types.begin(), snapshot.types.end(),
            [](const UserType& a, const UserType& b) { return a.name < b.name; });
  return snapshot;
}

}  // namespace ledgerhost::snapshot
