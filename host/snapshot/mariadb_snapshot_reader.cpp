// MariaDB's (and MySQL's) information_schema for the current database.
#include <map>
#include <string>

#include "core/text.h"
#include "db/backend_support.h"
#include "snapshot/snapshot_reader.h"
#include "snapshot/value_text.h"

namespace ledgerhost::snapshot {
DatabaseSnapshot ReadMariadbSnapshot(db::Connection& connection) {
  DatabaseSnapshot snapshot;
  snapshot.kind = connection.kind();
  snapshot.database = connection.description();
  const auto server = connection.Server();
  snapshot.schema = connection.QueryScalar("SELECT DATABASE()").value_or("");
  snapshot.product_name = connection.kind() == db::DatabaseKind::kMysql ? "MySQL" : "MariaDB";
  snapshot.product_version = server.product_version;

  // Name lists come aggregated: room for every name of a wide key (servers before 10.2.4 allow 1,024 bytes).
  connection.Execute("SET SESSION group_concat_max_len = 1048576");

  std::map<std::string, Table*> tables;
  for (const auto& row : connection.Query("SELECT table_name, table_comment FROM information_schema.tables WHERE "
                                          "table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY "
                                          "table_name")) {
    if (IsHistoryTable(row[0].value_or(""))) continue;
    snapshot.tables.push_back({.name = row[0].value_or(""), .columns = {}, .primary_key = {}, .unique_constraints = {},
                               .remarks = row[1].value_or(""), .definition = ""});
  }
  for (auto& table : snapshot.tables) tables[table.name] = &table;

  for (const auto& row : connection.Query("SELECT c.table_name, c.column_name, c.column_type, c.data_type, c.is_nullable, "
                                          "c.column_default, c.extra, c.column_comment, c.character_set_name, "
                                          "EXISTS (SELECT 1 FROM information_schema.check_constraints k WHERE "
                                          "k.constraint_schema = DATABASE() AND k.table_name = c.table_name AND "
                                          "k.constraint_name = c.column_name AND k.check_clause = CONCAT('json_valid(`', "
                                          "c.column_name, '`)')), l.character_set_name FROM "
                                          "information_schema.columns c JOIN information_schema.tables t ON "
                                          "t.table_schema = c.table_schema AND t.table_name = c.table_name LEFT JOIN "
                                          "information_schema.collations l ON l.collation_name = t.table_collation "
                                          "WHERE c.table_schema = DATABASE() ORDER BY c.table_name, c.ordinal_position")) {
    const auto table = tables.find(row[0].value_or(""));
    if (table == tables.end()) continue;
    Column column;
    column.name = row[1].value_or("");
    column.type = MariadbChangeLogType(row[2].value_or(""));
    // NVARCHAR/NCHAR/NCLOB are MySQL's VARCHAR/CHAR/LONGTEXT in utf8mb3: in a table of another character
    // set, what a changelog's NVARCHAR made.
    const std::string charset = text::Lower(row[8].value_or(""));
    const std::string table_charset = text::Lower(row[10].value_or(""));
    const bool national = (charset == "utf8mb3" || charset == "utf8") && charset != table_charset;
    if (national && (column.type.starts_with("VARCHAR(") || column.type.starts_with("CHAR("))) {
      column.type = "N" + column.type;
    } else if (national && column.type == "LONGTEXT") {
      column.type = "NCLOB";
    } else if (column.type == "LONGTEXT" && row[9].value_or("0") == "1") {
      column.type = "JSON";  // MariaDB's JSON: LONGTEXT checked by json_valid() under the column's name
    }
    column.nullable = row[4].value_or("YES") == "YES";
    column.auto_increment = text::Lower(row[6].value_or("")).find("auto_increment") != std::string::npos;
    if (row[5] && !column.auto_increment) column.default_value = MariadbDefault(*row[5], column.type);
    column.remarks = row[7].value_or("");
    table->second->columns.push_back(std::move(column));
  }

  const std::string sep = std::string("'") + kNameSeparator + "'";  // GROUP_CONCAT takes a literal only
  std::map<std::pair<std::string, std::string>, bool> constraint_indexes;  // (table, index) of a key or unique constraint
  for (const auto& row : connection.Query(
           "SELECT tc.table_name, tc.constraint_type, tc.constraint_name, GROUP_CONCAT(k.column_name ORDER BY "
           "k.ordinal_position SEPARATOR " + sep + "), MAX(k.referenced_table_name), GROUP_CONCAT(k.referenced_column_name "
           "ORDER BY k.ordinal_position SEPARATOR " + sep + "), MAX(rc.update_rule), MAX(rc.delete_rule) "
           "FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage k "
           "ON k.constraint_schema = tc.constraint_schema AND k.table_name = tc.table_name AND "
           "k.constraint_name = tc.constraint_name LEFT JOIN information_schema.referential_constraints rc ON "
           "rc.constraint_schema = tc.constraint_schema AND rc.table_name = tc.table_name AND "
           "rc.constraint_name = tc.constraint_name WHERE tc.constraint_schema = DATABASE() AND tc.constraint_type IN "
           "('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY') GROUP BY tc.table_name, tc.constraint_type, tc.constraint_name "
           "ORDER BY tc.constraint_name")) {
    const auto table = tables.find(row[0].value_or(""));
    if (table == tables.end()) continue;
    const std::string type = row[1].value_or("");
    const std::string name = row[2].value_or("");
    if (type != "FOREIGN KEY") constraint_indexes[{table->first, name}] = true;
    if (type == "FOREIGN KEY") {
      snapshot.foreign_keys.push_back({.name = name, .table = table->first, .columns = SplitNames(row[3]),
                                       .referenced_table = row[4].value_or(""), .referenced_columns = SplitNames(row[5]),
                                       .on_update = row[6].value_or("NO ACTION"), .on_delete = row[7].value_or("NO ACTION"),
                                       .deferrable = false, .initially_deferred = false});
    } else if (type == "PRIMARY KEY") {  // always named PRIMARY: no name of its own
      table->second->primary_key = KeyConstraint{.name = "", .columns = SplitNames(row[3]), .deferrable = false,
                                                 .initially_deferred = false};
    } else {
      table->second->unique_constraints.push_back(
          {.name = name, .columns = SplitNames(row[3]), .deferrable = false, .initially_deferred = false});
    }
  }

  // Indexes that are not the primary key or a unique constraint; a foreign key's own index (named
  // after it) is one: written before the key, it is the index the key uses, as in the reference, and
  // none is made where another index would have served. Collation D is a descending key (10.8+).
  for (const auto& row : connection.Query(
           "SELECT table_name, index_name, MAX(non_unique), GROUP_CONCAT(CONCAT(column_name, IF(collation = 'D', ' DESC', '')) "
           "ORDER BY seq_in_index SEPARATOR " +
           sep + "), MAX(index_type), MAX(sub_part IS NOT NULL), GROUP_CONCAT(CONCAT('`', REPLACE(column_name, '`', '``'), "
           "'`', IF(sub_part IS NULL, '', CONCAT('(', sub_part, ')')), IF(collation = 'D', ' DESC', '')) ORDER BY "
           "seq_in_index SEPARATOR ', ') FROM information_schema.statistics WHERE table_schema = DATABASE() "
           "GROUP BY table_name, index_name ORDER BY index_name")) {
    const std::string table = row[0].value_or("");
    const std::string name = row[1].value_or("");
    if (tables.find(table) == tables.end() || name == "PRIMARY" || constraint_indexes.count({table, name})) continue;
    // A prefix key (name(10)) or a FULLTEXT/SPATIAL index has no createIndex spelling: its own statement.
    const std::string type = row[4].value_or("BTREE");
    const bool unique = row[2].value_or("1") == "0";
    std::string definition;
    if (row[5].value_or("0") == "1" || type == "FULLTEXT" || type == "SPATIAL") {
      definition = std::string("CREATE ") + (unique ? "UNIQUE " : type == "BTREE" || type == "HASH" ? "" : type + " ") +
                   "INDEX " + db::QuotedIdentifier(name, '`') + " ON " + db::QuotedIdentifier(table, '`') + " (" +
                   row[6].value_or("") + ")";
    }
    snapshot.indexes.push_back({.name = name, .table = table, .columns = SplitNames(row[3]), .unique = unique,
                                .definition = definition});
  }

  for (const auto& row : connection.Query("SELECT table_name, view_definition FROM information_schema.views WHERE "
                                          "table_schema = DATABASE() ORDER BY table_name")) {
    // MariaDB keeps the view's names qualified with its database: left out, so that the view made from
    // it in another database reads that database's tables.
    std::string definition = row[1].value_or("");
    const std::string qualifier = "`" + snapshot.schema + "`.";
    for (size_t at = definition.find(qualifier); at != std::string::npos; at = definition.find(qualifier, at)) {
      definition.erase(at, qualifier.size());
    }
    snapshot.views.push_back({.name = row[0].value_or(""), .definition = definition});
  }
  return snapshot;
}

}  // namespace ledgerhost::snapshot
