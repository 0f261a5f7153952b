// Snapshot objects for the pure tests.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "snapshot/database_snapshot.h"

namespace ledgerhost::snapshot {

// Objects built field by field (designated initializers would have to name every field).
inline Column Col(std::string name, std::string type, bool nullable = true,
                  std::optional<DefaultValue> default_value = std::nullopt, bool auto_increment = false) {
  Column column;
  column.name = std::move(name);
  column.type = std::move(type);
  column.nullable = nullable;
  column.default_value = std::move(default_value);
  column.auto_increment = auto_increment;
  return column;
}
inline Table Tab(std::string name, std::vector<Column> columns = {}, std::optional<KeyConstraint> key = std::nullopt) {
  Table table;
  table.name = std::move(name);
  table.columns = std::move(columns);
  table.primary_key = std::move(key);
  return table;
}
inline KeyConstraint Key(std::string name, std::vector<std::string> columns) {
  KeyConstraint key;
  key.name = std::move(name);
  key.columns = std::move(columns);
  return key;
}
inline Index Idx(std::string name, std::string table, std::vector<std::string> columns, bool unique = false) {
  Index index;
  index.name = std::move(name);
  index.table = std::move(table);
  index.columns = std::move(columns);
  index.unique = unique;
  return index;
}
inline ForeignKey Fk(std::string name, std::string table, std::vector<std::string> columns, std::string referenced,
                     std::vector<std::string> referenced_columns, std::string on_delete = "NO ACTION") {
  ForeignKey key;
  key.name = std::move(name);
  key.table = std::move(table);
  key.columns = std::move(columns);
  key.referenced_table = std::move(referenced);
  key.referenced_columns = std::move(referenced_columns);
  key.on_delete = std::move(on_delete);
  return key;
}

}  // namespace ledgerhost::snapshot
