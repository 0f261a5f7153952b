// include / includeAll: path resolution, FILENAME of included changesets, inherited contexts and
// labels, ordering, filters, and the error paths (missing, unknown format, circular, escaping the
// loader's root).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "parse_test_util.h"

namespace ledgerhost::migration {
namespace {

using ::testing::HasSubstr;
using testing::Parse;
using testing::ParseError;
using testing::Xml;

std::string ChangeSetXml(const std::string& id) {
  return Xml("<changeSet id=\"" + id + "\" author=\"a\"><empty/></changeSet>");
}

std::vector<std::string> Identifiers(const ChangeLog& log) {
  std::vector<std::string> out;
  for (const auto& cs : log.change_sets) out.push_back(cs.Identifier());
  return out;
}

TEST(Include, ResolvesPathsAndRecordsTheResolvedFileName) {
  ChangeLog log = Parse(
      {{"db/master.xml", Xml(R"(<include file="sub/a.xml" relativeToChangelogFile="true" context="eu" labels="l1"/>
<include file="db/sub/b.sql"/>
<include file="db/c.yaml" context="late"/>)")},
       {"db/sub/a.xml", Xml(R"(<include file="../d.xml" relativeToChangelogFile="true" context="inner"/>
<changeSet id="a1" author="a"><empty/></changeSet>)")},
       {"db/d.xml", ChangeSetXml("d1")},
       {"db/sub/b.sql", "--liquibase formatted sql\n--changeset a:b1\nselect 1;\n"},
       {"db/c.yaml", "databaseChangeLog:\n  - changeSet: {id: c1, author: a, changes: [ {empty: {}} ]}\n"}},
      "db/master.xml");
  EXPECT_EQ(Identifiers(log), (std::vector<std::string>{"db/d.xml::d1::a", "db/sub/a.xml::a1::a", "db/sub/b.sql::b1::a",
                                                        "db/c.yaml::c1::a"}));
  EXPECT_EQ(log.change_sets[0].inherited_contexts, (std::vector<std::string>{"eu", "inner"}));
  EXPECT_EQ(log.change_sets[0].inherited_labels, (std::vector<std::string>{"l1"}));
  EXPECT_EQ(log.change_sets[1].inherited_contexts, (std::vector<std::string>{"eu"}));
  EXPECT_TRUE(log.change_sets[2].inherited_contexts.empty());
  EXPECT_EQ(log.change_sets[3].inherited_contexts, (std::vector<std::string>{"late"}));
  EXPECT_EQ(log.physical_path, "db/master.xml");
}

TEST(Include, IgnoredIncludeMarksItsChangeSetsIgnored) {
  ChangeLog log =
      Parse({{"m.xml", Xml("<include file=\"x.xml\" ignore=\"true\"/>")}, {"x.xml", ChangeSetXml("1")}}, "m.xml");
  ASSERT_EQ(log.change_sets.size(), 1u);
  EXPECT_TRUE(log.change_sets[0].ignore);
}

TEST(Include, MissingFileIsAnErrorUnlessErrorIfMissingIsFalse) {
  EXPECT_THAT(ParseError({{"m.xml", Xml("<include file=\"nope.xml\"/>")}}, "m.xml"),
              HasSubstr("m.xml:5: included file 'nope.xml' not found in test resources"));
  ChangeLog log = Parse({{"m.xml", Xml("<include file=\"nope.xml\" errorIfMissing=\"false\"/>")}}, "m.xml");
  EXPECT_TRUE(log.change_sets.empty());
}

TEST(Include, UnknownFormatIsAnError) {
  EXPECT_THAT(ParseError({{"m.xml", Xml("<include file=\"data.csv\"/>")}, {"data.csv", "a,b\n"}}, "m.xml"),
              HasSubstr("m.xml:5: include of 'data.csv': no changelog parser"));
}

TEST(Include, CircularIncludeIsAnError) {
  std::string error =
      ParseError({{"a.xml", Xml("<include file=\"b.xml\"/>")}, {"b.xml", Xml("<include file=\"a.xml\"/>")}}, "a.xml");
  EXPECT_THAT(error, HasSubstr("b.xml:5: circular include: a.xml -> b.xml -> a.xml"));
}

TEST(Include, CannotLeaveTheLoaderRoot) {
  EXPECT_THAT(
      ParseError({{"db/m.xml", Xml("<include file=\"../../etc/passwd.xml\" relativeToChangelogFile=\"true\"/>")}},
                 "db/m.xml"),
      HasSubstr("db/m.xml:5: include: resource path '../../etc/passwd.xml'"));
}

TEST(Include, DirectoryLoaderRefusesSymlinksOutOfTheRoot) {
  const auto base = std::filesystem::temp_directory_path() / ("ledgerhost-include-" + std::to_string(::getpid()));
  std::filesystem::remove_all(base);
  std::filesystem::create_directories(base / "root");
  std::ofstream(base / "outside.xml") << ChangeSetXml("secret");
  std::ofstream(base / "root" / "m.xml") << Xml("<include file=\"link.xml\"/>");
  std::filesystem::create_symlink(base / "outside.xml", base / "root" / "link.xml");
  DirectoryResourceLoader loader(base / "root");
  try {
    ParseChangeLog(loader, "m.xml", {});
    ADD_FAILURE() << "include through a symlink out of the root was accepted";
  } catch (const ChangeLogError& e) {
    EXPECT_THAT(std::string(e.what()), HasSubstr("m.xml:5:"));
    EXPECT_THAT(std::string(e.what()), HasSubstr("outside"));
  }
  std::filesystem::remove_all(base);
}

TEST(IncludeAll, IncludesKnownFormatsInPathOrder) {
  // Liquibase orders by plain string comparison of the full path: 01_y.sql, 02_z.sql, 10_w.yaml.
  ChangeLog log = Parse(
      {{"db/master.xml", Xml(R"(<includeAll path="all/" relativeToChangelogFile="true" context="c" labels="x"/>)")},
       {"db/all/10_w.yaml", "databaseChangeLog:\n  - changeSet: {id: w, author: a, changes: [ {empty: {}} ]}\n"},
       {"db/all/02_z.sql", "--liquibase formatted sql\n--changeset a:z\nselect 2;\n"},
       {"db/all/01_y.sql", "--liquibase formatted sql\n--changeset a:y\nselect 1;\n"},
       {"db/all/notes.txt", "not a changelog"},
       {"db/all/sub/03_v.xml", ChangeSetXml("v")}},
      "db/master.xml");
  EXPECT_EQ(Identifiers(log), (std::vector<std::string>{"db/all/01_y.sql::y::a", "db/all/02_z.sql::z::a",
                                                        "db/all/10_w.yaml::w::a", "db/all/sub/03_v.xml::v::a"}));
  EXPECT_EQ(log.change_sets[0].inherited_contexts, (std::vector<std::string>{"c"}));
  EXPECT_EQ(log.change_sets[0].inherited_labels, (std::vector<std::string>{"x"}));
}

TEST(IncludeAll, DepthAndSuffixFilters) {
  std::map<std::string, std::string> files{
      {"all/a.xml", ChangeSetXml("top")},
      {"all/sub/b.xml", ChangeSetXml("deep")},
      {"all/sub/c.sql", "--liquibase formatted sql\n--changeset a:sql\nselect 1;\n"}};
  files["m.xml"] = Xml("<includeAll path=\"all\" maxDepth=\"1\"/>");
  EXPECT_EQ(Identifiers(Parse(files, "m.xml")), (std::vector<std::string>{"all/a.xml::top::a"}));
  files["m.xml"] = Xml("<includeAll path=\"all\" minDepth=\"2\" endsWithFilter=\".XML\"/>");
  EXPECT_EQ(Identifiers(Parse(files, "m.xml")), (std::vector<std::string>{"all/sub/b.xml::deep::a"}));
}

TEST(IncludeAll, EmptyOrMissingDirectory) {
  EXPECT_THAT(ParseError({{"m.xml", Xml("<includeAll path=\"none/\"/>")}}, "m.xml"),
              HasSubstr("m.xml:5: includeAll path 'none' has no changelogs"));
  EXPECT_TRUE(Parse({{"m.xml", Xml("<includeAll path=\"none/\" errorIfMissingOrEmpty=\"false\"/>")}}, "m.xml")
                  .change_sets.empty());
}

TEST(IncludeAll, IncludingItsOwnDirectoryIsCircular) {
  EXPECT_THAT(ParseError({{"db/m.xml", Xml("<includeAll path=\"db\"/>")}}, "db/m.xml"), HasSubstr("circular include"));
}

TEST(Include, SameIdInDifferentFilesIsNotADuplicateButTheSameFileTwiceIs) {
  EXPECT_EQ(Parse({{"m.xml", Xml("<include file=\"a.xml\"/><include file=\"b.xml\"/>")},
                   {"a.xml", ChangeSetXml("1")},
                   {"b.xml", ChangeSetXml("1")}},
                  "m.xml")
                .change_sets.size(),
            2u);
  EXPECT_THAT(
      ParseError({{"m.xml", Xml("<include file=\"a.xml\"/>\n<include file=\"a.xml\"/>")}, {"a.xml", ChangeSetXml("1")}},
                 "m.xml"),
      HasSubstr("a.xml::1::a (a.xml:5 and a.xml:5)"));
}

}  // namespace
}  // namespace ledgerhost::migration
