// Hostile changelogs: each one a clear error naming the file (and line where there is one), never a
// crash: long lines, deep nesting, aliases to their own ancestors, properties that refer to themselves
// or grow without bound.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "parse_test_util.h"

namespace ledgerhost::migration {
namespace {

using ::testing::HasSubstr;
using testing::Parse;
using testing::ParseError;
using testing::Xml;

// Liquibase reads a 100,000-character directive line; std::regex overflowed the stack at 27,000.
TEST(HostileInput, AVeryLongFormattedSqlDirectiveLineParses) {
  const std::string labels(100000, 'x');
  const std::string comment(100000, 'c');
  const std::string sql = "--liquibase formatted sql\n--changeset a:1 labels:" + labels + "\n--comment: " + comment +
                          "\nSELECT 1;\n--rollback " + std::string(100000, 'r') + "\n";
  const ChangeLog log = Parse({{"c.sql", sql}}, "c.sql");
  ASSERT_EQ(log.change_sets.size(), 1u);
  EXPECT_EQ(log.change_sets[0].labels, labels);
  EXPECT_EQ(log.change_sets[0].comments, comment);
}

TEST(HostileInput, XmlNestedThousandsDeepIsRefusedWithItsLine) {
  std::string body = "<changeSet id=\"1\" author=\"a\"><preConditions>\n";
  for (int i = 0; i < 30000; ++i) body += "<not>";
  for (int i = 0; i < 30000; ++i) body += "</not>";
  body += "</preConditions><empty/></changeSet>\n";
  const std::string error = ParseError({{"deep.xml", Xml(body)}}, "deep.xml");
  EXPECT_THAT(error, HasSubstr("deep.xml:6"));
  EXPECT_THAT(error, HasSubstr("nested more than 256 elements deep"));
  // Real nesting depths are fine.
  EXPECT_EQ(ParseError({{"ok.xml", Xml("<changeSet id=\"1\" author=\"a\"><preConditions><not><and><or><tableExists "
                                       "tableName=\"t\"/></or></and></not></preConditions><empty/></changeSet>")}},
                       "ok.xml"),
            "");
}

TEST(HostileInput, YamlAliasToItsOwnAncestorIsRefused) {
  const std::string yaml = R"(databaseChangeLog:
  - changeSet: &loop
      id: "1"
      author: a
      changes:
        - tagDatabase: *loop
)";
  const std::string error = ParseError({{"loop.yaml", yaml}}, "loop.yaml");
  EXPECT_THAT(error, HasSubstr("loop.yaml:"));
  EXPECT_THAT(error, HasSubstr("nested more than 256 levels deep"));
  std::string deep = "databaseChangeLog: ";
  for (int i = 0; i < 30000; ++i) deep += "[";
  EXPECT_THAT(ParseError({{"deep.yaml", deep}}, "deep.yaml"), HasSubstr("deep.yaml"));
}

TEST(HostileInput, APropertyThatRefersToItselfIsRefused) {
  const std::string table = R"(<changeSet id="1" author="a"><createTable tableName="${a}"><column name="id" type="int"/></createTable></changeSet>)";
  const std::string error = ParseError({{"self.xml", Xml(R"(<property name="a" value="x${A}"/>)" + table)}}, "self.xml");
  EXPECT_THAT(error, HasSubstr("self.xml"));
  EXPECT_THAT(error, HasSubstr("property 'A' refers to itself: a -> a"));
  // Through another property (values are expanded where they are defined, so b holds x${b}).
  EXPECT_THAT(ParseError({{"pair.xml", Xml(R"(<property name="a" value="x${b}"/><property name="b" value="${a}"/>)" + table)}},
                         "pair.xml"),
              HasSubstr("refers to itself: a -> b -> b"));
}

TEST(HostileInput, APropertyThatDoublesFortyTimesIsRefusedNotExhaustingMemory) {
  std::string properties = R"(<property name="p0" value="0123456789abcdef"/>)";
  for (int i = 1; i <= 40; ++i) {
    properties += "<property name=\"p" + std::to_string(i) + "\" value=\"${p" + std::to_string(i - 1) + "}${p" +
                  std::to_string(i - 1) + "}\"/>";
  }
  const std::string error = ParseError(
      {{"bomb.xml", Xml(properties + R"(<changeSet id="1" author="a"><sql>${p40}</sql></changeSet>)")}}, "bomb.xml");
  EXPECT_THAT(error, HasSubstr("bomb.xml"));
  EXPECT_THAT(error, HasSubstr("more than 16 MiB"));
}

// Silently accepted before; refused now, before anything runs (validate parses too).
TEST(RefusedInput, AnUnknownPreconditionAttributeIsATypoNotAPass) {
  const std::string xml = ParseError(
      {{"typo.xml", Xml(R"(<changeSet id="1" author="a"><preConditions onFail="MARK_RAN">
<tableExists tableNme="x"/></preConditions><empty/></changeSet>)")}},
      "typo.xml");
  EXPECT_THAT(xml, HasSubstr("typo.xml:6"));
  EXPECT_THAT(xml, HasSubstr("attribute 'tableNme' is not allowed on <tableExists> (its attributes: catalogName, "
                             "schemaName, tableName)"));
  const std::string yaml = ParseError({{"typo.yaml", R"(databaseChangeLog:
  - changeSet:
      id: "1"
      author: a
      preConditions:
        - onFail: MARK_RAN
        - columnExists:
            tableName: t
            colName: c
      changes:
        - tagDatabase: {tag: x}
)"}},
                                      "typo.yaml");
  EXPECT_THAT(yaml, HasSubstr("typo.yaml:9"));
  EXPECT_THAT(yaml, HasSubstr("attribute 'colName' is not allowed on 'columnExists'"));
}

// Liquibase's XSD types these booleanExp: "maybe" is refused there; as Boolean.valueOf it would be
// false (nullable="maybe" creating NOT NULL).
TEST(RefusedInput, ABooleanAttributeThatIsNotABooleanIsRefused) {
  auto table = [](const std::string& constraints) {
    return Xml(R"(<changeSet id="1" author="a"><createTable tableName="t">
<column name="c" type="int"><constraints )" + constraints + R"(/></column></createTable></changeSet>)");
  };
  EXPECT_THAT(ParseError({{"b.xml", table(R"(nullable="maybe")")}}, "b.xml"),
              HasSubstr("b.xml:6: <constraints nullable=\"maybe\">: not a boolean"));
  EXPECT_THAT(ParseError({{"b.xml", table(R"(unique="TRUE")")}}, "b.xml"), HasSubstr("not a boolean"));
  for (const char* fine : {R"(nullable="false")", R"(nullable=" true ")", R"(nullable="1")", R"(nullable="${n}")"}) {
    EXPECT_EQ(ParseError({{"b.xml", table(fine)}}, "b.xml"), "") << fine;
  }
  EXPECT_THAT(ParseError({{"r.xml", Xml(R"(<changeSet id="1" author="a" runAlways="yes"><empty/></changeSet>)")}}, "r.xml"),
              HasSubstr("<changeSet runAlways=\"yes\">: not a boolean"));
}

// Liquibase pastes a valueNumeric that does not parse (and a type) into the SQL as written, so
// "1); CREATE TABLE evil (id int); --" runs there; a ';' in such a value is refused here.
TEST(RefusedInput, AValuePastedIntoSqlMayNotEndTheStatement) {
  const std::string insert = ParseError(
      {{"i.xml", Xml(R"(<changeSet id="1" author="a"><insert tableName="t">
<column name="n" valueNumeric="1); CREATE TABLE evil (id int); --"/></insert></changeSet>)")}},
      "i.xml");
  EXPECT_THAT(insert, HasSubstr("i.xml:6"));
  EXPECT_THAT(insert, HasSubstr("holds a ';'"));
  EXPECT_THAT(ParseError({{"t.yaml", R"(databaseChangeLog:
  - changeSet:
      id: "1"
      author: a
      changes:
        - modifyDataType: {tableName: t, columnName: c, newDataType: "int; DROP TABLE t"}
)"}},
                         "t.yaml"),
              HasSubstr("newDataType=\"int; DROP TABLE t\" is not a data type: ';' at column 4 ends the statement"));
  // Expressions and functions stay as Liquibase prints them.
  EXPECT_EQ(ParseError({{"e.xml", Xml(R"(<changeSet id="1" author="a"><update tableName="t">
<column name="n" valueNumeric="&quot;timesRan&quot;+1"/></update></changeSet>)")}},
                       "e.xml"),
            "");
}

TEST(RefusedInput, BytesThatAreNotUtf8AreRefusedWithTheirLine) {
  const std::string xml = ParseError({{"bad.xml", Xml("<changeSet id=\"1\" author=\"a\"><sql>SELECT 'x\xFFy'</sql></changeSet>")}},
                                     "bad.xml");
  EXPECT_THAT(xml, HasSubstr("bad.xml:5: invalid UTF-8 (byte 0xFF)"));
  EXPECT_THAT(ParseError({{"bad.sql", "--liquibase formatted sql\n--changeset a:1\nSELECT '\xC3';\n"}}, "bad.sql"),
              HasSubstr("bad.sql:3: invalid UTF-8 (byte 0xC3)"));
  EXPECT_THAT(ParseError({{"bad.yaml", "databaseChangeLog:\n  - property: {name: p, value: \"\xED\xA0\x80\"}\n"}}, "bad.yaml"),
              HasSubstr("bad.yaml:2: invalid UTF-8 (byte 0xED)"));  // an encoded surrogate
  EXPECT_EQ(ParseError({{"ok.sql", "--liquibase formatted sql\n--changeset a:1\nSELECT 'été ✓ 𝄞';\n"}}, "ok.sql"), "");
}

TEST(RefusedInput, ADoctypeIsNotReadSilently) {
  const std::string text = "<?xml version=\"1.0\"?>\n<!DOCTYPE databaseChangeLog [<!ENTITY x \"y\">]>\n" +
                           Xml("<changeSet id=\"1\" author=\"a\"><createTable tableName=\"&x;\"><column name=\"i\" "
                               "type=\"int\"/></createTable></changeSet>")
                               .substr(std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").size());
  EXPECT_THAT(ParseError({{"dtd.xml", text}}, "dtd.xml"), HasSubstr("dtd.xml:2: a <!DOCTYPE> declaration is not read"));
}

TEST(RefusedInput, AnEmptySqlChangelogIsRefusedAsLiquibaseDoes) {
  EXPECT_THAT(ParseError({{"master.xml", Xml(R"(<include file="empty.sql"/>)")}, {"empty.sql", ""}}, "master.xml"),
              HasSubstr("Unable to parse empty file 'empty.sql'"));
}

}  // namespace
}  // namespace ledgerhost::migration
