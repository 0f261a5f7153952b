// What the change generators share: reading a change's attributes and columns, and the clauses
// several change types print the same way (defaults, referential actions, SQL Server remarks).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "migration/model/change_log.h"
#include "migration/sql/dialect.h"
#include "migration/sql/sql_generator.h"

namespace ledgerhost::migration::generator {

using Statements = std::vector<SqlStatement>;

// Liquibase's note before the statements of a change whose SQL depends on the database or its
// files (loadData, SQLite table rebuilds).
inline constexpr const char* kVolatileWarning =
    "WARNING The following SQL may change each run and therefore is possibly incorrect and/or invalid:";

// UnsupportedChangeError: "<location>: <change type> is not supported on <database>".
[[noreturn]] void Unsupported(const Change& change, const Dialect& dialect);
// The generator of a change type on a database Liquibase has no generator for it on.
Statements NotSupported(const Change& change, const Dialect& dialect, const SqlGenerationContext& context);
// A field the database's generator refuses (Liquibase's checkDisallowedField), a validation failure:
// UnsupportedChangeError "<location>: <field> is not allowed on <database>".
[[noreturn]] void Disallowed(const SourceLocation& location, const char* field, const Dialect& dialect);
// Liquibase refuses update-sql for statements whose SQL it derives from the live table.
[[noreturn]] void NeedsLiveDatabase(const Change& change, const std::string& statement_class);

// The attribute's value; MigrationError naming the change when it is missing or empty.
std::string Require(const Change& change, const char* attribute);
std::string Attr(const Attributes& attributes, const char* name, const std::string& fallback = "");
bool Has(const Attributes& attributes, const char* name);
// "a, b" -> {"a", "b"}: blanks, tabs and newlines around each name dropped, empty names too.
std::vector<std::string> SplitNames(const std::string& list);
std::string JoinIdentifiers(const Dialect& d, const std::vector<std::string>& names);
// A nested column's name; MigrationError naming the column when it has none.
std::string ColumnName(const ColumnConfig& column, const Change& change);
bool ConstraintTrue(const ColumnConfig& column, const char* name);
bool ConstraintFalse(const ColumnConfig& column, const char* name);
// "party(id)" -> ("party", "id").
std::pair<std::string, std::string> SplitReference(const std::string& references);
// The type in `attribute` as the database spells it. A missing or blank one is UnsupportedChangeError
// "<attribute> is required for <change type> on <database>", a validation failure as in Liquibase.
std::string ColumnType(const Change& change, const Dialect& d, const char* attribute);

// " DEFAULT x" (SQL Server: a named default constraint), or "" when the column has no default.
std::string DefaultClause(const Dialect& d, const std::string& table, const std::string& column, const Attributes& a,
                          bool add_column = false);
// " TABLESPACE x" where Liquibase prints it (PostgreSQL, Oracle); the name is an identifier.
std::string TablespaceClause(const Change& change, const Dialect& d);
// " ON UPDATE ... ON DELETE ... DEFERRABLE INITIALLY DEFERRED" of a foreign key.
std::string ReferentialActions(const Dialect& d, const Attributes& a, bool delete_cascade);
// SQL Server keeps remarks as MS_Description extended properties; Liquibase updates or adds one
// for the table, or for one of its columns when `column` is given.
std::string MssqlDescription(const Dialect& d, const std::string& table, const std::string& remarks,
                             const std::string& column = "");
// SQL Server names default constraints itself; Liquibase looks the name up and drops it
// (DropDefaultValueGenerator.DROP_DF_MSSQL, lines joined with CRLF as there).
std::string DropMssqlDefaultConstraint(const Dialect& d, const std::string& table, const std::string& column);

// A column's value for insert/update. valueClobFile is the file's text (Liquibase binds it to a
// prepared statement; ledgerhost inlines it as an escaped literal so the script runs as printed).
std::string ColumnValue(const Dialect& d, const ColumnConfig& column, const SqlGenerationContext& context);
// The change's columns' values, comma-separated; their names go to `columns_out`.
std::string ValuesList(const Dialect& d, const Change& change, const SqlGenerationContext& context,
                       std::string& columns_out);
// InsertDataChange/UpdateDataChange: a file value (or an insert column typed BLOB/CLOB) makes
// Liquibase use a prepared statement.
bool NeedsPreparedStatement(const Change& change, bool insert);
// The text of the file the change's `attribute` names (sqlFile, createView/createProcedure path,
// loadData), resolved as Liquibase resolves it and decoded from the change's encoding.
std::string ReadResource(const Change& change, const SqlGenerationContext& context, const char* attribute);

}  // namespace ledgerhost::migration::generator
