// Drives the real `ledgerhost db` executable: Liquibase's golden update-sql scripts, update/status/
// history on a real SQLite file and a fresh PostgreSQL database, scripts that really apply, exit
// codes, and passwords kept out of error messages.
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "cli_runner.h"
#include "core/error.h"
#include "db/connection.h"
#include "db/database_url.h"
#include "migration/engine/history_sql.h"
#include "migration/engine/lock_service.h"
#include "support/test_database.h"

namespace ledgerhost {
namespace {

namespace fs = std::filesystem;
using db::DatabaseKind;
using migration::HistorySql;
using testing::TestDatabase;

using cli_test::Outcome;
using cli_test::Process;
using cli_test::ReadFile;
using cli_test::RunIn;
using cli_test::ScratchDir;
using cli_test::ShellQuote;
using cli_test::WriteFile;

// The lines that legitimately differ between two runs: the date, the tool version and the
// per-run DEPLOYMENT_ID (last 10 digits of the start time in ms).
std::string MaskRunSpecific(const std::string& script) {
  std::string masked = std::regex_replace(script, std::regex("'[0-9]{10}'"), "'<deployment-id>'");
  masked = std::regex_replace(masked, std::regex("(--  ?Ran at: )[^\n]*"), "$1<date>");
  masked = std::regex_replace(masked, std::regex("(--  ?Liquibase version: )[^\n]*"), "$1<version>");
  return masked;
}

const fs::path kGoldenDir = fs::path(LEDGERHOST_SOURCE_DIR) / "tests/integration/golden";

// The golden scripts were captured with real Liquibase 4.28.0:
//   liquibase --url="offline:<db>?outputLiquibaseSql=all" --changelog-file=changelog.xml update-sql
// (changelog_sqlite.xml for sqlite), each from a directory with no databasechangelog.csv.
class GoldenUpdateSqlTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenUpdateSqlTest, OfflineScriptIsLiquibasesScript) {
  const std::string database = GetParam();
  const std::string changelog = database == "sqlite" ? "changelog_sqlite.xml" : "changelog.xml";
  ScratchDir dir;
  fs::copy_file(kGoldenDir / changelog, dir.path() / changelog);
  const Outcome result = RunIn(dir.path(), "db --changelog-file " + changelog + " --url 'offline:" + database +
                                               "?outputLiquibaseSql=all' update-sql --output-file script.sql");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(MaskRunSpecific(ReadFile(dir.path() / "script.sql")),
            MaskRunSpecific(ReadFile(kGoldenDir / (database + ".sql"))));
}

INSTANTIATE_TEST_SUITE_P(Databases, GoldenUpdateSqlTest,
                         ::testing::Values("postgresql", "mysql", "mariadb", "oracle", "mssql", "h2", "sqlite"));

// outputLiquibaseSql=data_only leaves out CREATE TABLE DATABASECHANGELOG, none every statement on it
// (captured as above with Liquibase 4.28.0, its databasechangelog.csv absent before each run).
// validate on an offline URL checks the changelog against that kind of database, as Liquibase's does
// (there is no history to check checksums against).
TEST(DbCliOffline, ValidateChecksTheChangeLogForThatDatabase) {
  ScratchDir dir;
  fs::copy_file(kGoldenDir / "changelog.xml", dir.path() / "changelog.xml");
  const Outcome valid = RunIn(dir.path(), "db --changelog-file changelog.xml --url offline:postgresql validate");
  EXPECT_EQ(valid.exit_code, 0) << valid.err;
  EXPECT_NE(valid.out.find("No validation errors found."), std::string::npos) << valid.out;
  WriteFile(dir.path() / "sqlite_only.xml", R"xml(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="1" author="v">
    <createTable tableName="t"><column name="id" type="INT"/></createTable>
  </changeSet>
  <changeSet id="2" author="v">
    <addColumn tableName="t"><column name="c" type="INT" afterColumn="id"/></addColumn>
  </changeSet>
</databaseChangeLog>
)xml");
  const Outcome refused = RunIn(dir.path(), "db --changelog-file sqlite_only.xml --url offline:postgresql validate");
  EXPECT_NE(refused.exit_code, 0) << refused.out;
  EXPECT_NE(refused.err.find("2::v"), std::string::npos) << refused.err;
}

TEST(GoldenOfflineHistory, OutputLiquibaseSqlIsHonoured) {
  for (const std::string mode : {"data_only", "none"}) {
    ScratchDir dir;
    fs::copy_file(kGoldenDir / "changelog.xml", dir.path() / "changelog.xml");
    const Outcome result = RunIn(dir.path(), "db --changelog-file changelog.xml --url 'offline:postgresql?outputLiquibaseSql=" +
                                                 mode + "' update-sql --output-file script.sql");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(MaskRunSpecific(ReadFile(dir.path() / "script.sql")),
              MaskRunSpecific(ReadFile(kGoldenDir / ("postgresql_" + mode + ".sql"))))
        << mode;
  }
  ScratchDir dir;
  fs::copy_file(kGoldenDir / "changelog.xml", dir.path() / "changelog.xml");
  const Outcome bad = RunIn(dir.path(), "db --changelog-file changelog.xml --url 'offline:postgresql?outputLiquibaseSql=some' update-sql");
  EXPECT_EQ(bad.exit_code, static_cast<int>(ExitCode::kConfig)) << bad.err;
  EXPECT_NE(bad.err.find("outputLiquibaseSql is all, data_only or none"), std::string::npos) << bad.err;
}

constexpr const char* kChangeLog = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
  <changeSet id="1" author="cli">
    <createTable tableName="party">
      <column name="id" type="BIGINT"><constraints primaryKey="true" nullable="false"/></column>
      <column name="name" type="VARCHAR(100)"/>
    </createTable>
  </changeSet>
  <changeSet id="2" author="cli">
    <insert tableName="party"><column name="id" valueNumeric="1"/><column name="name" value="O'Brien"/></insert>
  </changeSet>
  <changeSet id="3" author="cli">
    <tagDatabase tag="v1"/>
  </changeSet>
</databaseChangeLog>
)xml";

class DbCliTest : public ::testing::TestWithParam<DatabaseKind> {};

TEST_P(DbCliTest, UpdateTwiceThenStatusAndHistory) {
  TestDatabase db(GetParam());
  ScratchDir dir;
  WriteFile(dir.path() / "changelog.xml", kChangeLog);
  const std::string common = "--changelog-file changelog.xml --url " + ShellQuote(db.url());

  Outcome first = RunIn(dir.path(), "db " + common + " update");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("Run:                          3"), std::string::npos) << first.out;

  Outcome second = RunIn(dir.path(), "db " + common + " update");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("Run:                          0"), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("Previously run:               3"), std::string::npos) << second.out;

  Outcome status = RunIn(dir.path(), "db " + common + " status --verbose");
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_NE(status.out.find("is up to date"), std::string::npos) << status.out;

  Outcome history = RunIn(dir.path(), "db --url " + ShellQuote(db.url()) + " history");
  ASSERT_EQ(history.exit_code, 0) << history.err;
  // Liquibase's TABULAR history: a table per deployment (one here), a rule after every row.
  EXPECT_EQ(history.out.rfind("Liquibase History for ", 0), 0u) << history.out;
  EXPECT_NE(history.out.find("| Deployment ID | Update Date "), std::string::npos) << history.out;
  EXPECT_TRUE(std::regex_search(history.out, std::regex(R"(\| changelog.xml +\| cli +\| 3 +\| v1  \|\n\+-)")))
      << history.out;
  EXPECT_EQ(std::count(history.out.begin(), history.out.end(), '\n'), 2 + 3 + 2 * 3 + 1) << history.out;
  Outcome text = RunIn(dir.path(), "db --url " + ShellQuote(db.url()) + " history --format=TEXT");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(std::regex_search(text.out, std::regex(R"(- Database updated at \d+/\d+/\d\d, \d+:\d\d [AP]M\. Applied 3 changeset\(s\) in \d+\.\d+s, DeploymentId: \d{10}\n  changelog.xml::1::cli\n  changelog.xml::2::cli\n  changelog.xml::3::cli\n)")))
      << text.out;

  EXPECT_EQ(RunIn(dir.path(), "db --url " + ShellQuote(db.url()) + " tag-exists v1").exit_code, 0);
  EXPECT_EQ(RunIn(dir.path(), "db --url " + ShellQuote(db.url()) + " tag-exists v2").exit_code, 1);

  auto connection = db.Connect();
  EXPECT_EQ(connection->QueryScalar("SELECT name FROM party WHERE id = 1").value_or(""), "O'Brien");
}

