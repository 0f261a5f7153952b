// Which generator makes each change type's SQL, and on which databases another one does: the
// support matrix of ledgerhost's SQL generation in one place.
#include <map>

#include "core/error.h"
#include "migration/change/change_type.h"
#include "migration/sql/generator/generators.h"
#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {
namespace {

constexpr db::DatabaseKind kSqlite = db::DatabaseKind::kSqlite;
constexpr db::DatabaseKind kMysql = db::DatabaseKind::kMysql;
constexpr db::DatabaseKind kOracle = db::DatabaseKind::kOracle;
constexpr db::DatabaseKind kMssql = db::DatabaseKind::kMssql;
constexpr db::DatabaseKind kH2 = db::DatabaseKind::kH2;

}  // namespace

GenerateFunction ChangeGenerator::For(db::DatabaseKind database) const {
  for (const auto& [kind, function] : overrides) {
    if (kind == database) return function;
  }
  return generate;
}

const std::vector<ChangeGenerator>& AllGenerators() {
  static const std::vector<ChangeGenerator> kGenerators{
      {"createTable", CreateTable, {}},
      {"dropTable", DropTable, {}},
      {"renameTable", RenameTable, {}},
      {"addColumn", AddColumn, {{kSqlite, AddColumnSqlite}}},
      {"dropColumn", DropColumn, {{kSqlite, DropColumnSqlite}}},
      {"renameColumn", RenameColumn, {}},
      {"modifyDataType", ModifyDataType, {{kSqlite, ModifyDataTypeSqlite}}},
      {"addNotNullConstraint", AddNotNull, {{kSqlite, AddNotNullSqlite}}},
      {"dropNotNullConstraint", DropNotNull, {{kSqlite, DropNotNullSqlite}}},
      {"addDefaultValue", AddDefault, {{kSqlite, AddDefaultSqlite}}},
      {"dropDefaultValue", DropDefault, {{kSqlite, DropDefaultSqlite}}},
      {"addPrimaryKey", AddPrimaryKey, {{kSqlite, AddPrimaryKeySqlite}}},
      {"dropPrimaryKey", DropPrimaryKey, {{kSqlite, DropPrimaryKeySqlite}}},
      {"addUniqueConstraint", AddUnique, {{kSqlite, AddUniqueSqlite}}},
      {"dropUniqueConstraint", DropUnique, {{kSqlite, DropUniqueSqlite}}},
      {"addForeignKeyConstraint", AddForeignKey, {{kSqlite, AddForeignKeySqlite}}},
      {"dropForeignKeyConstraint", DropForeignKey, {{kSqlite, DropForeignKeySqlite}}},
      {"dropAllForeignKeyConstraints", DropAllForeignKeyConstraints, {}},
      {"createIndex", CreateIndex, {}},
      {"dropIndex", DropIndex, {}},
      {"createSequence", CreateSequence, {}},
      {"dropSequence", DropSequence, {}},
      {"alterSequence", AlterSequence, {{kSqlite, NotSupported}, {kMysql, NotSupported}}},
      {"renameSequence", RenameSequence, {{kH2, NotSupported}, {kSqlite, NotSupported}, {kMysql, NotSupported}}},
      {"createView", CreateView, {}},
      {"dropView", DropView, {}},
      {"renameView", RenameView, {{kH2, NotSupported}}},
      {"addAutoIncrement", AddAutoIncrement,
       {{kSqlite, AddAutoIncrementSqlite}, {kOracle, NotSupported}, {kMssql, NotSupported}}},
      {"setTableRemarks", SetTableRemarks, {{kSqlite, SetTableRemarksSqlite}}},
      {"setColumnRemarks", SetColumnRemarks, {{kSqlite, SetColumnRemarksSqlite}}},
      {"createProcedure", CreateProcedure, {{kSqlite, NotSupported}}},
      {"dropProcedure", DropProcedure, {{kSqlite, NotSupported}}},
      {"mergeColumns", MergeColumns, {{kSqlite, MergeColumnsSqlite}, {kMssql, NotSupported}}},
      {"addLookupTable", AddLookupTable, {}},
      {"insert", Insert, {}},
      {"update", Update, {}},
      {"delete", Delete, {}},
      {"loadData", LoadData, {}},
      {"loadUpdateData", LoadUpdateData, {}},
      {kLoadUpdateDataRollback, LoadUpdateDataRollback, {}},
      {"sql", Sql, {}},
      {"sqlFile", SqlFile, {}},
      {"customChange", CustomChange, {}},
      {"tagDatabase", NoStatements, {}},
      {"empty", NoStatements, {}},
      {"output", NoStatements, {}},
      {"stop", NoStatements, {}},
  };
  return kGenerators;
}

const ChangeGenerator* FindGenerator(std::string_view change_type) {
  static const std::map<std::string_view, const ChangeGenerator*> kByType = [] {
    std::map<std::string_view, const ChangeGenerator*> by_type;
    for (const auto& generator : AllGenerators()) by_type.emplace(generator.change_type, &generator);
    return by_type;
  }();
  auto it = kByType.find(change_type);
  return it == kByType.end() ? nullptr : it->second;
}

Statements Generate(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  const ChangeGenerator* generator = FindGenerator(change.type);
  if (generator == nullptr) {
    throw UnsupportedChangeError(change.location.ToString() + ": change type " + change.type +
                                 " is not supported by ledgerhost");
  }
  return generator->For(d.kind())(change, d, context);
}

}  // namespace ledgerhost::migration::generator
