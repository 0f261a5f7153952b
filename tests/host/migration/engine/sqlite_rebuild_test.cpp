// SQLite's schema changes through the table rebuild (migration/sql/sqlite/sqlite_rebuild.h) on real
// SQLite databases, with the changelogs of data/sqlite_rebuild/changes/ that Liquibase 4.28 was run
// on (its results in *.expected, captured by capture_changes.sh):
//  - each update succeeds, leaving the rows and DATABASECHANGELOG rows (checksums included) that
//    Liquibase left where it succeeded; where Liquibase failed or lost schema, ledgerhost does not;
//  - the script update-sql writes is exactly what update runs: applied to a copy of the database
//    it gives the same database, and the database update-sql ran on is untouched;
//  - the schema objects a change does not touch come back with their text unchanged.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/error.h"
#include "migration/engine/migrator.h"
#include "migration/parse/change_log_parser.h"
#include "support/test_database.h"

namespace ledgerhost::migration {
namespace {

std::filesystem::path RebuildData() {
  return std::filesystem::path(LEDGERHOST_SOURCE_DIR) / "tests/host/migration/sql/data/sqlite_rebuild";
}

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Lines joined; in a CREATE TABLE the foreign keys sorted: Liquibase keeps them in a HashSet of
// objects without hashCode, so their order changes from one of its runs to the next.
// The database as capture_changes.sh dumps it.
std::vector<std::string> Dump(db::Connection& connection) {
  std::vector<std::string> out;
  for (const auto& row : connection.Query("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE "
                                          "'sqlite%' AND tbl_name NOT LIKE 'DATABASECHANGELOG%' ORDER BY type, name")) {
    std::string sql;
    std::istringstream words(row[3].value_or(""));
    for (std::string word; words >> word;) sql += (sql.empty() ? "" : " ") + word;
    out.push_back(*row[0] + " " + *row[1] + " on " + *row[2] + ": " + sql);
  }
  for (const auto& table : connection.Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                            "'sqlite%' AND name NOT LIKE 'DATABASECHANGELOG%' ORDER BY name")) {
    std::string select;
    for (const auto& column : connection.Query("SELECT name FROM pragma_table_info(?)", {*table[0]})) {
      select += (select.empty() ? "" : " || '|' || ") + ("quote(\"" + *column[0] + "\")");
    }
    for (const auto& row : connection.Query("SELECT " + select + " FROM \"" + *table[0] + "\" ORDER BY 1")) {
      out.push_back("row " + *table[0] + ": " + *row[0]);
    }
  }
  if (!connection.TableExists("DATABASECHANGELOG")) return out;
  for (const auto& row : connection.Query("SELECT ID, AUTHOR, EXECTYPE, MD5SUM, DESCRIPTION FROM DATABASECHANGELOG "
                                          "ORDER BY ORDEREXECUTED")) {
    out.push_back("history: " + row[0].value_or("None") + "|" + row[1].value_or("None") + "|" +
                  row[2].value_or("None") + "|" + row[3].value_or("None") + "|" + row[4].value_or("None"));
  }
  return out;
}

std::vector<std::string> Only(const std::vector<std::string>& lines, const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& line : lines) {
    if (line.rfind(prefix, 0) == 0) out.push_back(line);
  }
  return out;
}

class SqliteRebuildChangeLog : public ::testing::TestWithParam<std::string> {};