// update-sql against the live database, applied by the database's own client, leaves the database
// exactly as update would: ledgerhost then finds nothing to do and every checksum matches.
TEST_P(DbCliTest, UpdateSqlScriptAppliedByTheNativeClientIsAFullUpdate) {
  TestDatabase db(GetParam());
  ScratchDir dir;
  WriteFile(dir.path() / "changelog.xml", kChangeLog);
  const std::string common = "--changelog-file changelog.xml --url " + ShellQuote(db.url());

  Outcome script = RunIn(dir.path(), "db " + common + " update-sql --output-file script.sql");
  ASSERT_EQ(script.exit_code, 0) << script.err;
  const fs::path script_path = dir.path() / "script.sql";
  const std::string apply = db.NativeClientCommand(script_path);
  ASSERT_EQ(std::system(apply.c_str()), 0) << ReadFile(script_path);

  Outcome status = RunIn(dir.path(), "db " + common + " status");
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_NE(status.out.find("is up to date"), std::string::npos) << status.out;
  Outcome validate = RunIn(dir.path(), "db " + common + " validate");
  EXPECT_EQ(validate.exit_code, 0) << validate.err;
  Outcome update = RunIn(dir.path(), "db " + common + " update");
  ASSERT_EQ(update.exit_code, 0) << update.err;
  EXPECT_NE(update.out.find("Run:                          0"), std::string::npos) << update.out;
}

