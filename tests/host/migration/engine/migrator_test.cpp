// The engine end to end on real databases: every test runs on a fresh SQLite file and a fresh
// PostgreSQL database.
#include "migration/engine/migrator.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <thread>

#include <gtest/gtest.h>

#include "core/error.h"
#include "migration/checksum/check_sum.h"
#include "migration/engine/statement_sink.h"
#include "core/text.h"
#include "migration/parse/change_log_parser.h"
#include "migration/sql/custom_change_registry.h"
#include "support/test_database.h"

namespace ledgerhost::migration {
namespace {

using testing::TestDatabase;

std::string Xml(const std::string& body) {
  return R"xml(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
)xml" + body + "\n</databaseChangeLog>\n";
}

const char* kBase = R"xml(
  <changeSet id="1" author="alice">
    <comment>accounts</comment>
    <createTable tableName="account">
      <column name="id" type="INT"><constraints primaryKey="true" nullable="false"/></column>
      <column name="name" type="VARCHAR(50)"/>
    </createTable>
  </changeSet>
  <changeSet id="2" author="alice">
    <insert tableName="account"><column name="id" valueNumeric="1"/><column name="name" value="o'neil"/></insert>
  </changeSet>
  <changeSet id="3" author="bob">
    <tagDatabase tag="v1"/>
  </changeSet>)xml";

class MigratorTest : public ::testing::TestWithParam<db::DatabaseKind> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    connection_ = db_->Connect();
    dir_ = std::filesystem::temp_directory_path() / testing::UniqueName("ledgerhost_migrator");
    std::filesystem::create_directories(dir_);
    loader_ = std::make_unique<DirectoryResourceLoader>(dir_);
  }
  void TearDown() override {
    connection_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }

  ChangeLog Parse(const std::string& name = "changelog.xml") {
    ParseOptions options;
    options.database = GetParam();
    return ParseChangeLog(*loader_, name, options);
  }

  std::unique_ptr<Migrator> MakeMigrator(const ChangeLog& log, MigratorOptions options = {}) {
    options.lock.wait = std::chrono::milliseconds(300);
    options.lock.poll = std::chrono::milliseconds(100);
    return std::make_unique<Migrator>(log, *loader_, GetParam(), connection_.get(), options);
  }

  UpdateSummary Update(const std::string& body, MigratorOptions options = {}, UpdateLimit limit = {}) {
    Write("changelog.xml", Xml(body));
    ChangeLog log = Parse();
    return MakeMigrator(log, options)->Update(limit);
  }

  std::vector<std::string> Ids() {
    std::vector<std::string> ids;
    for (auto& row : connection_->Query("SELECT ID, EXECTYPE FROM " + HistorySql(GetParam(), /*live=*/true).ChangeLogTable() +
                                        " ORDER BY ORDEREXECUTED")) {
      ids.push_back(*row[0] + ":" + *row[1]);
    }
    return ids;
  }

  std::string Count(const std::string& table) { return connection_->QueryScalar("SELECT COUNT(*) FROM " + table).value_or("?"); }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<db::Connection> connection_;
  std::filesystem::path dir_;
  std::unique_ptr<DirectoryResourceLoader> loader_;
};

TEST_P(MigratorTest, UpdateRecordsHistoryAndSecondUpdateRunsNothing) {
  auto first = Update(kBase);
  EXPECT_EQ(first.run, 3);
  EXPECT_EQ(Count("account"), "1");
  auto rows = connection_->Query("SELECT ID, AUTHOR, FILENAME, ORDEREXECUTED, EXECTYPE, MD5SUM, DESCRIPTION, COMMENTS, "
                                 "TAG, LIQUIBASE, DEPLOYMENT_ID FROM " + HistorySql(GetParam(), /*live=*/true).ChangeLogTable() +
                                 " ORDER BY ORDEREXECUTED");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(*rows[0][0], "1");
  EXPECT_EQ(*rows[0][1], "alice");
  EXPECT_EQ(*rows[0][2], "changelog.xml");
  EXPECT_EQ(*rows[0][3], "1");
  EXPECT_EQ(*rows[0][4], "EXECUTED");
  EXPECT_EQ(rows[0][5]->substr(0, 2), "9:");
  EXPECT_EQ(*rows[0][6], "createTable tableName=account");
  EXPECT_EQ(*rows[0][7], "accounts");
  EXPECT_EQ(*rows[2][8], "v1");
  EXPECT_EQ(*rows[2][9], "4.28.0");
  EXPECT_EQ(*rows[0][10], *rows[2][10]) << "one deployment id per run";
  // tagDatabase's checksum as Liquibase computes it (liquibase-update-sql golden files).
  EXPECT_EQ(*rows[2][5], "9:635ff1e577e13420abaf0552fb77ab20");

  auto second = Update(kBase);
  EXPECT_EQ(second.run, 0);
  EXPECT_EQ(second.previously_run, 3);
  EXPECT_EQ(Count("account"), "1");
  EXPECT_TRUE(MakeMigrator(Parse())->Pending().empty());
}

TEST_P(MigratorTest, UpdateSqlIsExactlyWhatUpdateRuns) {
  Write("changelog.xml", Xml(kBase));
  ChangeLog log = Parse();
  std::ostringstream script;
  MakeMigrator(log)->UpdateSql(script);
  // update-sql touched nothing.
  EXPECT_FALSE(connection_->TableExists(HistorySql(GetParam(), /*live=*/true).ChangeLogTable()));
  EXPECT_FALSE(connection_->TableExists("account"));
  EXPECT_NE(script.str().find(ScriptCommentPrefix(GetParam()) + "Changeset changelog.xml::2::alice"), std::string::npos)
      << script.str();
  EXPECT_NE(script.str().find("'o''neil'"), std::string::npos) << script.str();

  // Running the script by hand gives the same tables and history as update on a second database.
  connection_->Execute(script.str());
  TestDatabase other(GetParam());
  auto other_connection = other.Connect();
  Migrator(log, *loader_, GetParam(), other_connection.get()).Update();
  const std::string select = "SELECT ID, AUTHOR, FILENAME, ORDEREXECUTED, EXECTYPE, MD5SUM, DESCRIPTION, COMMENTS, TAG "
                             "FROM " + HistorySql(GetParam(), /*live=*/true).ChangeLogTable() + " ORDER BY ORDEREXECUTED";
  EXPECT_EQ(connection_->Query(select), other_connection->Query(select));
  EXPECT_EQ(connection_->Query("SELECT id, name FROM account"), other_connection->Query("SELECT id, name FROM account"));
  EXPECT_EQ(connection_->QueryScalar("SELECT LOCKED FROM " + HistorySql(GetParam(), /*live=*/true).LockTable()),
            other_connection->QueryScalar("SELECT LOCKED FROM " + HistorySql(GetParam(), /*live=*/true).LockTable()));
}

