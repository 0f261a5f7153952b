#include "snapshot/snapshot_report.h"

#include <algorithm>
#include <functional>

#include "core/text.h"
#include "migration/sql/sql_generator.h"

namespace ledgerhost::snapshot {
namespace {

// A default as the database's SQL would say it: strings and dates as its literals.
std::string DefaultSql(const DefaultValue& value, db::DatabaseKind kind) {
  const bool literal = value.kind == DefaultValue::Kind::kString || value.kind == DefaultValue::Kind::kDate;
  return literal ? migration::QuoteString(value.value, kind) : value.value;
}

std::string ColumnLine(const Column& column, db::DatabaseKind kind) {
  std::string line = column.name + " " + column.type;
  if (!column.nullable) line += " NOT NULL";
  if (column.auto_increment) {
    line += " AUTO INCREMENT";
    if (column.start_with) line += " START WITH " + *column.start_with;
    if (column.increment_by) line += " INCREMENT BY " + *column.increment_by;
  }
  if (column.default_value) line += " DEFAULT " + DefaultSql(*column.default_value, kind);
  if (!column.generated.empty()) line += " GENERATED ALWAYS AS (" + column.generated + ") STORED";
  return line;
}

std::string Qualified(const DatabaseSnapshot& snapshot, const std::string& name) {
  return snapshot.kind == db::DatabaseKind::kSqlite || snapshot.schema.empty() ? name : snapshot.schema + "." + name;
}

std::string KeyText(const std::string& name, const std::string& table, const std::vector<std::string>& columns) {
  return (name.empty() ? "(unnamed)" : name) + " on " + table + "(" + JoinNames(columns) + ")";
}

std::string IndexText(const DatabaseSnapshot& snapshot, const Index& index) {
  return index.name + (index.unique ? " UNIQUE " : "") + " ON " + Qualified(snapshot, index.table) + "(" +
         JoinNames(index.columns) + ")";
}

std::string ForeignKeyText(const ForeignKey& key) {
  return (key.name.empty() ? "(unnamed)" : key.name) + "(" + key.table + "[" + JoinNames(key.columns) + "] -> " +
         key.referenced_table + "[" + JoinNames(key.referenced_columns) + "])";
}

std::string ForeignKeyActions(const ForeignKey& key) {
  std::string out;
  if (key.on_update != "NO ACTION") out += " ON UPDATE " + key.on_update;
  if (key.on_delete != "NO ACTION") out += " ON DELETE " + key.on_delete;
  if (key.deferrable) out += key.initially_deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
  return out;
}

// ---- JSON ----

std::string Json(const std::string& value) { return text::JsonString(value); }
std::string JsonList(const std::vector<std::string>& names) {
  std::string out = "[";
  for (const auto& name : names) out += (out.size() > 1 ? ", " : "") + Json(name);
  return out + "]";
}

void WriteJson(std::ostream& out, const DatabaseSnapshot& snapshot, const std::string& user) {
  out << "{\n  \"database\": " << Json(snapshot.database) << ",\n  \"databaseType\": " << Json(snapshot.product_name)
      << ",\n  \"databaseVersion\": " << Json(snapshot.product_version) << ",\n  \"user\": " << Json(user)
      << ",\n  \"schema\": " << Json(snapshot.schema) << ",\n  \"tables\": [";
  for (size_t t = 0; t < snapshot.tables.size(); ++t) {
    const Table& table = snapshot.tables[t];
    out << (t ? ",\n" : "\n") << "    {\"name\": " << Json(table.name) << ", \"remarks\": " << Json(table.remarks)
        << ",\n     \"columns\": [";
    for (size_t c = 0; c < table.columns.size(); ++c) {
      const Column& column = table.columns[c];
      out << (c ? ",\n" : "\n") << "       {\"name\": " << Json(column.name) << ", \"type\": " << Json(column.type)
          << ", \"nullable\": " << (column.nullable ? "true" : "false")
          << ", \"autoIncrement\": " << (column.auto_increment ? "true" : "false");
      if (column.start_with) out << ", \"startWith\": " << Json(*column.start_with);
      if (column.increment_by) out << ", \"incrementBy\": " << Json(*column.increment_by);
      if (column.default_value) out << ", \"default\": " << Json(DefaultSql(*column.default_value, snapshot.kind));
      if (!column.generated.empty()) out << ", \"generated\": " << Json(column.generated);
      out << ", \"remarks\": " << Json(column.remarks) << "}";
    }
    out << "]";
    if (table.primary_key) {
      out << ",\n     \"primaryKey\": {\"name\": " << Json(table.primary_key->name)
          << ", \"columns\": " << JsonList(table.primary_key->columns) << "}";
    }
    out << ",\n     \"uniqueConstraints\": [";
    for (size_t u = 0; u < table.unique_constraints.size(); ++u) {
      out << (u ? ", " : "") << "{\"name\": " << Json(table.unique_constraints[u].name)
          << ", \"columns\": " << JsonList(table.unique_constraints[u].columns) << "}";
    }
    out << "]}";
  }
  out << "\n  ],\n  \"indexes\": [";
  for (size_t i = 0; i < snapshot.indexes.size(); ++i) {
    const Index& index = snapshot.indexes[i];
    out << (i ? ",\n" : "\n") << "    {\"name\": " << Json(index.name) << ", \"table\": " << Json(index.table)
        << ", \"columns\": " << JsonList(index.columns) << ", \"unique\": " << (index.unique ? "true" : "false") << "}";
  }
  out << "\n  ],\n  \"foreignKeys\": [";
  for (size_t f = 0; f < snapshot.foreign_keys.size(); ++f) {
    const ForeignKey& key = snapshot.foreign_keys[f];
    out << (f ? ",\n" : "\n") << "    {\"name\": " << Json(key.name) << ", \"table\": " << Json(key.table)
        << ", \"columns\": " << JsonList(key.columns) << ", \"referencedTable\": " << Json(key.referenced_table)
        << ", \"referencedColumns\": " << JsonList(key.referenced_columns) << ", \"onUpdate\": " << Json(key.on_update)
        << ", \"onDelete\": " << Json(key.on_delete) << ", \"deferrable\": " << (key.deferrable ? "true" : "false")
        << ", \"initiallyDeferred\": " << (key.initially_deferred ? "true" : "false") << "}";
  }
  out << "\n  ],\n  \"views\": [";
  for (size_t v = 0; v < snapshot.views.size(); ++v) {
    out << (v ? ",\n" : "\n") << "    {\"name\": " << Json(snapshot.views[v].name)
        << ", \"definition\": " << Json(snapshot.views[v].definition) << "}";
  }
  out << "\n  ],\n  \"types\": [";
  for (size_t t = 0; t < snapshot.types.size(); ++t) {
    out << (t ? ",\n" : "\n") << "    {\"name\": " << Json(snapshot.types[t].name) << ", \"kind\": "
        << Json(snapshot.types[t].kind) << ", \"definition\": " << Json(snapshot.types[t].definition) << "}";
  }
  out << "\n  ],\n  \"sequences\": [";
  for (size_t s = 0; s < snapshot.sequences.size(); ++s) {
    const Sequence& sequence = snapshot.sequences[s];
    out << (s ? ",\n" : "\n") << "    {\"name\": " << Json(sequence.name) << ", \"dataType\": " << Json(sequence.data_type)
        << ", \"startValue\": " << Json(sequence.start_value) << ", \"incrementBy\": " << Json(sequence.increment_by)
        << ", \"minValue\": " << Json(sequence.min_value) << ", \"maxValue\": " << Json(sequence.max_value)
        << ", \"cacheSize\": " << Json(sequence.cache_size) << ", \"cycle\": " << (sequence.cycle ? "true" : "false") << "}";
  }
  out << "\n  ]\n}\n";
}

// One "Missing X(s):" / "Unexpected X(s):" / "Changed X(s):" block of Liquibase's report.
// `text` names an object of the reference (missing, changed), `comparison_text` one of the comparison
// (unexpected): each qualified by its own database's schema.
template <typename T>
void ReportType(std::ostream& out, const std::string& label, const TypeDiff<T>& diff,
                const std::function<std::string(const T&)>& text, const std::function<std::string(const T&)>& name,
                const std::function<std::string(const T&)>& comparison_text = nullptr) {
  auto sorted = [&](std::vector<std::pair<std::string, std::string>> items) {
    std::sort(items.begin(), items.end());
    return items;
  };
  auto list = [&](const std::string& title, const std::vector<T>& objects,
                  const std::function<std::string(const T&)>& describe) {
    if (objects.empty()) {
      out << title << " " << label << "(s): NONE\n";
      return;
    }
    std::vector<std::pair<std::string, std::string>> items;
    for (const auto& object : objects) items.emplace_back(name(object), describe(object));
    out << title << " " << label << "(s): \n";
    for (const auto& [key, line] : sorted(items)) out << "     " << line << "\n";
  };
  list("Missing", diff.missing, text);
  list("Unexpected", diff.unexpected, comparison_text ? comparison_text : text);
  if (diff.changed.empty()) {
    out << "Changed " << label << "(s): NONE\n";
    return;
  }
  std::vector<std::pair<std::string, std::string>> items;
  for (const auto& changed : diff.changed) {
    std::string block = text(changed.reference);
    for (const auto& field : changed.differences) {
      block += "\n          " + field.field + " changed from '" + field.reference + "' to '" + field.comparison + "'";
    }
    items.emplace_back(name(changed.reference), block);
  }
  out << "Changed " << label << "(s): \n";
  for (const auto& [key, block] : sorted(items)) out << "     " << block << "\n";
}

std::string DatabaseLine(const DatabaseSnapshot& snapshot, const std::string& user) {
  std::string line = (user.empty() ? std::string("null") : user) + " @ " + snapshot.database;
  if (!snapshot.schema.empty()) line += " (Default Schema: " + snapshot.schema + ")";
  return line;
}

}  // namespace

void WriteSnapshot(std::ostream& out, const DatabaseSnapshot& snapshot, const std::string& user, SnapshotFormat format) {
  if (format == SnapshotFormat::kJson) {
    WriteJson(out, snapshot, user);
    return;
  }
  out << "Database snapshot for " << snapshot.database << "\n"
      << std::string(65, '-') << "\n"
      << "Database type: " << snapshot.product_name << "\n"
      << "Database version: " << snapshot.product_version << "\n"
      << "Database user: " << (user.empty() ? "null" : user) << "\n"
      << "Schema: " << snapshot.schema << "\n";
  out << "\nTables (" << snapshot.tables.size() << "):\n";
  for (const auto& table : snapshot.tables) {
    out << "    " << table.name << "\n";
    if (!table.remarks.empty()) out << "        remarks: " << table.remarks << "\n";
    for (const auto& column : table.columns) {
      out << "        " << ColumnLine(column, snapshot.kind) << "\n";
      if (!column.remarks.empty()) out << "            remarks: " << column.remarks << "\n";
    }
    if (table.primary_key) out << "        primary key: " << KeyText(table.primary_key->name, table.name, table.primary_key->columns) << "\n";
    for (const auto& unique : table.unique_constraints) {
      out << "        unique constraint: " << KeyText(unique.name, table.name, unique.columns) << "\n";
    }
  }
  out << "\nIndexes (" << snapshot.indexes.size() << "):\n";
  for (const auto& index : snapshot.indexes) out << "    " << IndexText(snapshot, index) << "\n";
  out << "\nForeign Keys (" << snapshot.foreign_keys.size() << "):\n";
  for (const auto& key : snapshot.foreign_keys) out << "    " << ForeignKeyText(key) << ForeignKeyActions(key) << "\n";
  out << "\nViews (" << snapshot.views.size() << "):\n";
  for (const auto& view : snapshot.views) {
    out << "    " << view.name << "\n";
    std::string definition = view.definition;
    size_t start = 0;
    while (start <= definition.size()) {
      const size_t end = definition.find('\n', start);
      out << "        " << definition.substr(start, end == std::string::npos ? std::string::npos : end - start) << "\n";
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  if (snapshot.kind == db::DatabaseKind::kPostgresql) {
    out << "\nTypes (" << snapshot.types.size() << "):\n";
    for (const auto& type : snapshot.types) out << "    " << type.definition << "\n";
    out << "\nSequences (" << snapshot.sequences.size() << "):\n";
    for (const auto& sequence : snapshot.sequences) {
      out << "    " << sequence.name << " " << sequence.data_type << " START WITH " << sequence.start_value
          << " INCREMENT BY " << sequence.increment_by << " MINVALUE " << sequence.min_value << " MAXVALUE "
          << sequence.max_value << " CACHE " << sequence.cache_size << (sequence.cycle ? " CYCLE" : " NO CYCLE") << "\n";
    }
  }
}

void WriteDiffReport(std::ostream& out, const SchemaDiff& diff, const DatabaseSnapshot& reference,
                     const std::string& reference_user, const DatabaseSnapshot& comparison,
                     const std::string& comparison_user) {
  out << "Reference Database: " << DatabaseLine(reference, reference_user) << "\n"
      << "Comparison Database: " << DatabaseLine(comparison, comparison_user) << "\n"
      << "Compared Schemas: " << reference.schema
      << (comparison.schema != reference.schema ? " -> " + comparison.schema : "") << "\n";
  auto compared = [&](const std::string& what, const std::string& a, const std::string& b) {
    if (a == b) {
      out << what << ": EQUAL\n";
    } else {
      out << what << ":\n     Reference:   '" << a << "'\n     Target: '" << b << "'\n";
    }
  };
  compared("Product Name", reference.product_name, comparison.product_name);
  compared("Product Version", reference.product_version, comparison.product_version);
  ReportType<OfTable<Column>>(
      out, "Column", diff.columns,
      [&](const OfTable<Column>& c) { return Qualified(reference, c.table) + "." + c.object.name; },
      [](const OfTable<Column>& c) { return c.object.name; },
      [&](const OfTable<Column>& c) { return Qualified(comparison, c.table) + "." + c.object.name; });
  ReportType<ForeignKey>(out, "Foreign Key", diff.foreign_keys, ForeignKeyText, [](const ForeignKey& k) { return k.name; });
  ReportType<Index>(
      out, "Index", diff.indexes, [&](const Index& i) { return IndexText(reference, i); }, [](const Index& i) { return i.name; },
      [&](const Index& i) { return IndexText(comparison, i); });
  ReportType<OfTable<KeyConstraint>>(
      out, "Primary Key", diff.primary_keys,
      [&](const OfTable<KeyConstraint>& k) { return KeyText(k.object.name, Qualified(reference, k.table), k.object.columns); },
      [](const OfTable<KeyConstraint>& k) { return k.object.name; },
      [&](const OfTable<KeyConstraint>& k) { return KeyText(k.object.name, Qualified(comparison, k.table), k.object.columns); });
  ReportType<Sequence>(
      out, "Sequence", diff.sequences, [](const Sequence& s) { return s.name; }, [](const Sequence& s) { return s.name; });
  ReportType<Table>(out, "Table", diff.tables, [](const Table& t) { return t.name; }, [](const Table& t) { return t.name; });
  if (reference.kind == db::DatabaseKind::kPostgresql) {  // not Liquibase's: it does not know enums and domains
    ReportType<UserType>(
        out, "Type", diff.types, [](const UserType& t) { return t.name; }, [](const UserType& t) { return t.name; });
  }
  ReportType<OfTable<KeyConstraint>>(
      out, "Unique Constraint", diff.unique_constraints,
      [](const OfTable<KeyConstraint>& k) { return KeyText(k.object.name, k.table, k.object.columns); },
      [](const OfTable<KeyConstraint>& k) { return k.object.name; });
  ReportType<View>(out, "View", diff.views, [](const View& v) { return v.name; }, [](const View& v) { return v.name; });
}

}  // namespace ledgerhost::snapshot
