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

}  // namespace
}  // namespace ledgerhost::migration