TEST_P(MigratorTest, EditedExecutedChangeSetStopsUpdateBeforeAnythingRuns) {
  Update(kBase);
  std::string edited = kBase;
  edited.replace(edited.find("VARCHAR(50)"), 11, "VARCHAR(80)");
  edited += R"xml(<changeSet id="4" author="bob"><createTable tableName="later"><column name="x" type="INT"/></createTable></changeSet>)xml";
  try {
    Update(edited);
    FAIL() << "expected a checksum error";
  } catch (const MigrationError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("changelog.xml::1::alice was: 9:"), std::string::npos) << message;
    EXPECT_NE(message.find("but is now: 9:"), std::string::npos) << message;
  }
  EXPECT_FALSE(connection_->TableExists("later"));
  EXPECT_EQ(Ids().size(), 3u);
}

// Validation's findings as data: the edited executed changeset, then the change the database
// cannot express (SQLite has no renameSequence), each with its changeset.
TEST_P(MigratorTest, ValidationFailuresNameEachChangeSetAndWhatIsWrong) {
  Update(kBase);
  std::string edited = kBase;
  edited.replace(edited.find("VARCHAR(50)"), 11, "VARCHAR(80)");
  edited += R"xml(<changeSet id="5" author="carol"><renameSequence oldSequenceName="a" newSequenceName="b"/></changeSet>)xml";
  Write("changelog.xml", Xml(edited));
  const ChangeLog log = Parse();
  const auto failures = MakeMigrator(log)->ValidationFailures();
  ASSERT_GE(failures.size(), 1u);
  EXPECT_EQ(failures[0].kind, ValidationFailure::Kind::kCheckSumChanged);
  EXPECT_EQ(failures[0].id + "::" + failures[0].author, "1::alice");
  EXPECT_EQ(failures[0].file, "changelog.xml");
  EXPECT_NE(failures[0].detail.find("but is now: 9:"), std::string::npos) << failures[0].detail;
  if (GetParam() == db::DatabaseKind::kSqlite) {
    ASSERT_EQ(failures.size(), 2u);
    EXPECT_EQ(failures[1].kind, ValidationFailure::Kind::kUnsupportedChange);
    EXPECT_EQ(failures[1].id + "::" + failures[1].author, "5::carol");
    EXPECT_NE(failures[1].location.find("changelog.xml:"), std::string::npos) << failures[1].location;
  } else {
    EXPECT_EQ(failures.size(), 1u);
  }
}

TEST_P(MigratorTest, ValidCheckSumAnyAcceptsTheEdit) {
  Update(kBase);
  std::string edited = kBase;
  edited.replace(edited.find("<comment>accounts</comment>"), 27, "<validCheckSum>ANY</validCheckSum>");
  edited.replace(edited.find("VARCHAR(50)"), 11, "VARCHAR(80)");
  EXPECT_EQ(Update(edited).run, 0);
}

TEST_P(MigratorTest, FailingChangeSetKeepsEarlierOnesAndLeavesNoTrace) {
  const std::string body = std::string(kBase) + R"xml(
  <changeSet id="4" author="bob">
    <createTable tableName="partial"><column name="x" type="INT"/></createTable>
    <sql>INSERT INTO no_such_table VALUES (1)</sql>
  </changeSet>
  <changeSet id="5" author="bob"><createTable tableName="never"><column name="x" type="INT"/></createTable></changeSet>)xml";
  try {
    Update(body);
    FAIL() << "expected a migration error";
  } catch (const MigrationError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("changelog.xml::4::bob"), std::string::npos) << message;
    EXPECT_NE(message.find("no_such_table"), std::string::npos) << message;
    if (GetParam() == db::DatabaseKind::kMariadb) {
      EXPECT_NE(message.find("commits DDL as it runs it"), std::string::npos) << message;
    }
  }
  EXPECT_EQ(Ids(), (std::vector<std::string>{"1:EXECUTED", "2:EXECUTED", "3:EXECUTED"}));
  if (GetParam() == db::DatabaseKind::kMariadb) {
    // MariaDB commits DDL as it runs it: the failing changeset's CREATE TABLE stays, and the message
    // said so. The operator drops it (or fixes the changeset with a precondition) before going on.
    EXPECT_TRUE(connection_->TableExists("partial")) << "MariaDB has no transactional DDL";
    connection_->Execute("DROP TABLE partial");
  } else {
    EXPECT_FALSE(connection_->TableExists("partial")) << "the failing changeset's own DDL is rolled back";
  }
  EXPECT_FALSE(connection_->TableExists("never"));
  // The lock was released: a fixed changelog continues.
  std::string fixed = body;
  fixed.replace(fixed.find("<sql>INSERT INTO no_such_table VALUES (1)</sql>"), 47, "");
  EXPECT_EQ(Update(fixed).run, 2) << "the lock was released and the fixed changesets run";
}

TEST_P(MigratorTest, FailOnErrorFalseContinues) {
  auto summary = Update(R"xml(
  <changeSet id="1" author="a" failOnError="false"><sql>INSERT INTO missing VALUES (1)</sql></changeSet>
  <changeSet id="2" author="a"><createTable tableName="t2"><column name="x" type="INT"/></createTable></changeSet>)xml");
  EXPECT_EQ(summary.failed, 1);
  EXPECT_EQ(Ids(), (std::vector<std::string>{"2:EXECUTED"}));
}

