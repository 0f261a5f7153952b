// Values read from files: valueClobFile inlined as one escaped literal, file encodings decoded to
// UTF-8, unsupported or invalid input refused with the file named.
#include <gtest/gtest.h>

#include "core/error.h"
#include "migration/sql/dialect.h"
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

// AbstractJdbcDatabase.isCurrentTimeFunction: a computed value starting current_timestamp or
// current_datetime is the database's own now (Gravitee's defaultValueComputed CURRENT_TIMESTAMP(6)).
TEST(ComputedValue, CurrentTimestampWithPrecisionIsTheDatabasesNow) {
  const Dialect pg(DatabaseKind::kPostgresql);
  EXPECT_EQ(pg.Computed("CURRENT_TIMESTAMP(6)"), "NOW()");
  EXPECT_EQ(pg.Computed("current_datetime"), "NOW()");
  EXPECT_EQ(pg.Computed("now()"), "NOW()");
  EXPECT_EQ(pg.Computed("clock_timestamp()"), "clock_timestamp()");
  EXPECT_EQ(Dialect(DatabaseKind::kMssql).Computed("CURRENT_TIMESTAMP(3)"), "GETDATE()");
}

// BooleanType.objectToSql: a number or 0/1/t/f text on a boolean column is the database's boolean
// (Fineract's defaultValueNumeric="0" on type="boolean" is DEFAULT FALSE on PostgreSQL).
TEST(DefaultValue, NumbersAndLettersOnABooleanColumnAreBooleans) {
  const Dialect pg(DatabaseKind::kPostgresql);
  EXPECT_EQ(pg.DefaultValue({{"type", "boolean"}, {"defaultValueNumeric", "0"}}), "FALSE");
  EXPECT_EQ(pg.DefaultValue({{"type", "BOOLEAN"}, {"defaultValueNumeric", "1"}}), "TRUE");
  EXPECT_EQ(pg.DefaultValue({{"type", "boolean"}, {"defaultValue", "1"}}), "TRUE");
  EXPECT_EQ(pg.DefaultValue({{"type", "boolean"}, {"defaultValue", "f"}}), "FALSE");
  EXPECT_EQ(pg.DefaultValue({{"type", "int"}, {"defaultValueNumeric", "0"}}), "0");
  EXPECT_EQ(Dialect(DatabaseKind::kMysql).DefaultValue({{"type", "boolean"}, {"defaultValueNumeric", "1"}}), "1");
}

// ColumnConfig.load: valueBoolean is Boolean.valueOf(text), so only "true" (any case) is true;
// Fineract's valueBoolean="falsee" inserts false.
TEST(ColumnValue, ValueBooleanIsJavasBooleanValueOf) {
  const Dialect pg(DatabaseKind::kPostgresql);
  EXPECT_EQ(pg.Value({{"valueBoolean", "TRUE"}}), "TRUE");
  EXPECT_EQ(pg.Value({{"valueBoolean", "falsee"}}), "FALSE");
  EXPECT_EQ(pg.Value({{"valueBoolean", "1"}}), "FALSE");
  EXPECT_EQ(Dialect(DatabaseKind::kMysql).Value({{"valueBoolean", "true"}}), "1");
}

// LiquibaseDataType.formatNumber: numbers print without a fraction of zeros (Fineract's
// defaultValueNumeric="0.000000" is DEFAULT 0); other fractions stay as written.
TEST(ColumnValue, NumbersLoseAZeroFraction) {
  const Dialect pg(DatabaseKind::kPostgresql);
  EXPECT_EQ(pg.DefaultValue({{"type", "DECIMAL(19, 6)"}, {"defaultValueNumeric", "0.000000"}}), "0");
  EXPECT_EQ(pg.Value({{"valueNumeric", "10.0"}}), "10");
  EXPECT_EQ(pg.Value({{"valueNumeric", "1.50"}}), "1.50");
  EXPECT_EQ(pg.Value({{"valueNumeric", "(7.00)"}}), "7");
}

}  // namespace
}  // namespace ledgerhost::migration
