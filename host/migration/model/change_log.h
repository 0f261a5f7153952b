// The in-memory model of a Liquibase changelog. Every parser (XML, YAML, JSON, formatted SQL) builds
// this same model; checksums, SQL generation and the update engine read it. It is plain data: it
// knows nothing of databases or plugins.
//
// Changes are stored generically (type + attributes + columns), in the shape Liquibase serializes
// them for checksums, so that one serializer covers every change type.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ledgerhost::migration {

// Where a model node came from, for error messages: "db/changelog.xml:12".
struct SourceLocation {
  std::string file;  // resource path as the loader knows it
  int line = 0;      // 1-based; 0 when unknown
  std::string ToString() const { return line > 0 ? file + ":" + std::to_string(line) : file; }
};

// Attribute name -> value, as written in the changelog after ${property} expansion.
// YAML/JSON typed scalars are stored as Java's toString() would render them ("1.5", "true"),
// so that checksums match Liquibase. Absent attributes are absent (Liquibase's null).
using Attributes = std::map<std::string, std::string>;

// A <column> (ColumnConfig / AddColumnConfig / LoadDataColumnConfig). Text content of the element
// is stored as attribute "value".
struct ColumnConfig {
  Attributes attributes;                  // name, type, value*, defaultValue*, autoIncrement, ...
  std::optional<Attributes> constraints;  // <constraints .../> when present
  SourceLocation location;
};

// One change, e.g. createTable. Nested text goes into attributes too: <sql> body -> "sql",
// <where> -> "where", <comment> inside <sql> -> "comment", createView body -> "selectQuery",
// createProcedure body -> "procedureText".
struct Change {
  std::string type;  // Liquibase's change name: "createTable", "sql", "customChange", ...
  Attributes attributes;
  std::vector<ColumnConfig> columns;  // <column> children (createTable, addColumn, insert, ...)
  std::vector<std::pair<std::string, std::string>> params;  // customChange <param name value>
  std::vector<ColumnConfig> where_params;                   // update/delete <whereParams><param>
  SourceLocation location;

  const std::string* Find(const std::string& name) const {
    auto it = attributes.find(name);
    return it == attributes.end() ? nullptr : &it->second;
  }
  std::string Get(const std::string& name, const std::string& fallback = "") const {
    const std::string* v = Find(name);
    return v ? *v : fallback;
  }
};

// A single precondition (tableExists, sqlCheck, not, and, or, ...). "and"/"or"/"not" hold children.
struct Precondition {
  std::string type;
  Attributes attributes;
  std::string text;  // sqlCheck SQL
  std::vector<Precondition> children;
  SourceLocation location;
};

// <preConditions onFail= onError= ...>: nested conditions are AND-ed.
struct PreconditionContainer {
  std::string on_fail = "HALT";   // HALT | CONTINUE | MARK_RAN | WARN
  std::string on_error = "HALT";  // HALT | CONTINUE | MARK_RAN | WARN
  std::string on_fail_message;
  std::string on_error_message;
  std::string on_sql_output = "IGNORE";  // IGNORE | TEST | FAIL
  std::vector<Precondition> conditions;
  SourceLocation location;
};

// A <modifySql> child: append, prepend, replace, regExpReplace.
struct SqlVisitor {
  std::string type;
  Attributes attributes;  // value | replace, with
  std::string dbms;       // from the enclosing <modifySql>
  std::string context;
  std::string labels;
  bool apply_to_rollback = false;
};

// What undoes a changeset. When `declared` is false the engine uses the changes' automatic inverses.
struct RollbackSpec {
  bool declared = false;         // a <rollback> element / --rollback line / rollback: key exists
  std::vector<Change> changes;   // nested changes; rollback SQL text becomes "sql" changes
  // <rollback changeSetId= changeSetAuthor= changeSetPath=/>: reuse that changeset's changes. The
  // parser checks that it exists and copies its changes into `changes`, as Liquibase does.
  std::optional<std::string> referenced_id;
  std::optional<std::string> referenced_author;
  std::optional<std::string> referenced_path;
};

// Liquibase's ObjectQuotingStrategy: which names the SQL quotes. LEGACY quotes reserved words, odd
// characters and (on PostgreSQL) mixed case; QUOTE_ONLY_RESERVED_WORDS drops the mixed-case rule;
// QUOTE_ALL_OBJECTS quotes every name. It changes the SQL, never the checksum.
enum class ObjectQuotingStrategy { kLegacy, kQuoteAllObjects, kQuoteOnlyReservedWords };

struct ChangeSet {
  std::string id;
  std::string author;
  std::string file_path;      // the FILENAME recorded in DATABASECHANGELOG (logical path rules applied)
  std::string physical_path;  // resource path of the file that declared it (for relative paths)

  bool run_on_change = false;
  bool run_always = false;
  bool fail_on_error = true;
  bool run_in_transaction = true;
  bool ignore = false;
  std::string context;  // the changeset's own context expression, as written
  std::string labels;   // as written
  std::string dbms;     // as written
  std::vector<std::string> inherited_contexts;  // from enclosing include/includeAll, outermost first
  std::vector<std::string> inherited_labels;
  std::string on_validation_fail = "HALT";
  std::string run_order;  // "", "first", "last"
  std::vector<std::string> valid_checksums;
  std::string comments;
  // The changeset's own objectQuotingStrategy, else its file's (not inherited through includes).
  ObjectQuotingStrategy quoting = ObjectQuotingStrategy::kLegacy;
  // Not Liquibase's: the PostgreSQL schema unqualified names in its SQL resolve to while it runs (a
  // mapped-schema family's databaseSchema, so that raw SQL lands where its structured changes do);
  // "" = the connection's search path. Not part of the checksum.
  std::string search_schema;

  std::vector<Change> changes;
  RollbackSpec rollback;
  std::optional<PreconditionContainer> preconditions;
  std::vector<SqlVisitor> sql_visitors;
  SourceLocation location;

  // "file::id::author", Liquibase's way to name a changeset in messages.
  std::string Identifier() const { return file_path + "::" + id + "::" + author; }
};

// A fully resolved changelog: includes are flattened into `change_sets` in execution order.
struct ChangeLog {
  std::string physical_path;  // root file
  std::string logical_path;   // root's logicalFilePath, if any
  std::vector<ChangeSet> change_sets;
  // Changelog-level preconditions of the root and every included file, in document order.
  std::vector<PreconditionContainer> preconditions;
  // Changesets the parser dropped for another database's dbms= (Liquibase's skipped changesets):
  // counted as filtered out and in the total of the update summary.
  int skipped_for_dbms = 0;
};

}  // namespace ledgerhost::migration
