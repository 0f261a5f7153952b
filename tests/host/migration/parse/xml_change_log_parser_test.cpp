// XML changelogs: changeset attributes, change attributes and nested text, columns, rollback forms,
// preconditions, modifySql, dbms filtering, properties and the error paths.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "parse_test_util.h"

namespace ledgerhost::migration {
namespace {

using ::testing::HasSubstr;
using testing::Parse;
using testing::ParseError;
using testing::Xml;

TEST(XmlChangeLogParser, ReadsChangeSetAttributesAndLocation) {
  // kXmlHead is 4 lines, so the changeSet starts on line 5.
  ChangeLog log = Parse({{"db/main.xml", Xml(R"(<changeSet id="1" author="alice" runOnChange="true" runAlways="true"
    failOnError="false" runInTransaction="false" context="dev and !prod" labels="v1,v2" onValidationFail="MARK_RAN"
    runOrder="last" ignore="false">
  <comment>first line</comment>
  <comment>  second line  </comment>
  <validCheckSum>9:abc</validCheckSum>
  <validCheckSum>ANY</validCheckSum>
  <tagDatabase tag="v1"/>
</changeSet>
)")}},
                        "db/main.xml");
  ASSERT_EQ(log.change_sets.size(), 1u);
  const ChangeSet& cs = log.change_sets[0];
  EXPECT_EQ(cs.id, "1");
  EXPECT_EQ(cs.author, "alice");
  EXPECT_EQ(cs.file_path, "db/main.xml");
  EXPECT_EQ(cs.physical_path, "db/main.xml");
  EXPECT_TRUE(cs.run_on_change);
  EXPECT_TRUE(cs.run_always);
  EXPECT_FALSE(cs.fail_on_error);
  EXPECT_FALSE(cs.run_in_transaction);
  EXPECT_EQ(cs.context, "dev and !prod");
  EXPECT_EQ(cs.labels, "v1,v2");
  EXPECT_EQ(cs.on_validation_fail, "MARK_RAN");
  EXPECT_EQ(cs.run_order, "last");
  EXPECT_EQ(cs.comments, "first line\nsecond line");
  EXPECT_EQ(cs.valid_checksums, (std::vector<std::string>{"9:abc", "ANY"}));
  EXPECT_EQ(cs.location.ToString(), "db/main.xml:5");
  ASSERT_EQ(cs.changes.size(), 1u);
  EXPECT_EQ(cs.changes[0].type, "tagDatabase");
  EXPECT_EQ(cs.changes[0].Get("tag"), "v1");
  EXPECT_FALSE(cs.rollback.declared);
}

TEST(XmlChangeLogParser, DefaultsOfAChangeSet) {
  ChangeLog log = Parse({{"m.xml", Xml(R"(<changeSet id="x" author="a"><empty/></changeSet>)")}}, "m.xml");
  const ChangeSet& cs = log.change_sets.at(0);
  EXPECT_FALSE(cs.run_on_change);
  EXPECT_FALSE(cs.run_always);
  EXPECT_TRUE(cs.fail_on_error);
  EXPECT_TRUE(cs.run_in_transaction);
  EXPECT_EQ(cs.on_validation_fail, "HALT");
  EXPECT_EQ(cs.comments, "");
  EXPECT_EQ(cs.changes.at(0).type, "empty");
}

TEST(XmlChangeLogParser, ContextFilterWinsOverContextAndAlwaysRunIsAnAlias) {
  ChangeLog log = Parse(
      {{"m.xml",
        Xml(R"(<changeSet id="x" author="a" context="c1" contextFilter="c2" alwaysRun="true"><empty/></changeSet>)")}},
      "m.xml");
  EXPECT_EQ(log.change_sets.at(0).context, "c2");
  EXPECT_TRUE(log.change_sets.at(0).run_always);
}

TEST(XmlChangeLogParser, KeepsAttributeTextAsWrittenWithColumnsAndConstraints) {
  ChangeLog log = Parse({{"m.xml", Xml(R"x(<changeSet id="1" author="a">
  <createTable tableName="node_info" schemaName="public" remarks="a &amp; b">
    <column name="id" type="BIGINT" autoIncrement=" 1 ">
      <constraints primaryKey="true" nullable="false" primaryKeyName="pk_node"/>
    </column>
    <column name="price" type="DECIMAL(10,2)" defaultValueNumeric="1.50"/>
  </createTable>
  <insert tableName="node_info">
    <column name="id" valueNumeric="1"/>
    <column name="name">  Bob  </column>
  </insert>
</changeSet>)x")}},
                        "m.xml");
  const auto& changes = log.change_sets.at(0).changes;
  ASSERT_EQ(changes.size(), 2u);
  const Change& create = changes[0];
  EXPECT_EQ(create.type, "createTable");
  EXPECT_EQ(create.Get("tableName"), "node_info");
  EXPECT_EQ(create.Get("remarks"), "a & b");
  ASSERT_EQ(create.columns.size(), 2u);
  EXPECT_EQ(create.columns[0].attributes.at("autoIncrement"), " 1 ");  // not normalised
  ASSERT_TRUE(create.columns[0].constraints.has_value());
  EXPECT_EQ(create.columns[0].constraints->at("primaryKeyName"), "pk_node");
  EXPECT_EQ(create.columns[1].attributes.at("defaultValueNumeric"), "1.50");
  EXPECT_FALSE(create.columns[1].constraints.has_value());
  EXPECT_EQ(create.location.line, 6);
  EXPECT_EQ(changes[1].columns[1].attributes.at("value"), "Bob");
}

TEST(XmlChangeLogParser, NestedTextGoesToItsAttribute) {
  ChangeLog log = Parse({{"m.xml", Xml(R"(<changeSet id="1" author="a">
  <sql splitStatements="false" stripComments="true" endDelimiter="/" dbms="postgresql">
    <comment>why</comment>
    insert into t values (1);
    <![CDATA[select 1 < 2;]]>
  </sql>
  <createView viewName="v">select * from t</createView>
  <createProcedure procedureName="p">create procedure p() begin end</createProcedure>
  <update tableName="t"><column name="a" value="1"/><where>id = :value</where>
    <whereParams><param valueNumeric="7"/></whereParams></update>
  <delete tableName="t"><where>id = 1</where></delete>
  <customChange class="com.example.Fix"><param name="table" value="t"/><param name="mode">fast</param></customChange>
  <output target="STDOUT">hello</output>
</changeSet>)")}},
                        "m.xml");
  const auto& changes = log.change_sets.at(0).changes;
  ASSERT_EQ(changes.size(), 7u);
  EXPECT_EQ(changes[0].Get("sql"), "insert into t values (1);\n    select 1 < 2;");
  EXPECT_EQ(changes[0].Get("comment"), "why");
  EXPECT_EQ(changes[0].Get("splitStatements"), "false");
  EXPECT_EQ(changes[0].Get("endDelimiter"), "/");
  EXPECT_EQ(changes[0].Get("dbms"), "postgresql");
  EXPECT_EQ(changes[1].Get("selectQuery"), "select * from t");
  EXPECT_EQ(changes[2].Get("procedureText"), "create procedure p() begin end");
  EXPECT_EQ(changes[3].Get("where"), "id = :value");
  ASSERT_EQ(changes[3].where_params.size(), 1u);
  EXPECT_EQ(changes[3].where_params[0].attributes.at("valueNumeric"), "7");
  EXPECT_EQ(changes[4].Get("where"), "id = 1");
  EXPECT_EQ(changes[5].Get("class"), "com.example.Fix");
  EXPECT_EQ(changes[5].params, (std::vector<std::pair<std::string, std::string>>{{"table", "t"}, {"mode", "fast"}}));
  EXPECT_EQ(changes[6].Get("message"), "hello");
}

TEST(XmlChangeLogParser, RollbackForms) {
  ChangeLog log = Parse({{"m.xml", Xml(R"(<changeSet id="1" author="a">
  <createTable tableName="t"><column name="id" type="int"/></createTable>
  <rollback>
    -- comments are stripped
    drop table t; delete from x where s = 'a;b';
    /* block */ create procedure p begin select 1; end;
  </rollback>
</changeSet>
<changeSet id="2" author="a"><sql>select 1</sql><rollback/></changeSet>
<changeSet id="3" author="a"><sql>select 2</sql><rollback><dropTable tableName="t"/></rollback></changeSet>
<changeSet id="4" author="a"><sql>select 3</sql><rollback changeSetId="1" changeSetAuthor="a"/></changeSet>
)")}},
                        "m.xml");
  const auto& sets = log.change_sets;
  ASSERT_EQ(sets.size(), 4u);
  ASSERT_TRUE(sets[0].rollback.declared);
  ASSERT_EQ(sets[0].rollback.changes.size(), 3u);
  EXPECT_EQ(sets[0].rollback.changes[0].type, "sql");
  EXPECT_EQ(sets[0].rollback.changes[0].Get("sql"), "drop table t");
  EXPECT_EQ(sets[0].rollback.changes[1].Get("sql"), "delete from x where s = 'a;b'");
  EXPECT_EQ(sets[0].rollback.changes[2].Get("sql"), "create procedure p begin select 1; end");
  EXPECT_TRUE(sets[1].rollback.declared);
  EXPECT_TRUE(sets[1].rollback.changes.empty());
  ASSERT_EQ(sets[2].rollback.changes.size(), 1u);
  EXPECT_EQ(sets[2].rollback.changes[0].type, "dropTable");
  EXPECT_EQ(sets[3].rollback.referenced_id, "1");
  EXPECT_EQ(sets[3].rollback.referenced_author, "a");
  ASSERT_EQ(sets[3].rollback.changes.size(), 1u);
  EXPECT_EQ(sets[3].rollback.changes[0].type, "createTable");
}

TEST(XmlChangeLogParser, RollbackToAMissingChangeSetIsAnError) {
  std::string error = ParseError(
      {{"m.xml",
        Xml(R"(<changeSet id="4" author="a"><sql>select 3</sql><rollback changeSetId="9" changeSetAuthor="a"/></changeSet>)")}},
      "m.xml");
  EXPECT_THAT(error, HasSubstr("m.xml:5:"));
  EXPECT_THAT(error, HasSubstr("changeset 4::a"));
  EXPECT_THAT(error, HasSubstr("does not exist"));
}

TEST(XmlChangeLogParser, PreconditionsOnChangeSetAndChangeLog) {
  ChangeLog log = Parse({{"m.xml", Xml(R"(<preConditions onFail="HALT"><dbms type="postgresql"/></preConditions>
<changeSet id="1" author="a">
  <preConditions onFail="MARK_RAN" onError="CONTINUE" onFailMessage="nope" onSqlOutput="TEST">
    <not><tableExists tableName="t"/></not>
    <or><sqlCheck expectedResult="0">select count(*) from t</sqlCheck><columnExists tableName="t" columnName="c"/></or>
    <customPrecondition className="x.Y"><param name="p" value="v"/></customPrecondition>
  </preConditions>
  <sql>select 1</sql>
</changeSet>)")}},
                        "m.xml");
  ASSERT_EQ(log.preconditions.size(), 1u);
  EXPECT_EQ(log.preconditions[0].conditions.at(0).type, "dbms");
  EXPECT_EQ(log.preconditions[0].conditions.at(0).attributes.at("type"), "postgresql");
  const auto& container = log.change_sets.at(0).preconditions;
  ASSERT_TRUE(container.has_value());
  EXPECT_EQ(container->on_fail, "MARK_RAN");
  EXPECT_EQ(container->on_error, "CONTINUE");
  EXPECT_EQ(container->on_fail_message, "nope");
  EXPECT_EQ(container->on_sql_output, "TEST");
  ASSERT_EQ(container->conditions.size(), 3u);
  EXPECT_EQ(container->conditions[0].type, "not");
  EXPECT_EQ(container->conditions[0].children.at(0).type, "tableExists");
  EXPECT_EQ(container->conditions[1].children.at(0).text, "select count(*) from t");
  EXPECT_EQ(container->conditions[1].children.at(0).attributes.at("expectedResult"), "0");
  EXPECT_EQ(container->conditions[2].children.at(0).attributes.at("name"), "p");
}

TEST(XmlChangeLogParser, ModifySqlVisitors) {
  ChangeLog log = Parse({{"m.xml", Xml(R"(<changeSet id="1" author="a">
  <sql>select 1</sql>
  <modifySql dbms="mysql" applyToRollback="true"><append value=" engine innodb"/><replace replace="a" with="b"/></modifySql>
  <modifySql><regExpReplace replace="x+" with="y"/></modifySql>
</changeSet>)")}},
                        "m.xml");
  const auto& visitors = log.change_sets.at(0).sql_visitors;
  ASSERT_EQ(visitors.size(), 3u);
  EXPECT_EQ(visitors[0].type, "append");
  EXPECT_EQ(visitors[0].attributes.at("value"), " engine innodb");
  EXPECT_EQ(visitors[0].dbms, "mysql");
  EXPECT_TRUE(visitors[0].apply_to_rollback);
  EXPECT_EQ(visitors[1].attributes.at("with"), "b");
  EXPECT_EQ(visitors[2].type, "regExpReplace");
  EXPECT_FALSE(visitors[2].apply_to_rollback);
}

TEST(XmlChangeLogParser, DropsChangeSetsForOtherDatabases) {
  const std::string text = Xml(R"(<changeSet id="pg" author="a" dbms="postgresql"><sql>select 1</sql></changeSet>
<changeSet id="not-pg" author="a" dbms="!postgresql"><sql>select 2</sql></changeSet>
<changeSet id="any" author="a"><sql>select 3</sql></changeSet>)");
  ParseOptions postgres;
  postgres.database = db::DatabaseKind::kPostgresql;
  ChangeLog on_postgres = Parse({{"m.xml", text}}, "m.xml", postgres);
  ASSERT_EQ(on_postgres.change_sets.size(), 2u);
  EXPECT_EQ(on_postgres.change_sets[0].id, "pg");
  EXPECT_EQ(on_postgres.change_sets[0].dbms, "postgresql");
  ChangeLog on_sqlite = Parse({{"m.xml", text}}, "m.xml");
  ASSERT_EQ(on_sqlite.change_sets.size(), 2u);
  EXPECT_EQ(on_sqlite.change_sets[0].id, "not-pg");
}

TEST(XmlChangeLogParser, LogicalFilePathOfChangeLogAndChangeSet) {
  ChangeLog log = Parse({{"db/m.xml", testing::kXmlHead.substr(0, testing::kXmlHead.size() - 2) +
                                          " logicalFilePath=\"\\logical\\m.xml\">\n" +
                                          R"(<changeSet id="1" author="a"><empty/></changeSet>
<changeSet id="2" author="a" logicalFilePath="/other/path.xml"><empty/></changeSet>)" +
                                          testing::kXmlTail}},
                        "db/m.xml");
  EXPECT_EQ(log.logical_path, "logical/m.xml");
  EXPECT_EQ(log.change_sets.at(0).file_path, "logical/m.xml");
  EXPECT_EQ(log.change_sets.at(1).file_path, "other/path.xml");
  EXPECT_EQ(log.change_sets.at(1).physical_path, "db/m.xml");
}

TEST(XmlChangeLogParser, ExpandsPropertiesInDocumentOrder) {
  ParseOptions options;
  options.database = db::DatabaseKind::kPostgresql;
  options.properties = {{"cli", "from-cli"}};
  ChangeLog log = Parse({{"m.xml", Xml(R"(<changeSet id="before-${tbl}" author="a"><empty/></changeSet>
<property name="tbl" value="node"/>
<property name="tbl" value="ignored: first definition wins"/>
<property name="type" value="TEXT" dbms="postgresql"/>
<property name="type" value="CLOB" dbms="oracle"/>
<property name="nested" value="${tbl}_x"/>
<property name="cli" value="from changelog"/>
<property name="ctx" value="dev-only" context="dev"/>
<changeSet id="${tbl}" author="a">
  <createTable tableName="${nested}" remarks="${cli} ${unknown} ${database.typeName} ${ctx}">
    <column name="c" type="${type}"/>
  </createTable>
</changeSet>)")}},
                        "m.xml", options);
  ASSERT_EQ(log.change_sets.size(), 2u);
  EXPECT_EQ(log.change_sets[0].id, "before-${tbl}");
  EXPECT_EQ(log.change_sets[1].id, "node");
  const Change& change = log.change_sets[1].changes.at(0);
  EXPECT_EQ(change.Get("tableName"), "node_x");
  // No runtime contexts: every context filter matches, as in Liquibase.
  EXPECT_EQ(change.Get("remarks"), "from-cli ${unknown} postgresql dev-only");
  EXPECT_EQ(change.columns.at(0).attributes.at("type"), "TEXT");
}

TEST(XmlChangeLogParser, PropertyContextAndLabelFilters) {
  ParseOptions options;
  options.contexts = {"prod"};
  options.label_filter = "!beta";
  ChangeLog log = Parse({{"m.xml", Xml(R"(<property name="a" value="dev" context="dev"/>
<property name="a" value="prod" context="prod"/>
<property name="b" value="beta" labels="beta"/>
<property name="b" value="stable" labels="stable"/>
<changeSet id="${a}-${b}" author="x"><empty/></changeSet>)")}},
                        "m.xml", options);
  EXPECT_EQ(log.change_sets.at(0).id, "prod-stable");
}

TEST(XmlChangeLogParser, LocalPropertiesStayInTheirFile) {
  ChangeLog log = Parse({{"m.xml", Xml(R"(<property name="p" value="local-m" global="false"/>
<include file="sub.xml"/>
<changeSet id="${p}" author="a"><empty/></changeSet>)")},
                         {"sub.xml", Xml(R"(<changeSet id="sub-${p}" author="a"><empty/></changeSet>)")}},
                        "m.xml");
  ASSERT_EQ(log.change_sets.size(), 2u);
  EXPECT_EQ(log.change_sets[0].id, "sub-${p}");
  EXPECT_EQ(log.change_sets[1].id, "local-m");
}

TEST(XmlChangeLogParser, PropertiesFromAFile) {
  ChangeLog log = Parse({{"db/m.xml", Xml(R"(<property file="vals.properties" relativeToChangelogFile="true"/>
<changeSet id="${one}-${two}" author="a"><empty/></changeSet>)")},
                         {"db/vals.properties", "# comment\none=1\ntwo : second\\\n  line\n"}},
                        "db/m.xml");
  EXPECT_EQ(log.change_sets.at(0).id, "1-secondline");
}

TEST(XmlChangeLogParser, RunOrderMovesChangeSets) {
  ChangeLog log = Parse({{"m.xml", Xml(R"(<changeSet id="1" author="a" runOrder="last"><empty/></changeSet>
<changeSet id="2" author="a"><empty/></changeSet>
<changeSet id="3" author="a" runOrder="first"><empty/></changeSet>
<changeSet id="4" author="a"><empty/></changeSet>)")}},
                        "m.xml");
  std::vector<std::string> ids;
  for (const auto& cs : log.change_sets) ids.push_back(cs.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"3", "2", "4", "1"}));
}

// ---- errors: each names file:line and, inside a changeset, id::author ----

TEST(XmlChangeLogParserErrors, MalformedXml) {
  std::string error =
      ParseError({{"m.xml", Xml("<changeSet id=\"1\" author=\"a\">\n<sql>x</sq>\n</changeSet>")}}, "m.xml");
  EXPECT_THAT(error, HasSubstr("m.xml:6: malformed XML"));
}

TEST(XmlChangeLogParserErrors, WrongRootElement) {
  EXPECT_THAT(ParseError({{"m.xml", "<changelog/>"}}, "m.xml"), HasSubstr("m.xml:1: the root element is <changelog>"));
}

TEST(XmlChangeLogParserErrors, UnknownChangeType) {
  std::string error = ParseError(
      {{"m.xml", Xml("<changeSet id=\"1\" author=\"a\">\n  <createTabel tableName=\"t\"/>\n</changeSet>")}}, "m.xml");
  EXPECT_THAT(error, HasSubstr("m.xml:6:"));
  EXPECT_THAT(error, HasSubstr("changeset 1::a"));
  EXPECT_THAT(error, HasSubstr("unknown change type <createTabel>"));
}

TEST(XmlChangeLogParserErrors, MissingIdOrAuthor) {
  EXPECT_THAT(ParseError({{"m.xml", Xml("<changeSet author=\"a\"><empty/></changeSet>")}}, "m.xml"),
              HasSubstr("m.xml:5: changeset ::a: attribute 'id' is required"));
  EXPECT_THAT(ParseError({{"m.xml", Xml("<changeSet id=\"7\"><empty/></changeSet>")}}, "m.xml"),
              HasSubstr("m.xml:5: changeset 7::: attribute 'author' is required"));
}

TEST(XmlChangeLogParserErrors, MissingRequiredChangeAttribute) {
  std::string error = ParseError({{"m.xml", Xml("<changeSet id=\"1\" author=\"a\"><createTable><column name=\"c\" "
                                                "type=\"int\"/></createTable></changeSet>")}},
                                 "m.xml");
  EXPECT_THAT(error, HasSubstr("m.xml:5: changeset 1::a: <createTable> requires 'tableName'"));
  error = ParseError({{"m.xml", Xml("<changeSet id=\"1\" author=\"a\"><createTable tableName=\"t\"/></changeSet>")}},
                     "m.xml");
  EXPECT_THAT(error, HasSubstr("requires at least one column"));
  error = ParseError({{"m.xml", Xml("<changeSet id=\"1\" author=\"a\"><sql>  </sql></changeSet>")}}, "m.xml");
  EXPECT_THAT(error, HasSubstr("<sql> requires 'sql'"));
}

// Liquibase's XSD rejects unknown attributes: "cvc-complex-type.3.2.2: Attribute 'foo' is not
// allowed to appear in element 'changeSet'" (checked with liquibase.sh update-sql).
TEST(XmlChangeLogParserErrors, UnknownAttributes) {
  EXPECT_THAT(ParseError({{"m.xml", Xml("<changeSet id=\"1\" author=\"a\" foo=\"x\"><empty/></changeSet>")}}, "m.xml"),
              HasSubstr("m.xml:5: changeset 1::a: attribute 'foo' is not allowed on <changeSet>"));
  EXPECT_THAT(
      ParseError(
          {{"m.xml", Xml("<changeSet id=\"1\" author=\"a\"><dropTable tableName=\"t\" bogus=\"1\"/></changeSet>")}},
          "m.xml"),
      HasSubstr("attribute 'bogus' is not allowed on <dropTable>"));
  EXPECT_THAT(ParseError({{"m.xml", Xml("<include file=\"x.xml\" bogus=\"1\"/>")}}, "m.xml"),
              HasSubstr("m.xml:5: attribute 'bogus' is not allowed on <include>"));
}

TEST(XmlChangeLogParserErrors, BadRunOrderAndPreconditionMode) {
  EXPECT_THAT(ParseError({{"m.xml", Xml("<changeSet id=\"1\" author=\"a\" runOrder=\"middle\"><empty/></changeSet>")}},
                         "m.xml"),
              HasSubstr("runOrder must be 'first' or 'last'"));
  EXPECT_THAT(ParseError({{"m.xml", Xml("<changeSet id=\"1\" author=\"a\"><preConditions onFail=\"IGNORE\"><dbms "
                                        "type=\"h2\"/></preConditions><empty/></changeSet>")}},
                         "m.xml"),
              HasSubstr("onFail must be HALT, CONTINUE, MARK_RAN or WARN"));
}

TEST(XmlChangeLogParserErrors, DuplicateIdentifiersAreListed) {
  std::string error = ParseError({{"m.xml", Xml(R"(<changeSet id="1" author="a"><empty/></changeSet>
<changeSet id="1" author="a"><empty/></changeSet>
<changeSet id="1" author="b"><empty/></changeSet>)")}},
                                 "m.xml");
  EXPECT_THAT(error, HasSubstr("1 changesets had duplicate identifiers"));
  EXPECT_THAT(error, HasSubstr("m.xml::1::a (m.xml:5 and m.xml:6)"));
}

// Liquibase's validation sees only the changesets the runtime contexts select: one id under two
// contexts that exclude each other is fine once contexts are given (Fineract's changelogs).
TEST(XmlChangeLogParserErrors, DuplicateIdentifiersCountOnlyAmongSelectedChangeSets) {
  const std::map<std::string, std::string> files{{"m.xml", Xml(R"(<changeSet id="1" author="a" context="postgresql"><empty/></changeSet>
<changeSet id="1" author="a" context="mysql"><empty/></changeSet>)")}};
  ParseOptions postgresql;
  postgresql.contexts = {"postgresql"};
  EXPECT_EQ(ParseError(files, "m.xml", postgresql), "");
  EXPECT_THAT(ParseError(files, "m.xml"), HasSubstr("1 changesets had duplicate identifiers"));
}

}  // namespace
}  // namespace ledgerhost::migration