// UPDATE SUMMARY as Liquibase's ShowSummaryUtil counts: "Run" is every changeset the update went
// through (MARK_RAN, CONTINUE and failOnError=false failures included); changesets dropped for
// dbms= count as filtered and in the total; an id filtered under one context and selected under
// another counts once, by its last status.
TEST_P(MigratorTest, UpdateSummaryCountsAsLiquibase) {
  Write("changelog.xml", Xml(R"xml(
  <changeSet id="ok" author="a"><sql>SELECT 1</sql></changeSet>
  <changeSet id="mark" author="a">
    <preConditions onFail="MARK_RAN"><tableExists tableName="nope"/></preConditions><sql>SELECT 1</sql>
  </changeSet>
  <changeSet id="cont" author="a">
    <preConditions onFail="CONTINUE"><tableExists tableName="nope"/></preConditions><sql>SELECT 1</sql>
  </changeSet>
  <changeSet id="fails" author="a" failOnError="false"><sql>INSERT INTO missing VALUES (1)</sql></changeSet>
  <changeSet id="other-db" author="a" dbms="oracle"><sql>SELECT 1</sql></changeSet>
  <changeSet id="pair" author="a" context="there"><sql>SELECT 1</sql></changeSet>
  <changeSet id="pair" author="a" context="here"><sql>SELECT 1</sql></changeSet>
  <changeSet id="elsewhere" author="a" context="there"><sql>SELECT 1</sql></changeSet>)xml"));
  ParseOptions parse_options;
  parse_options.database = GetParam();
  parse_options.contexts = {"here"};
  const ChangeLog log = ParseChangeLog(*loader_, "changelog.xml", parse_options);
  MigratorOptions options;
  options.contexts = {"here"};
  const UpdateSummary summary = MakeMigrator(log, options)->Update();
  EXPECT_EQ(summary.run, 5);  // ok, mark, cont, fails, pair
  EXPECT_EQ(summary.failed, 1);
  EXPECT_EQ(summary.filtered_out, 2);  // other-db, elsewhere
  EXPECT_EQ(summary.total, 8);
}

TEST_P(MigratorTest, RunOnChangeAndRunAlwaysAreReran) {
  const std::string v1 = R"xml(
  <changeSet id="1" author="a"><createTable tableName="t"><column name="x" type="INT"/></createTable></changeSet>
  <changeSet id="view" author="a" runOnChange="true"><sql>DROP VIEW IF EXISTS v; CREATE VIEW v AS SELECT x FROM t</sql></changeSet>
  <changeSet id="always" author="a" runAlways="true"><sql>DELETE FROM t</sql></changeSet>)xml";
  Update(v1);
  std::string v2 = v1;
  v2.replace(v2.find("SELECT x FROM t"), 15, "SELECT x, x AS y FROM t");  // the view's new definition
  auto summary = Update(v2);
  EXPECT_EQ(summary.run, 2);
  EXPECT_EQ(Ids(), (std::vector<std::string>{"1:EXECUTED", "view:RERAN", "always:RERAN"}));
}