TEST_P(DbCliTest, EditedExecutedChangeSetExitsWithMigrationErrorNamingIt) {
  TestDatabase db(GetParam());
  ScratchDir dir;
  WriteFile(dir.path() / "changelog.xml", kChangeLog);
  const std::string common = "--changelog-file changelog.xml --url " + ShellQuote(db.url());
  ASSERT_EQ(RunIn(dir.path(), "db " + common + " update").exit_code, 0);

  std::string edited = kChangeLog;
  edited.replace(edited.find("O'Brien"), 7, "O'Neill");
  WriteFile(dir.path() / "changelog.xml", edited);
  Outcome result = RunIn(dir.path(), "db " + common + " update");
  EXPECT_EQ(result.exit_code, static_cast<int>(ExitCode::kMigration)) << result.err;
  EXPECT_NE(result.err.find("changelog.xml::2::cli"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("9:"), std::string::npos) << result.err;
  // The advice is in the changelog's syntax, with the checksum to accept.
  EXPECT_TRUE(std::regex_search(result.err, std::regex(R"(<validCheckSum>9:[0-9a-f]{32}</validCheckSum>)"))) << result.err;
}

// Runs ledgerhost with a pseudo-terminal as its stdin, stdout and stderr (TERM=xterm) and returns
// everything it wrote there, and its exit code.
std::pair<std::string, int> RunOnTerminal(const fs::path& dir, const std::vector<std::string>& args) {
  std::vector<std::string> argv_text{LEDGERHOST_EXECUTABLE};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  int terminal = -1;
  const pid_t pid = forkpty(&terminal, nullptr, nullptr, nullptr);
  if (pid == 0) {
    if (chdir(dir.c_str()) != 0) _exit(126);
    setenv("TERM", "xterm", 1);
    execv(argv[0], argv.data());
    _exit(127);
  }
  std::string output;
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(terminal, buffer, sizeof buffer);
    if (n <= 0) break;  // EIO once the child has gone
    output.append(buffer, static_cast<size_t>(n));
  }
  close(terminal);
  int status = 0;
  waitpid(pid, &status, 0);
  return {output, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

// On a terminal, update keeps a progress line below its log lines and clears it at the end; off a
// terminal (every other test's stderr is a file) there is no trace of it.
TEST(DbCliProgress, ATerminalGetsAProgressLineAndFilesDoNot) {
  ScratchDir dir;
  WriteFile(dir.path() / "changelog.xml", kChangeLog);
  const std::string url = "sqlite:" + (dir.path() / "p.db").string();
  const auto [terminal, code] = RunOnTerminal(dir.path(), {"db", "--changelog-file", "changelog.xml", "--url", url, "update"});
  EXPECT_EQ(code, 0) << terminal;
  EXPECT_NE(terminal.find("\r\033[KApplying changeset 1/3 ("), std::string::npos) << terminal;
  EXPECT_NE(terminal.find("\r\033[KApplying changeset 3/3 ("), std::string::npos) << terminal;
  EXPECT_NE(terminal.find("Running Changeset 3/3: changelog.xml::3::cli"), std::string::npos) << "the log lines stay\n"
                                                                                            << terminal;
  Outcome to_file = RunIn(dir.path(), "db --changelog-file changelog.xml --url " + ShellQuote(url) + "2 update");
  EXPECT_EQ(to_file.exit_code, 0) << to_file.err;
  EXPECT_EQ(to_file.err.find("\033[K"), std::string::npos) << to_file.err;
  EXPECT_EQ(to_file.err.find("Applying changeset"), std::string::npos) << to_file.err;
}

// Advice matches the changelog's format: YAML and formatted SQL are not told to write XML.
TEST(DbCliMessages, AdviceIsInTheChangeLogsOwnSyntax) {
  ScratchDir dir;
  WriteFile(dir.path() / "changelog.yaml",
            "databaseChangeLog:\n- changeSet:\n    id: 1\n    author: y\n    changes:\n    - sql:\n        sql: "
            "CREATE TABLE y_t (id INT)\n");
  WriteFile(dir.path() / "changelog.sql",
            "--liquibase formatted sql\n--changeset s:1\nCREATE TABLE s_t (id INT);\n");
  const std::string yaml_url = " --url sqlite:" + (dir.path() / "yaml.db").string();
  const std::string url = " --url sqlite:" + (dir.path() / "sql.db").string();
  ASSERT_EQ(RunIn(dir.path(), "db --changelog-file changelog.yaml" + yaml_url + " update").exit_code, 0);
  ASSERT_EQ(RunIn(dir.path(), "db --changelog-file changelog.sql" + url + " update").exit_code, 0);
  Outcome yaml = RunIn(dir.path(), "db --changelog-file changelog.yaml" + yaml_url + " rollback-count-sql 1");
  EXPECT_EQ(yaml.exit_code, static_cast<int>(ExitCode::kMigration)) << yaml.err;
  EXPECT_NE(yaml.err.find("add a rollback: entry to the changeset"), std::string::npos) << yaml.err;
  EXPECT_EQ(yaml.err.find("<rollback>"), std::string::npos) << yaml.err;

  WriteFile(dir.path() / "changelog.sql", "--liquibase formatted sql\n--changeset s:1\nCREATE TABLE s_t (id BIGINT);\n");
  Outcome sql = RunIn(dir.path(), "db --changelog-file changelog.sql" + url + " validate");
  EXPECT_EQ(sql.exit_code, static_cast<int>(ExitCode::kMigration)) << sql.err;
  EXPECT_TRUE(std::regex_search(sql.err, std::regex(R"(a --validCheckSum: 9:[0-9a-f]{32} line in the changeset)"))) << sql.err;
  EXPECT_EQ(sql.err.find("<validCheckSum>"), std::string::npos) << sql.err;
}

constexpr const char* kRollbackChangeLog = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="1" author="cli">
    <createTable tableName="first_t"><column name="id" type="INT"/></createTable>
  </changeSet>
  <changeSet id="2" author="cli">
    <addColumn tableName="first_t"><column name="note" type="VARCHAR(20)"/></addColumn>
  </changeSet>
  <changeSet id="3" author="cli">
    <createTable tableName="second_t"><column name="id" type="INT"/></createTable>
  </changeSet>
  <changeSet id="4" author="cli" labels="norb">
    <sql>INSERT INTO second_t (id) VALUES (1)</sql>
  </changeSet>
</databaseChangeLog>
)xml";

long CountRows(const std::string& url, const std::string& sql) {
  auto connection = db::Connection::Open(db::ParseDatabaseUrl(url));
  return std::stol(connection->QueryScalar(sql).value_or("-1"));
}

// future-rollback-sql undoes exactly what update would apply (its script, run by the database's own
// client after that update, brings the database back); rollback-to-date undoes what ran after a
// date; update-testing-rollback ends applied; a script that cannot be whole is not written at all.
TEST_P(DbCliTest, FutureRollbackRollbackToDateAndUpdateTestingRollback) {
  TestDatabase db(GetParam());
  ScratchDir dir;
  WriteFile(dir.path() / "changelog.xml", kRollbackChangeLog);
  const std::string common = "--changelog-file changelog.xml --url " + ShellQuote(db.url());
  const std::string history = "SELECT COUNT(*) FROM DATABASECHANGELOG";
  ASSERT_EQ(RunIn(dir.path(), "db " + common + " update-count 1").exit_code, 0);

  // Changeset 4 has no rollback: the script cannot be whole, so nothing is written.
  Outcome partial = RunIn(dir.path(), "db " + common + " future-rollback-sql --output-file never.sql");
  EXPECT_EQ(partial.exit_code, static_cast<int>(ExitCode::kMigration)) << partial.err;
  EXPECT_NE(partial.err.find("4::cli"), std::string::npos) << partial.err;
  EXPECT_FALSE(fs::exists(dir.path() / "never.sql"));
  EXPECT_FALSE(fs::exists(dir.path() / "never.sql.tmp"));
  Outcome partial_stdout = RunIn(dir.path(), "db " + common + " future-rollback-sql");
  EXPECT_EQ(partial_stdout.exit_code, static_cast<int>(ExitCode::kMigration));
  EXPECT_EQ(partial_stdout.out, "") << "a partial script reached stdout";

  const std::string selected = common + " --label-filter '!norb'";
  Outcome future = RunIn(dir.path(), "db " + selected + " future-rollback-sql --output-file future.sql");
  ASSERT_EQ(future.exit_code, 0) << future.err;
  const std::string script = ReadFile(dir.path() / "future.sql");
  EXPECT_NE(script.find("SQL to roll back currently unexecuted changes"), std::string::npos) << script;
  const auto third = script.find("Rolling Back ChangeSet: changelog.xml::3::cli");
  const auto second = script.find("Rolling Back ChangeSet: changelog.xml::2::cli");
  ASSERT_NE(third, std::string::npos) << script;
  ASSERT_NE(second, std::string::npos) << script;
  EXPECT_LT(third, second) << "newest first\n" << script;
  EXPECT_EQ(script.find("::1::cli"), std::string::npos) << "changeset 1 already ran\n" << script;
  EXPECT_EQ(script.find("::4::cli"), std::string::npos) << "changeset 4 is not selected\n" << script;
  Outcome count = RunIn(dir.path(), "db " + selected + " future-rollback-count-sql --count 1");
  ASSERT_EQ(count.exit_code, 0) << count.err;
  EXPECT_NE(count.out.find("::2::cli"), std::string::npos) << count.out;
  EXPECT_EQ(count.out.find("::3::cli"), std::string::npos) << count.out;

  ASSERT_EQ(RunIn(dir.path(), "db " + selected + " update").exit_code, 0);
  ASSERT_EQ(CountRows(db.url(), history), 3);
  ASSERT_EQ(std::system(db.NativeClientCommand(dir.path() / "future.sql").c_str()), 0) << script;
  EXPECT_EQ(CountRows(db.url(), history), 1) << script;
  Outcome status = RunIn(dir.path(), "db " + selected + " status");
  EXPECT_NE(status.out.find("2 changesets have not been applied"), std::string::npos) << status.out;

  // rollback-to-date: rows strictly after the date, newest first.
  ASSERT_EQ(RunIn(dir.path(), "db " + selected + " update").exit_code, 0);
  {
    auto connection = db::Connection::Open(db::ParseDatabaseUrl(db.url()));
    connection->Execute("UPDATE DATABASECHANGELOG SET DATEEXECUTED = '2030-01-01 00:00:01' WHERE ID = '3'");
  }
  Outcome to_date_sql = RunIn(dir.path(), "db " + selected + " rollback-to-date-sql 2030-01-01 00:00:00");
  ASSERT_EQ(to_date_sql.exit_code, 0) << to_date_sql.err;
  EXPECT_NE(to_date_sql.out.find("Rollback to 2030-01-01 00:00:00.0 Script"), std::string::npos) << to_date_sql.out;
  EXPECT_NE(to_date_sql.out.find("::3::cli"), std::string::npos) << to_date_sql.out;
  EXPECT_EQ(to_date_sql.out.find("::2::cli"), std::string::npos) << to_date_sql.out;
  Outcome not_after = RunIn(dir.path(), "db " + selected + " rollback-to-date --date 2030-01-01T00:00:01");
  ASSERT_EQ(not_after.exit_code, 0) << not_after.err;
  EXPECT_NE(not_after.out.find("Rolled back 0 changesets"), std::string::npos) << "strictly after\n" << not_after.out;
  Outcome to_date = RunIn(dir.path(), "db " + selected + " rollback-to-date --date 2030-01-01");
  ASSERT_EQ(to_date.exit_code, 0) << to_date.err;
  EXPECT_NE(to_date.out.find("Rolled back 1 changesets"), std::string::npos) << to_date.out;
  EXPECT_EQ(CountRows(db.url(), history), 2);
  for (const char* bad : {"2030-13-01", "10:00:00", "yesterday", "2030-01-01T00:00:00Z"}) {
    Outcome refused = RunIn(dir.path(), "db " + selected + " rollback-to-date --date " + ShellQuote(bad));
    EXPECT_EQ(refused.exit_code, static_cast<int>(ExitCode::kUsage)) << bad << "\n" << refused.err;
    EXPECT_NE(refused.err.find("unknown date format"), std::string::npos) << refused.err;
  }
  EXPECT_EQ(CountRows(db.url(), history), 2);

  // update-testing-rollback: applies the pending changeset, rolls it back, applies it again.
  Outcome testing = RunIn(dir.path(), "db " + selected + " update-testing-rollback");
  ASSERT_EQ(testing.exit_code, 0) << testing.err;
  EXPECT_NE(testing.out.find("Rolled back 1 changesets"), std::string::npos) << testing.out;
  EXPECT_EQ(CountRows(db.url(), history), 3);
}

// execute-sql prints what Liquibase 4.28 prints (checked side by side): each query's labels and rows,
// each other statement as executed; a failing statement undoes the rest and prints nothing.
TEST_P(DbCliTest, ExecuteSqlPrintsLiquibasesReportAndIsAllOrNothing) {
  TestDatabase db(GetParam());
  ScratchDir dir;
  const std::string url = " --url " + ShellQuote(db.url());
  Outcome run = RunIn(dir.path(), "db execute-sql" + url +
                                      " --sql \"create table ex_t (a int, b varchar(10)); insert into ex_t values (1, null); "
                                      "select a, b AS Bee from ex_t; select a from ex_t where a = 7\"");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string header = GetParam() == DatabaseKind::kPostgresql ? "A | BEE |" : "a | Bee |";
  EXPECT_EQ(run.out, "Successfully Executed: create table ex_t (a int, b varchar(10))\n\n"
                     "Successfully Executed: insert into ex_t values (1, null)\n\n"
                     "Output of select a, b AS Bee from ex_t:\n" + header + "\n1 | null | \n\n"
                     "Output of select a from ex_t where a = 7:\n-- Empty Resultset --\n\n");

  // A DDL statement first: on MySQL/MariaDB it commits by itself, and what follows it must still be undone.
  WriteFile(dir.path() / "more.sql",
            "-- a comment\ncreate table ex_more (a int);\ninsert into ex_t values (2, 'x');\ninsert into missing_t values (1);\n");
  Outcome failed = RunIn(dir.path(), "db execute-sql" + url + " --sql-file more.sql");
  EXPECT_EQ(failed.exit_code, static_cast<int>(ExitCode::kDatabase)) << failed.err;
  EXPECT_EQ(failed.out, "");
  EXPECT_NE(failed.err.find("missing_t"), std::string::npos) << failed.err;
  EXPECT_EQ(CountRows(db.url(), "SELECT COUNT(*) FROM ex_t"), 1) << "the insert before the failure was undone";
  Outcome after = RunIn(dir.path(), "db execute-sql" + url + " --sql \"insert into ex_t values (3, 'z')\"");
  EXPECT_EQ(after.exit_code, 0) << "the connection is usable again (autocommit restored)\n" << after.err;
  EXPECT_EQ(CountRows(db.url(), "SELECT COUNT(*) FROM ex_t"), 2);

  Outcome nothing = RunIn(dir.path(), "db execute-sql" + url);
  EXPECT_EQ(nothing.exit_code, static_cast<int>(ExitCode::kUsage)) << nothing.err;
  EXPECT_NE(nothing.err.find("--sql"), std::string::npos) << nothing.err;
}

// generate-changelog, snapshot, diff and diff-changelog through the executable: a database's changelog
// rebuilds it elsewhere (diff finds nothing), an added table is found and the changesets diff-changelog
// adds to the same XML file remove it; an existing output file is refused unless overwritten.
TEST_P(DbCliTest, GenerateChangeLogDiffAndDiffChangeLogRoundTrip) {
  TestDatabase reference(GetParam());
  TestDatabase copy(GetParam());
  ScratchDir dir;
  WriteFile(dir.path() / "schema.xml", R"xml(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="1" author="t">
    <createTable tableName="party">
      <column name="id" type="INT" autoIncrement="true"><constraints primaryKey="true" nullable="false"/></column>
      <column name="name" type="VARCHAR(50)" defaultValue="none"><constraints nullable="false"/></column>
    </createTable>
    <createTable tableName="account">
      <column name="id" type="BIGINT"><constraints primaryKey="true" nullable="false"/></column>
      <column name="party_id" type="INT"/>
    </createTable>
    <addForeignKeyConstraint baseTableName="account" baseColumnNames="party_id" constraintName="fk_account_party"
        referencedTableName="party" referencedColumnNames="id"/>
    <createIndex tableName="account" indexName="idx_account_party"><column name="party_id"/></createIndex>
  </changeSet>
</databaseChangeLog>
)xml");
  const std::string ref = " --url " + ShellQuote(reference.url());
  const std::string target = " --url " + ShellQuote(copy.url());
  ASSERT_EQ(RunIn(dir.path(), "db" + ref + " --changelog-file schema.xml update").exit_code, 0);

  Outcome generated = RunIn(dir.path(), "db" + ref + " generate-changelog --changelog-file gen.xml --author tester");
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  EXPECT_NE(generated.err.find("Generated changelog written to gen.xml"), std::string::npos) << generated.err;
  const std::string xml = ReadFile(dir.path() / "gen.xml");
  EXPECT_NE(xml.find("author=\"tester\""), std::string::npos) << xml;
  EXPECT_EQ(xml.find("DATABASECHANGELOG"), std::string::npos) << "the history tables are not the schema's";
  Outcome again = RunIn(dir.path(), "db" + ref + " generate-changelog --changelog-file gen.xml");
  EXPECT_EQ(again.exit_code, static_cast<int>(ExitCode::kConfig)) << again.err;
  EXPECT_NE(again.err.find("Output ChangeLogFile 'gen.xml' already exists!"), std::string::npos) << again.err;
  EXPECT_EQ(ReadFile(dir.path() / "gen.xml"), xml) << "a refused run leaves the file as it was";
  EXPECT_EQ(RunIn(dir.path(), "db" + ref + " generate-changelog --changelog-file gen.xml --overwrite-output-file").exit_code, 0);
  const std::string overwritten = ReadFile(dir.path() / "gen.xml");
  EXPECT_NE(overwritten, xml) << "new changeset ids";

  ASSERT_EQ(RunIn(dir.path(), "db" + target + " --changelog-file gen.xml update").exit_code, 0);
  Outcome same = RunIn(dir.path(), "db" + target + " diff --reference-url " + ShellQuote(reference.url()));
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_NE(same.out.find("Missing Table(s): NONE\nUnexpected Table(s): NONE\nChanged Table(s): NONE"), std::string::npos)
      << same.out;
  for (const char* changed : {"): \n", "changed from"}) EXPECT_EQ(same.out.find(changed), std::string::npos) << same.out;
  EXPECT_EQ(same.out.find(":ledgerhost@"), std::string::npos) << "passwords stay out of the report";

  ASSERT_EQ(RunIn(dir.path(), "db execute-sql" + target + " --sql \"create table extra_t (a int)\"").exit_code, 0);
  Outcome found = RunIn(dir.path(), "db" + target + " diff --reference-url " + ShellQuote(reference.url()));
  EXPECT_NE(found.out.find("Unexpected Table(s): \n     extra_t\n"), std::string::npos) << found.out;
  Outcome appended =
      RunIn(dir.path(), "db" + target + " diff-changelog --reference-url " + ShellQuote(reference.url()) +
                            " --changelog-file gen.xml");
  ASSERT_EQ(appended.exit_code, 0) << appended.err;
  const std::string grown = ReadFile(dir.path() / "gen.xml");
  EXPECT_TRUE(grown.starts_with(overwritten.substr(0, overwritten.rfind("</databaseChangeLog>")))) << "added to, not rewritten";
  EXPECT_NE(grown.find("<dropTable tableName=\"extra_t\""), std::string::npos) << grown;
  ASSERT_EQ(RunIn(dir.path(), "db" + target + " --changelog-file gen.xml update").exit_code, 0);
  Outcome clean = RunIn(dir.path(), "db" + target + " diff --reference-url " + ShellQuote(reference.url()));
  EXPECT_EQ(clean.out.find("extra_t"), std::string::npos) << clean.out;

  Outcome snapshot = RunIn(dir.path(), "db" + ref + " snapshot");
  ASSERT_EQ(snapshot.exit_code, 0) << snapshot.err;
  EXPECT_NE(snapshot.out.find("fk_account_party(account[party_id] -> party[id])"), std::string::npos) << snapshot.out;
  Outcome json = RunIn(dir.path(), "db" + ref + " snapshot --snapshot-format json --output-file snap.json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(ReadFile(dir.path() / "snap.json").find("\"name\": \"idx_account_party\""), std::string::npos);

  Outcome no_reference = RunIn(dir.path(), "db" + target + " diff");
  EXPECT_EQ(no_reference.exit_code, static_cast<int>(ExitCode::kUsage)) << no_reference.err;
  EXPECT_NE(no_reference.err.find("--reference-url"), std::string::npos) << no_reference.err;
}

