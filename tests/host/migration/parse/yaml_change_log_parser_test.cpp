// YAML and JSON changelogs: the same model as XML, typed scalars rendered as Java's toString(),
// properties collected before expansion, and errors with file:line.
#include "migration/parse/yaml_change_log_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "parse_test_util.h"

namespace ledgerhost::migration {
namespace {

using ::testing::HasSubstr;
using testing::Parse;
using testing::ParseError;

const char* kYaml = R"yaml(databaseChangeLog:
  - logicalFilePath: logical/changelog.yaml
  - changeSet:
      id: 1
      author: alice
      context: dev
      labels: l1
      runOnChange: yes
      comment: create ${tbl} table
      validCheckSum: ["9:abc", "ANY"]
      preConditions:
        - onFail: MARK_RAN
        - onError: HALT
        - tableExists: {tableName: other}
        - not: [ {columnExists: {tableName: node, columnName: x}} ]
        - sqlCheck: {expectedResult: 0, sql: "select count(*) from node"}
      changes:
        - createTable:
            tableName: ${tbl}
            columns:
              - column:
                  name: id
                  type: int
                  autoIncrement: true
                  defaultValueNumeric: 1.50
                  startWith: 010
                  constraints: {primaryKey: true, nullable: false}
              - column:
                  name: price
                  type: "DECIMAL(10,2)"
                  defaultValueNumeric: "1.50"
        - sql:
            dbms: postgresql
            splitStatements: false
            sql: |
              insert into node(id) values (1);
      rollback:
        - dropTable: {tableName: node}
  - changeSet:
      id: "2"
      author: alice
      changes:
        - update:
            tableName: node
            columns: [ {column: {name: a, value: x}} ]
            where: id = 1
      rollback: delete from node; drop table x;
  - changeSet:
      id: 3
      author: bob
      changes:
        - tagDatabase: {tag: v1}
      rollback: {changeSetId: 1, changeSetAuthor: alice}
  - property: {name: tbl, value: node}
)yaml";

TEST(YamlChangeLogParser, BuildsTheSameModelAsXml) {
  ChangeLog log = Parse({{"db/changelog.yaml", kYaml}}, "db/changelog.yaml");
  ASSERT_EQ(log.change_sets.size(), 3u);
  const ChangeSet& cs = log.change_sets[0];
  EXPECT_EQ(cs.id, "1");
  EXPECT_EQ(cs.author, "alice");
  EXPECT_EQ(cs.file_path, "logical/changelog.yaml");
  EXPECT_EQ(cs.physical_path, "db/changelog.yaml");
  EXPECT_EQ(cs.location.ToString(), "db/changelog.yaml:3");
  EXPECT_EQ(cs.context, "dev");
  EXPECT_TRUE(cs.run_on_change);
  // The property is defined at the end of the file: YAML collects all properties first.
  EXPECT_EQ(cs.comments, "create node table");
  EXPECT_EQ(cs.valid_checksums, (std::vector<std::string>{"9:abc", "ANY"}));
  ASSERT_TRUE(cs.preconditions.has_value());
  EXPECT_EQ(cs.preconditions->on_fail, "MARK_RAN");
  ASSERT_EQ(cs.preconditions->conditions.size(), 3u);
  EXPECT_EQ(cs.preconditions->conditions[1].children.at(0).type, "columnExists");
  EXPECT_EQ(cs.preconditions->conditions[2].text, "select count(*) from node");
  EXPECT_EQ(cs.preconditions->conditions[2].attributes.at("expectedResult"), "0");

  ASSERT_EQ(cs.changes.size(), 2u);
  const Change& create = cs.changes[0];
  EXPECT_EQ(create.type, "createTable");
  EXPECT_EQ(create.Get("tableName"), "node");
  ASSERT_EQ(create.columns.size(), 2u);
  const Attributes& id = create.columns[0].attributes;
  EXPECT_EQ(id.at("autoIncrement"), "true");
  EXPECT_EQ(id.at("defaultValueNumeric"), "1.5");  // plain 1.50 is a Double in SnakeYAML
  EXPECT_EQ(id.at("startWith"), "8");              // YAML 1.1 octal
  EXPECT_EQ(create.columns[0].constraints->at("nullable"), "false");
  EXPECT_EQ(create.columns[1].attributes.at("defaultValueNumeric"), "1.50");  // quoted: verbatim
  EXPECT_EQ(create.columns[1].attributes.at("type"), "DECIMAL(10,2)");
  EXPECT_EQ(cs.changes[1].Get("sql"), "insert into node(id) values (1);\n");
  EXPECT_EQ(cs.changes[1].Get("splitStatements"), "false");
  ASSERT_EQ(cs.rollback.changes.size(), 1u);
  EXPECT_EQ(cs.rollback.changes[0].type, "dropTable");

  const ChangeSet& second = log.change_sets[1];
  EXPECT_EQ(second.changes.at(0).Get("where"), "id = 1");
  EXPECT_EQ(second.changes.at(0).columns.at(0).attributes.at("value"), "x");
  ASSERT_EQ(second.rollback.changes.size(), 2u);
  EXPECT_EQ(second.rollback.changes[1].Get("sql"), "drop table x");

  const ChangeSet& third = log.change_sets[2];
  EXPECT_EQ(third.rollback.referenced_id, "1");
  EXPECT_EQ(third.rollback.changes.size(), 2u);
}

// LoadDataChange.setSeparator: a plain `\t` (backslash, t) is a tab.
TEST(YamlChangeLogParser, BackslashTSeparatorIsATab) {
  ChangeLog log = Parse({{"c.yaml", R"(databaseChangeLog:
  - changeSet:
      id: 1
      author: a
      changes:
        - loadData: {tableName: t, file: d.tsv, separator: \t}
        - loadData: {tableName: t, file: d.csv, separator: ";"}
)"}},
                        "c.yaml");
  EXPECT_EQ(log.change_sets.at(0).changes.at(0).Get("separator"), "\t");
  EXPECT_EQ(log.change_sets.at(0).changes.at(1).Get("separator"), ";");
}

TEST(YamlChangeLogParser, JsonIsTheSameStructure) {
  const char* json = R"({"databaseChangeLog": [
    {"property": {"name": "t", "value": "node"}},
    {"changeSet": {"id": "1", "author": "alice", "runAlways": true,
      "changes": [ {"createTable": {"tableName": "${t}", "columns": [
          {"column": {"name": "id", "type": "int", "startWith": 10, "defaultValueNumeric": 2.50}}]}} ]}}
  ]})";
  ChangeLog log = Parse({{"c.json", json}}, "c.json");
  ASSERT_EQ(log.change_sets.size(), 1u);
  EXPECT_TRUE(log.change_sets[0].run_always);
  const Change& change = log.change_sets[0].changes.at(0);
  EXPECT_EQ(change.Get("tableName"), "node");
  EXPECT_EQ(change.columns.at(0).attributes.at("startWith"), "10");
  EXPECT_EQ(change.columns.at(0).attributes.at("defaultValueNumeric"), "2.5");
}

