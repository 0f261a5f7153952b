// Liquibase's SQLite table rebuild, checked against what Liquibase 4.28 generates for the same live
// table (data/sqlite_rebuild/, captured by its capture.sh): column types as the SQLite JDBC driver
// reports them, defaults as Liquibase reads them back, and what each change type's visitor keeps.
// The tables here are described by hand, as the engine's introspection reports them; the engine
// tests run the same rebuilds on real SQLite databases.
#include "migration/sql/sqlite/sqlite_rebuild.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "core/error.h"
#include "host/migration/sql/liquibase_output.h"
#include "migration/sql/sql_generator.h"
#include "migration/sql/sqlite_type.h"

namespace ledgerhost::migration {
namespace {

using testing::SqlTestData;

std::vector<std::vector<std::string>> ReadExpected(const std::string& name, std::size_t fields) {
  std::ifstream in(SqlTestData() / "sqlite_rebuild" / name);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> row;
    std::size_t start = 0;
    for (std::size_t i = 0; i + 1 < fields; ++i) {
      const std::size_t bar = line.find('\t', start);
      row.push_back(line.substr(start, bar - start));
      start = bar + 1;
    }
    row.push_back(line.substr(start));
    rows.push_back(row);
  }
  return rows;
}

// One table "t (c <type> [DEFAULT ...])" as the engine's introspection reports it.
TableIntrospector OneColumnTable(const std::string& declared, std::optional<std::string> column_default) {
  db::LiveTable table;
  table.name = "t";
  table.sql = "CREATE TABLE t (c " + declared + ")";
  db::ColumnInfo column;
  column.name = "c";
  column.type = declared;
  if (const auto not_null = declared.find(" NOT NULL"); not_null != std::string::npos) {
    column.type = declared.substr(0, not_null);  // SQLite reads the rest as a constraint
    column.nullable = false;
  }
  column.default_value = std::move(column_default);
  table.columns.push_back(column);
  return [table](const std::string& name) -> std::optional<db::LiveTable> {
    if (name == "t") return table;
    return std::nullopt;
  };
}

// The column definition of the rebuilt "t", or "ERROR <message>".
std::string RebuiltColumn(const TableIntrospector& introspect) {
  try {
    const auto statements = SqliteTableRebuild(introspect, "t", "", RebuildVisitor{}, "test");
    const std::string& create = statements.at(1).sql;
    const std::string prefix = "CREATE TABLE t (c ";
    if (create.rfind(prefix, 0) != 0) return "unexpected: " + create;
    return create.substr(prefix.size(), create.size() - prefix.size() - 1);
  } catch (const MigrationError& e) {
    const std::string message = e.what();
    return "ERROR " + message.substr(message.find(": ") + 2);
  }
}

TEST(SqliteRebuild, ColumnTypesAreTheOnesLiquibaseReadsFromTheDriver) {
  const auto rows = ReadExpected("types.expected", 3);
  ASSERT_GT(rows.size(), 100u);
  int checked = 0;
  for (const auto& row : rows) {
    const std::string& declared = row[0];
    if (row[1] != "n/a") {
      EXPECT_EQ(RebuiltColumn(OneColumnTable(declared, std::nullopt)), row[1]) << "declared " << declared;
      ++checked;
    }
    std::string changelog;
    try {
      changelog = DatabaseType(declared, db::DatabaseKind::kSqlite);
    } catch (const MigrationError& e) {
      changelog = std::string("ERROR ") + e.what();
    }
    EXPECT_EQ(changelog, row[2]) << "changelog type " << declared;
  }
  EXPECT_GT(checked, 90);
}

TEST(SqliteRebuild, DefaultsAreReadAndPrintedAsLiquibaseDoes) {
  const auto rows = ReadExpected("defaults.expected", 4);
  ASSERT_GT(rows.size(), 1000u);
  for (const auto& row : rows) {
    // row: type, default as written, dflt_value SQLite keeps ("None": NULL), expected column
    std::optional<std::string> kept;
    if (row[2] != "None") kept = row[2];
    EXPECT_EQ(RebuiltColumn(OneColumnTable(row[0], kept)), row[3]) << row[0] << " DEFAULT " << row[1];
  }
}

Change MakeChange(const std::string& type, Attributes attributes, std::vector<ColumnConfig> columns = {}) {
  Change change;
  change.type = type;
  change.attributes = std::move(attributes);
  change.columns = std::move(columns);
  change.location = {"rebuilds.xml", 7};
  return change;
}

ColumnConfig Column(Attributes attributes, std::optional<Attributes> constraints = std::nullopt) {
  return ColumnConfig{std::move(attributes), std::move(constraints), {"rebuilds.xml", 8}};
}

// party (id INTEGER PK, name VARCHAR(20) NOT NULL UNIQUE, note TEXT DEFAULT 'x') with an index on
// name, as the engine's introspection reports it; `reads` counts the look-ups.
struct Party {
  db::LiveTable table;
  int reads = 0;
  Party() {
    table.name = "party";
    table.sql =
        "CREATE TABLE party (id INTEGER NOT NULL, name VARCHAR(20) NOT NULL, note TEXT DEFAULT 'x', "
        "CONSTRAINT PK_PARTY PRIMARY KEY (id), UNIQUE (name))";
    table.columns = {{"id", "INTEGER", false, std::nullopt, true, 1, false},
                     {"name", "VARCHAR(20)", false, std::nullopt, false, 0, false},
                     {"note", "TEXT", true, "'x'", false, 0, false}};
    table.schema_indexes = {{"party", "ix_party_name", false, {"name"}},
                            {"party", "sqlite_autoindex_party_1", true, {"name"}}};
  }
  TableIntrospector Introspector() {
    return [this](const std::string& name) -> std::optional<db::LiveTable> {
      ++reads;
      if (name == "party") return table;
      return std::nullopt;
    };
  }
};

std::vector<std::string> RunAll(const std::vector<SqlStatement>& statements) {
  std::vector<std::string> out;
  for (const auto& statement : statements) {
    if (statement.generate) {
      for (const auto& generated : statement.generate(statement.sql)) out.push_back(generated.sql);
    } else {
      out.push_back(statement.sql);
    }
  }
  return out;
}

TEST(SqliteRebuildChanges, OfflineTheyFailWithLiquibasesMessage) {
  const SqlGenerationContext offline{db::DatabaseKind::kSqlite, nullptr, "rebuilds.xml", {}};
  const std::vector<std::pair<Change, std::string>> cases = {
      {MakeChange("addColumn", {{"tableName", "party"}}, {Column({{"name", "a"}, {"type", "INT"}})}),
       "AddColumnStatement"},
      {MakeChange("addDefaultValue", {{"tableName", "party"}, {"columnName", "note"}, {"defaultValue", "y"}}),
       "AddDefaultValueStatement"},
      {MakeChange("addAutoIncrement", {{"tableName", "party"}, {"columnName", "id"}}), "AddAutoIncrementStatement"},
      {MakeChange("mergeColumns", {{"tableName", "party"},
                                   {"column1Name", "name"},
                                   {"column2Name", "note"},
                                   {"finalColumnName", "label"},
                                   {"finalColumnType", "TEXT"}}),
       "AddColumnStatement"},
  };
  for (const auto& [change, statement_class] : cases) {
    try {
      GenerateSql(change, offline);
      ADD_FAILURE() << change.type << " was generated offline";
    } catch (const MigrationError& e) {
      EXPECT_EQ(std::string(e.what()), "rebuilds.xml:7: " + statement_class +
                                           " requires access to up to date database metadata which is not available "
                                           "in SQL output mode");
    }
  }
  // dropColumn and dropPrimaryKey print the rebuild of a table Liquibase could not read.
  const auto statements = GenerateSql(MakeChange("dropPrimaryKey", {{"tableName", "party"}}), offline);
  ASSERT_EQ(statements.size(), 4u);
  EXPECT_EQ(statements[0].comment,
            "WARNING The following SQL may change each run and therefore is possibly incorrect and/or invalid:");
  EXPECT_EQ(statements[1].sql, "CREATE TABLE party ()");
}

TEST(SqliteRebuildChanges, LiveTheyAreGeneratedWhenTheyRunFromTheTableAsItIsThen) {
  Party party;
  const SqlGenerationContext live{db::DatabaseKind::kSqlite, nullptr, "rebuilds.xml", party.Introspector()};
  const auto statements = GenerateSql(MakeChange("addColumn", {{"tableName", "party"}},
                                                 {Column({{"name", "a"}, {"type", "INT"}, {"valueNumeric", "1"}})}),
                                      live);
  ASSERT_EQ(statements.size(), 2u);  // the rebuild, then the UPDATE filling the rows
  EXPECT_EQ(party.reads, 0);
  EXPECT_EQ(statements[0].needs_live_database, "AddColumnStatement");
  EXPECT_EQ(statements[1].sql, "UPDATE party SET a = 1");
  // A change before it in the changeset added a column: the rebuild sees it.
  party.table.columns.push_back({"b", "BIGINT", true, "0", false, 0, false});
  const auto rebuild = RunAll({statements[0]});
  EXPECT_EQ(party.reads, 1);
  EXPECT_EQ(rebuild, (std::vector<std::string>{
                         "ALTER TABLE party RENAME TO party_temporary",
                         "CREATE TABLE party (id INTEGER NOT NULL, name VARCHAR(20) NOT NULL, note TEXT DEFAULT 'x', "
                         "b BIGINT(2000000000) DEFAULT 0, a INTEGER, CONSTRAINT PK_PARTY PRIMARY KEY (id))",
                         "INSERT INTO party (id,name,note,b) SELECT id,name,note,b FROM party_temporary",
                         "DROP TABLE party_temporary", "REINDEX party", "CREATE INDEX ix_party_name ON party(name)"}));
  // A <modifySql> that changed the placeholder cannot apply to what is generated later.
  EXPECT_THROW(statements[0].generate(statements[0].sql + " -- appended"), MigrationError);
}

TEST(SqliteRebuildChanges, AnAddedColumnKeepsItsKeysButNotItsNotNullOrDefault) {
  Party party;
  const SqlGenerationContext live{db::DatabaseKind::kSqlite, nullptr, "rebuilds.xml", party.Introspector()};
  const auto sql = RunAll(GenerateSql(
      MakeChange(
          "addColumn", {{"tableName", "party"}},
          {Column({{"name", "code"}, {"type", "VARCHAR(5)"}, {"defaultValue", "c"}},
                  Attributes{{"nullable", "false"}, {"unique", "true"}, {"uniqueConstraintName", "uq_code"}}),
           Column({{"name", "owner_id"}, {"type", "INT"}},
                  Attributes{{"foreignKeyName", "fk_owner"}, {"references", "owner(id)"}, {"deleteCascade", "true"}})}),
      live));
  EXPECT_EQ(sql.at(1),
            "CREATE TABLE party (id INTEGER NOT NULL, name VARCHAR(20) NOT NULL, note TEXT DEFAULT 'x', "
            "code VARCHAR(5), owner_id INTEGER, CONSTRAINT PK_PARTY PRIMARY KEY (id), CONSTRAINT fk_owner "
            "FOREIGN KEY (owner_id) REFERENCES owner(id) ON DELETE CASCADE, UNIQUE (code))");
  EXPECT_EQ(sql.at(2), "INSERT INTO party (id,name,note) SELECT id,name,note FROM party_temporary");
}

TEST(SqliteRebuildChanges, DropColumnDropsOnlyNestedColumnsAsLiquibaseDoes) {
  Party party;
  const SqlGenerationContext live{db::DatabaseKind::kSqlite, nullptr, "rebuilds.xml", party.Introspector()};
  // columnName alone: Liquibase 4.28 rebuilds the table and keeps the column.
  const auto kept =
      RunAll(GenerateSql(MakeChange("dropColumn", {{"tableName", "party"}, {"columnName", "note"}}), live));
  EXPECT_NE(kept.at(1).find("note TEXT"), std::string::npos) << kept.at(1);
  // Nested columns go, with the indexes on them.
  const auto dropped = RunAll(GenerateSql(
      MakeChange("dropColumn", {{"tableName", "party"}, {"columnName", "name"}}, {Column({{"name", "name"}})}), live));
  EXPECT_EQ(dropped.at(1),
            "CREATE TABLE party (id INTEGER NOT NULL, note TEXT DEFAULT 'x', CONSTRAINT PK_PARTY "
            "PRIMARY KEY (id))");
  EXPECT_EQ(dropped.size(), 5u);  // no CREATE INDEX ix_party_name
  // Nested columns are what every database drops; columnName is ignored then.
  const SqlGenerationContext pg{db::DatabaseKind::kPostgresql, nullptr, "rebuilds.xml", {}};
  const auto statements = GenerateSql(
      MakeChange("dropColumn", {{"tableName", "party"}, {"columnName", "name"}}, {Column({{"name", "note"}})}), pg);
  ASSERT_EQ(statements.size(), 1u);
  EXPECT_EQ(statements[0].sql, "ALTER TABLE party DROP COLUMN note");
  // Without columnName SQLite's validation refuses, as Liquibase's does.
  EXPECT_THROW(GenerateSql(MakeChange("dropColumn", {{"tableName", "party"}}, {Column({{"name", "note"}})}), live),
               MigrationError);
}

TEST(SqliteRebuildChanges, DropPrimaryKeyFailsWhereLiquibaseFails) {
  Party party;
  const SqlGenerationContext live{db::DatabaseKind::kSqlite, nullptr, "rebuilds.xml", party.Introspector()};
  const auto statements = GenerateSql(MakeChange("dropPrimaryKey", {{"tableName", "party"}}), live);
  try {
    RunAll(statements);
    ADD_FAILURE() << "dropPrimaryKey of a table with columns outside its key was generated";
  } catch (const MigrationError& e) {
    EXPECT_NE(
        std::string(e.what()).find("rebuilds.xml:7: dropPrimaryKey on sqlite: Liquibase 4.28 fails here with a "
                                   "NullPointerException (ConstraintsConfig.isPrimaryKey() is null for column name)"),
        std::string::npos)
        << e.what();
  }
}

TEST(SqliteRebuildChanges, ATableOtherTablesReferenceIsNotRebuilt) {
  Party party;
  party.table.referenced_by = {"account", "membership"};
  const SqlGenerationContext live{db::DatabaseKind::kSqlite, nullptr, "rebuilds.xml", party.Introspector()};
  const auto statements = GenerateSql(
      MakeChange("addDefaultValue", {{"tableName", "party"}, {"columnName", "note"}, {"defaultValue", "y"}}), live);
  try {
    RunAll(statements);
    ADD_FAILURE() << "a referenced table was rebuilt";
  } catch (const MigrationError& e) {
    EXPECT_NE(std::string(e.what()).find("rebuilds.xml:7: SQLite has no ALTER TABLE for this change, and Liquibase's "
                                         "table rebuild of party (rename to party_temporary, copy, drop) would leave "
                                         "the foreign keys of account, membership pointing at the dropped "
                                         "party_temporary"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace ledgerhost::migration