INSTANTIATE_TEST_SUITE_P(Databases, DbCliTest, ::testing::Values(DatabaseKind::kSqlite, DatabaseKind::kPostgresql, DatabaseKind::kMariadb),
                         [](const auto& info) { return testing::DatabaseName(info.param); });

// --custom-change CLASS=mark-ran records a changeset whose Java class has no native implementation
// without running it; without it the update refuses and names the class and changeset.
TEST_P(DbCliTest, CustomChangePolicyFromTheCommandLine) {
  TestDatabase db(GetParam());
  ScratchDir dir;
  WriteFile(dir.path() / "changelog.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="1" author="cli"><createTable tableName="t"><column name="id" type="int"/></createTable></changeSet>
  <changeSet id="2" author="cli"><customChange class="com.example.Backfill"/></changeSet>
</databaseChangeLog>
)");
  const std::string common = "--changelog-file changelog.xml --url " + ShellQuote(db.url());
  Outcome refused = RunIn(dir.path(), "db " + common + " update");
  EXPECT_EQ(refused.exit_code, static_cast<int>(ExitCode::kChangeLog)) << refused.err;
  EXPECT_NE(refused.err.find("com.example.Backfill:\n    changelog.xml::2::cli"), std::string::npos) << refused.err;

  Outcome bad = RunIn(dir.path(), "db " + common + " --custom-change com.example.Backfill=skip update");
  EXPECT_EQ(bad.exit_code, static_cast<int>(ExitCode::kConfig)) << bad.err;
  EXPECT_NE(bad.err.find("'skip' is neither 'refuse' nor 'mark-ran'"), std::string::npos) << bad.err;

  Outcome marked = RunIn(dir.path(), "db " + common + " --custom-change com.example.Backfill=mark-ran update");
  ASSERT_EQ(marked.exit_code, 0) << marked.err;
  EXPECT_NE(marked.err.find("changelog.xml::2::cli: its customChange class has no native implementation"),
            std::string::npos) << marked.err;
  auto connection = db.Connect();
  EXPECT_EQ(connection->QueryScalar("SELECT exectype FROM " + HistorySql(GetParam(), /*live=*/true).ChangeLogTable() +
                                    " WHERE id = '2'").value_or(""), "MARK_RAN");
}