TEST(YamlChangeLogParser, JavaRenderingOfPlainScalars) {
  using parse::JavaStringOfPlainScalar;
  EXPECT_EQ(JavaStringOfPlainScalar("1.50"), "1.5");
  EXPECT_EQ(JavaStringOfPlainScalar("100"), "100");
  EXPECT_EQ(JavaStringOfPlainScalar("1_000"), "1000");
  EXPECT_EQ(JavaStringOfPlainScalar("0x1F"), "31");
  EXPECT_EQ(JavaStringOfPlainScalar("-7"), "-7");
  EXPECT_EQ(JavaStringOfPlainScalar("99999999999999999999"), "99999999999999999999");  // BigInteger
  EXPECT_EQ(JavaStringOfPlainScalar("1e7"), "1.0E7");
  EXPECT_EQ(JavaStringOfPlainScalar("0.0001"), "1.0E-4");
  EXPECT_EQ(JavaStringOfPlainScalar("123456.5"), "123456.5");
  EXPECT_EQ(JavaStringOfPlainScalar("3."), "3.0");
  EXPECT_EQ(JavaStringOfPlainScalar("Off"), "false");
  EXPECT_EQ(JavaStringOfPlainScalar("TRUE"), "true");
  EXPECT_EQ(JavaStringOfPlainScalar("~"), std::nullopt);
  EXPECT_EQ(JavaStringOfPlainScalar("varchar(255)"), "varchar(255)");
  EXPECT_EQ(parse::JavaDoubleToString(0.1 + 0.2), "0.30000000000000004");
  // SnakeYAML 2.2's resolvers, as Liquibase 4.28 printed them (authors of an update-sql run): a number
  // needs a digit before its underscores, point or exponent; out of range is Infinity or 0.
  EXPECT_EQ(JavaStringOfPlainScalar("_"), "_");  // was read as a float and crashed (fuzz_changelog_json)
  EXPECT_EQ(JavaStringOfPlainScalar("_1"), "_1");
  EXPECT_EQ(JavaStringOfPlainScalar("0x_"), "0x_");
  EXPECT_EQ(JavaStringOfPlainScalar("0b_1"), "1");
  EXPECT_EQ(JavaStringOfPlainScalar("1:30"), "90");
  EXPECT_EQ(JavaStringOfPlainScalar("1_e5"), "100000.0");
  EXPECT_EQ(JavaStringOfPlainScalar("1e999"), "Infinity");
  EXPECT_EQ(JavaStringOfPlainScalar("-1e-999"), "-0.0");
}

