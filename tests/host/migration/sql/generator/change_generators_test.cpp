#include "migration/sql/generator/generators.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "core/error.h"
#include "migration/change/change_type.h"
#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {
namespace {

using ::testing::HasSubstr;

TEST(ChangeGenerators, EachChangeTypeHasOneGeneratorAndEachDatabaseAtMostOneOverride) {
  std::set<std::string_view> seen;
  for (const auto& generator : AllGenerators()) {
    EXPECT_TRUE(seen.insert(generator.change_type).second) << generator.change_type;
    EXPECT_NE(generator.generate, nullptr) << generator.change_type;
    std::set<db::DatabaseKind> databases;
    for (const auto& [database, function] : generator.overrides) {
      EXPECT_TRUE(databases.insert(database).second) << generator.change_type << " on " << ShortName(database);
      EXPECT_NE(function, nullptr) << generator.change_type;
    }
    EXPECT_EQ(FindGenerator(generator.change_type), &generator);
  }
}

// The generators cover the change types Liquibase (open source) has, but executeCommand, which
// runs a program of the machine and is refused; their only other type is the engine's own
// loadUpdateData inverse.
TEST(ChangeGenerators, CoverLiquibasesChangeTypes) {
  for (const auto& generator : AllGenerators()) {
    if (generator.change_type == kLoadUpdateDataRollback) continue;
    EXPECT_NE(FindChangeType(generator.change_type), nullptr) << generator.change_type;
  }
  EXPECT_EQ(FindGenerator("executeCommand"), nullptr);
  ASSERT_NE(FindChangeType("executeCommand"), nullptr);
}

// The generators read a change's attributes by name; every name one reads must be a parameter of its
// change type in the registry, so a typo ("tablename") cannot silently read nothing. Each generator
// file is named after its change type (load_data.cpp also serves loadUpdateData, sql.cpp sqlFile).
TEST(ChangeGenerators, ReadOnlyAttributesTheirChangeTypeDeclares) {
  const std::filesystem::path dir = std::filesystem::path(LEDGERHOST_SOURCE_DIR) / "host/migration/sql/generator";
  const std::regex read(R"re((?:Require\(change, |change\.(?:Find|Get)\(|d\.Table\(change, |ColumnType\(change, d, |ReadResource\(change, context, )"(\w+)")re");
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string stem = entry.path().stem().string();
    std::string type;  // snake_case file name -> camelCase change type
    for (std::size_t i = 0; i < stem.size(); ++i) {
      type += stem[i] == '_' && i + 1 < stem.size() ? static_cast<char>(std::toupper(stem[++i])) : stem[i];
    }
    std::vector<const ChangeType*> types{FindChangeType(type)};
    if (type == "loadData") types.push_back(FindChangeType("loadUpdateData"));
    if (type == "sql") types.push_back(FindChangeType("sqlFile"));
    if (types.front() == nullptr) continue;  // the table, support, no_statements
    ++files;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    for (std::sregex_iterator it(source.begin(), source.end(), read), end; it != end; ++it) {
      const std::string name = (*it)[1];
      const bool declared = std::any_of(types.begin(), types.end(), [&](const ChangeType* t) { return t->Find(name); });
      EXPECT_TRUE(declared) << entry.path().filename() << " reads '" << name << "', which " << type << " does not declare";
    }
  }
  EXPECT_GE(files, 35);
}

TEST(ChangeGenerators, ADatabaseWithoutAGeneratorForAChangeRefusesItNamingBoth) {
  const ChangeGenerator* rename_sequence = FindGenerator("renameSequence");
  ASSERT_NE(rename_sequence, nullptr);
  EXPECT_EQ(rename_sequence->For(db::DatabaseKind::kSqlite), &NotSupported);
  EXPECT_EQ(rename_sequence->For(db::DatabaseKind::kPostgresql), rename_sequence->generate);
  Change change;
  change.type = "renameSequence";
  change.location = {"c.xml", 7};
  change.attributes = {{"oldSequenceName", "s"}, {"newSequenceName", "t"}};
  SqlGenerationContext context;
  context.database = db::DatabaseKind::kSqlite;
  try {
    GenerateSql(change, context);
    FAIL() << "renameSequence generated on sqlite";
  } catch (const UnsupportedChangeError& e) {
    EXPECT_THAT(e.what(), HasSubstr("c.xml:7: renameSequence is not supported on sqlite"));
  }
  context.database = db::DatabaseKind::kPostgresql;
  EXPECT_THAT(GenerateSql(change, context).at(0).sql, HasSubstr("RENAME TO t"));
}

