#include "snapshot/diff_change_sets.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>
#include <optional>

#include "core/logging.h"
#include "core/text.h"
#include "db/backend_support.h"
#include "migration/sql/sqlite/sqlite_table_definition.h"

namespace ledgerhost::snapshot {
namespace {

using migration::Attributes;
using migration::Change;
using migration::ColumnConfig;

// Liquibase's addForeignKeyConstraint column lists: "a,b" (its key lists elsewhere: "a, b").
std::string JoinComma(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ",") + name;
  return out;
}

void SetDefault(Attributes& attributes, const DefaultValue& value) {
  switch (value.kind) {
    case DefaultValue::Kind::kString: attributes["defaultValue"] = value.value; break;
    case DefaultValue::Kind::kNumeric: attributes["defaultValueNumeric"] = value.value; break;
    case DefaultValue::Kind::kBoolean: attributes["defaultValueBoolean"] = value.value; break;
    case DefaultValue::Kind::kDate: attributes["defaultValueDate"] = value.value; break;
    case DefaultValue::Kind::kComputed: attributes["defaultValueComputed"] = value.value; break;
  }
}

// A column of createTable / addColumn.
ColumnConfig ColumnOf(const Column& column) {
  ColumnConfig config;
  config.attributes["name"] = column.name;
  config.attributes["type"] = column.type;
  if (column.auto_increment) {
    config.attributes["autoIncrement"] = "true";
    if (column.start_with && *column.start_with != "1") config.attributes["startWith"] = *column.start_with;
    if (column.increment_by && *column.increment_by != "1") config.attributes["incrementBy"] = *column.increment_by;
  } else if (column.default_value) {
    SetDefault(config.attributes, *column.default_value);
  }
  if (!column.remarks.empty()) config.attributes["remarks"] = column.remarks;
  if (!column.nullable) config.constraints = Attributes{{"nullable", "false"}};
  return config;
}

Change Make(std::string type, Attributes attributes) {
  Change change;
  change.type = std::move(type);
  change.attributes = std::move(attributes);
  return change;
}

// A PostgreSQL stored generated column, which no changelog column attribute can say: its own ALTER
// TABLE, names quoted as written.
Change AddGeneratedColumn(const std::string& table, const Column& column) {
  return Make("sql", {{"sql", "ALTER TABLE " + db::QuotedIdentifier(table, '"') + " ADD COLUMN " +
                                  db::QuotedIdentifier(column.name, '"') + " " + column.type + " GENERATED ALWAYS AS (" +
                                  column.generated + ") STORED" + (column.nullable ? "" : " NOT NULL")}});
}

// An index column: a name, a name with DESC, or an expression (computed).
ColumnConfig IndexColumn(const std::string& key) {
  ColumnConfig config;
  std::string name = key;
  if (name.size() > 5 && text::Upper(name.substr(name.size() - 5)) == " DESC") {
    name = name.substr(0, name.size() - 5);
    config.attributes["descending"] = "true";
  }
  // An expression has a call, an operator or a literal in it; a name (SQLite's and MariaDB's come
  // unquoted, spaces and all) has none of them.
  const bool quoted = name.size() > 2 && name.front() == '"' && name.back() == '"' &&
                      name.find('"', 1) == name.size() - 1;
  if (quoted) {
    name = name.substr(1, name.size() - 2);
  } else if (name.empty() || name.find_first_of("()'+-*/|<>=:,\"") != std::string::npos) {
    config.attributes["computed"] = "true";
  }
  config.attributes["name"] = name;
  return config;
}

Change CreateIndex(const Index& index) {
  if (!index.definition.empty()) {  // what createIndex cannot say: the database's own statement
    return Make("sql", {{"sql", index.definition}});
  }
  Change change = Make("createIndex", {{"indexName", index.name}, {"tableName", index.table}});
  if (index.unique) change.attributes["unique"] = "true";
  for (const auto& column : index.columns) change.columns.push_back(IndexColumn(column));
  return change;
}

// A foreign key's name, or for SQLite's unnamed ones a name made from its table and columns (a
// changelog's foreign keys need one).
std::string ForeignKeyName(const ForeignKey& key) {
  if (!key.name.empty()) return key.name;
  std::string name = "fk_" + key.table;
  for (const auto& column : key.columns) name += "_" + column;
  return name;
}

Change AddForeignKey(const ForeignKey& key) {
  return Make("addForeignKeyConstraint",
              {{"baseColumnNames", JoinComma(key.columns)}, {"baseTableName", key.table}, {"constraintName", ForeignKeyName(key)},
               {"deferrable", key.deferrable ? "true" : "false"},
               {"initiallyDeferred", key.initially_deferred ? "true" : "false"}, {"onDelete", key.on_delete},
               {"onUpdate", key.on_update}, {"referencedColumnNames", JoinComma(key.referenced_columns)},
               {"referencedTableName", key.referenced_table}, {"validate", "true"}});
}

Change AddUnique(const std::string& table, const KeyConstraint& key) {
  Change change = Make("addUniqueConstraint", {{"columnNames", JoinNames(key.columns)}, {"tableName", table}});
  if (!key.name.empty()) change.attributes["constraintName"] = key.name;
  if (key.deferrable) change.attributes["deferrable"] = "true";
  if (key.initially_deferred) change.attributes["initiallyDeferred"] = "true";
  return change;
}

// An unnamed constraint (SQLite) cannot be named in a drop: left out, with a warning naming it.
bool Droppable(const std::string& name, const std::string& what) {
  if (!name.empty()) return true;
  Logger("snapshot")->warn("{} has no name, so no changeset can drop it; drop it by hand (on SQLite: rebuild the table)",
                           what);
  return false;
}

// The drops of a key by its name; an unnamed (SQLite) foreign key or unique constraint has none to
// drop it by (nullopt, with Droppable's warning).
std::optional<Change> DropForeignKey(const ForeignKey& key) {
  if (!Droppable(key.name, "The foreign key of " + key.table + "(" + JoinNames(key.columns) + ")")) return std::nullopt;
  return Make("dropForeignKeyConstraint", {{"baseTableName", key.table}, {"constraintName", key.name}});
}

std::optional<Change> DropUnique(const std::string& table, const KeyConstraint& key) {
  if (!Droppable(key.name, "The unique constraint of " + table + "(" + JoinNames(key.columns) + ")")) return std::nullopt;
  return Make("dropUniqueConstraint", {{"constraintName", key.name}, {"tableName", table}});
}

Change DropPrimaryKey(const std::string& table, const KeyConstraint& key) {
  Change change = Make("dropPrimaryKey", {{"tableName", table}});
  if (!key.name.empty()) change.attributes["constraintName"] = key.name;
  return change;
}

Change AddPrimaryKey(const std::string& table, const KeyConstraint& key) {
  Change change = Make("addPrimaryKey", {{"columnNames", JoinNames(key.columns)}, {"tableName", table}});
  if (!key.name.empty()) change.attributes["constraintName"] = key.name;
  return change;
}

Change CreateView(const View& view, bool replace) {
  Change change = Make("createView", {{"fullDefinition", "false"}, {"selectQuery", view.definition}, {"viewName", view.name}});
  if (replace) change.attributes["replaceIfExists"] = "true";
  return change;
}

Change CreateSequence(const Sequence& sequence) {
  Change change = Make("createSequence", {{"sequenceName", sequence.name}});
  auto set = [&](const char* name, const std::string& value) {
    if (!value.empty()) change.attributes[name] = value;
  };
  set("cacheSize", sequence.cache_size);
  change.attributes["cycle"] = sequence.cycle ? "true" : "false";
  set("dataType", sequence.data_type);
  set("incrementBy", sequence.increment_by);
  set("maxValue", sequence.max_value);
  set("minValue", sequence.min_value);
  set("startValue", sequence.start_value);
  return change;
}

// A one-column foreign key SQLite's createTable can declare (Liquibase's column constraints know
// ON DELETE CASCADE only).
bool InlineForeignKey(const ForeignKey& key) {
  return key.columns.size() == 1 && key.referenced_columns.size() == 1 && key.on_update == "NO ACTION" &&
         (key.on_delete == "NO ACTION" || key.on_delete == "CASCADE");
}


// Views in an order that creates a view after the views its select names (by name otherwise); a
// cycle, which no database allows, keeps name order.
std::vector<const View*> InDependencyOrder(const std::vector<View>& views) {
  std::vector<const View*> pending, ordered;
  for (const auto& view : views) pending.push_back(&view);
  while (!pending.empty()) {
    auto ready = std::find_if(pending.begin(), pending.end(), [&](const View* view) {
      return std::none_of(pending.begin(), pending.end(), [&](const View* other) {
        return other != view && migration::sqlite::MentionsIdentifier(view->definition, other->name);
      });
    });
    if (ready == pending.end()) ready = pending.begin();
    ordered.push_back(*ready);
    pending.erase(ready);
  }
  return ordered;
}

// Whether a change names an object with an upper-case letter (the SQL of an `sql` change is as written).
bool NamesUpperCase(const Change& change) {
  auto upper = [](const std::string& name) {
    return std::any_of(name.begin(), name.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
  };
  static const std::set<std::string> kNames{"tableName", "columnName", "indexName", "constraintName", "baseTableName",
                                            "referencedTableName", "baseColumnNames", "referencedColumnNames",
                                            "columnNames", "viewName", "sequenceName"};
  for (const auto& [attribute, value] : change.attributes) {
    if (kNames.count(attribute) && upper(value)) return true;
  }
  return std::any_of(change.columns.begin(), change.columns.end(), [&](const ColumnConfig& column) {
    const auto name = column.attributes.find("name");
    return name != column.attributes.end() && column.attributes.count("computed") == 0 && upper(name->second);
  });
}

}  // namespace

std::vector<migration::ChangeSet> DiffChangeSets(const SchemaDiff& diff, db::DatabaseKind kind,
                                                 const ChangeSetNaming& naming) {
  std::vector<Change> changes;
  const bool sqlite = kind == db::DatabaseKind::kSqlite;
  // What a new table's createTable declares itself on SQLite: unique constraints by (table, name, column),
  // foreign keys by (table, name).
  std::set<std::tuple<std::string, std::string, std::string>> inlined_uniques;
  std::set<std::pair<std::string, std::string>> inlined_foreign_keys;

  // Missing objects; PostgreSQL's enums and composite types, then domains (which may be over them), first:
  // the columns of every table may use them.
  for (const char* kind : {"TYPE", "DOMAIN"}) {
    for (const auto& type : diff.types.missing) {
      if (type.kind == kind) changes.push_back(Make("sql", {{"sql", type.definition}}));
    }
  }
  for (const auto& sequence : diff.sequences.missing) changes.push_back(CreateSequence(sequence));
  std::set<std::string> new_tables;
  for (const auto& table : diff.tables.missing) new_tables.insert(table.name);
  for (const auto& table : diff.tables.missing) {
    if (!table.definition.empty()) {  // SQLite's virtual table
      changes.push_back(Make("sql", {{"sql", table.definition}}));
      continue;
    }
    Change change = Make("createTable", {{"tableName", table.name}});
    if (!table.remarks.empty()) change.attributes["remarks"] = table.remarks;
    // The primary key inside createTable when its columns come in the table's order (createTable
    // declares them in column order).
    std::vector<std::string> ordered;
    if (table.primary_key) {
      for (const auto& column : table.columns) {
        if (std::find(table.primary_key->columns.begin(), table.primary_key->columns.end(), column.name) !=
            table.primary_key->columns.end()) {
          ordered.push_back(column.name);
        }
      }
    }
    const bool inline_key = table.primary_key && ordered == table.primary_key->columns;
    std::vector<const Column*> generated;
    for (const auto& column : table.columns) {
      if (!column.generated.empty()) {
        generated.push_back(&column);
        continue;
      }
      ColumnConfig config = ColumnOf(column);
      Attributes& constraints = config.constraints ? *config.constraints : config.constraints.emplace();
      if (inline_key && std::find(ordered.begin(), ordered.end(), column.name) != ordered.end()) {
        // NOT NULL only as the column has it: SQLite's INTEGER PRIMARY KEY (the rowid) is not declared so.
        constraints["primaryKey"] = "true";
        if (!table.primary_key->name.empty()) constraints["primaryKeyName"] = table.primary_key->name;
      }
      if (sqlite) {
        for (const auto& unique : table.unique_constraints) {
          if (unique.columns.size() == 1 && unique.columns.front() == column.name) {
            constraints["unique"] = "true";
            if (!unique.name.empty()) constraints["uniqueConstraintName"] = unique.name;
            inlined_uniques.insert({table.name, unique.name, column.name});
          }
        }
        for (const auto& key : diff.foreign_keys.missing) {
          if (key.table != table.name || !InlineForeignKey(key) || key.columns.front() != column.name) continue;
          constraints["foreignKeyName"] = ForeignKeyName(key);
          constraints["referencedTableName"] = key.referenced_table;
          constraints["referencedColumnNames"] = key.referenced_columns.front();
          if (key.on_delete == "CASCADE") constraints["deleteCascade"] = "true";
          if (key.deferrable) constraints["deferrable"] = "true";
          if (key.initially_deferred) constraints["initiallyDeferred"] = "true";
          inlined_foreign_keys.insert({table.name, ForeignKeyName(key)});
        }
      }
      if (constraints.empty()) config.constraints.reset();
      change.columns.push_back(std::move(config));
    }
    changes.push_back(std::move(change));
    for (const Column* column : generated) changes.push_back(AddGeneratedColumn(table.name, *column));
    if (table.primary_key && !inline_key) changes.push_back(AddPrimaryKey(table.name, *table.primary_key));
  }
  // Columns of tables both have (a new table's columns are in its createTable).
  for (const auto& column : diff.columns.missing) {
    if (!column.object.generated.empty()) {
      changes.push_back(AddGeneratedColumn(column.table, column.object));
      continue;
    }
    Change change = Make("addColumn", {{"tableName", column.table}});
    change.columns.push_back(ColumnOf(column.object));
    changes.push_back(std::move(change));
  }
  for (const auto& key : diff.primary_keys.missing) changes.push_back(AddPrimaryKey(key.table, key.object));
  std::vector<OfTable<KeyConstraint>> uniques = diff.unique_constraints.missing;
  for (const auto& table : diff.tables.missing) {
    for (const auto& unique : table.unique_constraints) uniques.push_back({table.name, unique});
  }
  for (const auto& unique : uniques) {
    if (unique.object.columns.size() == 1 &&
        inlined_uniques.count({unique.table, unique.object.name, unique.object.columns.front()})) {
      continue;
    }
    changes.push_back(AddUnique(unique.table, unique.object));
  }
  for (const auto& index : diff.indexes.missing) changes.push_back(CreateIndex(index));
  for (const auto& key : diff.foreign_keys.missing) {
    if (inlined_foreign_keys.count({key.table, ForeignKeyName(key)})) continue;
    changes.push_back(AddForeignKey(key));
  }
  for (const View* view : InDependencyOrder(diff.views.missing)) changes.push_back(CreateView(*view, false));

  // Unexpected objects, dropped, in Liquibase's order for them (foreign keys go to the top below). A
  // dropped table takes its keys and indexes with it (Liquibase marks them handled).
  std::set<std::string> dropped_tables;
  for (const auto& table : diff.tables.unexpected) dropped_tables.insert(table.name);
  for (const auto& key : diff.foreign_keys.unexpected) {
    if (auto drop = DropForeignKey(key)) changes.push_back(std::move(*drop));
  }
  for (const auto& unique : diff.unique_constraints.unexpected) {
    if (dropped_tables.count(unique.table)) continue;
    if (auto drop = DropUnique(unique.table, unique.object)) changes.push_back(std::move(*drop));
  }
  for (const auto& view : diff.views.unexpected) changes.push_back(Make("dropView", {{"viewName", view.name}}));
  for (const auto& table : diff.tables.unexpected) changes.push_back(Make("dropTable", {{"tableName", table.name}}));
  for (const auto& key : diff.primary_keys.unexpected) {
    if (!dropped_tables.count(key.table)) changes.push_back(DropPrimaryKey(key.table, key.object));
  }
  for (const auto& column : diff.columns.unexpected) {
    changes.push_back(Make("dropColumn", {{"columnName", column.object.name}, {"tableName", column.table}}));
  }
  for (const auto& index : diff.indexes.unexpected) {
    if (dropped_tables.count(index.table)) continue;
    changes.push_back(Make("dropIndex", {{"indexName", index.name}, {"tableName", index.table}}));
  }
  for (const auto& sequence : diff.sequences.unexpected) {
    changes.push_back(Make("dropSequence", {{"sequenceName", sequence.name}}));
  }
  for (const auto& type : diff.types.unexpected) {
    changes.push_back(Make("sql", {{"sql", "DROP " + type.kind + " " + db::QuotedIdentifier(type.name, '"')}}));
  }
  // A changed enum or domain is reported by diff but not rewritten: the columns using it would have to go first.

  // Changed objects: columns in place; keys, indexes and foreign keys dropped and made anew.
  for (const auto& changed : diff.foreign_keys.changed) {
    auto drop = DropForeignKey(changed.comparison);
    if (!drop) continue;
    changes.push_back(std::move(*drop));
    changes.push_back(AddForeignKey(changed.reference));
  }
  for (const auto& changed : diff.sequences.changed) {
    Change change = Make("alterSequence", {{"sequenceName", changed.reference.name}});
    for (const auto& field : changed.differences) {
      if (field.field == "incrementBy" || field.field == "minValue" || field.field == "maxValue" ||
          field.field == "cacheSize" || field.field == "dataType") {
        change.attributes[field.field] = field.reference;
      } else if (field.field == "willCycle") {
        change.attributes["cycle"] = field.reference;
      }
    }
    if (change.attributes.size() > 1) changes.push_back(std::move(change));
  }
  for (const auto& changed : diff.tables.changed) {
    if (changed.reference.remarks != changed.comparison.remarks) {
      changes.push_back(Make("setTableRemarks", {{"remarks", changed.reference.remarks}, {"tableName", changed.reference.name}}));
    }
  }
  for (const auto& changed : diff.columns.changed) {
    const std::string& table = changed.reference.table;
    const Column& want = changed.reference.object;
    const Column& have = changed.comparison.object;
    for (const auto& field : changed.differences) {
      if (field.field == "type") {
        changes.push_back(Make("modifyDataType", {{"columnName", want.name}, {"newDataType", want.type}, {"tableName", table}}));
      } else if (field.field == "nullable") {
        changes.push_back(want.nullable ? Make("dropNotNullConstraint",
                                               {{"columnDataType", want.type}, {"columnName", want.name}, {"tableName", table}})
                                        : Make("addNotNullConstraint", {{"columnDataType", want.type},
                                                                        {"columnName", want.name},
                                                                        {"tableName", table},
                                                                        {"validate", "true"}}));
      } else if (field.field == "defaultValue") {
        if (want.default_value) {
          Change change = Make("addDefaultValue", {{"columnDataType", want.type}, {"columnName", want.name}, {"tableName", table}});
          SetDefault(change.attributes, *want.default_value);
          changes.push_back(std::move(change));
        } else if (have.default_value) {
          changes.push_back(Make("dropDefaultValue", {{"columnDataType", want.type}, {"columnName", want.name}, {"tableName", table}}));
        }
      } else if (field.field == "autoIncrement" && want.auto_increment) {
        Change change = Make("addAutoIncrement", {{"columnDataType", want.type}, {"columnName", want.name}, {"tableName", table}});
        if (want.start_with) change.attributes["startWith"] = *want.start_with;
        if (want.increment_by) change.attributes["incrementBy"] = *want.increment_by;
        changes.push_back(std::move(change));
      } else if (field.field == "remarks") {
        changes.push_back(Make("setColumnRemarks", {{"columnDataType", want.type}, {"columnName", want.name},
                                                    {"remarks", want.remarks}, {"tableName", table}}));
      }
    }
  }
  for (const auto& changed : diff.primary_keys.changed) {
    changes.push_back(DropPrimaryKey(changed.comparison.table, changed.comparison.object));
    changes.push_back(AddPrimaryKey(changed.reference.table, changed.reference.object));
  }
  for (const auto& changed : diff.unique_constraints.changed) {
    auto drop = DropUnique(changed.comparison.table, changed.comparison.object);
    if (!drop) continue;
    changes.push_back(std::move(*drop));
    changes.push_back(AddUnique(changed.reference.table, changed.reference.object));
  }
  for (const auto& changed : diff.indexes.changed) {
    changes.push_back(Make("dropIndex", {{"indexName", changed.comparison.name}, {"tableName", changed.comparison.table}}));
    changes.push_back(CreateIndex(changed.reference));
  }
  for (const auto& changed : diff.views.changed) changes.push_back(CreateView(changed.reference, true));

  // Liquibase's bringDropFKToTop: a foreign key is dropped before anything it could stand in the way of.
  std::stable_partition(changes.begin(), changes.end(),
                        [](const Change& change) { return change.type == "dropForeignKeyConstraint"; });

  std::vector<migration::ChangeSet> change_sets;
  for (auto& change : changes) {
    migration::ChangeSet change_set;
    change_set.id = std::to_string(naming.id_root) + "-" + std::to_string(change_sets.size() + 1);
    change_set.author = naming.author;
    if (kind == db::DatabaseKind::kPostgresql && NamesUpperCase(change)) {
      // PostgreSQL folds an unquoted name to lower case, and Liquibase's default quoting leaves an
      // all-upper-case name unquoted: only quoting every name keeps "ORDERS" what it is.
      change_set.quoting = migration::ObjectQuotingStrategy::kQuoteAllObjects;
    }
    change_set.changes.push_back(std::move(change));
    change_sets.push_back(std::move(change_set));
  }
  return change_sets;
}

}  // namespace ledgerhost::snapshot