// Liquibase: "Syntax error in file c.yaml: For input string: \".\"" (Double.valueOf).
TEST(YamlChangeLogParserErrors, ANumberThatIsNotOneNamesItsLine) {
  const std::string error = ParseError({{"c.yaml", R"(databaseChangeLog:
  - changeSet:
      id: "1"
      author: ._
      changes:
        - sql:
            sql: SELECT 1
)"}},
                                       "c.yaml");
  EXPECT_THAT(error, HasSubstr("c.yaml:4"));
  EXPECT_THAT(error, HasSubstr("'._' is read as a YAML 1.1 number but is not one"));
}

TEST(YamlChangeLogParserErrors, MalformedYamlNamesTheLine) {
  std::string error = ParseError({{"c.yaml", "databaseChangeLog:\n  - changeSet:\n      id: [1\n"}}, "c.yaml");
  EXPECT_THAT(error, HasSubstr("c.yaml:"));
  EXPECT_THAT(error, HasSubstr("malformed YAML"));
}

TEST(YamlChangeLogParserErrors, RootMustBeADatabaseChangeLogList) {
  EXPECT_THAT(ParseError({{"c.yaml", "changeLog: []\n"}}, "c.yaml"), HasSubstr("c.yaml:1: the root must be a map"));
  EXPECT_THAT(ParseError({{"c.yaml", "databaseChangeLog: {a: 1}\n"}}, "c.yaml"), HasSubstr("must be a list"));
}

TEST(YamlChangeLogParserErrors, UnknownChangeTypeNamesLineAndChangeSet) {
  std::string error = ParseError({{"c.yaml", R"(databaseChangeLog:
  - changeSet:
      id: 5
      author: carol
      changes:
        - createTabel: {tableName: t}
)"}},
                                 "c.yaml");
  EXPECT_THAT(error, HasSubstr("c.yaml:6: changeset 5::carol: unknown change type 'createTabel'"));
}

TEST(YamlChangeLogParserErrors, MissingAuthor) {
  std::string error =
      ParseError({{"c.yaml", "databaseChangeLog:\n  - changeSet:\n      id: 5\n      changes: []\n"}}, "c.yaml");
  EXPECT_THAT(error, HasSubstr("c.yaml:2: changeset 5::: attribute 'author' is required"));
}

// ChangeSet.handleChildNode: every item of `changes` goes back through the changeset's dispatch, so
// modifySql, rollback and validCheckSum written among the changes mean what they mean outside
// (Keel's changelogs put modifySql there); a `comment` item there is not the changeset's comment.
TEST(YamlChangeLogParser, ChangesListTakesModifySqlRollbackAndValidCheckSum) {
  const char* yaml = R"yaml(databaseChangeLog:
  - changeSet:
      id: 1
      author: a
      comment: the changeset's comment
      changes:
        - comment: not a change, not the changeset's comment
        - createTable:
            tableName: t
            columns:
              - column: {name: id, type: int}
        - modifySql:
            dbms: mysql
            append: {value: " engine innodb"}
        - validCheckSum: ANY
        - rollback:
            - dropTable: {tableName: t}
)yaml";
  const ChangeLog log = Parse({{"c.yaml", yaml}}, "c.yaml");
  const ChangeSet& cs = log.change_sets.at(0);
  ASSERT_EQ(cs.changes.size(), 1u);
  EXPECT_EQ(cs.changes[0].type, "createTable");
  ASSERT_EQ(cs.sql_visitors.size(), 1u);
  EXPECT_EQ(cs.sql_visitors[0].type, "append");
  EXPECT_EQ(cs.sql_visitors[0].dbms, "mysql");
  EXPECT_EQ(cs.valid_checksums, std::vector<std::string>{"ANY"});
  ASSERT_EQ(cs.rollback.changes.size(), 1u);
  EXPECT_EQ(cs.rollback.changes[0].type, "dropTable");
  EXPECT_EQ(cs.comments, "the changeset's comment");
}

// AbstractSqlVisitor.load: each visitor of a modifySql list may carry its own dbms, context and
// applyToRollback, which win over the modifySql's; an unknown visitor name is skipped.
TEST(YamlChangeLogParser, ModifySqlVisitorsCarryTheirOwnDbms) {
  const char* yaml = R"yaml(databaseChangeLog:
  - changeSet:
      id: 1
      author: a
      changes:
        - createTable: {tableName: replaceTest, columns: [{column: {name: id, type: int}}]}
      modifySql:
        - replace: {replace: replaceTest, with: replacedTest}
        - append: {dbms: mysql, value: " engine innodb", applyToRollback: true}
        - prepend: {context: dev, value: "-- dev"}
        - unknownVisitor: {value: x}
)yaml";
  const ChangeLog log = Parse({{"c.yaml", yaml}}, "c.yaml");
  const ChangeSet& cs = log.change_sets.at(0);
  ASSERT_EQ(cs.sql_visitors.size(), 3u);
  EXPECT_EQ(cs.sql_visitors[0].dbms, "");
  EXPECT_EQ(cs.sql_visitors[1].dbms, "mysql");
  EXPECT_TRUE(cs.sql_visitors[1].apply_to_rollback);
  EXPECT_EQ(cs.sql_visitors[1].attributes.count("dbms"), 0u);
  EXPECT_EQ(cs.sql_visitors[2].context, "dev");
}