// calculate-checksum (Liquibase's CalculateChecksumCommandStep): the checksum update records, in the
// version of the changeset's DATABASECHANGELOG row (8 or 9), also on an offline URL; the identifier or
// its three parts, never both.
TEST_P(DbCliTest, CalculateChecksumPrintsWhatUpdateRecords) {
  TestDatabase db(GetParam());
  ScratchDir dir;
  WriteFile(dir.path() / "changelog.xml", kChangeLog);
  const std::string common = "--changelog-file changelog.xml --url " + ShellQuote(db.url());
  ASSERT_EQ(RunIn(dir.path(), "db " + common + " update").exit_code, 0);
  auto connection = db.Connect();
  const std::string table = HistorySql(GetParam(), /*live=*/true).ChangeLogTable();
  const std::string recorded = connection->QueryScalar("SELECT md5sum FROM " + table + " WHERE id = '2'").value_or("");
  ASSERT_EQ(recorded.rfind("9:", 0), 0u) << recorded;

  Outcome by_identifier = RunIn(dir.path(), "db " + common + " calculate-checksum --changeset-identifier changelog.xml::2::cli");
  ASSERT_EQ(by_identifier.exit_code, 0) << by_identifier.err;
  EXPECT_EQ(by_identifier.out, recorded + "\n");
  Outcome by_parts = RunIn(dir.path(), "db " + common +
                                           " calculate-checksum --changeset-path changelog.xml --changeset-id 2 "
                                           "--changeset-author cli");
  EXPECT_EQ(by_parts.out, recorded + "\n") << by_parts.err;
  Outcome offline = RunIn(dir.path(), "db --changelog-file changelog.xml --url offline:" +
                                          std::string(db::ShortName(GetParam())) +
                                          " calculate-checksum --changeset-identifier changelog.xml::2::cli");
  EXPECT_EQ(offline.out, recorded + "\n") << offline.err;

  // A row of Liquibase 4.x before 4.22 carries a version 8 checksum: that version is computed.
  connection->Execute("UPDATE " + table + " SET md5sum = '8:00000000000000000000000000000000' WHERE id = '2'");
  Outcome v8 = RunIn(dir.path(), "db " + common + " calculate-checksum --changeset-identifier changelog.xml::2::cli");
  ASSERT_EQ(v8.exit_code, 0) << v8.err;
  EXPECT_EQ(v8.out.rfind("8:", 0), 0u) << v8.out;
  EXPECT_NE(v8.out, "8:00000000000000000000000000000000\n");

  Outcome unknown = RunIn(dir.path(), "db " + common + " calculate-checksum --changeset-identifier changelog.xml::9::cli");
  EXPECT_EQ(unknown.exit_code, static_cast<int>(ExitCode::kChangeLog)) << unknown.err;
  EXPECT_NE(unknown.err.find("No such changeSet identified by changeSet id: 9, author: cli, path: changelog.xml"),
            std::string::npos) << unknown.err;
  Outcome both = RunIn(dir.path(), "db " + common +
                                       " calculate-checksum --changeset-identifier changelog.xml::2::cli --changeset-id 2");
  EXPECT_EQ(both.exit_code, static_cast<int>(ExitCode::kConfig)) << both.err;
  Outcome partial = RunIn(dir.path(), "db " + common + " calculate-checksum --changeset-id 2");
  EXPECT_EQ(partial.exit_code, static_cast<int>(ExitCode::kConfig)) << partial.err;
  EXPECT_NE(partial.err.find("missing: --changeset-path, --changeset-author"), std::string::npos) << partial.err;
  Outcome malformed = RunIn(dir.path(), "db " + common + " calculate-checksum --changeset-identifier changelog.xml::2");
  EXPECT_EQ(malformed.exit_code, static_cast<int>(ExitCode::kConfig)) << malformed.err;
}

TEST(DbCliErrors, WrongPasswordExitsWithDatabaseErrorWithoutShowingIt) {
  ScratchDir dir;
  WriteFile(dir.path() / "changelog.xml", kChangeLog);
  auto base = db::ParseDatabaseUrl(testing::PostgresAdminUrl());
  const std::string secret = "Sup3rSecretPw";
  Outcome result = RunIn(dir.path(), "db --changelog-file changelog.xml --url " +
                                         ShellQuote("postgresql://" + base.host + ":" + std::to_string(base.port) +
                                                    "/" + base.database) +
                                         " --username " + base.user + " --password " + secret + " status");
  EXPECT_EQ(result.exit_code, static_cast<int>(ExitCode::kDatabase)) << result.err;
  EXPECT_EQ(result.err.find(secret), std::string::npos) << result.err;
  EXPECT_EQ(result.out.find(secret), std::string::npos) << result.out;
}

TEST(DbCliErrors, OfflineUrlOnlyGeneratesSql) {
  ScratchDir dir;
  WriteFile(dir.path() / "changelog.xml", kChangeLog);
  Outcome result = RunIn(dir.path(), "db --changelog-file changelog.xml --url offline:postgresql update");
  EXPECT_EQ(result.exit_code, static_cast<int>(ExitCode::kConfig)) << result.err;
}

// A ledgerhost killed in the middle of an update leaves DATABASECHANGELOGLOCK locked. Its PostgreSQL
// session (and with it the advisory lock) dies with it, so the next updater takes the lock over
// instead of waiting for an operator to run release-locks.
TEST(DbCliLock, LockOfAKilledUpdaterIsTakenOverOnPostgresql) {
  TestDatabase db(DatabaseKind::kPostgresql);
  ScratchDir dir;
  WriteFile(dir.path() / "changelog.xml", R"xml(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="1" author="lock"><sql>CREATE TABLE first_one (id INT)</sql></changeSet>
  <changeSet id="2" author="lock"><sql>SELECT pg_sleep(3)</sql></changeSet>
</databaseChangeLog>
)xml");
  Process first(dir.path(), dir.path() / "first", {"db", "--changelog-file", "changelog.xml", "--url", db.url(), "update"});
  auto observer = db.Connect();
  bool sleeping = false;
  for (int i = 0; i < 200 && !sleeping; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    sleeping = observer->QueryScalar("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(3)%'")
                   .value_or("0") != "0";
  }
  ASSERT_TRUE(sleeping) << "the first updater never reached changeset 2";
  first.Signal(SIGKILL);
  first.Wait();
  ASSERT_EQ(observer->QueryScalar("SELECT count(*) FROM databasechangeloglock WHERE locked").value_or(""), "1");

  Outcome result = RunIn(dir.path(), "db --changelog-file changelog.xml --url " + ShellQuote(db.url()) +
                                         " --lock-wait-seconds 30 update");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("taking over the changelog lock"), std::string::npos) << result.err;
  EXPECT_NE(result.out.find("Run:                          1"), std::string::npos) << result.out;
  EXPECT_EQ(observer->QueryScalar("SELECT count(*) FROM databasechangelog").value_or(""), "2");
  EXPECT_EQ(observer->QueryScalar("SELECT count(*) FROM databasechangeloglock WHERE locked").value_or(""), "0");
}

