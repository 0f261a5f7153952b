// Values bound to a statement as positional parameters, numbered in the database's syntax
// (db::Placeholder: $n on PostgreSQL, ?n on SQLite), so that a placeholder names its value wherever
// it appears in the SQL, whatever order the Bind calls in an expression run in. Values never become SQL
// text; only NULL, which Connection::Query cannot bind, is written as the keyword.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "db/database_kind.h"

namespace ledgerhost::vault {

class BoundValues {
 public:
  explicit BoundValues(db::DatabaseKind database) : database_(database) {}

  // The placeholder that binds `value`, or "NULL" when there is none.
  std::string Bind(const std::optional<std::string>& value);
  // "p1, p2, ...": the placeholders of `values`, in order.
  std::string BindAll(std::initializer_list<std::optional<std::string>> values);
  const std::vector<std::string>& values() const { return values_; }

 private:
  db::DatabaseKind database_;
  std::vector<std::string> values_;
};

}  // namespace ledgerhost::vault
