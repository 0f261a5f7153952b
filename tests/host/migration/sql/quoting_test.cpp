// Identifier quoting (Liquibase's LEGACY strategy), string literals and the type map, per database.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/error.h"
#include "liquibase_output.h"
#include "migration/sql/dialect.h"
#include "migration/sql/postgresql_type.h"
#include "migration/sql/sql_generator.h"

namespace ledgerhost::migration {
namespace {

using testing::SqlTestData;

constexpr db::DatabaseKind kPg = db::DatabaseKind::kPostgresql;
constexpr db::DatabaseKind kMysql = db::DatabaseKind::kMysql;
constexpr db::DatabaseKind kMariadb = db::DatabaseKind::kMariadb;
constexpr db::DatabaseKind kOracle = db::DatabaseKind::kOracle;
constexpr db::DatabaseKind kMssql = db::DatabaseKind::kMssql;
constexpr db::DatabaseKind kSqlite = db::DatabaseKind::kSqlite;
constexpr db::DatabaseKind kH2 = db::DatabaseKind::kH2;

// Expected values from Liquibase offline update-sql (data/cases/create_table.xml,
// reserved-and-mixed-case changeset; spec §7.2 "escape identifier").
TEST(QuoteIdentifier, ReservedWordsAsLiquibaseQuotesThem) {
  EXPECT_EQ(QuoteIdentifier("order", kPg), "\"order\"");
  EXPECT_EQ(QuoteIdentifier("order", kMysql), "`order`");
  EXPECT_EQ(QuoteIdentifier("order", kMariadb), "`order`");
  EXPECT_EQ(QuoteIdentifier("order", kOracle), "\"order\"");
  EXPECT_EQ(QuoteIdentifier("order", kMssql), "[order]");
  EXPECT_EQ(QuoteIdentifier("order", kSqlite), "order");
  EXPECT_EQ(QuoteIdentifier("order", kH2), "\"ORDER\"");
  EXPECT_EQ(QuoteIdentifier("user", kOracle), "\"user\"");
  EXPECT_EQ(QuoteIdentifier("group", kMssql), "[group]");
}

TEST(QuoteIdentifier, PlainNamesStayPlain) {
  for (auto db : {kPg, kMysql, kMariadb, kOracle, kMssql, kSqlite, kH2}) {
    EXPECT_EQ(QuoteIdentifier("party_id", db), "party_id") << ShortName(db);
    EXPECT_EQ(QuoteIdentifier("UPPER_ONLY", db), "UPPER_ONLY") << ShortName(db);
  }
}

TEST(QuoteIdentifier, MixedCaseIsQuotedOnPostgresqlOnly) {
  EXPECT_EQ(QuoteIdentifier("MixedCase", kPg), "\"MixedCase\"");
  for (auto db : {kMysql, kMariadb, kOracle, kMssql, kSqlite, kH2}) {
    EXPECT_EQ(QuoteIdentifier("MixedCase", db), "MixedCase") << ShortName(db);
  }
}

TEST(QuoteIdentifier, OddCharactersAreAlwaysQuotedAndEscaped) {
  EXPECT_EQ(QuoteIdentifier("my table", kPg), "\"my table\"");
  EXPECT_EQ(QuoteIdentifier("a\"b; DROP TABLE x; --", kPg), "\"a\"\"b; DROP TABLE x; --\"");
  EXPECT_EQ(QuoteIdentifier("a`b", kMysql), "`a``b`");
  EXPECT_EQ(QuoteIdentifier("a]b", kMssql), "[a]]b]");
  EXPECT_EQ(QuoteIdentifier("a\"b", kSqlite), "\"a\"\"b\"");
  EXPECT_EQ(QuoteIdentifier("1st", kOracle), "\"1st\"");
}

TEST(QuoteIdentifier, RejectsNamesThatCannotBeQuotedSafely) {
  for (auto db : {kPg, kMysql, kOracle, kMssql, kSqlite, kH2}) {
    EXPECT_THROW(QuoteIdentifier(std::string("a\0b", 3), db), MigrationError) << ShortName(db);
    EXPECT_THROW(QuoteIdentifier("a\nb", db), MigrationError) << ShortName(db);
    EXPECT_THROW(QuoteIdentifier("", db), MigrationError) << ShortName(db);
  }
}

TEST(QuoteString, DoublesQuotes) {
  for (auto db : {kPg, kMysql, kMariadb, kOracle, kMssql, kSqlite, kH2}) {
    EXPECT_EQ(QuoteString("root's", db), "'root''s'") << ShortName(db);
    EXPECT_EQ(QuoteString("''", db), "''''''") << ShortName(db);
  }
}

TEST(QuoteString, MysqlAlsoEscapesBackslashes) {
  // MySQL treats '\' as an escape inside strings; a trailing backslash would otherwise eat the quote.
  EXPECT_EQ(QuoteString("a\\", kMysql), "'a\\\\'");
  EXPECT_EQ(QuoteString("a\\", kMariadb), "'a\\\\'");
  EXPECT_EQ(QuoteString("a\\", kPg), "'a\\'");
}

TEST(QuoteString, HostileValueStaysOneLiteral) {
  const std::string hostile = "x'); DROP TABLE party; --";
  for (auto db : {kPg, kMysql, kOracle, kMssql, kSqlite, kH2}) {
    const std::string literal = QuoteString(hostile, db);
    EXPECT_EQ(literal, "'x''); DROP TABLE party; --'") << ShortName(db);
  }
}

// Every row of Liquibase's type table (data/type_map.md) for every database.
TEST(DatabaseType, MatchesLiquibaseTypeTable) {
  std::ifstream in(SqlTestData() / "type_map.md");
  ASSERT_TRUE(in);
  // Columns: input | postgresql | mysql | mariadb | oracle?version=19 | oracle | mssql | sqlite | h2
  const std::vector<std::pair<size_t, db::DatabaseKind>> columns{{1, kPg},     {2, kMysql},  {3, kMariadb}, {5, kOracle},
                                                             {6, kMssql}, {7, kSqlite}, {8, kH2}};
  std::string line;
  int rows = 0;
  while (std::getline(in, line)) {
    if (line.rfind("| ", 0) != 0) continue;
    std::vector<std::string> cells;
    std::stringstream row(line.substr(1));
    std::string cell;
    while (std::getline(row, cell, '|')) {
      const auto first = cell.find_first_not_of(' ');
      const auto last = cell.find_last_not_of(' ');
      cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
    }
    ASSERT_GE(cells.size(), 9u) << line;
    for (const auto& [index, db] : columns) {
      EXPECT_EQ(DatabaseType(cells[0], db), cells[index]) << cells[0] << " on " << ShortName(db);
    }
    ++rows;
  }
  EXPECT_GT(rows, 30);
}

// Liquibase 4.28's TimestampType/DateTimeType on MySQL and MariaDB (captured with ../shared/tools/liquibase.sh,
// offline:mysql and offline:mariadb update-sql of a createTable and modifyDataType with these types).
TEST(DatabaseType, MysqlTimestampsKeepTheirDefinitionAndDatetimesTheirPrecision) {
  for (const auto db : {kMysql, kMariadb}) {
    EXPECT_EQ(DatabaseType("TIMESTAMP", db), "timestamp");
    EXPECT_EQ(DatabaseType("TIMESTAMP(6)", db), "TIMESTAMP(6)");
    EXPECT_EQ(DatabaseType("timestamp(3)", db), "timestamp(3)");
    EXPECT_EQ(DatabaseType("TIMESTAMP(6) NOT NULL", db), "TIMESTAMP(6) NOT NULL");
    EXPECT_EQ(DatabaseType("timestamp without time zone", db), "timestamp without time zone");
    EXPECT_EQ(DatabaseType("java.sql.Timestamp", db), "timestamp");
    EXPECT_EQ(DatabaseType("DATETIME", db), "datetime");
    EXPECT_EQ(DatabaseType("DATETIME(6)", db), "datetime(6)");
    EXPECT_EQ(DatabaseType("datetime(3)", db), "datetime(3)");
    EXPECT_EQ(DatabaseType("DATETIME(6) NULL", db), "datetime(6)");
    EXPECT_EQ(DatabaseType("DATETIME(9)", db), "datetime(6)");
    EXPECT_EQ(DatabaseType("TIME(3)", db), "time");
  }
  EXPECT_EQ(DatabaseType("TIMESTAMP(6)", kPg), "TIMESTAMP(6) WITHOUT TIME ZONE");
}

// UnknownType: the name upper-cased, at most two parameters (enum and set keep all), as written.
TEST(DatabaseType, UnknownTypesPrintAsLiquibasePrintsThem) {
  EXPECT_EQ(DatabaseType("geometry(Point, 4326)", kPg), "GEOMETRY(Point, 4326)");
  EXPECT_EQ(DatabaseType("jsonb", kPg), "JSONB");
  EXPECT_EQ(DatabaseType("mytype(1,2,3)", kPg), "MYTYPE(1, 2)");
  EXPECT_EQ(DatabaseType("enum('a','b','c')", kPg), "ENUM('a', 'b', 'c')");
}

// objectQuotingStrategy (data/quoting/RULES.md, captured from Liquibase 4.28 offline update-sql).
TEST(QuoteIdentifier, ObjectQuotingStrategies) {
  using S = ObjectQuotingStrategy;
  // LEGACY on PostgreSQL quotes mixed case; QUOTE_ONLY_RESERVED_WORDS leaves it to fold.
  EXPECT_EQ(QuoteIdentifier("DisplayName", kPg, false, S::kLegacy), "\"DisplayName\"");
  EXPECT_EQ(QuoteIdentifier("DisplayName", kPg, false, S::kQuoteOnlyReservedWords), "DisplayName");
  EXPECT_EQ(QuoteIdentifier("order", kPg, false, S::kQuoteOnlyReservedWords), "\"order\"");
  EXPECT_EQ(QuoteIdentifier("UPPER_NAME", kPg, false, S::kLegacy), "UPPER_NAME");
  // QUOTE_ALL_OBJECTS quotes every name, case kept, on every database.
  EXPECT_EQ(QuoteIdentifier("CALL_CACHING_ENTRY", kPg, false, S::kQuoteAllObjects), "\"CALL_CACHING_ENTRY\"");
  EXPECT_EQ(QuoteIdentifier("id", kSqlite, false, S::kQuoteAllObjects), "\"id\"");
  EXPECT_EQ(QuoteIdentifier("id", kMysql, false, S::kQuoteAllObjects), "`id`");
  // \W, a leading digit or a dash quote under every strategy; '$' is not a word character.
  EXPECT_EQ(QuoteIdentifier("a$b", kPg, false, S::kQuoteOnlyReservedWords), "\"a$b\"");
  EXPECT_EQ(QuoteIdentifier("1st", kMysql), "`1st`");
  // Liquibase's own PostgreSQL and MySQL lists, beyond what a candidate capture found.
  EXPECT_EQ(QuoteIdentifier("variadic", kPg), "\"variadic\"");
  EXPECT_EQ(QuoteIdentifier("current_schema", kPg), "\"current_schema\"");
  EXPECT_EQ(QuoteIdentifier("tinyint", kMysql), "`tinyint`");
  EXPECT_EQ(QuoteIdentifier("period", kMysql), "period");
  EXPECT_EQ(QuoteIdentifier("period", kMariadb), "`period`");
}

// The whole type vocabulary of real changelogs on PostgreSQL (data/types/: types.xml through real
// Liquibase 4.28 offline update-sql, captured by data/types/capture.sh). "desc [autoIncrement=true]"
// lines are columns with autoIncrement="true"; a type that asks for auto-increment itself
// ("serial") prints the identity clause as a createTable column.
TEST(DatabaseType, PostgresqlPrintsWhatLiquibasePrintsForEveryCapturedType) {
  std::ifstream in(SqlTestData() / "types/expected/postgresql.tsv");
  ASSERT_TRUE(in);
  std::string line;
  int rows = 0;
  while (std::getline(in, line)) {
    const auto tab = line.find('\t');
    if (line.empty() || tab == std::string::npos) continue;
    std::string description = line.substr(0, tab);
    const std::string expected = line.substr(tab + 1);
    bool column_auto_increment = false;
    if (const auto flag = description.find(" [autoIncrement=true]"); flag != std::string::npos) {
      description.erase(flag);
      column_auto_increment = true;
    }
    ++rows;
    // Liquibase refusals ledgerhost does not copy: a type class without an autoIncrement property,
    // and a Snowflake type name. Both are errors in Liquibase; ledgerhost prints the type.
    if (expected.find("Property [autoIncrement] was not found") != std::string::npos ||
        expected.find("Could not find type for") != std::string::npos) {
      continue;
    }
    if (expected.rfind("ERROR: ", 0) == 0) {
      EXPECT_THROW(ResolvePostgresqlType(description), MigrationError) << description;
      continue;
    }
    const PostgresqlColumnType type = ResolvePostgresqlType(description);
    const std::string printed =
        type.sql + (type.auto_increment || column_auto_increment ? " GENERATED BY DEFAULT AS IDENTITY" : "");
    EXPECT_EQ(printed, expected) << description;
  }
  EXPECT_GT(rows, 300);
}

}  // namespace
}  // namespace ledgerhost::migration