// SIGINT or SIGTERM while waiting for the changelog lock ends the wait: nothing applied, the holder's
// lock untouched, the shell's exit code (130, 143) and a message.
TEST(DbCliLock, ASignalEndsTheWaitForTheLock) {
  ScratchDir dir;
  WriteFile(dir.path() / "changelog.xml", kChangeLog);
  const std::string url = "sqlite:" + (dir.path() / "lock.db").string();
  auto holder_connection = db::Connection::Open(db::ParseDatabaseUrl(url));
  const HistorySql sql(DatabaseKind::kSqlite);
  migration::LockService holder(*holder_connection, sql);
  holder.Acquire();
  for (const int signal : {SIGINT, SIGTERM}) {
    Process update(dir.path(), dir.path() / ("run-" + std::to_string(signal)),
                   {"db", "--changelog-file", "changelog.xml", "--url", url, "--lock-wait-seconds", "60", "update"});
    EXPECT_TRUE(update.WaitForError("waiting for the changelog lock held by")) << update.err();
    update.Signal(signal);
    const Outcome ended = update.Wait();
    ASSERT_EQ(ended.exit_code, 128 + signal) << "killed by the signal instead of ending the wait\n" << ended.err;
    EXPECT_NE(ended.err.find("while waiting for the changelog lock: nothing was applied"), std::string::npos)
        << ended.err;
  }
  EXPECT_EQ(holder_connection->QueryScalar("SELECT LOCKEDBY FROM " + sql.LockTable()),
            std::optional<std::string>(migration::LockService::Holder()));
  EXPECT_FALSE(holder_connection->TableExists("party"));
}

// Every command-line error exits with the documented 2 (CLI11's own codes were 106, 109), and an
// unknown command is named as one, with the commands there are.
TEST(DbCliUsage, CommandLineErrorsExitWithTwoAndNameAnUnknownCommand) {
  ScratchDir dir;
  const Outcome top = RunIn(dir.path(), "frobnicate");
  EXPECT_EQ(top.exit_code, 2) << top.err;
  EXPECT_NE(top.err.find("unknown command 'frobnicate' for ledgerhost (commands: plugins, db, balances)"),
            std::string::npos)
      << top.err;
  const Outcome db = RunIn(dir.path(), "db frob");
  EXPECT_EQ(db.exit_code, 2) << db.err;
  EXPECT_NE(db.err.find("unknown command 'frob' for ledgerhost db (commands: update, "), std::string::npos) << db.err;
  const Outcome option = RunIn(dir.path(), "db update --frob");
  EXPECT_EQ(option.exit_code, 2) << option.err;
  EXPECT_NE(option.err.find("--frob"), std::string::npos) << option.err;
  EXPECT_EQ(RunIn(dir.path(), "db --help").exit_code, 0);
  // Every --help ends with the exit codes.
  for (const char* help : {"--help", "db --help", "db update --help"}) {
    const Outcome out = RunIn(dir.path(), help);
    EXPECT_EQ(out.exit_code, 0) << help;
    EXPECT_NE(out.out.find("Exit codes:\n  0    success\n  1    a question's answer is no"), std::string::npos)
        << help << out.out;
    EXPECT_NE(out.out.find("  143  SIGTERM"), std::string::npos) << help << out.out;
  }
  // A command's --help names the db options it takes as well.
  const Outcome update_help = RunIn(dir.path(), "db update --help");
  for (const char* option : {"--changelog-file", "--url", "--search-path", "--defaults-file", "--output-file"}) {
    EXPECT_NE(update_help.out.find(option), std::string::npos) << option << "\n" << update_help.out;
  }
}

// Settings as a Liquibase DBA keeps them: liquibase.properties in the working directory (any
// spelling of a key, command-specific keys, parameter.<name>), its .local sibling, LIQUIBASE_*
// variables, camelCase commands; the command line wins over the environment, which wins over the file.
constexpr const char* kSettingsChangeLog = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="1" author="dba"><createTable tableName="${table}"><column name="id" type="INT"/></createTable></changeSet>
  <changeSet id="2" author="dba"><insert tableName="${table}"><column name="id" valueNumeric="1"/></insert></changeSet>
  <changeSet id="3" author="dba"><insert tableName="${table}"><column name="id" valueNumeric="2"/></insert></changeSet>
</databaseChangeLog>
)xml";

long HistoryRows(const fs::path& database) {
  auto connection = db::Connection::Open(db::ParseDatabaseUrl("sqlite:" + database.string()));
  return std::stol(connection->QueryScalar("SELECT count(*) FROM databasechangelog").value_or("-1"));
}