TEST_P(MigratorTest, PreconditionsFollowOnFail) {
  Update(R"xml(
  <changeSet id="halt-not" author="a"><createTable tableName="t"><column name="x" type="INT"/></createTable></changeSet>
  <changeSet id="mark" author="a">
    <preConditions onFail="MARK_RAN"><not><tableExists tableName="t"/></not></preConditions>
    <createTable tableName="t"><column name="x" type="INT"/></createTable>
  </changeSet>
  <changeSet id="cont" author="a">
    <preConditions onFail="CONTINUE"><tableExists tableName="nope"/></preConditions>
    <sql>INSERT INTO t VALUES (1)</sql>
  </changeSet>
  <changeSet id="warn" author="a">
    <preConditions onFail="WARN"><sqlCheck expectedResult="5">SELECT COUNT(*) FROM t</sqlCheck></preConditions>
    <sql>INSERT INTO t VALUES (2)</sql>
  </changeSet>)xml");
  EXPECT_EQ(Ids(), (std::vector<std::string>{"halt-not:EXECUTED", "mark:MARK_RAN", "warn:EXECUTED"}));
  EXPECT_EQ(Count("t"), "1");
  try {
    Update(R"xml(<changeSet id="halt" author="a"><preConditions><tableExists tableName="nope"/></preConditions><sql>SELECT 1</sql></changeSet>)xml");
    FAIL() << "HALT must stop the update";
  } catch (const MigrationError& e) {
    EXPECT_NE(std::string(e.what()).find("changelog.xml::halt::a"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("nope"), std::string::npos) << e.what();
  }
}

// changeSetExecuted sees the changesets that ran earlier in the same update, as Liquibase's
// ran-changeset list grows with each one (cromwell's and ORCID's changelogs rely on it).
TEST_P(MigratorTest, ChangeSetExecutedSeesChangeSetsOfTheSameUpdate) {
  Update(R"xml(
  <changeSet id="first" author="a"><createTable tableName="t"><column name="x" type="INT"/></createTable></changeSet>
  <changeSet id="after-first" author="a">
    <preConditions onFail="MARK_RAN"><changeSetExecuted id="first" author="a" changeLogFile="changelog.xml"/></preConditions>
    <sql>INSERT INTO t VALUES (1)</sql>
  </changeSet>
  <changeSet id="after-missing" author="a">
    <preConditions onFail="MARK_RAN"><changeSetExecuted id="never" author="a" changeLogFile="changelog.xml"/></preConditions>
    <sql>INSERT INTO t VALUES (2)</sql>
  </changeSet>)xml");
  EXPECT_EQ(Ids(), (std::vector<std::string>{"first:EXECUTED", "after-first:EXECUTED", "after-missing:MARK_RAN"}));
  EXPECT_EQ(Count("t"), "1");
}

// CONTEXTS as ChangeSet.buildFullContext writes it: inherited include contexts innermost first
// (Fineract: "initial_switch AND (tenant_db AND initial_switch)"), then the changeset's own.
TEST_P(MigratorTest, ContextsColumnListsIncludeContextsInnermostFirst) {
  Write("mid.xml", Xml(R"xml(<include file="leaf.xml" context="inner"/>)xml"));
  Write("leaf.xml", Xml(R"xml(<changeSet id="leaf" author="a" context="own"><sql>SELECT 1</sql></changeSet>)xml"));
  MigratorOptions options;
  options.contexts = {"outer", "x", "inner", "own"};
  Update(R"xml(<include file="mid.xml" context="outer AND x"/>)xml", options);
  EXPECT_EQ(connection_->QueryScalar("SELECT CONTEXTS FROM " + HistorySql(GetParam(), /*live=*/true).ChangeLogTable()).value_or(""),
            "inner AND (outer AND x) AND own");
}

// indexExists with columnNames (Fineract guards its CREATE INDEX CONCURRENTLY with it): an index over
// exactly those columns in that order counts, whatever its name; a primary key's index too.
TEST_P(MigratorTest, IndexExistsMatchesColumnsInOrder) {
  Update(R"xml(
  <changeSet id="t" author="a"><createTable tableName="t">
    <column name="k" type="VARCHAR(10)"><constraints primaryKey="true"/></column>
    <column name="a" type="INT"/><column name="b" type="INT"/>
  </createTable><createIndex tableName="t" indexName="ix_t_ab"><column name="a"/><column name="b"/></createIndex></changeSet>
  <changeSet id="same-order" author="a">
    <preConditions onFail="MARK_RAN"><indexExists tableName="t" columnNames="a, b"/></preConditions>
    <sql>SELECT 1</sql>
  </changeSet>
  <changeSet id="other-order" author="a">
    <preConditions onFail="MARK_RAN"><indexExists tableName="t" columnNames="b, a"/></preConditions>
    <sql>SELECT 1</sql>
  </changeSet>
  <changeSet id="primary-key" author="a">
    <preConditions onFail="MARK_RAN"><indexExists tableName="t" columnNames="k"/></preConditions>
    <sql>SELECT 1</sql>
  </changeSet>
  <changeSet id="by-name" author="a">
    <preConditions onFail="MARK_RAN"><indexExists tableName="t" indexName="IX_T_AB"/></preConditions>
    <sql>SELECT 1</sql>
  </changeSet>)xml");
  EXPECT_EQ(Ids(), (std::vector<std::string>{"t:EXECUTED", "same-order:EXECUTED", "other-order:MARK_RAN",
                                             "primary-key:EXECUTED", "by-name:EXECUTED"}));
}

// dropPrimaryKey without constraintName finds the key when it runs (DropPrimaryKeyGenerator's DO
// block on PostgreSQL): after a renameTable the key is still named after the old table.
TEST_P(MigratorTest, DropPrimaryKeyWithoutNameFindsTheKeyOfARenamedTable) {
  Update(R"xml(
  <changeSet id="1" author="a"><createTable tableName="old_name">
    <column name="id" type="INT"><constraints primaryKey="true" nullable="false"/></column>
  </createTable></changeSet>
  <changeSet id="2" author="a"><renameTable oldTableName="old_name" newTableName="new_name"/></changeSet>
  <changeSet id="3" author="a"><dropPrimaryKey tableName="new_name"/></changeSet>
  <changeSet id="4" author="a"><sql>INSERT INTO new_name (id) VALUES (1); INSERT INTO new_name (id) VALUES (1)</sql></changeSet>)xml");
  EXPECT_EQ(Count("new_name"), "2");
}

// changeLogPropertyDefined: the property set (and, with value=, equal to it) where the changelog
// defines it (Liquibase's own YAML/JSON test changelogs guard a changelog with it).
TEST_P(MigratorTest, ChangeLogPropertyDefinedChecksTheChangelogsProperties) {
  Update(R"xml(
  <property name="flavour" value="sweet"/>
  <changeSet id="defined" author="a">
    <preConditions onFail="MARK_RAN"><changeLogPropertyDefined property="flavour"/></preConditions>
    <sql>SELECT 1</sql>
  </changeSet>
  <changeSet id="same-value" author="a">
    <preConditions onFail="MARK_RAN"><changeLogPropertyDefined property="flavour" value="sweet"/></preConditions>
    <sql>SELECT 1</sql>
  </changeSet>
  <changeSet id="other-value" author="a">
    <preConditions onFail="MARK_RAN"><changeLogPropertyDefined property="flavour" value="sour"/></preConditions>
    <sql>SELECT 1</sql>
  </changeSet>
  <changeSet id="undefined" author="a">
    <preConditions onFail="MARK_RAN"><changeLogPropertyDefined property="colour"/></preConditions>
    <sql>SELECT 1</sql>
  </changeSet>)xml");
  EXPECT_EQ(Ids(), (std::vector<std::string>{"defined:EXECUTED", "same-value:EXECUTED", "other-value:MARK_RAN",
                                             "undefined:MARK_RAN"}));
}

// RunningAsPrecondition (user before any '@', any case; never on SQLite, whose driver has no user) and
// ObjectQuotingStrategyPrecondition (the changelog's own strategy).
TEST_P(MigratorTest, RunningAsAndExpectedQuotingStrategy) {
  const std::string user = text::Upper(connection_->UserName().value_or("sqlite-has-none"));
  Update(R"xml(
  <changeSet id="as-me" author="a">
    <preConditions onFail="MARK_RAN"><runningAs username=")xml" + user + R"xml("/></preConditions>
    <sql>SELECT 1</sql>
  </changeSet>
  <changeSet id="as-other" author="a">
    <preConditions onFail="MARK_RAN"><runningAs username="nobody"/></preConditions>
    <sql>SELECT 1</sql>
  </changeSet>
  <changeSet id="legacy" author="a">
    <preConditions onFail="MARK_RAN"><expectedQuotingStrategy strategy="LEGACY"/></preConditions>
    <sql>SELECT 1</sql>
  </changeSet>
  <changeSet id="quote-all" author="a">
    <preConditions onFail="MARK_RAN"><expectedQuotingStrategy strategy="QUOTE_ALL_OBJECTS"/></preConditions>
    <sql>SELECT 1</sql>
  </changeSet>)xml");
  const std::string as_me = GetParam() == db::DatabaseKind::kSqlite ? "as-me:MARK_RAN" : "as-me:EXECUTED";
  EXPECT_EQ(Ids(), (std::vector<std::string>{as_me, "as-other:MARK_RAN", "legacy:EXECUTED", "quote-all:MARK_RAN"}));
}

// customChange names Java code: pending changesets whose class has no native implementation stop the
// update before anything runs, every one listed; executed ones are skipped as Liquibase skips them.
constexpr const char* kCustomChangeLog = R"xml(
  <changeSet id="table" author="a"><createTable tableName="t"><column name="id" type="int"/></createTable></changeSet>
  <changeSet id="fill" author="a">
    <customChange class="com.example.Fill"><param name="rows" value="2"/></customChange>
  </changeSet>)xml";

