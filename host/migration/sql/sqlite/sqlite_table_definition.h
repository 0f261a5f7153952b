// A SQLite CREATE TABLE statement as SQLite stores it (sqlite_master.sql), read into its column
// definitions and table constraints, edited, and written back. SQLite has ALTER TABLE only for
// adding, renaming and dropping plain columns; every other schema change is made by creating the
// table anew from its original text, edited (sqlite.org/lang_altertable.html, "Making Other Kinds Of
// Table Schema Changes"). Working on the text, not on a catalog snapshot, keeps everything the
// table declared: types as written, defaults, collations, CHECK and UNIQUE constraints, foreign key
// actions and deferrability, generated columns, WITHOUT ROWID and STRICT.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledgerhost::migration::sqlite {

// One clause of a column definition, with its "CONSTRAINT name" prefix when it has one.
struct ColumnClause {
  enum class Kind { kPrimaryKey, kNotNull, kNull, kUnique, kCheck, kDefault, kCollate, kReferences, kGenerated };
  Kind kind;
  std::string name;  // the constraint's name, unquoted; empty when unnamed
  std::string sql;   // the clause as written, the CONSTRAINT prefix included
};

struct ColumnDefinition {
  std::string name;      // unquoted
  std::string name_sql;  // as written (quoted or not); empty: written quoted
  std::string type;      // as written ("VARCHAR(255)"); empty when the column has none
  std::vector<ColumnClause> clauses;

  bool Has(ColumnClause::Kind kind) const;
  void Remove(ColumnClause::Kind kind);
  std::string Sql() const;
};

struct TableConstraint {
  enum class Kind { kPrimaryKey, kUnique, kCheck, kForeignKey };
  Kind kind;
  std::string name;                  // unquoted; empty when unnamed
  std::vector<std::string> columns;  // the constrained columns, unquoted (none for CHECK)
  std::string sql;                   // as written, the CONSTRAINT prefix included
};

class TableDefinition {
 public:
  // Throws MigrationError naming `table` when the text is not a CREATE TABLE with a column list
  // (CREATE TABLE ... AS SELECT stores the columns it made, so that never reaches here).
  static TableDefinition Parse(const std::string& create_sql, const std::string& table);

  std::vector<ColumnDefinition>& columns() { return columns_; }
  const std::vector<ColumnDefinition>& columns() const { return columns_; }
  std::vector<TableConstraint>& constraints() { return constraints_; }
  const std::vector<TableConstraint>& constraints() const { return constraints_; }

  ColumnDefinition* FindColumn(std::string_view name);  // case-insensitively, as SQLite matches
  const ColumnDefinition* FindColumn(std::string_view name) const;
  ColumnDefinition& Column(std::string_view name);  // MigrationError when the table has no such column
  bool HasPrimaryKey() const;
  // Removes the constraint named `name` (case-insensitively): a table constraint of `kind`, or a
  // column's clause of `clause`. False when the table has none.
  bool RemoveNamed(TableConstraint::Kind kind, ColumnClause::Kind clause, std::string_view name);

  // CREATE TABLE <quoted_name> (...) with the options (WITHOUT ROWID, STRICT) the table had.
  std::string CreateSql(const std::string& quoted_name) const;

 private:
  std::vector<ColumnDefinition> columns_;
  std::vector<TableConstraint> constraints_;
  std::string table_;    // its name, for messages
  std::string options_;  // what follows the closing parenthesis, as written
};

// A quoted SQLite identifier: "name" with any " doubled.
std::string Quote(std::string_view name);

// Whether `sql` (an index, trigger, view or CHECK text) mentions the identifier `name`, quoted or
// not, outside string literals. Case-insensitive, as SQLite's names are.
bool MentionsIdentifier(std::string_view sql, std::string_view name);

}  // namespace ledgerhost::migration::sqlite
