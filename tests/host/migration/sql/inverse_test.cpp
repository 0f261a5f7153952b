// Liquibase's automatic rollbacks (liquibase-spec.md §5.2) and the SQL they generate.
#include <gtest/gtest.h>

#include "core/error.h"
#include "migration/sql/custom_change_registry.h"
#include "migration/change/change_type.h"
#include "migration/sql/sql_generator.h"

namespace ledgerhost::migration {
namespace {

Change Make(std::string type, Attributes attributes, std::vector<ColumnConfig> columns = {}) {
  Change change;
  change.type = std::move(type);
  change.attributes = std::move(attributes);
  change.columns = std::move(columns);
  change.location = {"db/changelog.xml", 7};
  return change;
}

ColumnConfig Column(Attributes attributes) {
  ColumnConfig column;
  column.attributes = std::move(attributes);
  return column;
}

std::vector<std::string> SqlOf(const std::vector<Change>& changes, db::DatabaseKind db,
                               const ResourceLoader* loader = nullptr) {
  std::vector<std::string> out;
  for (const auto& change : changes) {
    for (const auto& statement : GenerateSql(change, {db, loader, "db/changelog.xml", {}})) out.push_back(statement.sql);
  }
  return out;
}

TEST(InverseOf, CreateTableDropsTheTable) {
  auto inverse = InverseOf(Make("createTable", {{"tableName", "party"}, {"schemaName", "app"}}, {Column({{"name", "id"}, {"type", "INT"}})}));
  ASSERT_TRUE(inverse);
  EXPECT_EQ(SqlOf(*inverse, db::DatabaseKind::kPostgresql), std::vector<std::string>{"DROP TABLE app.party"});
}

TEST(InverseOf, AddColumnDropsDefaultsThenColumns) {
  auto inverse = InverseOf(Make("addColumn", {{"tableName", "party"}},
                                {Column({{"name", "a"}, {"type", "INT"}}),
                                 Column({{"name", "b"}, {"type", "INT"}, {"defaultValueNumeric", "1"}})}));
  ASSERT_TRUE(inverse);
  ASSERT_EQ(inverse->size(), 2u);
  EXPECT_EQ((*inverse)[0].type, "dropDefaultValue");
  EXPECT_EQ((*inverse)[1].type, "dropColumn");
  EXPECT_EQ(SqlOf(*inverse, db::DatabaseKind::kPostgresql),
            (std::vector<std::string>{"ALTER TABLE party ALTER COLUMN b DROP DEFAULT", "ALTER TABLE party DROP COLUMN a",
                                      "ALTER TABLE party DROP COLUMN b"}));
  EXPECT_EQ(SqlOf({(*inverse)[1]}, db::DatabaseKind::kMysql),
            std::vector<std::string>{"ALTER TABLE party DROP a, DROP b"});
}

TEST(InverseOf, RenamesSwapNames) {
  auto inverse = InverseOf(Make("renameColumn", {{"tableName", "t"}, {"oldColumnName", "a"}, {"newColumnName", "b"},
                                                 {"columnDataType", "INT"}}));
  ASSERT_TRUE(inverse);
  EXPECT_EQ(SqlOf(*inverse, db::DatabaseKind::kPostgresql), std::vector<std::string>{"ALTER TABLE t RENAME COLUMN b TO a"});
  EXPECT_EQ(SqlOf(*inverse, db::DatabaseKind::kMysql), std::vector<std::string>{"ALTER TABLE t CHANGE b a INT"});
  inverse = InverseOf(Make("renameTable", {{"oldTableName", "a"}, {"newTableName", "b"}}));
  ASSERT_TRUE(inverse);
  EXPECT_EQ(SqlOf(*inverse, db::DatabaseKind::kPostgresql), std::vector<std::string>{"ALTER TABLE b RENAME TO a"});
}

TEST(InverseOf, ConstraintsAndIndexes) {
  struct Row {
    Change change;
    std::string expected;  // PostgreSQL
  };
  const std::vector<Row> rows{
      {Make("createIndex", {{"tableName", "t"}, {"indexName", "ix"}}, {Column({{"name", "a"}})}), "DROP INDEX ix"},
      {Make("addForeignKeyConstraint", {{"baseTableName", "c"}, {"baseColumnNames", "p"}, {"constraintName", "fk"},
                                        {"referencedTableName", "t"}, {"referencedColumnNames", "id"}}),
       "ALTER TABLE c DROP CONSTRAINT fk"},
      {Make("addPrimaryKey", {{"tableName", "t"}, {"columnNames", "id"}, {"constraintName", "pk_t"}}),
       "ALTER TABLE t DROP CONSTRAINT pk_t"},
      {Make("addUniqueConstraint", {{"tableName", "t"}, {"columnNames", "a"}, {"constraintName", "uq"}}),
       "ALTER TABLE t DROP CONSTRAINT uq"},
      {Make("addNotNullConstraint", {{"tableName", "t"}, {"columnName", "a"}, {"columnDataType", "INT"}}),
       "ALTER TABLE t ALTER COLUMN a DROP NOT NULL"},
      {Make("dropNotNullConstraint", {{"tableName", "t"}, {"columnName", "a"}, {"columnDataType", "INT"}}),
       "ALTER TABLE t ALTER COLUMN a SET NOT NULL"},
      {Make("addDefaultValue", {{"tableName", "t"}, {"columnName", "a"}, {"defaultValue", "x"}}),
       "ALTER TABLE t ALTER COLUMN a DROP DEFAULT"},
      {Make("createSequence", {{"sequenceName", "s"}}), "DROP SEQUENCE s CASCADE"},
      {Make("createView", {{"viewName", "v"}, {"selectQuery", "select 1"}}), "DROP VIEW v"},
  };
  for (const auto& row : rows) {
    auto inverse = InverseOf(row.change);
    ASSERT_TRUE(inverse) << row.change.type;
    EXPECT_EQ(SqlOf(*inverse, db::DatabaseKind::kPostgresql), std::vector<std::string>{row.expected}) << row.change.type;
  }
}

TEST(InverseOf, NoSqlChangesHaveAnEmptyInverse) {
  for (const char* type : {"tagDatabase", "empty", "output"}) {
    auto inverse = InverseOf(Make(type, {}));
    ASSERT_TRUE(inverse) << type;
    EXPECT_TRUE(inverse->empty()) << type;
  }
}

TEST(InverseOf, ChangesWithoutAutomaticRollback) {
  for (const char* type : {"sql", "sqlFile", "insert", "update", "delete", "loadData", "dropTable", "dropColumn",
                           "modifyDataType", "addAutoIncrement", "customChange", "dropIndex", "dropView"}) {
    EXPECT_FALSE(InverseOf(Make(type, {{"tableName", "t"}}))) << type;
  }
}

TEST(InverseOf, NewerChangeTypes) {
  // Liquibase: renameView/renameSequence swap names; addLookupTable drops its foreign key, then the
  // lookup table; the others have no automatic rollback (spec §5.2).
  auto view = InverseOf(Make("renameView", {{"oldViewName", "a"}, {"newViewName", "b"}, {"schemaName", "s"}}));
  ASSERT_TRUE(view);
  EXPECT_EQ(SqlOf(*view, db::DatabaseKind::kPostgresql), std::vector<std::string>{"ALTER TABLE s.b RENAME TO a"});
  auto sequence = InverseOf(Make("renameSequence", {{"oldSequenceName", "a"}, {"newSequenceName", "b"}}));
  ASSERT_TRUE(sequence);
  EXPECT_EQ(SqlOf(*sequence, db::DatabaseKind::kOracle), std::vector<std::string>{"RENAME b TO a"});
  auto lookup = InverseOf(Make("addLookupTable", {{"existingTableName", "address"}, {"existingColumnName", "state"},
                                                  {"newTableName", "state"}, {"newColumnName", "code"},
                                                  {"constraintName", "fk_state"}}));
  ASSERT_TRUE(lookup);
  EXPECT_EQ(SqlOf(*lookup, db::DatabaseKind::kPostgresql),
            (std::vector<std::string>{"ALTER TABLE address DROP CONSTRAINT fk_state", "DROP TABLE state"}));
  for (const char* type : {"mergeColumns", "alterSequence", "createProcedure", "dropProcedure", "setTableRemarks",
                           "setColumnRemarks"}) {
    EXPECT_FALSE(InverseOf(Make(type, {{"tableName", "t"}}))) << type;
  }
}

TEST(InverseOf, LoadUpdateDataDeletesEveryRowByPrimaryKey) {
  MemoryResourceLoader loader("test", {{"db/rows.csv", "id;name\n10;'a;b'\n11;plain\n"}});
  Change load = Make("loadUpdateData", {{"tableName", "people"}, {"file", "rows.csv"}, {"relativeToChangelogFile", "true"},
                                        {"separator", ";"}, {"quotchar", "'"}, {"primaryKey", "id"}},
                     {Column({{"name", "id"}, {"type", "NUMERIC"}}), Column({{"name", "name"}, {"type", "STRING"}})});
  auto inverse = InverseOf(load);
  ASSERT_TRUE(inverse);
  EXPECT_EQ(SqlOf(*inverse, db::DatabaseKind::kPostgresql, &loader),
            (std::vector<std::string>{"DELETE FROM people WHERE id = 10", "DELETE FROM people WHERE id = 11"}));
}

TEST(GenerateSql, CustomChangeNeedsANativeReplacement) {
  Change custom = Make("customChange", {{"class", "com.example.FixBalances"}});
  try {
    GenerateSql(custom, {db::DatabaseKind::kPostgresql, nullptr, "", {}});
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_NE(std::string(e.what()).find("com.example.FixBalances"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("db/changelog.xml:7"), std::string::npos) << e.what();
  }
}

TEST(GenerateSql, RegisteredCustomChangeGeneratesItsStatements) {
  RegisterCustomChange("com.example.Touch", [](const Change& change, const SqlGenerationContext& context) {
    std::vector<SqlStatement> out;
    for (const auto& [name, value] : change.params) {
      out.push_back({"UPDATE " + QuoteIdentifier(value, context.database) + " SET touched = 1"});
    }
    return out;
  });
  Change custom = Make("customChange", {{"class", "com.example.Touch"}});
  custom.params = {{"table", "order"}};
  const auto statements = GenerateSql(custom, {db::DatabaseKind::kMysql, nullptr, "", {}});
  ASSERT_EQ(statements.size(), 1u);
  EXPECT_EQ(statements[0].sql, "UPDATE `order` SET touched = 1");
}

}  // namespace
}  // namespace ledgerhost::migration
