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
  SqlGenerationContext context{db::DatabaseKind::kPostgresql, &loader, "db/changelog.xml", {}};
  const auto statements = GenerateSql(InsertWithClob("texts/a.txt"), context);
  ASSERT_EQ(statements.size(), 1u);
  // One literal: the hostile text cannot end the statement.
  EXPECT_EQ(statements[0].sql, "INSERT INTO note (id, body) VALUES (2, 'it''s\n''); DROP TABLE note; --')");
}

TEST(ValueClobFile, MissingFileIsAnError) {
  MemoryResourceLoader loader("test", {});
  SqlGenerationContext context{db::DatabaseKind::kSqlite, &loader, "db/changelog.xml", {}};
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
  const Dialect pg(db::DatabaseKind::kPostgresql);
  EXPECT_EQ(pg.Computed("CURRENT_TIMESTAMP(6)"), "NOW()");
  EXPECT_EQ(pg.Computed("current_datetime"), "NOW()");
  EXPECT_EQ(pg.Computed("now()"), "NOW()");
  EXPECT_EQ(pg.Computed("clock_timestamp()"), "clock_timestamp()");
  EXPECT_EQ(Dialect(db::DatabaseKind::kMssql).Computed("CURRENT_TIMESTAMP(3)"), "GETDATE()");
}

// BooleanType.objectToSql: a number or 0/1/t/f text on a boolean column is the database's boolean
// (Fineract's defaultValueNumeric="0" on type="boolean" is DEFAULT FALSE on PostgreSQL).
TEST(DefaultValue, NumbersAndLettersOnABooleanColumnAreBooleans) {
  const Dialect pg(db::DatabaseKind::kPostgresql);
  EXPECT_EQ(pg.DefaultValue({{"type", "boolean"}, {"defaultValueNumeric", "0"}}), "FALSE");
  EXPECT_EQ(pg.DefaultValue({{"type", "BOOLEAN"}, {"defaultValueNumeric", "1"}}), "TRUE");
  EXPECT_EQ(pg.DefaultValue({{"type", "boolean"}, {"defaultValue", "1"}}), "TRUE");
  EXPECT_EQ(pg.DefaultValue({{"type", "boolean"}, {"defaultValue", "f"}}), "FALSE");
  EXPECT_EQ(pg.DefaultValue({{"type", "int"}, {"defaultValueNumeric", "0"}}), "0");
  EXPECT_EQ(Dialect(db::DatabaseKind::kMysql).DefaultValue({{"type", "boolean"}, {"defaultValueNumeric", "1"}}), "1");
}

// ColumnConfig.load: valueBoolean is Boolean.valueOf(text), so only "true" (any case) is true;
// Fineract's valueBoolean="falsee" inserts false.
TEST(ColumnValue, ValueBooleanIsJavasBooleanValueOf) {
  const Dialect pg(db::DatabaseKind::kPostgresql);
  EXPECT_EQ(pg.Value({{"valueBoolean", "TRUE"}}), "TRUE");
  EXPECT_EQ(pg.Value({{"valueBoolean", "falsee"}}), "FALSE");
  EXPECT_EQ(pg.Value({{"valueBoolean", "1"}}), "FALSE");
  EXPECT_EQ(Dialect(db::DatabaseKind::kMysql).Value({{"valueBoolean", "true"}}), "1");
}

// LiquibaseDataType.formatNumber: numbers print without a fraction of zeros (Fineract's
// defaultValueNumeric="0.000000" is DEFAULT 0); other fractions stay as written.
TEST(ColumnValue, NumbersLoseAZeroFraction) {
  const Dialect pg(db::DatabaseKind::kPostgresql);
  EXPECT_EQ(pg.DefaultValue({{"type", "DECIMAL(19, 6)"}, {"defaultValueNumeric", "0.000000"}}), "0");
  EXPECT_EQ(pg.Value({{"valueNumeric", "10.0"}}), "10");
  EXPECT_EQ(pg.Value({{"valueNumeric", "1.50"}}), "1.50");
  EXPECT_EQ(pg.Value({{"valueNumeric", "(7.00)"}}), "7");
}

// InsertGenerator: value="NULL" (any case) is NULL; a to_date( call or the database's now is a call.
TEST(ColumnValue, NullAndFunctionCallsAreNotStrings) {
  const Dialect pg(db::DatabaseKind::kPostgresql);
  EXPECT_EQ(pg.Value({{"value", "null"}}), "NULL");
  EXPECT_EQ(pg.Value({{"value", "now()"}}), "now()");
  EXPECT_EQ(pg.Value({{"value", "to_date('2024-01-01', 'YYYY-MM-DD')"}}), "to_date('2024-01-01', 'YYYY-MM-DD')");
  EXPECT_EQ(pg.Value({{"value", "upper('x')"}}), "'upper(''x'')'");
  EXPECT_EQ(Dialect(db::DatabaseKind::kMssql).Value({{"value", "GETDATE()"}}), "GETDATE()");
}

// ColumnConfig.setValueDate: a date ISODateFormat cannot parse is a DatabaseFunction, so
// "current_datetime" is the database's now like valueComputed; dates and times are literals.
TEST(ColumnValue, UnparseableValueDateIsAFunction) {
  const Dialect pg(db::DatabaseKind::kPostgresql);
  EXPECT_EQ(pg.Value({{"valueDate", "current_datetime"}}), "NOW()");
  EXPECT_EQ(pg.Value({{"valueDate", "localtimestamp"}}), "localtimestamp");
  EXPECT_EQ(pg.Value({{"valueDate", "2007-08-09T13:14:15"}}), "'2007-08-09 13:14:15'");
  EXPECT_EQ(pg.Value({{"valueDate", "13:14:15"}}), "'13:14:15'");
  EXPECT_EQ(Dialect(db::DatabaseKind::kMssql).Value({{"valueDate", "current_datetime"}}), "GETDATE()");
}

// AddColumnChange: a column's remarks, trimmed, become COMMENT ON COLUMN after the ALTER TABLE
// (not on MySQL, whose ADD carries COMMENT, nor on SQLite, which has no generator for it).
TEST(AddColumnRemarks, BecomeACommentOnTheColumn) {
  Change add;
  add.type = "addColumn";
  add.attributes = {{"tableName", "t"}};
  ColumnConfig column;
  column.attributes = {{"name", "c"}, {"type", "int"}, {"remarks", " the c "}};
  add.columns = {column};
  SqlGenerationContext pg;
  pg.database = db::DatabaseKind::kPostgresql;
  const auto statements = GenerateSql(add, pg);
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_EQ(statements[0].sql, "ALTER TABLE t ADD c INTEGER");
  EXPECT_EQ(statements[1].sql, "COMMENT ON COLUMN t.c IS 'the c'");
  SqlGenerationContext mysql;
  mysql.database = db::DatabaseKind::kMysql;
  EXPECT_EQ(GenerateSql(add, mysql).size(), 1u);
}

}  // namespace
}  // namespace ledgerhost::migration