TEST_P(MigratorTest, CustomChangeWithoutImplementationIsRefusedBeforeAnythingRuns) {
  Write("changelog.xml", Xml(std::string(kCustomChangeLog) + R"xml(
  <changeSet id="other" author="a"><customChange class="com.example.Other"/></changeSet>)xml"));
  ChangeLog log = Parse();
  try {
    MakeMigrator(log)->Update({});
    FAIL() << "expected a refusal";
  } catch (const ChangeLogError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("com.example.Fill:\n    changelog.xml::fill::a"), std::string::npos) << message;
    EXPECT_NE(message.find("com.example.Other:\n    changelog.xml::other::a"), std::string::npos) << message;
    EXPECT_NE(message.find("--custom-change CLASS=mark-ran"), std::string::npos) << message;
  }
  EXPECT_FALSE(connection_->TableExists(HistorySql(GetParam(), /*live=*/true).ChangeLogTable()));  // nothing created
  EXPECT_FALSE(connection_->TableExists("t"));
}

TEST_P(MigratorTest, ExecutedCustomChangeSetsNeedNoImplementation) {
  Write("changelog.xml", Xml(kCustomChangeLog));
  {
    ScopedCustomChanges registered;
    registered.Register("com.example.Fill", [](const Change& change, const SqlGenerationContext&) {
      std::vector<SqlStatement> out;
      for (int i = 0; i < std::stoi(change.params.at(0).second); ++i) out.push_back({"INSERT INTO t VALUES (" + std::to_string(i) + ")"});
      return out;
    });
    ChangeLog log = Parse();
    MakeMigrator(log)->Update({});
  }
  EXPECT_EQ(Count("t"), "2");
  EXPECT_EQ(FindCustomChange("com.example.Fill"), nullptr);
  // Liquibase's checksum of a customChange: its class and params (CustomChangeWrapper).
  const auto recorded = connection_->QueryScalar("SELECT MD5SUM FROM " + HistorySql(GetParam(), /*live=*/true).ChangeLogTable() +
                                                 " WHERE ID = 'fill'");
  Write("changelog.xml", Xml(std::string(kCustomChangeLog) + R"xml(
  <changeSet id="after" author="a"><insert tableName="t"><column name="id" valueNumeric="9"/></insert></changeSet>)xml"));
  ChangeLog log = Parse();
  MakeMigrator(log)->Update({});
  EXPECT_EQ(Ids(), (std::vector<std::string>{"table:EXECUTED", "fill:EXECUTED", "after:EXECUTED"}));
  EXPECT_EQ(Count("t"), "3");
  EXPECT_EQ(connection_->QueryScalar("SELECT MD5SUM FROM " + HistorySql(GetParam(), /*live=*/true).ChangeLogTable() +
                                     " WHERE ID = 'fill'"),
            recorded);
}

TEST_P(MigratorTest, CustomChangeMarkRanPolicyRecordsWithoutRunning) {
  Write("changelog.xml", Xml(kCustomChangeLog));
  ChangeLog log = Parse();
  MigratorOptions options;
  options.custom_changes["com.example.Fill"] = CustomChangePolicy::kMarkRan;
  std::ostringstream script;
  MakeMigrator(log, options)->UpdateSql(script, {});
  EXPECT_NE(script.str().find("'MARK_RAN'"), std::string::npos) << script.str();
  MakeMigrator(log, options)->Update({});
  EXPECT_EQ(Ids(), (std::vector<std::string>{"table:EXECUTED", "fill:MARK_RAN"}));
  EXPECT_EQ(Count("t"), "0");
  EXPECT_EQ(ParseCustomChangePolicy("mark-ran", "x"), CustomChangePolicy::kMarkRan);
  EXPECT_THROW(ParseCustomChangePolicy("skip", "x"), ConfigError);
}

// ChangeLogParameters(Database): the live connection's facts are ${database.*} properties; offline
// (no server) Liquibase leaves them undefined.
TEST_P(MigratorTest, DatabasePropertiesComeFromTheLiveConnection) {
  Write("changelog.xml", Xml(R"xml(
  <changeSet id="1" author="a">
    <preConditions onFail="MARK_RAN"><changeLogPropertyDefined property="database.databaseMajorVersion"/></preConditions>
    <sql>SELECT 1</sql>
  </changeSet>)xml"));
  const db::DatabaseServer server = connection_->Server();
  ParseOptions options;
  options.database = GetParam();
  options.server = server;
  ChangeLog log = ParseChangeLog(*loader_, "changelog.xml", options);
  MakeMigrator(log)->Update({});
  EXPECT_EQ(Ids(), (std::vector<std::string>{"1:EXECUTED"}));

  const auto live = parse::DatabaseProperties(GetParam(), &server);
  const auto offline = parse::DatabaseProperties(GetParam());
  EXPECT_EQ(offline.count("database.databasemajorversion"), 0u);
  EXPECT_GE(server.major_version, GetParam() == db::DatabaseKind::kSqlite ? 3 : 10);
  EXPECT_EQ(live.at("database.databasemajorversion"), std::to_string(server.major_version));
  EXPECT_EQ(live.at("database.databaseproductversion").rfind(std::to_string(server.major_version) + ".", 0), 0u);
  if (GetParam() == db::DatabaseKind::kPostgresql) {
    EXPECT_EQ(live.at("database.databaseproductname"), "PostgreSQL");
    EXPECT_EQ(live.at("database.defaultschemaname"), "public");
    EXPECT_EQ(live.at("database.defaultschemanameprefix"), ".public");
    EXPECT_EQ(live.at("database.issafetorunupdate"), "true");  // 127.0.0.1
    EXPECT_FALSE(live.at("database.defaultcatalogname").empty());
  } else if (GetParam() == db::DatabaseKind::kMariadb) {
    EXPECT_EQ(live.at("database.databaseproductname"), "MariaDB");
    EXPECT_EQ(live.at("database.issafetorunupdate"), "true");  // 127.0.0.1
    // Liquibase 4.28 against a server / offline (checked with its MariaDB driver).
    EXPECT_EQ(live.at("database.databasechangelogtablename"), "DATABASECHANGELOG");
    EXPECT_EQ(live.at("database.databasechangeloglocktablename"), "DATABASECHANGELOGLOCK");
    EXPECT_EQ(offline.at("database.databasechangelogtablename"), "databasechangelog");
    EXPECT_FALSE(live.at("database.defaultcatalogname").empty());
  } else {
    EXPECT_EQ(live.at("database.databaseproductname"), "SQLite");
    EXPECT_EQ(live.count("database.defaultschemaname"), 0u);
    EXPECT_EQ(live.at("database.issafetorunupdate"), "false");
  }
}

// uniqueConstraintExists (Gravitee guards its dropUniqueConstraint with it): by name, by columns.
TEST_P(MigratorTest, UniqueConstraintExistsByNameAndColumns) {
  Update(R"xml(
  <changeSet id="t" author="a"><createTable tableName="t">
    <column name="a" type="INT"/><column name="b" type="INT"/>
  </createTable><sql>CREATE UNIQUE INDEX uq_t_ab ON t (a, b)</sql></changeSet>
  <changeSet id="by-name" author="a">
    <preConditions onFail="MARK_RAN"><uniqueConstraintExists tableName="t" constraintName="uq_t_ab"/></preConditions>
    <sql>SELECT 1</sql>
  </changeSet>
  <changeSet id="by-columns" author="a">
    <preConditions onFail="MARK_RAN"><uniqueConstraintExists tableName="t" columnNames="a, b"/></preConditions>
    <sql>SELECT 1</sql>
  </changeSet>
  <changeSet id="wrong-columns" author="a">
    <preConditions onFail="MARK_RAN"><uniqueConstraintExists tableName="t" columnNames="b"/></preConditions>
    <sql>SELECT 1</sql>
  </changeSet>
  <changeSet id="missing" author="a">
    <preConditions onFail="MARK_RAN"><uniqueConstraintExists tableName="t" constraintName="uq_none"/></preConditions>
    <sql>SELECT 1</sql>
  </changeSet>)xml");
  // PostgreSQL: a unique index is not a constraint; SQLite's snapshot sees unique indexes as such, and
  // MariaDB has no other kind of unique constraint.
  const bool sqlite = GetParam() != db::DatabaseKind::kPostgresql;
  EXPECT_EQ(Ids(), (std::vector<std::string>{"t:EXECUTED", sqlite ? "by-name:EXECUTED" : "by-name:MARK_RAN",
                                             sqlite ? "by-columns:EXECUTED" : "by-columns:MARK_RAN",
                                             "wrong-columns:MARK_RAN", "missing:MARK_RAN"}));
  if (GetParam() == db::DatabaseKind::kPostgresql) {
    connection_->Execute("ALTER TABLE t ADD CONSTRAINT uq_t_b UNIQUE (b)");
    Update(R"xml(
  <changeSet id="pg-by-name" author="a">
    <preConditions onFail="MARK_RAN"><uniqueConstraintExists tableName="t" constraintName="UQ_T_B"/></preConditions>
    <sql>SELECT 1</sql>
  </changeSet>
  <changeSet id="pg-by-columns" author="a">
    <preConditions onFail="MARK_RAN"><uniqueConstraintExists tableName="t" columnNames="b"/></preConditions>
    <sql>SELECT 1</sql>
  </changeSet>)xml");
    EXPECT_EQ(Ids().back(), "pg-by-columns:EXECUTED");
    EXPECT_EQ(Ids().at(Ids().size() - 2), "pg-by-name:EXECUTED");
  }
}

TEST_P(MigratorTest, ContextsAndLabelsFilter) {
  const std::string body = R"xml(
  <changeSet id="dev" author="a" context="dev"><createTable tableName="dev_only"><column name="x" type="INT"/></createTable></changeSet>
  <changeSet id="prod" author="a" context="prod" labels="Eu, us"><createTable tableName="prod_only"><column name="x" type="INT"/></createTable></changeSet>
  <changeSet id="all" author="a"><createTable tableName="everywhere"><column name="x" type="INT"/></createTable></changeSet>)xml";
  MigratorOptions options;
  options.contexts = {"prod"};
  options.label_filter = "eu";
  auto summary = Update(body, options);
  EXPECT_EQ(summary.run, 2);
  EXPECT_EQ(summary.filtered_out, 1);
  EXPECT_FALSE(connection_->TableExists("dev_only"));
  EXPECT_TRUE(connection_->TableExists("prod_only"));
  EXPECT_EQ(connection_->QueryScalar("SELECT CONTEXTS FROM " + HistorySql(GetParam(), /*live=*/true).ChangeLogTable() + " WHERE ID='prod'"), "prod");
  EXPECT_EQ(connection_->QueryScalar("SELECT LABELS FROM " + HistorySql(GetParam(), /*live=*/true).ChangeLogTable() + " WHERE ID='prod'"), "eu,us");
}

TEST_P(MigratorTest, TagRollbackAndPartialUpdates) {
  const std::string body = std::string(kBase) + R"xml(
  <changeSet id="4" author="bob"><createIndex tableName="account" indexName="idx_account_name"><column name="name"/></createIndex></changeSet>
  <changeSet id="5" author="bob"><createTable tableName="audit"><column name="x" type="INT"/></createTable></changeSet>
  <changeSet id="6" author="bob"><tagDatabase tag="v2"/></changeSet>
  <changeSet id="7" author="bob"><sql>INSERT INTO audit VALUES (7)</sql><rollback><sql>DELETE FROM audit WHERE x = 7</sql></rollback></changeSet>)xml";
  Write("changelog.xml", Xml(body));
  ChangeLog log = Parse();
  auto migrator = MakeMigrator(log);
  EXPECT_EQ(migrator->Update(UpdateLimit::Count(2)).run, 2);
  EXPECT_EQ(Ids().size(), 2u);
  EXPECT_EQ(migrator->Update(UpdateLimit::ToTag("v2")).run, 4);
  EXPECT_EQ(Ids().size(), 6u);
  EXPECT_TRUE(connection_->IndexExists("idx_account_name", "account"));
  EXPECT_EQ(migrator->Update().run, 1);
  EXPECT_EQ(Count("audit"), "1");

  // As Liquibase 4.28: the tagDatabase changeset that set the tag is rolled back with what followed it.
  EXPECT_EQ(migrator->Rollback(RollbackTarget::ToTag("v2")), 2);
  EXPECT_EQ(Count("audit"), "0");
  EXPECT_EQ(migrator->Rollback(RollbackTarget::ToTag("V1")), 3);  // tags match case-insensitively
  EXPECT_FALSE(connection_->TableExists("audit"));
  EXPECT_FALSE(connection_->IndexExists("idx_account_name", "account"));
  EXPECT_EQ(Ids(), (std::vector<std::string>{"1:EXECUTED", "2:EXECUTED"}));
  EXPECT_THROW(migrator->Rollback(RollbackTarget::ToTag("v9")), MigrationError);
  // insert has no automatic rollback: rolling back changeset 2 needs an explicit <rollback>.
  try {
    migrator->Rollback(RollbackTarget::Count(2));
    FAIL() << "expected an error";
  } catch (const MigrationError& e) {
    EXPECT_NE(std::string(e.what()).find("2::alice"), std::string::npos) << e.what();
  }
  migrator->Tag("manual");
  EXPECT_TRUE(migrator->TagExists("manual"));
}

