#include "snapshot/schema_diff.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>
#include <unordered_map>

#include "core/text.h"

namespace ledgerhost::snapshot {
namespace {

// How names are matched: exactly on PostgreSQL (a quoted "Orders" is not orders), without regard to
// case on SQLite and MariaDB, whose names are case-insensitive.
struct Names {
  bool exact = true;
  std::string Key(const std::string& name) const { return exact ? name : text::Lower(name); }
  std::string Key(const std::vector<std::string>& names) const {
    std::string out;
    for (const auto& name : names) out += Key(name) + '\x01';
    return out;
  }
  // A column list that differs (as names are matched) is a difference of `field`.
  void Differ(std::vector<FieldDifference>& out, const std::string& field, const std::vector<std::string>& reference,
              const std::vector<std::string>& comparison) const {
    if (Key(reference) != Key(comparison)) out.push_back({field, JoinNames(reference), JoinNames(comparison)});
  }
};

// Whitespace runs made one space, for SQL texts the databases reformat.
std::string Collapsed(const std::string& text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string DefaultText(const std::optional<DefaultValue>& value) {
  return value ? value->value : "null";
}

std::string Flag(bool value) { return value ? "true" : "false"; }

void Differ(std::vector<FieldDifference>& out, const std::string& field, const std::string& reference,
            const std::string& comparison) {
  if (reference != comparison) out.push_back({field, reference, comparison});
}

// SQL texts (a view's select, a statement) differ when more than their whitespace does.
void DifferSql(std::vector<FieldDifference>& out, const std::string& field, const std::string& reference,
               const std::string& comparison) {
  if (Collapsed(reference) != Collapsed(comparison)) out.push_back({field, reference, comparison});
}

// Pairs the objects of two lists by key: unmatched reference objects are missing, unmatched comparison
// objects unexpected, and matched pairs that `differences` finds fields of are changed.
template <typename T>
TypeDiff<T> Match(const std::vector<T>& reference, const std::vector<T>& comparison,
                  const std::function<std::string(const T&)>& key,
                  const std::function<std::vector<FieldDifference>(const T&, const T&)>& differences) {
  TypeDiff<T> out;
  std::vector<bool> matched(comparison.size(), false);
  std::unordered_multimap<std::string, size_t> by_key;  // each key once: thousands of columns stay linear
  for (size_t i = 0; i < comparison.size(); ++i) by_key.emplace(key(comparison[i]), i);
  for (const T& wanted : reference) {
    auto [first, last] = by_key.equal_range(key(wanted));
    auto candidate = std::find_if(first, last, [&](const auto& entry) { return !matched[entry.second]; });
    if (candidate == last) {
      out.missing.push_back(wanted);
      continue;
    }
    const size_t i = candidate->second;
    matched[i] = true;
    auto fields = differences(wanted, comparison[i]);
    if (!fields.empty()) out.changed.push_back({wanted, comparison[i], std::move(fields)});
  }
  for (size_t i = 0; i < comparison.size(); ++i) {
    if (!matched[i]) out.unexpected.push_back(comparison[i]);
  }
  return out;
}

// A type's spelling compared as Liquibase's DataType comparison does, loosely: case and spaces aside.
std::string TypeKey(const std::string& type) {
  std::string out;
  for (const char c : type) {
    if (!std::isspace(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

bool SchemaDiff::empty() const {
  return tables.empty() && columns.empty() && primary_keys.empty() && unique_constraints.empty() && indexes.empty() &&
         foreign_keys.empty() && views.empty() && sequences.empty() && types.empty();
}

SchemaDiff Compare(const DatabaseSnapshot& reference, const DatabaseSnapshot& comparison) {
  const Names names{.exact = reference.kind == db::DatabaseKind::kPostgresql &&
                             comparison.kind == db::DatabaseKind::kPostgresql};
  SchemaDiff diff;
  diff.tables = Match<Table>(
      reference.tables, comparison.tables, [&](const Table& t) { return names.Key(t.name); },
      [](const Table& a, const Table& b) {
        std::vector<FieldDifference> out;
        Differ(out, "remarks", a.remarks, b.remarks);
        DifferSql(out, "definition", a.definition, b.definition);
        return out;
      });

  // Columns, keys and unique constraints of the tables both have.
  std::vector<OfTable<Column>> reference_columns, comparison_columns;
  std::vector<OfTable<KeyConstraint>> reference_keys, comparison_keys, reference_uniques, comparison_uniques;
  auto collect = [&](const Table& table, std::vector<OfTable<Column>>& columns, std::vector<OfTable<KeyConstraint>>& keys,
                     std::vector<OfTable<KeyConstraint>>& uniques) {
    for (const auto& column : table.columns) columns.push_back({table.name, column});
    if (table.primary_key) keys.push_back({table.name, *table.primary_key});
    for (const auto& unique : table.unique_constraints) uniques.push_back({table.name, unique});
  };
  std::unordered_map<std::string, const Table*> comparison_tables;
  for (const auto& table : comparison.tables) comparison_tables.emplace(names.Key(table.name), &table);
  for (const auto& table : reference.tables) {
    const auto other = comparison_tables.find(names.Key(table.name));
    if (other == comparison_tables.end()) continue;
    collect(table, reference_columns, reference_keys, reference_uniques);
    collect(*other->second, comparison_columns, comparison_keys, comparison_uniques);
  }
  diff.columns = Match<OfTable<Column>>(
      reference_columns, comparison_columns,
      [&](const OfTable<Column>& c) { return names.Key(c.table) + '\x02' + names.Key(c.object.name); },
      [](const OfTable<Column>& a, const OfTable<Column>& b) {
        std::vector<FieldDifference> out;
        if (TypeKey(a.object.type) != TypeKey(b.object.type)) out.push_back({"type", a.object.type, b.object.type});
        Differ(out, "nullable", Flag(a.object.nullable), Flag(b.object.nullable));
        if (a.object.default_value != b.object.default_value) {
          out.push_back({"defaultValue", DefaultText(a.object.default_value), DefaultText(b.object.default_value)});
        }
        Differ(out, "autoIncrement", Flag(a.object.auto_increment), Flag(b.object.auto_increment));
        Differ(out, "remarks", a.object.remarks, b.object.remarks);
        Differ(out, "generated", a.object.generated, b.object.generated);
        return out;
      });
  // A primary key and a unique constraint differ in their columns.
  const std::function<std::vector<FieldDifference>(const OfTable<KeyConstraint>&, const OfTable<KeyConstraint>&)>
      key_columns = [&](const OfTable<KeyConstraint>& a, const OfTable<KeyConstraint>& b) {
        std::vector<FieldDifference> out;
        names.Differ(out, "columns", a.object.columns, b.object.columns);
        return out;
      };
  diff.primary_keys = Match<OfTable<KeyConstraint>>(
      reference_keys, comparison_keys, [&](const OfTable<KeyConstraint>& k) { return names.Key(k.table); }, key_columns);
  // Unique constraints by their name, or by their columns when they have none (SQLite).
  auto unique_key = [&](const OfTable<KeyConstraint>& k) {
    return names.Key(k.table) + '\x02' + (k.object.name.empty() ? names.Key(k.object.columns) : names.Key(k.object.name));
  };
  diff.unique_constraints = Match<OfTable<KeyConstraint>>(reference_uniques, comparison_uniques, unique_key, key_columns);
  diff.indexes = Match<Index>(
      reference.indexes, comparison.indexes, [&](const Index& i) { return names.Key(i.table) + '\x02' + names.Key(i.name); },
      [&](const Index& a, const Index& b) {
        std::vector<FieldDifference> out;
        names.Differ(out, "columns", a.columns, b.columns);
        Differ(out, "unique", Flag(a.unique), Flag(b.unique));
        DifferSql(out, "definition", a.definition, b.definition);
        return out;
      });
  // Foreign keys by table, columns and the table they reference (SQLite's may be unnamed on one side and
  // named on the other); a name both give is compared.
  diff.foreign_keys = Match<ForeignKey>(
      reference.foreign_keys, comparison.foreign_keys,
      [&](const ForeignKey& k) {
        return names.Key(k.table) + '\x02' + names.Key(k.columns) + '\x02' + names.Key(k.referenced_table);
      },
      [&](const ForeignKey& a, const ForeignKey& b) {
        std::vector<FieldDifference> out;
        if (!a.name.empty() && !b.name.empty() && names.Key(a.name) != names.Key(b.name)) {
          out.push_back({"name", a.name, b.name});
        }
        names.Differ(out, "primaryKeyColumns", a.referenced_columns, b.referenced_columns);
        Differ(out, "updateRule", a.on_update, b.on_update);
        Differ(out, "deleteRule", a.on_delete, b.on_delete);
        Differ(out, "deferrable", Flag(a.deferrable), Flag(b.deferrable));
        Differ(out, "initiallyDeferred", Flag(a.initially_deferred), Flag(b.initially_deferred));
        return out;
      });
  diff.views = Match<View>(
      reference.views, comparison.views, [&](const View& v) { return names.Key(v.name); },
      [](const View& a, const View& b) {
        std::vector<FieldDifference> out;
        DifferSql(out, "definition", a.definition, b.definition);
        return out;
      });
  diff.sequences = Match<Sequence>(
      reference.sequences, comparison.sequences, [&](const Sequence& s) { return names.Key(s.name); },
      [](const Sequence& a, const Sequence& b) {
        std::vector<FieldDifference> out;
        Differ(out, "dataType", a.data_type, b.data_type);
        Differ(out, "startValue", a.start_value, b.start_value);
        Differ(out, "incrementBy", a.increment_by, b.increment_by);
        Differ(out, "minValue", a.min_value, b.min_value);
        Differ(out, "maxValue", a.max_value, b.max_value);
        Differ(out, "cacheSize", a.cache_size, b.cache_size);
        Differ(out, "willCycle", Flag(a.cycle), Flag(b.cycle));
        return out;
      });
  diff.types = Match<UserType>(
      reference.types, comparison.types, [&](const UserType& t) { return names.Key(t.name); },
      [](const UserType& a, const UserType& b) {
        std::vector<FieldDifference> out;
        DifferSql(out, "definition", a.definition, b.definition);
        return out;
      });
  return diff;
}

}  // namespace ledgerhost::snapshot