TEST(DbCliSettings, DefaultsFileEnvironmentAndCommandLineInLiquibasesOrder) {
  ScratchDir dir;
  WriteFile(dir.path() / "changelog.xml", kSettingsChangeLog);
  WriteFile(dir.path() / "liquibase.properties",
            "# what a DBA keeps beside the changelog\n"
            "changeLogFile: changelog.xml\n"
            "liquibase.command.url = sqlite:" + (dir.path() / "from_file.db").string() + "\n"
            "liquibase.command.update-count.count=1\n"
            "liquibase.command.update.url=sqlite:" + (dir.path() / "main_update.db").string() + "\n"
            "count=3\n"
            "driver=org.sqlite.JDBC\n"
            "parameter.table=\\u0070eople\n"
            "fooBar=1\n");
  // The file alone: its command-specific count (1) beats its generic one (3); camelCase command.
  Outcome out = cli_test::Run(dir.path(), dir.path() / "a", {"db", "updateCount"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_EQ(HistoryRows(dir.path() / "from_file.db"), 1);
  EXPECT_NE(out.err.find("'fooBar' (liquibase.properties:9)"), std::string::npos) << out.err;  // unknown: named
  EXPECT_EQ(out.err.find("driver"), std::string::npos) << out.err;  // a Liquibase setting with no use here: quiet
  auto connection = db::Connection::Open(db::ParseDatabaseUrl("sqlite:" + (dir.path() / "from_file.db").string()));
  EXPECT_EQ(connection->QueryScalar("SELECT count(*) FROM people").value_or(""), "0");  // parameter.table, escaped

  // The environment beats the file: another database, another count; case does not matter in commands.
  out = cli_test::Run(dir.path(), dir.path() / "b", {"db", "UPDATE-COUNT"},
            {{"LIQUIBASE_COMMAND_URL", "sqlite:" + (dir.path() / "from_env.db").string()},
             {"LIQUIBASE_COMMAND_UPDATE_COUNT_COUNT", "2"}});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_EQ(HistoryRows(dir.path() / "from_env.db"), 2);

  // The command line beats both (a command-specific variable too), in Liquibase's option spellings.
  out = cli_test::Run(dir.path(), dir.path() / "c",
            {"db", "--URL=sqlite:" + (dir.path() / "from_cli.db").string(), "update-count", "--Count=2"},
            {{"LIQUIBASE_COMMAND_URL", "sqlite:" + (dir.path() / "from_env.db").string()},
             {"LIQUIBASE_COMMAND_UPDATE_COUNT_COUNT", "3"}});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_EQ(HistoryRows(dir.path() / "from_cli.db"), 2);
  EXPECT_EQ(HistoryRows(dir.path() / "from_env.db"), 2);

  // The .local sibling overrides the file it sits beside, even its command-specific keys.
  WriteFile(dir.path() / "liquibase.local.properties", "url=sqlite:" + (dir.path() / "local.db").string() + "\n");
  out = cli_test::Run(dir.path(), dir.path() / "d", {"db", "update"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_EQ(HistoryRows(dir.path() / "local.db"), 3);
  EXPECT_FALSE(fs::exists(dir.path() / "main_update.db"));
}

TEST(DbCliSettings, MistakesInSettingsAreNamed) {
  ScratchDir dir;
  WriteFile(dir.path() / "changelog.xml", kSettingsChangeLog);
  WriteFile(dir.path() / "liquibase.properties", "changelog-file=changelog.xml\nurl=sqlite:x.db\nfooBar=1\n");
  // strict: an unknown key is an error naming it; nothing runs.
  Outcome out = cli_test::Run(dir.path(), dir.path() / "a", {"db", "--strict", "update"});
  EXPECT_EQ(out.exit_code, 3) << out.err;
  EXPECT_NE(out.err.find("'fooBar' (liquibase.properties:3)"), std::string::npos) << out.err;
  EXPECT_FALSE(fs::exists(dir.path() / "x.db"));
  out = cli_test::Run(dir.path(), dir.path() / "b", {"db", "update"},
            {{"LIQUIBASE_STRICT", "true"}, {"LIQUIBASE_COMMAND_FROBNICATE", "1"}});
  EXPECT_EQ(out.exit_code, 3) << out.err;
  EXPECT_NE(out.err.find("LIQUIBASE_COMMAND_FROBNICATE (environment)"), std::string::npos) << out.err;
  // A defaults file named but missing is an error; a count that is no number names where it came from.
  out = cli_test::Run(dir.path(), dir.path() / "c", {"db", "--defaults-file", "nope.properties", "update"});
  EXPECT_EQ(out.exit_code, 3) << out.err;
  EXPECT_NE(out.err.find("defaults file nope.properties not found"), std::string::npos) << out.err;
  out = cli_test::Run(dir.path(), dir.path() / "d", {"db", "update-count"}, {{"LIQUIBASE_COMMAND_COUNT", "two"}});
  EXPECT_EQ(out.exit_code, 3) << out.err;
  EXPECT_NE(out.err.find("LIQUIBASE_COMMAND_COUNT: 'two' is not a whole number"), std::string::npos) << out.err;
  // No count anywhere: the command line's error (2), saying where a count can come from.
  out = cli_test::Run(dir.path(), dir.path() / "e", {"db", "update-count"});
  EXPECT_EQ(out.exit_code, 2) << out.err;
  EXPECT_NE(out.err.find("db update-count needs a count: --count N"), std::string::npos) << out.err;
  EXPECT_FALSE(fs::exists(dir.path() / "x.db"));
  // A setting only some commands take is ignored by the others.
  out = cli_test::Run(dir.path(), dir.path() / "f", {"db", "status"}, {{"LIQUIBASE_COMMAND_TAG_VERSION", "NEWEST"}});
  EXPECT_EQ(out.exit_code, 0) << out.err;
}

// The DBA's bookkeeping commands: changelog-sync-to-tag (a tag already recorded ends it there),
// mark-next-changeset-ran, unexpected-changesets and list-locks, with Liquibase's wording.
TEST(DbCliCommands, SyncToTagMarkNextUnexpectedAndListLocks) {
  ScratchDir dir;
  const std::string url = "sqlite:" + (dir.path() / "ledger.db").string();
  WriteFile(dir.path() / "changelog.xml", R"xml(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="1" author="dba"><createTable tableName="t1"><column name="id" type="INT"/></createTable></changeSet>
  <changeSet id="2" author="dba"><tagDatabase tag="v1"/></changeSet>
  <changeSet id="3" author="dba"><createTable tableName="t3"><column name="id" type="INT"/></createTable></changeSet>
  <changeSet id="4" author="dba"><createTable tableName="t4"><column name="id" type="INT"/></createTable></changeSet>
</databaseChangeLog>
)xml");
  auto db = [&](const std::vector<std::string>& args) {
    std::vector<std::string> all{"db", "--changelog-file", "changelog.xml", "--url", url};
    all.insert(all.end(), args.begin(), args.end());
    return cli_test::Run(dir.path(), dir.path() / "run", all);
  };
  ASSERT_EQ(db({"changelogSyncToTag", "v1"}).exit_code, 0);  // Liquibase's camelCase and positional forms
  EXPECT_EQ(HistoryRows(dir.path() / "ledger.db"), 2);
  // v1 is recorded now: syncing to it again marks nothing more.
  ASSERT_EQ(db({"changelog-sync-to-tag", "--tag", "v1"}).exit_code, 0);
  EXPECT_EQ(HistoryRows(dir.path() / "ledger.db"), 2);
  Outcome out = db({"changelog-sync-to-tag", "--tag", "v9"});
  EXPECT_EQ(out.exit_code, 6) << out.err;  // a tag nowhere is refused rather than syncing everything
  EXPECT_NE(out.err.find("tag 'v9' is neither in changelog.xml nor in"), std::string::npos) << out.err;
  ASSERT_EQ(db({"mark-next-changeset-ran"}).exit_code, 0);
  EXPECT_EQ(HistoryRows(dir.path() / "ledger.db"), 3);
  auto connection = db::Connection::Open(db::ParseDatabaseUrl(url));
  EXPECT_FALSE(connection->TableExists("t3"));  // recorded, not run
  out = db({"status", "--verbose"});
  EXPECT_NE(out.out.find("1 changesets have not been applied"), std::string::npos) << out.out;
  EXPECT_NE(out.out.find("changelog.xml::4::dba"), std::string::npos) << out.out;

  out = db({"unexpected-changesets"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_NE(out.out.find(" contains no unexpected changes!"), std::string::npos) << out.out;
  WriteFile(dir.path() / "changelog.xml", R"xml(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="1" author="dba"><createTable tableName="t1"><column name="id" type="INT"/></createTable></changeSet>
</databaseChangeLog>
)xml");
  out = db({"unexpectedChangesets", "--verbose"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_NE(out.out.find("2 unexpected changes were found in " + url + "\n     changelog.xml::2::dba\n     changelog.xml::3::dba\n"),
            std::string::npos) << out.out;

  out = db({"list-locks"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_EQ(out.out, "Database change log locks for " + url + "\n - No locks\n");
  connection->Execute("UPDATE databasechangeloglock SET locked = 1, lockedby = 'ops-host (10.0.0.7)', "
                      "lockgranted = '2026-12-06 10:00:00' WHERE id = 1");
  out = db({"listLocks"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_NE(out.out.find(" - ops-host (10.0.0.7) at 2026-12-06 10:00:00\n"), std::string::npos) << out.out;
}

// SIGINT or SIGTERM in the middle of an update: the changeset running then finishes, nothing after
// it runs, the lock is released, the message says what was and was not applied, and the exit code
// is the shell's; the next update applies the rest. A SIGINT the process was started ignoring (a
// non-interactive shell's `&`) stays ignored.
TEST(DbCliSignals, ASignalStopsTheUpdateBetweenChangesets) {
  constexpr const char* kSlowChangeLog = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="1" author="sig"><createTable tableName="first_one"><column name="id" type="INT"/></createTable></changeSet>
  <changeSet id="2" author="sig"><sql>WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x &lt; 6000000) SELECT count(*) FROM c</sql></changeSet>
  <changeSet id="3" author="sig"><createTable tableName="third_one"><column name="id" type="INT"/></createTable></changeSet>
</databaseChangeLog>
)xml";
  for (const int signal : {SIGINT, SIGTERM, 0}) {  // 0: SIGINT, ignored from the start
    ScratchDir dir;
    WriteFile(dir.path() / "changelog.xml", kSlowChangeLog);
    const std::string url = "sqlite:" + (dir.path() / "signal.db").string();
    Process update(dir.path(), dir.path() / "run",
                   {"--log-level", "debug", "db", "--changelog-file", "changelog.xml", "--url", url, "update"}, {},
                   /*sigint_ignored=*/signal == 0);
    // Changeset 2's statement has started (the sql logger shows it at debug before it runs).
    ASSERT_TRUE(update.WaitForError("WITH RECURSIVE")) << update.err();
    update.Signal(signal == 0 ? SIGINT : signal);
    const Outcome stopped = update.Wait();
    ASSERT_GE(stopped.exit_code, 0) << "killed by the signal " << signal;
    auto connection = db::Connection::Open(db::ParseDatabaseUrl(url));
    const HistorySql sql(DatabaseKind::kSqlite);
    EXPECT_EQ(connection->QueryScalar("SELECT LOCKED FROM " + sql.LockTable()), "0") << stopped.err;
    if (signal == 0) {
      EXPECT_EQ(stopped.exit_code, 0) << stopped.err;
      EXPECT_TRUE(connection->TableExists("third_one"));
      continue;
    }
    EXPECT_EQ(stopped.exit_code, 128 + signal) << stopped.err;
    EXPECT_NE(stopped.err.find(std::string(signal == SIGINT ? "SIGINT" : "SIGTERM") +
                                 ": stopped between changesets; 2 of 3 changeset(s) applied in this run (the last "
                                 "changelog.xml::2::sig), 1 not applied (the next changelog.xml::3::sig)"),
              std::string::npos)
        << stopped.err;
    EXPECT_EQ(connection->QueryScalar("SELECT COUNT(*) FROM " + sql.ChangeLogTable()), "2");
    EXPECT_FALSE(connection->TableExists("third_one"));
    const Outcome rest = RunIn(dir.path(), "db --changelog-file changelog.xml --url " + ShellQuote(url) + " update");
    ASSERT_EQ(rest.exit_code, 0) << rest.err;
    // Progress at info, as Liquibase's "Running Changeset", counted within the run.
    EXPECT_NE(rest.err.find("Running Changeset 1/1: changelog.xml::3::sig"), std::string::npos) << rest.err;
    EXPECT_NE(rest.err.find("1 changeset(s) ran in "), std::string::npos) << rest.err;
    EXPECT_TRUE(connection->TableExists("third_one"));
  }
}

// A signal during the last changeset is not lost: the run completes, the lock is released, and the
// process still stops with the signal's exit code (a node would not go on to start its services).
TEST(DbCliSignals, ASignalDuringTheLastChangesetStillStopsTheProcess) {
  ScratchDir dir;
  WriteFile(dir.path() / "changelog.xml", R"xml(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="1" author="sig"><sql>WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x &lt; 6000000) SELECT count(*) FROM c</sql></changeSet>
</databaseChangeLog>
)xml");
  const std::string url = "sqlite:" + (dir.path() / "last.db").string();
  Process update(dir.path(), dir.path() / "run",
                 {"--log-level", "debug", "db", "--changelog-file", "changelog.xml", "--url", url, "update"});
  ASSERT_TRUE(update.WaitForError("WITH RECURSIVE")) << update.err();
  update.Signal(SIGTERM);
  const Outcome stopped = update.Wait();
  EXPECT_EQ(stopped.exit_code, 143) << "killed by the signal, or another end\n" << stopped.err;
  EXPECT_NE(stopped.err.find("SIGTERM received while it ran: the run completed and the changelog lock is released"),
            std::string::npos)
      << stopped.err;
  auto connection = db::Connection::Open(db::ParseDatabaseUrl(url));
  const HistorySql sql(DatabaseKind::kSqlite);
  EXPECT_EQ(connection->QueryScalar("SELECT COUNT(*) FROM " + sql.ChangeLogTable()), "1");
  EXPECT_EQ(connection->QueryScalar("SELECT LOCKED FROM " + sql.LockTable()), "0");
}

// --default-schema-name puts the changes and the history tables in that PostgreSQL schema (the
// session's search path, as Liquibase sets it); the same option finds them again.
TEST(DbCliSchemas, DefaultSchemaNameOnPostgresql) {
  TestDatabase db(DatabaseKind::kPostgresql);
  db.Connect()->Execute("CREATE SCHEMA app_space");
  ScratchDir dir;
  WriteFile(dir.path() / "changelog.xml", kChangeLog);
  const std::string common = "db --changelog-file changelog.xml --url " + ShellQuote(db.url());
  Outcome update = RunIn(dir.path(), common + " --default-schema-name app_space update");
  ASSERT_EQ(update.exit_code, 0) << update.err;
  EXPECT_EQ(CountRows(db.url(), "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'app_space' AND "
                                "table_name IN ('party', 'databasechangelog', 'databasechangeloglock')"),
            3);
  EXPECT_EQ(CountRows(db.url(), "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"), 0);
  Outcome status = RunIn(dir.path(), common + " --defaultSchemaName=app_space status");
  EXPECT_NE(status.out.find("is up to date"), std::string::npos) << status.out;
  Outcome script = RunIn(dir.path(), common + " --default-schema-name app_space update-sql");
  EXPECT_NE(script.out.find("set_config('search_path', 'app_space"), std::string::npos) << "a DBA's psql lands in the same schema\n" << script.out;

  Outcome elsewhere = RunIn(dir.path(), common + " --default-schema-name app_space --liquibase-schema-name public status");
  EXPECT_EQ(elsewhere.exit_code, static_cast<int>(ExitCode::kConfig)) << elsewhere.err;
  EXPECT_NE(elsewhere.err.find("--liquibase-schema-name public"), std::string::npos) << elsewhere.err;
  Outcome missing = RunIn(dir.path(), common + " --default-schema-name no_such_space status");
  EXPECT_EQ(missing.exit_code, static_cast<int>(ExitCode::kConfig)) << missing.err;
  EXPECT_NE(missing.err.find("no_such_space: no such schema"), std::string::npos) << missing.err;
  Outcome sqlite = RunIn(dir.path(), "db --changelog-file changelog.xml --url sqlite:" + (dir.path() / "s.db").string() +
                                         " --default-schema-name x status");
  EXPECT_EQ(sqlite.exit_code, static_cast<int>(ExitCode::kConfig)) << sqlite.err;
}

// diff compares the schemas each side names: --default-schema-name for --url, and
// --reference-default-schema-name for --reference-url (here two schemas of one database).
TEST(DbCliSchemas, DiffComparesTheSchemasEachSideNames) {
  TestDatabase db(DatabaseKind::kPostgresql);
  auto connection = db.Connect();
  connection->Execute("CREATE SCHEMA wanted; CREATE SCHEMA actual; CREATE TABLE wanted.party (id int PRIMARY KEY); "
                      "CREATE TABLE wanted.extra (id int); CREATE TABLE actual.party (id int PRIMARY KEY)");
  ScratchDir dir;
  const std::string url = ShellQuote(db.url());
  Outcome diff = RunIn(dir.path(), "db --url " + url + " --default-schema-name actual diff --reference-url " + url +
                                       " --reference-default-schema-name wanted");
  ASSERT_EQ(diff.exit_code, 0) << diff.err;
  EXPECT_NE(diff.out.find("Compared Schemas: wanted -> actual\n"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("Missing Table(s): \n     extra\n"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("Missing Primary Key(s): NONE"), std::string::npos) << diff.out;
  Outcome missing = RunIn(dir.path(), "db --url " + url + " diff --reference-url " + url +
                                          " --reference-default-schema-name nowhere");
  EXPECT_EQ(missing.exit_code, static_cast<int>(ExitCode::kConfig)) << missing.err;
  EXPECT_NE(missing.err.find("--reference-default-schema-name nowhere: no such schema"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace ledgerhost
