// Values read from files: valueClobFile inlined as one escaped literal, file encodings decoded to
// UTF-8, unsupported or invalid input refused with the file named.
#include <gtest/gtest.h>

#include "core/error.h"
#include "migration/sql/sql_generator.h"
#include "migration/sql/text_decoding.h"

namespace ledgerhost::migration {
namespace {

Change InsertWithClob(const std::string& path) {
  Change insert;
  insert.type = "insert";
  insert.attributes = {{"tableName", "note"}};
  ColumnConfig id;
  id.attributes = {{"name", "id"}, {"valueNumeric", "2"}};
  ColumnConfig body;
  body.attributes = {{"name", "body"}, {"valueClobFile", path}};
  insert.columns = {id, body};
  return insert;
}

TEST(ValueClobFile, InlinesTheFileRelativeToTheChangeLog) {
  MemoryResourceLoader loader("test", {{"db/texts/a.txt", "it's\n'); DROP TABLE note; --"}});
  SqlGenerationContext context{DatabaseKind::kPostgresql, &loader, "db/changelog.xml", {}};
  const auto statements = GenerateSql(InsertWithClob("texts/a.txt"), context);
  ASSERT_EQ(statements.size(), 1u);
  // One literal: the hostile text cannot end the statement.
  EXPECT_EQ(statements[0].sql, "INSERT INTO note (id, body) VALUES (2, 'it''s\n''); DROP TABLE note; --')");
}

TEST(ValueClobFile, MissingFileIsAnError) {
  MemoryResourceLoader loader("test", {});
  SqlGenerationContext context{DatabaseKind::kSqlite, &loader, "db/changelog.xml", {}};
  EXPECT_THROW(GenerateSql(InsertWithClob("nope.txt"), context), MigrationError);
}

TEST(DecodeText, Latin1BecomesUtf8) {
  EXPECT_EQ(DecodeText("caf\xE9", "ISO-8859-1", "f"), "caf\xC3\xA9");
  EXPECT_EQ(DecodeText("caf\xE9", "latin1", "f"), "caf\xC3\xA9");
}

TEST(DecodeText, Utf8LosesItsByteOrderMarkAndMustBeValid) {
  EXPECT_EQ(DecodeText("\xEF\xBB\xBFselect 1", "UTF-8", "f"), "select 1");
  EXPECT_EQ(DecodeText("caf\xC3\xA9", "utf8", "f"), "caf\xC3\xA9");
  EXPECT_THROW(DecodeText("caf\xE9", "UTF-8", "f"), MigrationError);
  EXPECT_THROW(DecodeText("\xC3", "UTF-8", "f"), MigrationError);
}

TEST(DecodeText, UnknownEncodingAndNonAsciiBytesAreRefused) {
  EXPECT_THROW(DecodeText("x", "EBCDIC", "f"), MigrationError);
  EXPECT_THROW(DecodeText("caf\xE9", "US-ASCII", "f"), MigrationError);
}

}  // namespace
}  // namespace ledgerhost::migration
