// The change generators: one per Liquibase change type (Liquibase's change/core/*Change.java with
// their sqlgenerator/core/*Generator.java), each in the file named after its change type, with the
// per-database generators beside it where a whole change differs on a database (the SQLite table
// rebuilds, sqlite/sqlite_rebuild.h; NotSupported). Clause-level differences are branches in the
// generic generator. change_generators.cpp maps change types to them; nothing else calls them
// directly.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "migration/model/change_log.h"
#include "db/database_kind.h"
#include "migration/sql/dialect.h"
#include "migration/sql/sql_generator.h"

namespace ledgerhost::migration::generator {

using Statements = std::vector<SqlStatement>;
using GenerateFunction = Statements (*)(const Change& change, const Dialect& d, const SqlGenerationContext& context);

// A change type's generator: what every database gets, and what a database with its own generator
// gets instead (NotSupported where Liquibase has none for that database).
struct ChangeGenerator {
  std::string_view change_type;
  GenerateFunction generate = nullptr;
  std::vector<std::pair<db::DatabaseKind, GenerateFunction>> overrides;

  GenerateFunction For(db::DatabaseKind database) const;
};

// nullptr for a change type ledgerhost has no generator for.
const ChangeGenerator* FindGenerator(std::string_view change_type);
const std::vector<ChangeGenerator>& AllGenerators();

// The statements of `change` on `d`'s database. Generators call it for the changes theirs is made
// of (addColumn's unique constraint, mergeColumns' addColumn), as Liquibase's changes return other
// changes' statements.
Statements Generate(const Change& change, const Dialect& d, const SqlGenerationContext& context);

// The generators, by the file they live in.
Statements AddAutoIncrement(const Change&, const Dialect&, const SqlGenerationContext&);
Statements AddAutoIncrementSqlite(const Change&, const Dialect&, const SqlGenerationContext&);
Statements AddColumn(const Change&, const Dialect&, const SqlGenerationContext&);
Statements AddColumnSqlite(const Change&, const Dialect&, const SqlGenerationContext&);
Statements AddDefault(const Change&, const Dialect&, const SqlGenerationContext&);
Statements AddDefaultSqlite(const Change&, const Dialect&, const SqlGenerationContext&);
Statements AddForeignKey(const Change&, const Dialect&, const SqlGenerationContext&);
Statements AddForeignKeySqlite(const Change&, const Dialect&, const SqlGenerationContext&);
Statements AddLookupTable(const Change&, const Dialect&, const SqlGenerationContext&);
Statements AddNotNull(const Change&, const Dialect&, const SqlGenerationContext&);
Statements AddNotNullSqlite(const Change&, const Dialect&, const SqlGenerationContext&);
Statements AddPrimaryKey(const Change&, const Dialect&, const SqlGenerationContext&);
Statements AddPrimaryKeySqlite(const Change&, const Dialect&, const SqlGenerationContext&);
Statements AddUnique(const Change&, const Dialect&, const SqlGenerationContext&);
Statements AddUniqueSqlite(const Change&, const Dialect&, const SqlGenerationContext&);
Statements AlterSequence(const Change&, const Dialect&, const SqlGenerationContext&);
Statements CreateIndex(const Change&, const Dialect&, const SqlGenerationContext&);
Statements CreateProcedure(const Change&, const Dialect&, const SqlGenerationContext&);
Statements CreateSequence(const Change&, const Dialect&, const SqlGenerationContext&);
Statements CreateTable(const Change&, const Dialect&, const SqlGenerationContext&);
Statements CreateView(const Change&, const Dialect&, const SqlGenerationContext&);
Statements CustomChange(const Change&, const Dialect&, const SqlGenerationContext&);
Statements Delete(const Change&, const Dialect&, const SqlGenerationContext&);
Statements DropAllForeignKeyConstraints(const Change&, const Dialect&, const SqlGenerationContext&);
Statements DropColumn(const Change&, const Dialect&, const SqlGenerationContext&);
Statements DropColumnSqlite(const Change&, const Dialect&, const SqlGenerationContext&);
Statements DropDefault(const Change&, const Dialect&, const SqlGenerationContext&);
Statements DropDefaultSqlite(const Change&, const Dialect&, const SqlGenerationContext&);
Statements DropForeignKey(const Change&, const Dialect&, const SqlGenerationContext&);
Statements DropForeignKeySqlite(const Change&, const Dialect&, const SqlGenerationContext&);
Statements DropIndex(const Change&, const Dialect&, const SqlGenerationContext&);
Statements DropNotNull(const Change&, const Dialect&, const SqlGenerationContext&);
Statements DropNotNullSqlite(const Change&, const Dialect&, const SqlGenerationContext&);
Statements DropPrimaryKey(const Change&, const Dialect&, const SqlGenerationContext&);
Statements DropPrimaryKeySqlite(const Change&, const Dialect&, const SqlGenerationContext&);
Statements DropProcedure(const Change&, const Dialect&, const SqlGenerationContext&);
Statements DropSequence(const Change&, const Dialect&, const SqlGenerationContext&);
Statements DropTable(const Change&, const Dialect&, const SqlGenerationContext&);
Statements DropUnique(const Change&, const Dialect&, const SqlGenerationContext&);
Statements DropUniqueSqlite(const Change&, const Dialect&, const SqlGenerationContext&);
Statements DropView(const Change&, const Dialect&, const SqlGenerationContext&);
Statements Insert(const Change&, const Dialect&, const SqlGenerationContext&);
Statements LoadData(const Change&, const Dialect&, const SqlGenerationContext&);
Statements LoadUpdateData(const Change&, const Dialect&, const SqlGenerationContext&);
Statements LoadUpdateDataRollback(const Change&, const Dialect&, const SqlGenerationContext&);
Statements MergeColumns(const Change&, const Dialect&, const SqlGenerationContext&);
Statements MergeColumnsSqlite(const Change&, const Dialect&, const SqlGenerationContext&);
Statements ModifyDataType(const Change&, const Dialect&, const SqlGenerationContext&);
Statements ModifyDataTypeSqlite(const Change&, const Dialect&, const SqlGenerationContext&);
Statements NoStatements(const Change&, const Dialect&, const SqlGenerationContext&);
Statements RenameColumn(const Change&, const Dialect&, const SqlGenerationContext&);
Statements RenameSequence(const Change&, const Dialect&, const SqlGenerationContext&);
Statements RenameTable(const Change&, const Dialect&, const SqlGenerationContext&);
Statements RenameView(const Change&, const Dialect&, const SqlGenerationContext&);
Statements SetColumnRemarks(const Change&, const Dialect&, const SqlGenerationContext&);
Statements SetColumnRemarksSqlite(const Change&, const Dialect&, const SqlGenerationContext&);
Statements SetTableRemarks(const Change&, const Dialect&, const SqlGenerationContext&);
Statements SetTableRemarksSqlite(const Change&, const Dialect&, const SqlGenerationContext&);
Statements Sql(const Change&, const Dialect&, const SqlGenerationContext&);
Statements SqlFile(const Change&, const Dialect&, const SqlGenerationContext&);
Statements Update(const Change&, const Dialect&, const SqlGenerationContext&);

}  // namespace ledgerhost::migration::generator