// A tag carried by several rows (a tag command repeated, or DATEEXECUTED's one-second resolution on
// SQLite): Liquibase 4.28 rolls back to the oldest by default, to the newest with --tag-version NEWEST.
TEST_P(MigratorTest, RollbackToADuplicatedTagFollowsTagVersion) {
  const std::string body = R"xml(
  <changeSet id="t1" author="a"><createTable tableName="t1"><column name="x" type="INT"/></createTable></changeSet>
  <changeSet id="t2" author="a"><createTable tableName="t2"><column name="x" type="INT"/></createTable></changeSet>
  <changeSet id="t3" author="a"><createTable tableName="t3"><column name="x" type="INT"/></createTable></changeSet>
  <changeSet id="t4" author="a"><createTable tableName="t4"><column name="x" type="INT"/></createTable></changeSet>)xml";
  Write("changelog.xml", Xml(body));
  ChangeLog log = Parse();
  auto migrator = MakeMigrator(log);
  auto update_and_tag = [&](int count) {
    migrator->Update(UpdateLimit::Count(count));
    migrator->Tag("release");
  };
  update_and_tag(1);  // t1 tagged
  update_and_tag(2);  // t3 tagged
  migrator->Update();

  RollbackTarget newest = RollbackTarget::ToTag("release");
  newest.tag_version = TagVersion::kNewest;
  EXPECT_EQ(migrator->Rollback(newest), 1);
  EXPECT_EQ(Ids(), (std::vector<std::string>{"t1:EXECUTED", "t2:EXECUTED", "t3:EXECUTED"}));

  migrator->Update();
  EXPECT_EQ(migrator->Rollback(RollbackTarget::ToTag("release")), 3);  // t4, t3 (tagged again), t2
  EXPECT_EQ(Ids(), (std::vector<std::string>{"t1:EXECUTED"}));
  EXPECT_TRUE(connection_->TableExists("t1"));
  EXPECT_FALSE(connection_->TableExists("t2"));
  try {
    migrator->Rollback(RollbackTarget::ToTag("nope"));
    FAIL() << "expected an error";
  } catch (const MigrationError& e) {
    EXPECT_NE(std::string(e.what()).find("Could not find tag 'nope' in the database"), std::string::npos) << e.what();
  }
}