TEST_P(SqliteRebuildChangeLog, RunsLosslesslyAndItsScriptIsWhatUpdateRuns) {
  const std::string file = GetParam();
  const auto expected = Lines(ReadText(RebuildData() / "changes" / (file.substr(0, file.size() - 4) + ".expected")));
  const auto update_marker = std::find_if(expected.begin(), expected.end(),
                                          [](const std::string& l) { return l.rfind("# update (exit", 0) == 0; });
  ASSERT_NE(update_marker, expected.end());
  const bool liquibase_succeeded = *update_marker == "# update (exit 0)";
  const std::vector<std::string> liquibase_dump(update_marker + 1, expected.end());

  ledgerhost::testing::TestDatabase db(db::DatabaseKind::kSqlite);
  auto connection = db.Connect();
  DirectoryResourceLoader loader(RebuildData() / "changes");
  ParseOptions options;
  options.database = db::DatabaseKind::kSqlite;
  const ChangeLog log = ParseChangeLog(loader, file, options);
  MigratorOptions migrator_options;
  migrator_options.lock.wait = std::chrono::milliseconds(300);
  Migrator migrator(log, loader, db::DatabaseKind::kSqlite, connection.get(), migrator_options);
  const int earlier = static_cast<int>(log.change_sets.size()) - 1;
  if (earlier > 0) migrator.Update(UpdateLimit::Count(earlier));
  const std::vector<std::string> before = Dump(*connection);
  const auto copy = connection->ScratchCopy();

  std::ostringstream script;
  ASSERT_NO_THROW(migrator.UpdateSql(script)) << script.str();
  EXPECT_EQ(Dump(*connection), before) << "update-sql changed the database";
  ASSERT_NO_THROW(migrator.Update());
  const std::vector<std::string> after = Dump(*connection);

  copy->Execute(script.str());
  EXPECT_EQ(Dump(*copy), after) << script.str();

  // Where Liquibase's rows are wrong, ledgerhost's differ on purpose (docs/compatibility.md).
  static const std::map<std::string, std::string> kLiquibaseLosesData = {
      {"add_column.xml", "its rebuild drops the added columns' defaults, so existing rows get NULL, not the default"},
      {"drop_column.xml", "its update drops column weight too, which the changeset does not name"},
      {"one_changeset.xml", "its rebuild drops the added column's default, so the existing row gets NULL"},
  };
  if (liquibase_succeeded) {
    EXPECT_EQ(Only(after, "history: "), Only(liquibase_dump, "history: "));
    if (!kLiquibaseLosesData.count(file)) {
      EXPECT_EQ(Only(after, "row "), Only(liquibase_dump, "row "));
    }
  }
  // Indexes, triggers and views come back as they were written.
  for (const auto& line : Only(before, "index ")) {
    if (file == "drop_column.xml" || file == "merge_columns.xml") continue;  // those may drop an index
    EXPECT_NE(std::find(after.begin(), after.end(), line), after.end()) << line;
  }
  // Foreign keys of every table still hold.
  EXPECT_EQ(connection->Query("SELECT * FROM pragma_foreign_key_check").size(), 0u);
}

// A one-file changelog held in memory, parsed for SQLite, with its migrator on `connection`.
struct InlineChangeLog {
  InlineChangeLog(const std::string& xml, db::Connection& connection)
      : loader("inline changelog", {{"changes.xml", xml}}),
        log(ParseChangeLog(loader, "changes.xml", ParseOptions())),  // (its database is SQLite)
        migrator(log, loader, db::DatabaseKind::kSqlite, &connection) {}
  MemoryResourceLoader loader;
  ChangeLog log;
  Migrator migrator;
};

// A table with everything a snapshot loses, changed by every change type SQLite rebuilds for.
constexpr const char* kRichSchema = R"sql(
CREATE TABLE party (id INTEGER PRIMARY KEY, code TEXT NOT NULL);
INSERT INTO party VALUES (1, 'p1'), (2, 'p2');
CREATE TABLE account (
  id INTEGER NOT NULL,
  "Owner Name" VARCHAR(40) COLLATE NOCASE CHECK (length("Owner Name") > 0),
  balance DECIMAL(12, 2) DEFAULT 0.00 NOT NULL,
  opened TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
  party_id INTEGER CONSTRAINT fk_account_party REFERENCES party (id) ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,
  kind TEXT,
  doubled DECIMAL(12, 2) GENERATED ALWAYS AS (balance * 2) VIRTUAL, -- a generated column
  CONSTRAINT uq_account_owner UNIQUE ("Owner Name", kind),
  CHECK (balance >= 0)
);
INSERT INTO account (id, "Owner Name", balance, party_id, kind) VALUES (1, 'alice', 10.5, 1, 'a'), (2, 'bob', 3, 2, 'b');
CREATE INDEX ix_account_big ON account (balance DESC) WHERE balance > 100;
CREATE INDEX ix_account_lower ON account (lower(kind));
CREATE TRIGGER account_touch AFTER UPDATE OF balance ON account BEGIN SELECT 1; END;
CREATE VIEW rich AS SELECT id, "Owner Name" FROM account WHERE balance > 1;
)sql";

