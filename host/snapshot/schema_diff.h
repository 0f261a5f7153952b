// Liquibase's diff of two snapshots: what the reference has that the comparison lacks (missing),
// what only the comparison has (unexpected), and what both have but differently (changed), per
// object type. Objects are matched by name (SQLite's unnamed keys by their table and columns).
#pragma once

#include <string>
#include <vector>

#include "snapshot/database_snapshot.h"

namespace ledgerhost::snapshot {

// One field that differs: Liquibase's "<field> changed from '<reference>' to '<comparison>'".
struct FieldDifference {
  std::string field;
  std::string reference;
  std::string comparison;
};

template <typename T>
struct Changed {
  T reference;
  T comparison;
  std::vector<FieldDifference> differences;
};

// A column, a primary key or a unique constraint with the table it belongs to.
template <typename T>
struct OfTable {
  std::string table;
  T object;
};

template <typename T>
struct TypeDiff {
  std::vector<T> missing;
  std::vector<T> unexpected;
  std::vector<Changed<T>> changed;
  bool empty() const { return missing.empty() && unexpected.empty() && changed.empty(); }
};

struct SchemaDiff {
  TypeDiff<Table> tables;  // changed: remarks only; column changes are columns'
  TypeDiff<OfTable<Column>> columns;  // of tables both have
  TypeDiff<OfTable<KeyConstraint>> primary_keys;
  TypeDiff<OfTable<KeyConstraint>> unique_constraints;
  TypeDiff<Index> indexes;
  TypeDiff<ForeignKey> foreign_keys;
  TypeDiff<View> views;
  TypeDiff<Sequence> sequences;
  TypeDiff<UserType> types;
  bool empty() const;
};

// reference: the database as it should be; comparison: the one compared with it.
SchemaDiff Compare(const DatabaseSnapshot& reference, const DatabaseSnapshot& comparison);

// Names as a list: "a, b".
std::string JoinNames(const std::vector<std::string>& names);

}  // namespace ledgerhost::snapshot
