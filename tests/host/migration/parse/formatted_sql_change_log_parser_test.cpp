// Formatted SQL changelogs (liquibase-spec.md §3) and plain .sql files.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "parse_test_util.h"

namespace ledgerhost::migration {
namespace {

using ::testing::HasSubstr;
using testing::Parse;
using testing::ParseError;

// The spec's cs3/changelog.sql example (its checksums were verified with real Liquibase), plus a
// dbms-restricted fourth changeset.
const char* kFormatted = R"sql(--liquibase formatted sql logicalFilePath:/logical/cs3.sql

--property name:tname value:widget

--changeset alice:1 labels:v1 context:dev
--comment: first changeset
CREATE TABLE ${tname} (
    id INTEGER PRIMARY KEY,
    name VARCHAR(50)   NOT NULL
);
-- a plain SQL comment kept in the body
--rollback DROP TABLE ${tname};

--changeset alice:2 splitStatements:false stripComments:true
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT COUNT(*) FROM widget WHERE id=1
--precondition-table-exists table:widget schema:public
INSERT INTO widget (id, name) VALUES (1, 'one');
INSERT INTO widget (id, name) VALUES (2, 'two');

--changeset "bob smith":"id with space" runOnChange:true endDelimiter:; rollbackSplitStatements:false
/* block comment */
INSERT INTO widget (id, name) VALUES (3, 'three');
--rollback DELETE FROM widget WHERE id=3;
--validCheckSum: 9:abc
--validCheckSum ANY

--changeset carol:4 dbms:h2,sqlite runAlways:true runInTransaction:false failOnError:false ignore:true
--ignoreLines:start
this is not SQL
--ignoreLines:end
--ignoreLines:1
neither is this
SELECT 4;
/* liquibase rollback
DELETE FROM widget;
DELETE FROM other; */

--changeset carol:5 logicalFilePath:\own\path.sql contextFilter:"a, b"
--rollback not required
begin
  null;
end;
/
)sql";

TEST(FormattedSqlChangeLogParser, ParsesTheSpecExample) {
  ChangeLog log = Parse({{"db/cs3.sql", kFormatted}}, "db/cs3.sql");
  ASSERT_EQ(log.change_sets.size(), 5u);  // dbms is not filtered while parsing formatted SQL

  const ChangeSet& first = log.change_sets[0];
  EXPECT_EQ(first.author, "alice");
  EXPECT_EQ(first.id, "1");
  EXPECT_EQ(first.file_path, "logical/cs3.sql");
  EXPECT_EQ(first.physical_path, "db/cs3.sql");
  EXPECT_EQ(first.location.ToString(), "db/cs3.sql:5");
  EXPECT_EQ(first.labels, "v1");
  EXPECT_EQ(first.context, "dev");
  EXPECT_EQ(first.comments, "first changeset");
  ASSERT_EQ(first.changes.size(), 1u);
  const Change& sql = first.changes[0];
  EXPECT_EQ(sql.type, "sql");
  EXPECT_EQ(sql.Get("sql"),
            "CREATE TABLE widget (\n    id INTEGER PRIMARY KEY,\n    name VARCHAR(50)   NOT NULL\n);\n"
            "-- a plain SQL comment kept in the body");
  EXPECT_EQ(sql.Get("stripComments"), "true");  // the formatted-SQL default
  EXPECT_EQ(sql.Find("splitStatements"), nullptr);
  ASSERT_TRUE(first.rollback.declared);
  ASSERT_EQ(first.rollback.changes.size(), 1u);
  EXPECT_EQ(first.rollback.changes[0].Get("sql"), "DROP TABLE widget;");

  const ChangeSet& second = log.change_sets[1];
  EXPECT_EQ(second.changes[0].Get("splitStatements"), "false");
  EXPECT_EQ(second.changes[0].Get("sql"),
            "INSERT INTO widget (id, name) VALUES (1, 'one');\nINSERT INTO widget (id, name) VALUES (2, 'two');");
  ASSERT_TRUE(second.preconditions.has_value());
  EXPECT_EQ(second.preconditions->on_fail, "MARK_RAN");
  ASSERT_EQ(second.preconditions->conditions.size(), 2u);
  EXPECT_EQ(second.preconditions->conditions[0].type, "sqlCheck");
  EXPECT_EQ(second.preconditions->conditions[0].attributes.at("expectedResult"), "0");
  EXPECT_EQ(second.preconditions->conditions[0].text, "SELECT COUNT(*) FROM widget WHERE id=1");
  EXPECT_EQ(second.preconditions->conditions[1].type, "tableExists");
  EXPECT_EQ(second.preconditions->conditions[1].attributes.at("schemaName"), "public");
  EXPECT_FALSE(second.rollback.declared);

  const ChangeSet& third = log.change_sets[2];
  EXPECT_EQ(third.author, "bob smith");
  EXPECT_EQ(third.id, "id with space");
  EXPECT_TRUE(third.run_on_change);
  EXPECT_EQ(third.changes[0].Get("endDelimiter"), ";");
  EXPECT_EQ(third.changes[0].Get("sql"), "/* block comment */\nINSERT INTO widget (id, name) VALUES (3, 'three');");
  EXPECT_EQ(third.rollback.changes.at(0).Get("splitStatements"), "false");
  EXPECT_EQ(third.valid_checksums, (std::vector<std::string>{"9:abc", "ANY"}));

  const ChangeSet& fourth = log.change_sets[3];
  EXPECT_EQ(fourth.dbms, "h2,sqlite");
  EXPECT_TRUE(fourth.run_always);
  EXPECT_FALSE(fourth.run_in_transaction);
  EXPECT_FALSE(fourth.fail_on_error);
  EXPECT_TRUE(fourth.ignore);
  EXPECT_EQ(fourth.changes[0].Get("sql"), "SELECT 4;");
  // Multi-line rollback blocks are joined without line breaks (checked with liquibase.sh
  // future-rollback-sql, which printed both statements).
  EXPECT_EQ(fourth.rollback.changes.at(0).Get("sql"), "DELETE FROM widget;DELETE FROM other;");

  const ChangeSet& fifth = log.change_sets[4];
  EXPECT_EQ(fifth.file_path, "own/path.sql");
  EXPECT_EQ(fifth.context, "a, b");
  EXPECT_TRUE(fifth.rollback.declared);
  EXPECT_TRUE(fifth.rollback.changes.empty());
  // Last changeset ending in a "/" line: Liquibase switches the delimiter to "\n/$".
  EXPECT_EQ(fifth.changes[0].Get("endDelimiter"), "\n/$");
}

TEST(FormattedSqlChangeLogParser, RollbackReferenceToAnotherChangeSet) {
  ChangeLog log = Parse({{"c.sql",
                          "--liquibase formatted sql\n--changeset a:1\ncreate table t(id int);\n"
                          "--changeset a:2\nselect 1;\n--rollback changeSetId:1 changeSetAuthor:a\n"}},
                        "c.sql");
  EXPECT_EQ(log.change_sets.at(1).rollback.referenced_id, "1");
  EXPECT_EQ(log.change_sets.at(1).rollback.changes.at(0).Get("sql"), "create table t(id int);");
}

// Liquibase's SqlChangeLogParser: "Changeset plain.sql::raw::includeAll" (liquibase.sh update-sql).
TEST(FormattedSqlChangeLogParser, PlainSqlFileIsOneRawChangeSet) {
  ChangeLog log = Parse({{"m.xml", testing::Xml("<include file=\"plain.sql\"/>")},
                         {"plain.sql", "create table p(id int);\ninsert into p values (1);\n"}},
                        "m.xml");
  ASSERT_EQ(log.change_sets.size(), 1u);
  EXPECT_EQ(log.change_sets[0].Identifier(), "plain.sql::raw::includeAll");
  EXPECT_EQ(log.change_sets[0].changes.at(0).Get("sql"), "create table p(id int);\ninsert into p values (1);\n");
  // RawSQLChange with splitStatements=false, stripComments=false: PostgreSQL $$ bodies stay whole.
  EXPECT_EQ(log.change_sets[0].changes.at(0).Get("splitStatements"), "false");
  EXPECT_EQ(log.change_sets[0].changes.at(0).Get("stripComments"), "false");
  EXPECT_THAT(ParseError({{"m.xml", testing::Xml("<include file=\"empty.sql\"/>")}, {"empty.sql", ""}}, "m.xml"),
              HasSubstr("Unable to parse empty file 'empty.sql'"));
}

TEST(FormattedSqlChangeLogParserErrors, ChangeSetLineWithoutAuthorAndId) {
  EXPECT_THAT(ParseError({{"c.sql", "--liquibase formatted sql\n\n--changeset alice\nselect 1;\n"}}, "c.sql"),
              HasSubstr("c.sql:3: unexpected formatting of a changeset line"));
  EXPECT_THAT(ParseError({{"c.sql", "--liquibase formatted sql\n--changeset a: 1\nselect 1;\n"}}, "c.sql"),
              HasSubstr("c.sql:2: unexpected formatting"));
  EXPECT_THAT(ParseError({{"c.sql", "--liquibase formatted sql\n-changeset a:1\nselect 1;\n"}}, "c.sql"),
              HasSubstr("c.sql:2: unexpected formatting"));
  EXPECT_THAT(ParseError({{"c.sql", "--liquibase formatted sql\n-property name:a value:b\n"}}, "c.sql"),
              HasSubstr("c.sql:2: unexpected formatting of a property line"));
}

TEST(FormattedSqlChangeLogParserErrors, EmptyChangeSet) {
  EXPECT_THAT(
      ParseError({{"c.sql", "--liquibase formatted sql\n--changeset a:1\n\n--changeset a:2\nselect 1;\n"}}, "c.sql"),
      HasSubstr("c.sql:2: no SQL for changeset 1::a"));
}

TEST(FormattedSqlChangeLogParserErrors, UnknownPrecondition) {
  EXPECT_THAT(
      ParseError({{"c.sql", "--liquibase formatted sql\n--changeset a:1\n--precondition-row-count 5\nselect 1;\n"}},
                 "c.sql"),
      HasSubstr("c.sql:3: changeset 1::a: unknown precondition 'row-count'"));
}

TEST(FormattedSqlChangeLogParserErrors, CommentOutsideAChangeSet) {
  EXPECT_THAT(ParseError({{"c.sql", "--liquibase formatted sql\n--comment: stray\n"}}, "c.sql"),
              HasSubstr("c.sql:2: --comment outside a changeset"));
}

}  // namespace
}  // namespace ledgerhost::migration