TEST(SqliteRebuild, EveryChangeTypeKeepsWhatTheTableDeclared) {
  ledgerhost::testing::TestDatabase db(db::DatabaseKind::kSqlite);
  auto connection = db.Connect();
  connection->Execute(kRichSchema);
  InlineChangeLog changes(R"xml(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="1" author="t"><addNotNullConstraint tableName="account" columnName="kind" defaultNullValue="x"/></changeSet>
  <changeSet id="2" author="t"><dropNotNullConstraint tableName="account" columnName="kind"/></changeSet>
  <changeSet id="3" author="t"><addDefaultValue tableName="account" columnName="kind" defaultValueComputed="upper('k')"/></changeSet>
  <changeSet id="4" author="t"><dropDefaultValue tableName="account" columnName="kind"/></changeSet>
  <changeSet id="5" author="t"><modifyDataType tableName="account" columnName="kind" newDataType="VARCHAR(8)"/></changeSet>
  <changeSet id="6" author="t"><addPrimaryKey tableName="account" columnNames="id" constraintName="pk_account"/></changeSet>
  <changeSet id="7" author="t"><addUniqueConstraint tableName="account" columnNames="kind" constraintName="uq_kind"/></changeSet>
  <changeSet id="8" author="t"><dropUniqueConstraint tableName="account" constraintName="uq_kind"/></changeSet>
  <changeSet id="9" author="t"><dropForeignKeyConstraint baseTableName="account" constraintName="fk_account_party"/></changeSet>
  <changeSet id="10" author="t"><addForeignKeyConstraint baseTableName="account" baseColumnNames="party_id" constraintName="fk_party" referencedTableName="party" referencedColumnNames="id" onDelete="CASCADE"/></changeSet>
  <changeSet id="11" author="t"><addColumn tableName="account"><column name="note" type="VARCHAR(20)" value="n"><constraints nullable="false"/></column></addColumn></changeSet>
  <changeSet id="12" author="t"><dropColumn tableName="account" columnName="note"/></changeSet>
  <changeSet id="13" author="t"><addColumn tableName="party"><column name="extra" type="INT"/></addColumn></changeSet>
  <changeSet id="14" author="t"><dropPrimaryKey tableName="account"/></changeSet>
</databaseChangeLog>)xml", *connection);
  Migrator& migrator = changes.migrator;
  ASSERT_NO_THROW(migrator.Update());

  const std::string account = connection->QueryScalar("SELECT sql FROM sqlite_master WHERE name = 'account'").value_or("");
  for (const char* kept : {"\"Owner Name\" VARCHAR(40) COLLATE NOCASE CHECK (length(\"Owner Name\") > 0)",
                           "balance DECIMAL(12, 2) DEFAULT 0.00 NOT NULL", "opened TIMESTAMP DEFAULT CURRENT_TIMESTAMP",
                           "GENERATED ALWAYS AS (balance * 2) VIRTUAL", "CONSTRAINT uq_account_owner UNIQUE (\"Owner Name\", kind)",
                           "CHECK (balance >= 0)", "kind VARCHAR(8)", "CONSTRAINT \"fk_party\" FOREIGN KEY (\"party_id\") "
                           "REFERENCES \"party\" (\"id\") ON DELETE CASCADE"}) {
    EXPECT_NE(account.find(kept), std::string::npos) << kept << "\n" << account;
  }
  EXPECT_EQ(account.find("PRIMARY KEY"), std::string::npos) << account;
  EXPECT_EQ(account.find("note"), std::string::npos) << account;
  for (const char* object : {"CREATE INDEX ix_account_big ON account (balance DESC) WHERE balance > 100",
                             "CREATE INDEX ix_account_lower ON account (lower(kind))",
                             "CREATE TRIGGER account_touch AFTER UPDATE OF balance ON account BEGIN SELECT 1; END",
                             "CREATE VIEW rich AS SELECT id, \"Owner Name\" FROM account WHERE balance > 1"}) {
    EXPECT_TRUE(connection->QueryScalar("SELECT 1 FROM sqlite_master WHERE sql = ?", {object})) << object;
  }
  // The rows, the generated column, the filled NOT NULL and the view.
  EXPECT_EQ(connection->QueryScalar("SELECT group_concat(id || ':' || \"Owner Name\" || ':' || balance || ':' || doubled "
                                    "|| ':' || kind, ' ') FROM (SELECT * FROM account ORDER BY id)"),
            "1:alice:10.5:21:a 2:bob:3:6:b");
  EXPECT_EQ(connection->QueryScalar("SELECT count(*) FROM rich"), "2");
  // Constraints hold: CHECK, COLLATE NOCASE in the unique key, and the cascading foreign key.
  EXPECT_THROW(connection->Execute("INSERT INTO account (id, \"Owner Name\", balance) VALUES (3, 'c', -1)"), DatabaseError);
  EXPECT_THROW(connection->Execute("INSERT INTO account (id, \"Owner Name\", balance, kind) VALUES (3, 'ALICE', 1, 'a')"),
               DatabaseError);
  connection->Execute("DELETE FROM party WHERE id = 2");
  EXPECT_EQ(connection->QueryScalar("SELECT count(*) FROM account"), "1");
  EXPECT_EQ(connection->QueryScalar("PRAGMA foreign_keys"), "1");  // enforcement is back on after the update
}

