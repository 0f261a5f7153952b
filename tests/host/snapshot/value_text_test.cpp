// Catalog defaults and types read as Liquibase's snapshot reads them.
#include "snapshot/value_text.h"

#include <gtest/gtest.h>

namespace ledgerhost::snapshot {
namespace {

using Kind = DefaultValue::Kind;

void Expect(const std::optional<DefaultValue>& value, Kind kind, const std::string& text) {
  ASSERT_TRUE(value);
  EXPECT_EQ(value->kind, kind);
  EXPECT_EQ(value->value, text);
}

TEST(ValueTextTest, PostgresqlDefaults) {
  Expect(PostgresqlDefault("'EUR'::bpchar", "S"), Kind::kString, "EUR");
  Expect(PostgresqlDefault("'it''s'::character varying", "S"), Kind::kString, "it's");  // Liquibase doubles it again
  Expect(PostgresqlDefault("'a'::text::character varying", "S"), Kind::kString, "a");
  Expect(PostgresqlDefault("0", "N"), Kind::kNumeric, "0");
  Expect(PostgresqlDefault("1.50", "N"), Kind::kNumeric, "1.50");
  Expect(PostgresqlDefault("1.00", "N"), Kind::kComputed, "1.00");  // defaultValueNumeric would print 1
  Expect(PostgresqlDefault("0.00000000", "N"), Kind::kComputed, "0.00000000");
  Expect(PostgresqlDefault("(-1)", "N"), Kind::kNumeric, "-1");
  Expect(PostgresqlDefault("'42'::numeric", "N"), Kind::kNumeric, "42");
  Expect(PostgresqlDefault("true", "B"), Kind::kBoolean, "true");
  Expect(PostgresqlDefault("'2024-01-02'::date", "D"), Kind::kDate, "2024-01-02");
  Expect(PostgresqlDefault("now()", "D"), Kind::kComputed, "now()");
  Expect(PostgresqlDefault("lower('ABC'::text)", "S"), Kind::kComputed, "lower('ABC'::text)");
  Expect(PostgresqlDefault("('a'::text || 'b'::text)", "S"), Kind::kComputed, "('a'::text || 'b'::text)");
  Expect(PostgresqlDefault("NULL::character varying", "S"), Kind::kComputed, "NULL");  // DEFAULT NULL as written
}

TEST(ValueTextTest, SqliteDefaults) {
  Expect(SqliteDefault("'EUR'", "CHAR(3)"), Kind::kString, "EUR");
  Expect(SqliteDefault("0", "BIGINT"), Kind::kNumeric, "0");
  Expect(SqliteDefault("1", "BOOLEAN"), Kind::kBoolean, "true");
  Expect(SqliteDefault("CURRENT_TIMESTAMP", "TEXT"), Kind::kComputed, "CURRENT_TIMESTAMP");
  EXPECT_FALSE(SqliteDefault("NULL", "TEXT"));
}

TEST(ValueTextTest, MariadbDefaults) {
  Expect(MariadbDefault("'EUR'", "CHAR(3)"), Kind::kString, "EUR");
  Expect(MariadbDefault("1", "BOOLEAN"), Kind::kBoolean, "true");
  Expect(MariadbDefault("1.50", "DECIMAL(10, 2)"), Kind::kNumeric, "1.50");
  Expect(MariadbDefault("0.000000", "DECIMAL(19, 6)"), Kind::kComputed, "0.000000");
  Expect(MariadbDefault("current_timestamp()", "TIMESTAMP"), Kind::kComputed, "current_timestamp()");
  Expect(MariadbDefault("'2024-01-02 03:04:05'", "DATETIME"), Kind::kDate, "2024-01-02 03:04:05");
  EXPECT_FALSE(MariadbDefault("NULL", "INT"));
}

TEST(ValueTextTest, PostgresqlTypesInLiquibaseSpelling) {
  EXPECT_EQ(PostgresqlChangeLogType("integer"), "INTEGER");
  EXPECT_EQ(PostgresqlChangeLogType("character varying(120)"), "VARCHAR(120)");
  EXPECT_EQ(PostgresqlChangeLogType("character(3)"), "CHAR(3)");
  EXPECT_EQ(PostgresqlChangeLogType("numeric(10,2)"), "numeric(10, 2)");
  EXPECT_EQ(PostgresqlChangeLogType("timestamp(3) without time zone"), "TIMESTAMP(3) WITHOUT TIME ZONE");
  EXPECT_EQ(PostgresqlChangeLogType("timestamp with time zone"), "TIMESTAMP WITH TIME ZONE");
  EXPECT_EQ(PostgresqlChangeLogType("double precision"), "FLOAT8");
  EXPECT_EQ(PostgresqlChangeLogType("my_enum"), "my_enum");
}

TEST(ValueTextTest, SqliteViewAndIndexTexts) {
  EXPECT_EQ(ViewSelect("CREATE VIEW v (a, b) AS SELECT \"x as\" AS a, 'y' FROM t"), "SELECT \"x as\" AS a, 'y' FROM t");
  EXPECT_EQ(ViewSelect("create view \"as\"\nas\nselect 1"), "select 1");
  EXPECT_EQ(IndexKeyTexts("CREATE UNIQUE INDEX \"i(x\" ON t (a DESC, lower(b), \"c,d\") WHERE a > (0)"),
            (std::vector<std::string>{"a DESC", "lower(b)", "\"c,d\""}));
  EXPECT_TRUE(IndexKeyTexts("CREATE INDEX broken").empty());
}

TEST(ValueTextTest, SplitNames) {
  EXPECT_EQ(SplitNames(std::string("a") + kNameSeparator + "b, c"), (std::vector<std::string>{"a", "b, c"}));
  EXPECT_TRUE(SplitNames(std::nullopt).empty());
}

}  // namespace
}  // namespace ledgerhost::snapshot