// Liquibase's generators require the column's type where the database restates the column
// (RenameColumnGenerator, SetColumnRemarksGenerator, SetNullableGenerator on MySQL/MariaDB): its
// validation names the field, the change and the database, before anything runs.
TEST(ChangeGenerators, MysqlFamilyRequiresTheColumnTypeWhereItRestatesTheColumn) {
  SqlGenerationContext context;
  context.database = db::DatabaseKind::kMariadb;
  const std::vector<std::pair<std::string, Attributes>> changes = {
      {"renameColumn", {{"tableName", "t"}, {"oldColumnName", "a"}, {"newColumnName", "b"}}},
      {"setColumnRemarks", {{"tableName", "t"}, {"columnName", "a"}, {"remarks", "r"}}},
      {"addNotNullConstraint", {{"tableName", "t"}, {"columnName", "a"}}},
      {"dropNotNullConstraint", {{"tableName", "t"}, {"columnName", "a"}, {"columnDataType", " "}}}};
  for (const auto& [type, attributes] : changes) {
    Change change;
    change.type = type;
    change.location = {"c.xml", 3};
    change.attributes = attributes;
    try {
      GenerateSql(change, context);
      ADD_FAILURE() << type << " generated without columnDataType";
    } catch (const UnsupportedChangeError& e) {
      EXPECT_THAT(e.what(), HasSubstr("c.xml:3: columnDataType is required for " + type + " on mariadb"));
    }
    context.database = db::DatabaseKind::kPostgresql;
    if (type != "dropNotNullConstraint") {
      EXPECT_NO_THROW(GenerateSql(change, context)) << type;
    }
    context.database = db::DatabaseKind::kMariadb;
  }
}

// Captured from Liquibase 4.28 (offline:mariadb update-sql): MySQL starts an AUTO_INCREMENT with a
// table option, and refuses incrementBy in validation (checkDisallowedField).
TEST(ChangeGenerators, MysqlFamilyStartsAutoIncrementsByATableOption) {
  SqlGenerationContext context;
  context.database = db::DatabaseKind::kMariadb;
  Change create;
  create.type = "createTable";
  create.attributes = {{"tableName", "t"}, {"remarks", "r"}};
  ColumnConfig id;
  id.attributes = {{"name", "id"}, {"type", "BIGINT"}, {"autoIncrement", "true"}, {"startWith", "100"}};
  create.columns.push_back(id);
  EXPECT_EQ(GenerateSql(create, context).at(0).sql,
            "CREATE TABLE t (id BIGINT AUTO_INCREMENT NULL) AUTO_INCREMENT=100 COMMENT='r'");
  Change add;
  add.type = "addAutoIncrement";
  add.location = {"c.xml", 9};
  add.attributes = {{"tableName", "t"}, {"columnName", "b"}, {"columnDataType", "INT"}, {"startWith", "5"}};
  const auto statements = GenerateSql(add, context);
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_EQ(statements[0].sql, "ALTER TABLE t MODIFY b INT AUTO_INCREMENT");
  EXPECT_EQ(statements[1].sql, "ALTER TABLE t AUTO_INCREMENT=5");
  add.attributes["incrementBy"] = "2";
  try {
    GenerateSql(add, context);
    FAIL() << "incrementBy generated on mariadb";
  } catch (const UnsupportedChangeError& e) {
    EXPECT_THAT(e.what(), HasSubstr("c.xml:9: incrementBy is not allowed on mariadb"));
  }
}