TEST_P(MigratorTest, ClearCheckSumsThenUpdateRefillsThem) {
  Update(kBase);
  Write("changelog.xml", Xml(kBase));
  ChangeLog log = Parse();
  auto migrator = MakeMigrator(log);
  migrator->ClearCheckSums();
  EXPECT_EQ(connection_->QueryScalar("SELECT COUNT(*) FROM " + HistorySql(GetParam(), /*live=*/true).ChangeLogTable() + " WHERE MD5SUM IS NULL"), "3");
  EXPECT_EQ(migrator->Update().run, 0);
  EXPECT_EQ(connection_->QueryScalar("SELECT COUNT(*) FROM " + HistorySql(GetParam(), /*live=*/true).ChangeLogTable() + " WHERE MD5SUM IS NULL"), "0");
}

// Rows written by Liquibase before 4.22 hold "8:" checksums. They are checked with the v8 algorithm,
// then rewritten as "9:" (spec 1.9); an edit is still caught while the row holds the v8 value.
TEST_P(MigratorTest, V8CheckSumsAreCheckedThenUpgraded) {
  Update(kBase);
  Write("changelog.xml", Xml(kBase));
  ChangeLog log = Parse();
  const std::string table = HistorySql(GetParam(), /*live=*/true).ChangeLogTable();
  for (const auto& cs : log.change_sets) {
    connection_->Execute("UPDATE " + table + " SET MD5SUM = '" +
                         ComputeCheckSum(cs, CheckSumVersion::kV8, GetParam(), *loader_) + "' WHERE ID = '" + cs.id +
                         "'");
  }
  EXPECT_EQ(connection_->QueryScalar("SELECT COUNT(*) FROM " + table + " WHERE MD5SUM LIKE '8:%'"), "3");

  std::string edited = kBase;
  edited.replace(edited.find("o'neil"), 6, "o'hara");
  Write("changelog.xml", Xml(edited));
  ChangeLog edited_log = Parse();
  try {
    MakeMigrator(edited_log)->Update();
    FAIL() << "an edit of a changeset recorded with a v8 checksum must be caught";
  } catch (const MigrationError& e) {
    EXPECT_NE(std::string(e.what()).find("changelog.xml::2::alice was: 8:"), std::string::npos) << e.what();
  }

  EXPECT_EQ(MakeMigrator(log)->Update().run, 0);
  for (const auto& cs : log.change_sets) {
    EXPECT_EQ(connection_->QueryScalar("SELECT MD5SUM FROM " + table + " WHERE ID = '" + cs.id + "'"),
              ComputeCheckSum(cs, CheckSumVersion::kV9, GetParam(), *loader_));
  }
}