// ChangeSet.toChange: an unknown name with children is an error (Liquibase's strict parse mode); a
// plain value under an unknown name is an attribute of the changeset and runs nothing.
TEST(YamlChangeLogParser, UnknownChangeWithContentIsAnErrorAPlainValueIsNot) {
  const char* scalar = R"yaml(databaseChangeLog:
  - changeSet:
      id: 1
      author: a
      remarks: kept aside
      changes:
        - tagDatabase: {tag: v1}
)yaml";
  EXPECT_EQ(Parse({{"c.yaml", scalar}}, "c.yaml").change_sets.at(0).changes.size(), 1u);
  const char* unknown = R"yaml(databaseChangeLog:
  - changeSet:
      id: 1
      author: a
      changes:
        - createTabel: {tableName: t}
)yaml";
  EXPECT_THAT(ParseError({{"c.yaml", unknown}}, "c.yaml"),
              HasSubstr("c.yaml:6: changeset 1::a: unknown change type 'createTabel'"));
}

// AbstractChange.load: only the `column` items of a `columns` list are columns; anything else there
// is ignored (Gravitee's v3_18_0 schema.yml lists a dropNotNullConstraint among addColumn's columns).
TEST(YamlChangeLogParser, ColumnsListKeepsOnlyColumnItems) {
  const char* yaml = R"yaml(databaseChangeLog:
  - changeSet:
      id: 1
      author: a
      changes:
        - addColumn:
            tableName: t
            columns:
              - column: {name: c1, type: int}
              - dropNotNullConstraint: {tableName: t, columnName: c0}
              - column: {name: c2, type: int}
)yaml";
  const ChangeLog log = Parse({{"c.yaml", yaml}}, "c.yaml");
  const Change& change = log.change_sets.at(0).changes.at(0);
  ASSERT_EQ(change.columns.size(), 2u);
  EXPECT_EQ(change.columns[0].attributes.at("name"), "c1");
  EXPECT_EQ(change.columns[1].attributes.at("name"), "c2");
}

// objectQuotingStrategy: the changeset's own, else its file's (an included file does not inherit
// it); the value is Java's valueOf, so exact upper case.
TEST(YamlChangeLogParser, ObjectQuotingStrategyPerFileAndChangeSet) {
  const char* master = R"yaml(databaseChangeLog:
  - objectQuotingStrategy: QUOTE_ALL_OBJECTS
  - changeSet: {id: 1, author: a, changes: [tagDatabase: {tag: a}]}
  - changeSet: {id: 2, author: a, objectQuotingStrategy: QUOTE_ONLY_RESERVED_WORDS, changes: [tagDatabase: {tag: b}]}
  - include: {file: part.yaml}
)yaml";
  const char* part = R"yaml(databaseChangeLog:
  - changeSet: {id: 3, author: a, changes: [tagDatabase: {tag: c}]}
)yaml";
  const ChangeLog log = Parse({{"master.yaml", master}, {"part.yaml", part}}, "master.yaml");
  ASSERT_EQ(log.change_sets.size(), 3u);
  EXPECT_EQ(log.change_sets[0].quoting, ObjectQuotingStrategy::kQuoteAllObjects);
  EXPECT_EQ(log.change_sets[1].quoting, ObjectQuotingStrategy::kQuoteOnlyReservedWords);
  EXPECT_EQ(log.change_sets[2].quoting, ObjectQuotingStrategy::kLegacy);
  const char* bad = R"yaml(databaseChangeLog:
  - changeSet: {id: 1, author: a, objectQuotingStrategy: legacy, changes: [tagDatabase: {tag: a}]}
)yaml";
  EXPECT_THAT(ParseError({{"c.yaml", bad}}, "c.yaml"),
              HasSubstr("objectQuotingStrategy must be LEGACY, QUOTE_ALL_OBJECTS or QUOTE_ONLY_RESERVED_WORDS"));
}

}  // namespace
}  // namespace ledgerhost::migration
