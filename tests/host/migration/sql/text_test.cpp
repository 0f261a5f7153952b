// The helpers every migration library shares (migration/model/text.h) and the one SQL splitter the
// parsers and the generator use (migration/model/sql_splitter.h), where Java's semantics matter.
#include "core/text.h"

#include <gtest/gtest.h>

#include "migration/model/sql_splitter.h"

namespace ledgerhost::migration {
namespace {

TEST(Text, TrimsFollowTheirModels) {
  EXPECT_EQ(text::Trim(" \t\v\f\r\n a b \n"), "a b");
  EXPECT_EQ(text::JavaTrim("\x01 a b \x1f"), "a b");  // String.trim(): every char <= ' '
  EXPECT_EQ(text::Trim("\x01 a"), "\x01 a");          // isspace(): control characters stay
  EXPECT_EQ(text::TrimChars("\n x,y \t", " \t\n"), "x,y");
  EXPECT_EQ(text::TrimChars("  ", " "), "");
}

TEST(Text, CaseMappingIsAsciiOnly) {
  EXPECT_EQ(text::Upper("varchar(10) é"), "VARCHAR(10) é");
  EXPECT_EQ(text::Lower("MixedCase"), "mixedcase");
  EXPECT_TRUE(text::EqualsIgnoreCase("PostgreSQL", "postgresql"));
  EXPECT_FALSE(text::EqualsIgnoreCase("abc", "abcd"));
  EXPECT_TRUE(text::StartsWithIgnoreCase("CURRENT_TIMESTAMP(3)", "current_timestamp"));
  EXPECT_TRUE(text::EndsWithIgnoreCase("changelog.XML", ".xml"));
  EXPECT_FALSE(text::EndsWith("a", "ab"));
}

TEST(Text, JavaBooleanAndSplitting) {
  EXPECT_TRUE(text::ParseJavaBoolean("TRUE"));
  EXPECT_FALSE(text::ParseJavaBoolean(" true"));  // Boolean.parseBoolean does not trim
  EXPECT_EQ(text::SplitAndTrim(" a, ,b ,", ','), (std::vector<std::string>{"a", "b"}));
}

TEST(SqlSplitter, RollbackTextSplitsOnSemicolonsOutsideStringsAndBlocks) {
  // As the parsers split <rollback> text: comments stripped, ';' the only delimiter.
  const auto statements = SplitSql(
      "DELETE FROM t WHERE note = 'a;b'; -- comment; still comment\n"
      "/* block; */ UPDATE t SET x = 1;\n"
      "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET y = 2; END;\n"
      "GO\n"
      "SELECT [odd;name] FROM t",
      /*strip_comments=*/true, /*split_statements=*/true, ";");
  ASSERT_EQ(statements.size(), 4u);
  EXPECT_EQ(statements[0], "DELETE FROM t WHERE note = 'a;b'");
  EXPECT_EQ(statements[1], "UPDATE t SET x = 1");
  EXPECT_EQ(statements[2], "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET y = 2; END");
  EXPECT_EQ(statements[3], "GO\nSELECT [odd;name] FROM t");  // with ';' given, GO does not split
}

TEST(SqlSplitter, WithoutDelimiterGoAndSlashLinesSplitToo) {
  const auto statements = SplitSql("SELECT 1\nGO\nSELECT 2\n/\nSELECT 3; SELECT 4", false, true, std::nullopt);
  EXPECT_EQ(statements, (std::vector<std::string>{"SELECT 1", "SELECT 2", "SELECT 3", "SELECT 4"}));
  EXPECT_EQ(SplitSql("  SELECT 1; SELECT 2  ", false, false, std::nullopt),
            (std::vector<std::string>{"SELECT 1; SELECT 2"}));
  // BEGIN TRANSACTION is no block.
  EXPECT_EQ(SplitSql("BEGIN TRANSACTION; SELECT 1; COMMIT", true, true, std::nullopt).size(), 3u);
}

}  // namespace
}  // namespace ledgerhost::migration