TEST_P(MigratorTest, ChangelogSyncRecordsWithoutRunning) {
  Write("changelog.xml", Xml(kBase));
  ChangeLog log = Parse();
  MakeMigrator(log)->ChangelogSync();
  EXPECT_EQ(Ids(), (std::vector<std::string>{"1:EXECUTED", "2:EXECUTED", "3:EXECUTED"}));
  EXPECT_FALSE(connection_->TableExists("account"));
}

TEST_P(MigratorTest, LockHeldByAnotherToolIsNotTakenOver) {
  Write("changelog.xml", Xml(kBase));
  ChangeLog log = Parse();
  HistorySql sql(GetParam(), /*live=*/true);
  {
    LockService lock(*connection_, sql);
    lock.EnsureTable();
  }
  connection_->Execute(sql.Lock("otherhost (10.0.0.1)"));  // what Liquibase writes
  try {
    MakeMigrator(log)->Update();
    FAIL() << "expected a lock error";
  } catch (const MigrationError& e) {
    EXPECT_NE(std::string(e.what()).find("Currently locked by otherhost (10.0.0.1)"), std::string::npos) << e.what();
  }
  MakeMigrator(log)->ReleaseLocks();
  EXPECT_EQ(MakeMigrator(log)->Update().run, 3);
}

TEST_P(MigratorTest, LockLeftByACrashedLedgerhostIsTakenOver) {
  Write("changelog.xml", Xml(kBase));
  ChangeLog log = Parse();
  HistorySql sql(GetParam(), /*live=*/true);
  {
    // A holder that died: its row stays LOCKED; on PostgreSQL its session (and advisory lock) is gone.
    auto crashed = db_->Connect();
    LockService lock(*crashed, sql);
    lock.EnsureTable();
    char host[256] = {};
    gethostname(host, sizeof(host) - 1);
    crashed->Execute(sql.Lock(std::string(host) + " (ledgerhost pid 2147483646)"));
  }
  EXPECT_EQ(MakeMigrator(log)->Update().run, 3);
  EXPECT_EQ(connection_->QueryScalar("SELECT LOCKEDBY FROM " + sql.LockTable()), std::nullopt);
}

TEST_P(MigratorTest, ConcurrentUpdaterWaitsThenFails) {
  Write("changelog.xml", Xml(kBase));
  ChangeLog log = Parse();
  auto holder_connection = db_->Connect();
  HistorySql sql(GetParam(), /*live=*/true);
  LockService holder(*holder_connection, sql);
  holder.Acquire();
  try {
    MakeMigrator(log)->Update();
    FAIL() << "a second updater must not run while the lock is held";
  } catch (const MigrationError& e) {
    EXPECT_NE(std::string(e.what()).find("Could not acquire change log lock"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(connection_->TableExists("account"));
  holder.Release();
  EXPECT_EQ(MakeMigrator(log)->Update().run, 3);
}

// A live holder in another PID namespace (a container sharing the database file or server, with the
// same host name) names a pid this process cannot see. It is alive: its lock is not taken over, and
// the waiter is woken within moments of its release, not at the next 10 s poll.
TEST_P(MigratorTest, LiveHolderInAnotherPidNamespaceIsNotTakenOver) {
  Write("changelog.xml", Xml(kBase));
  ChangeLog log = Parse();
  HistorySql sql(GetParam(), /*live=*/true);
  auto holder_connection = db_->Connect();
  LockService holder(*holder_connection, sql);
  holder.Acquire();
  char host[256] = {};
  gethostname(host, sizeof(host) - 1);
  holder_connection->Execute("UPDATE " + sql.LockTable() + " SET LOCKEDBY = '" + std::string(host) +
                             " (ledgerhost pid 2147483646)' WHERE ID = 1");
  try {
    MakeMigrator(log)->Update();
    FAIL() << "the lock of a live holder was taken over";
  } catch (const MigrationError& e) {
    EXPECT_NE(std::string(e.what()).find("Could not acquire change log lock"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(connection_->TableExists("account"));

  MigratorOptions patient;
  patient.lock.wait = std::chrono::seconds(20);
  patient.lock.poll = std::chrono::seconds(10);  // Liquibase's poll rate: the wait must not depend on it
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    holder_connection->Execute(sql.Unlock());
    holder.Release();
  });
  const auto start = std::chrono::steady_clock::now();
  auto migrator = std::make_unique<Migrator>(log, *loader_, GetParam(), connection_.get(), patient);
  EXPECT_EQ(migrator->Update().run, 3);
  release.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5)) << "woken only by a poll";
}

TEST_P(MigratorTest, DropAllLeavesAnEmptySchema) {
  Update(kBase);
  Write("changelog.xml", Xml(kBase));
  ChangeLog log = Parse();
  MakeMigrator(log)->DropAll();
  EXPECT_TRUE(connection_->Tables().empty());
}

INSTANTIATE_TEST_SUITE_P(Databases, MigratorTest,
                         ::testing::Values(db::DatabaseKind::kSqlite, db::DatabaseKind::kPostgresql, db::DatabaseKind::kMariadb),
                         [](const auto& info) { return testing::DatabaseName(info.param); });

}  // namespace
}  // namespace ledgerhost::migration