// A table others reference, with a trigger of another table and an INSTEAD OF trigger on a view that
// name it, and an AUTOINCREMENT key whose highest ids were deleted: rebuilt by update and again by
// its rollback, nothing of that is lost.
TEST(SqliteRebuild, AReferencedTableRebuildsForwardAndBackKeepingWhatNamesIt) {
  ledgerhost::testing::TestDatabase db(db::DatabaseKind::kSqlite);
  auto connection = db.Connect();
  connection->Execute(R"sql(
    CREATE TABLE parent (id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT);
    CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE);
    CREATE TABLE audit (note TEXT);
    CREATE TRIGGER child_audit AFTER INSERT ON child BEGIN
      INSERT INTO audit SELECT 'child of ' || code FROM parent WHERE id = new.parent_id; END;
    CREATE VIEW parent_codes AS SELECT id, code FROM parent;
    CREATE TRIGGER parent_codes_insert INSTEAD OF INSERT ON parent_codes BEGIN
      INSERT INTO parent (code) VALUES (new.code); END;
    INSERT INTO parent (code) VALUES ('a'), ('b'), ('c');
    DELETE FROM parent WHERE id = 3;
    INSERT INTO child VALUES (1, 1), (2, 2);
  )sql");
  InlineChangeLog changes(R"xml(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="default" author="t"><addDefaultValue tableName="parent" columnName="code" defaultValue="z"/></changeSet>
</databaseChangeLog>)xml", *connection);
  Migrator& migrator = changes.migrator;
  auto expect_intact = [&](const std::string& when) {
    SCOPED_TRACE(when);
    EXPECT_EQ(connection->QueryScalar("SELECT count(*) FROM child"), "2");  // no cascade
    EXPECT_EQ(connection->QueryScalar("SELECT count(*) FROM pragma_foreign_key_check"), "0");
    for (const char* name : {"child_audit", "parent_codes_insert", "parent_codes"}) {
      EXPECT_TRUE(connection->QueryScalar("SELECT 1 FROM sqlite_master WHERE name = ?", {name})) << name;
    }
    EXPECT_EQ(connection->QueryScalar("PRAGMA foreign_keys"), "1");
    EXPECT_EQ(connection->QueryScalar("PRAGMA legacy_alter_table"), "0");
  };
  ASSERT_NO_THROW(migrator.Update());
  expect_intact("after update");
  EXPECT_NE(connection->QueryScalar("SELECT sql FROM sqlite_master WHERE name = 'parent'")->find("DEFAULT 'z'"),
            std::string::npos);
  ASSERT_NO_THROW(migrator.Rollback(RollbackTarget::Count(1)));
  expect_intact("after rollback");
  EXPECT_EQ(connection->QueryScalar("SELECT sql FROM sqlite_master WHERE name = 'parent'")->find("DEFAULT"),
            std::string::npos);
  // The triggers fire, AUTOINCREMENT does not reuse the deleted 3, and the foreign key cascades.
  connection->Execute("INSERT INTO parent_codes (code) VALUES ('d'); INSERT INTO child VALUES (3, 1)");
  EXPECT_EQ(connection->QueryScalar("SELECT max(id) FROM parent"), "4");
  EXPECT_EQ(connection->QueryScalar("SELECT note FROM audit"), "child of a");
  connection->Execute("DELETE FROM parent WHERE id = 1");
  EXPECT_EQ(connection->QueryScalar("SELECT count(*) FROM child"), "1");
}

TEST(SqliteRebuild, AForeignKeyTheRowsViolateFailsTheChangeSetAndLeavesTheTable) {
  ledgerhost::testing::TestDatabase db(db::DatabaseKind::kSqlite);
  auto connection = db.Connect();
  connection->Execute("CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (id INTEGER, parent_id INTEGER);"
                      "INSERT INTO parent VALUES (1); INSERT INTO child VALUES (1, 1), (2, 7);");
  const std::string before = connection->QueryScalar("SELECT sql FROM sqlite_master WHERE name = 'child'").value_or("");
  InlineChangeLog changes(R"xml(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="fk" author="t"><addForeignKeyConstraint baseTableName="child" baseColumnNames="parent_id" constraintName="fk_child" referencedTableName="parent" referencedColumnNames="id"/></changeSet>
</databaseChangeLog>)xml", *connection);
  Migrator& migrator = changes.migrator;
  try {
    migrator.Update();
    ADD_FAILURE() << "the violating rows were accepted";
  } catch (const MigrationError& e) {
    EXPECT_NE(std::string(e.what()).find("fk::t"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("rows of child do not satisfy its foreign keys"), std::string::npos) << e.what();
  }
  EXPECT_EQ(connection->QueryScalar("SELECT sql FROM sqlite_master WHERE name = 'child'"), before);
  EXPECT_EQ(connection->QueryScalar("SELECT count(*) FROM child"), "2");
  EXPECT_FALSE(connection->QueryScalar("SELECT 1 FROM sqlite_master WHERE name = 'child__rebuild'"));
}

std::vector<std::string> ChangeLogs() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(RebuildData() / "changes")) {
    if (entry.path().extension() == ".xml") out.push_back(entry.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Changes, SqliteRebuildChangeLog, ::testing::ValuesIn(ChangeLogs()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(0, info.param.size() - 4);
                           return name;
                         });

}  // namespace
}  // namespace ledgerhost::migration