TEST(ChangeGenerators, MysqlFamilySetsAColumnsRemarksByRestatingItsType) {
  Change change;
  change.type = "setColumnRemarks";
  change.attributes = {{"tableName", "t"}, {"columnName", "a"}, {"remarks", " it's a\\b "}, {"columnDataType", "INT"}};
  SqlGenerationContext context;
  context.database = db::DatabaseKind::kMysql;
  // As Liquibase 4.28 writes it: remarks trimmed, quotes doubled, backslashes escaped on MySQL.
  EXPECT_EQ(GenerateSql(change, context).at(0).sql, "ALTER TABLE t MODIFY COLUMN a INT COMMENT 'it''s a\\\\b'");
}

TEST(ChangeGenerators, SqliteRebuildsForEveryTableChangeAndNeedsTheTableForIt) {
  // Offline there is no table to read: the change says so, as Liquibase does for its rebuilds.
  Change change;
  change.type = "addPrimaryKey";
  change.location = {"c.xml", 7};
  change.attributes = {{"tableName", "t"}, {"columnNames", "id"}};
  SqlGenerationContext context;
  context.database = db::DatabaseKind::kSqlite;
  try {
    GenerateSql(change, context);
    FAIL() << "addPrimaryKey generated offline on sqlite";
  } catch (const MigrationError& e) {
    EXPECT_THAT(e.what(), HasSubstr("c.xml:7: AddPrimaryKeyStatement requires access to up to date database metadata"));
  }
  // With the table, a statement generated when it runs, from the table as it is then.
  db::LiveTable live;
  live.name = "t";
  live.sql = "CREATE TABLE t (id INT, name TEXT)";
  context.introspect = [&live](const std::string&) { return std::optional<db::LiveTable>(live); };
  const auto statements = GenerateSql(change, context);
  ASSERT_EQ(statements.size(), 1u);
  ASSERT_TRUE(statements[0].generate);
  const auto rebuild = statements[0].generate(statements[0].sql);
  ASSERT_GE(rebuild.size(), 7u);
  EXPECT_EQ(rebuild[0].sql, "CREATE TABLE \"t__rebuild\" (id INT NOT NULL, name TEXT, PRIMARY KEY (\"id\"))");
  EXPECT_EQ(rebuild[1].sql, "INSERT INTO \"t__rebuild\" (\"id\", \"name\") SELECT \"id\", \"name\" FROM \"t\"");
  EXPECT_EQ(rebuild[2].sql, "DROP TABLE \"t\"");
  EXPECT_EQ(rebuild[3].sql, "PRAGMA legacy_alter_table = ON");
  EXPECT_EQ(rebuild[4].sql, "ALTER TABLE \"t__rebuild\" RENAME TO \"t\"");
  EXPECT_EQ(rebuild[5].sql, "PRAGMA legacy_alter_table = OFF");
  EXPECT_EQ(rebuild.back().sql, "PRAGMA foreign_key_check(\"t\")");
  EXPECT_FALSE(rebuild.back().failure_if_rows.empty());
}

// A database's own generator checks the change as the generic one does, before anything else: a
// missing table name is that error on SQLite too, not "needs a live database" (found in review).
TEST(ChangeGenerators, ADatabasesOwnGeneratorChecksTheChangeFirst) {
  Change change;
  change.type = "addDefaultValue";
  change.location = {"c.xml", 9};
  change.attributes = {{"columnName", "c"}, {"defaultValueNumeric", "1"}};
  SqlGenerationContext context;
  context.database = db::DatabaseKind::kSqlite;  // offline: no table to read
  try {
    GenerateSql(change, context);
    FAIL() << "generated without a table";
  } catch (const MigrationError& e) {
    EXPECT_THAT(e.what(), HasSubstr("tableName"));
    EXPECT_THAT(e.what(), ::testing::Not(HasSubstr("SQL output mode")));
  }
}

TEST(ChangeGenerators, AnUnknownChangeTypeIsRefusedNamingIt) {
  Change change;
  change.type = "executeCommand";
  change.location = {"c.xml", 3};
  EXPECT_THROW(
      {
        try {
          GenerateSql(change, SqlGenerationContext{});
        } catch (const UnsupportedChangeError& e) {
          EXPECT_THAT(e.what(), HasSubstr("c.xml:3: change type executeCommand is not supported by ledgerhost"));
          throw;
        }
      },
      UnsupportedChangeError);
}

}  // namespace
}  // namespace ledgerhost::migration::generator
