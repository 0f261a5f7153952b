// Changelogs written as Liquibase's serializers lay them out, and read back by ledgerhost's own
// parsers into the same changes, values that look like numbers or booleans included.
#include "migration/write/change_log_writer.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "migration/model/resource_loader.h"
#include "migration/parse/change_log_parser.h"

namespace ledgerhost::migration {
namespace {

std::vector<ChangeSet> Sample() {
  ChangeSet table;
  table.id = "100-1";
  table.author = "me (generated)";
  Change create;
  create.type = "createTable";
  create.attributes = {{"tableName", "t"}, {"remarks", "a \"quoted\" <remark> & more"}};
  ColumnConfig id;
  id.attributes = {{"name", "id"}, {"type", "INTEGER"}, {"autoIncrement", "true"}};
  id.constraints = Attributes{{"nullable", "false"}, {"primaryKey", "true"}, {"primaryKeyName", "pk_t"}};
  ColumnConfig code;  // strings YAML would read as a number, a boolean and null
  code.attributes = {{"name", "code"}, {"type", "VARCHAR(5)"}, {"defaultValue", "0123"}};
  ColumnConfig flag;
  flag.attributes = {{"name", "flag"}, {"type", "VARCHAR(5)"}, {"defaultValue", "true"}};
  ColumnConfig empty;
  empty.attributes = {{"name", "nothing"}, {"type", "VARCHAR(5)"}, {"defaultValue", "null"}};
  ColumnConfig amount;  // 1.50 must not come back as 1.5
  amount.attributes = {{"name", "amount"}, {"type", "numeric(10, 2)"}, {"defaultValueNumeric", "1.50"}};
  ColumnConfig counter;
  counter.attributes = {{"name", "counter"}, {"type", "BIGINT"}, {"defaultValueNumeric", "-42"}, {"startWith", "7"}};
  create.columns = {id, code, flag, empty, amount, counter};
  table.changes.push_back(create);

  ChangeSet view;
  view.id = "100-2";
  view.author = "me (generated)";
  view.quoting = ObjectQuotingStrategy::kQuoteAllObjects;
  Change create_view;
  create_view.type = "createView";
  create_view.attributes = {{"viewName", "v"}, {"fullDefinition", "false"}, {"selectQuery", "SELECT id\n  FROM t\n WHERE id < 3"}};
  view.changes.push_back(create_view);
  return {table, view};
}

ChangeLog ReadBack(const std::string& file, const std::string& text) {
  const MemoryResourceLoader loader("test", {{file, text}});
  return ParseChangeLog(loader, file, ParseOptions{});
}

TEST(ChangeLogWriterTest, XmlInLiquibasesLayout) {
  const std::string xml = WriteChangeLog(Sample(), ChangeLogFormat::kXml);
  EXPECT_TRUE(xml.starts_with("<?xml version=\"1.1\" encoding=\"UTF-8\" standalone=\"no\"?>\n<databaseChangeLog "
                              "xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\" xmlns:ext="));
  EXPECT_NE(xml.find("\n    <changeSet author=\"me (generated)\" id=\"100-1\">\n        <createTable remarks="), std::string::npos);
  EXPECT_NE(xml.find("<column autoIncrement=\"true\" name=\"id\" type=\"INTEGER\">"), std::string::npos) << xml;
  EXPECT_NE(xml.find("&quot;quoted&quot; &lt;remark> &amp; more"), std::string::npos) << xml;
  EXPECT_NE(xml.find("viewName=\"v\">SELECT id\n  FROM t\n WHERE id &lt; 3</createView>"), std::string::npos) << xml;
  EXPECT_TRUE(xml.ends_with("</databaseChangeLog>\n"));
}

TEST(ChangeLogWriterTest, EveryFormatReadsBackAsTheSameChanges) {
  const auto sample = Sample();
  for (const auto& [format, file] : {std::pair{ChangeLogFormat::kXml, "c.xml"}, {ChangeLogFormat::kYaml, "c.yaml"},
                                     {ChangeLogFormat::kJson, "c.json"}}) {
    SCOPED_TRACE(file);
    const std::string text = WriteChangeLog(sample, format);
    const ChangeLog read = ReadBack(file, text);
    ASSERT_EQ(read.change_sets.size(), 2u) << text;
    for (size_t i = 0; i < 2; ++i) {
      EXPECT_EQ(read.change_sets[i].id, sample[i].id);
      EXPECT_EQ(read.change_sets[i].author, sample[i].author);
      EXPECT_EQ(read.change_sets[i].quoting, sample[i].quoting);
      ASSERT_EQ(read.change_sets[i].changes.size(), 1u);
      const Change& got = read.change_sets[i].changes[0];
      const Change& want = sample[i].changes[0];
      EXPECT_EQ(got.type, want.type);
      EXPECT_EQ(got.attributes, want.attributes) << text;
      ASSERT_EQ(got.columns.size(), want.columns.size());
      for (size_t c = 0; c < want.columns.size(); ++c) {
        EXPECT_EQ(got.columns[c].attributes, want.columns[c].attributes) << text;
        EXPECT_EQ(got.columns[c].constraints, want.columns[c].constraints);
      }
    }
  }
}

TEST(ChangeLogWriterTest, FormatFollowsTheExtension) {
  EXPECT_EQ(ChangeLogFormatOf("a/b.XML"), ChangeLogFormat::kXml);
  EXPECT_EQ(ChangeLogFormatOf("b.yml"), ChangeLogFormat::kYaml);
  EXPECT_EQ(ChangeLogFormatOf("b.json"), ChangeLogFormat::kJson);
  EXPECT_FALSE(ChangeLogFormatOf("b.sql"));
}

TEST(ChangeLogWriterTest, AppendingKeepsTheExistingTextAndAddsBeforeTheClosingTag) {
  const std::string existing =
      "<?xml version=\"1.0\"?>\n<!-- kept -->\n<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
      "  <changeSet id=\"0\" author=\"a\"><tagDatabase tag=\"t\"/></changeSet>\n</databaseChangeLog>\n";
  const auto sample = Sample();
  const std::string appended = AppendToXmlChangeLog(existing, {sample[1]}, "x.xml");
  EXPECT_TRUE(appended.starts_with(existing.substr(0, existing.find("</databaseChangeLog>"))));
  EXPECT_TRUE(appended.ends_with("</createView>\n    </changeSet>\n</databaseChangeLog>\n")) << appended;
  const ChangeLog read = ReadBack("x.xml", appended);
  ASSERT_EQ(read.change_sets.size(), 2u);
  EXPECT_EQ(read.change_sets[1].id, "100-2");
  try {
    AppendToXmlChangeLog("databaseChangeLog: []\n", {sample[1]}, "x.yaml");
    FAIL() << "a YAML text has no closing tag";
  } catch (const ChangeLogError& e) {
    EXPECT_NE(std::string(e.what()).find("x.yaml"), std::string::npos);
  }
}

}  // namespace
}  // namespace ledgerhost::migration
