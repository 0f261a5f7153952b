// Reading SQLite's CREATE TABLE texts and writing them back: every clause SQLite accepts survives,
// and what is written reads back the same.
#include "migration/sql/sqlite/sqlite_table_definition.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace ledgerhost::migration::sqlite {
namespace {

using Kind = ColumnClause::Kind;

TEST(SqliteTableDefinition, ReadsEveryClauseAndWritesItBack) {
  const std::string sql =
      "CREATE TABLE \"t\" (\n"
      "  id INTEGER CONSTRAINT pk PRIMARY KEY DESC ON CONFLICT ROLLBACK AUTOINCREMENT, -- the key\n"
      "  [name] VARCHAR(40) COLLATE NOCASE NOT NULL ON CONFLICT REPLACE CHECK (length(name) > 0),\n"
      "  `amount` DECIMAL(10, 2) DEFAULT -1.5 NULL,\n"
      "  note TEXT DEFAULT 'a, (b)' UNIQUE,\n"
      "  at TIMESTAMP DEFAULT (datetime('now')),\n"
      "  parent INT REFERENCES p (id) ON DELETE SET NULL ON UPDATE NO ACTION MATCH SIMPLE NOT DEFERRABLE INITIALLY "
      "IMMEDIATE,\n"
      "  g GENERATED ALWAYS AS (amount * 2) STORED,\n"
      "  h AS (1) VIRTUAL, untyped,\n"
      "  CONSTRAINT uq UNIQUE (name, \"note\"), CHECK (amount > -10), FOREIGN KEY (parent, note) REFERENCES q (a, b),\n"
      "  PRIMARY KEY (id)\n"
      ") WITHOUT ROWID, STRICT";
  const TableDefinition table = TableDefinition::Parse(sql, "t");
  ASSERT_EQ(table.columns().size(), 9u);
  const ColumnDefinition& id = table.columns()[0];
  EXPECT_EQ(id.name, "id");
  EXPECT_EQ(id.type, "INTEGER");
  ASSERT_EQ(id.clauses.size(), 1u);
  EXPECT_EQ(id.clauses[0].kind, Kind::kPrimaryKey);
  EXPECT_EQ(id.clauses[0].name, "pk");
  EXPECT_EQ(id.clauses[0].sql, "CONSTRAINT pk PRIMARY KEY DESC ON CONFLICT ROLLBACK AUTOINCREMENT");
  const ColumnDefinition& name = table.columns()[1];
  EXPECT_EQ(name.name, "name");
  EXPECT_EQ(name.type, "VARCHAR(40)");
  ASSERT_EQ(name.clauses.size(), 3u);
  EXPECT_EQ(name.clauses[1].sql, "NOT NULL ON CONFLICT REPLACE");
  EXPECT_EQ(table.columns()[2].name, "amount");
  EXPECT_EQ(table.columns()[2].clauses[0].sql, "DEFAULT -1.5");
  EXPECT_EQ(table.columns()[2].clauses[1].kind, Kind::kNull);
  EXPECT_EQ(table.columns()[3].clauses[0].sql, "DEFAULT 'a, (b)'");
  EXPECT_EQ(table.columns()[4].clauses[0].sql, "DEFAULT (datetime('now'))");
  ASSERT_EQ(table.columns()[5].clauses.size(), 1u);
  EXPECT_EQ(table.columns()[5].clauses[0].kind, Kind::kReferences);
  EXPECT_TRUE(table.columns()[6].Has(Kind::kGenerated));
  EXPECT_TRUE(table.columns()[7].Has(Kind::kGenerated));
  EXPECT_EQ(table.columns()[8].type, "");
  ASSERT_EQ(table.constraints().size(), 4u);
  EXPECT_EQ(table.constraints()[0].kind, TableConstraint::Kind::kUnique);
  EXPECT_EQ(table.constraints()[0].columns, (std::vector<std::string>{"name", "note"}));
  EXPECT_EQ(table.constraints()[1].kind, TableConstraint::Kind::kCheck);
  EXPECT_EQ(table.constraints()[2].kind, TableConstraint::Kind::kForeignKey);
  EXPECT_EQ(table.constraints()[2].columns, (std::vector<std::string>{"parent", "note"}));
  EXPECT_TRUE(table.HasPrimaryKey());
  const std::string written = table.CreateSql("\"u\"");
  EXPECT_EQ(written.substr(0, 18), "CREATE TABLE \"u\" (");
  EXPECT_NE(written.find(") WITHOUT ROWID, STRICT"), std::string::npos) << written;
  // What is written reads back the same.
  const TableDefinition again = TableDefinition::Parse(written, "u");
  EXPECT_EQ(again.CreateSql("\"u\""), written);
}

TEST(SqliteTableDefinition, ColumnsAreFoundCaseInsensitivelyAndMissingOnesNamed) {
  TableDefinition table = TableDefinition::Parse("create table t (Id int, \"Odd \"\"Name\"\"\" text)", "t");
  EXPECT_NE(table.FindColumn("id"), nullptr);
  EXPECT_EQ(table.columns()[1].name, "Odd \"Name\"");
  EXPECT_EQ(table.columns()[1].Sql(), "\"Odd \"\"Name\"\"\" text");
  try {
    table.Column("nope");
    FAIL();
  } catch (const MigrationError& e) {
    EXPECT_STREQ(e.what(), "table t has no column nope");
  }
}

TEST(SqliteTableDefinition, TextThatIsNoTableIsAnErrorNamingTheTable) {
  for (const char* bad : {"", "CREATE VIEW v AS SELECT 1", "CREATE TABLE t (a int", "CREATE TABLE t (a int, 'x",
                          "CREATE TABLE t (a int PRIMARY)", "CREATE TABLE t (a int,)", "CREATE TABLE t (a DEFAULT)"}) {
    try {
      TableDefinition::Parse(bad, "t");
      ADD_FAILURE() << bad;
    } catch (const MigrationError& e) {
      EXPECT_NE(std::string(e.what()).find(" t"), std::string::npos) << e.what();
    }
  }
}

TEST(SqliteTableDefinition, IdentifiersAreFoundOutsideStringsOnly) {
  EXPECT_TRUE(MentionsIdentifier("CREATE INDEX i ON t (\"Col\")", "col"));
  EXPECT_TRUE(MentionsIdentifier("CREATE INDEX i ON t ([col] DESC)", "COL"));
  EXPECT_FALSE(MentionsIdentifier("CREATE VIEW v AS SELECT 'col' FROM t", "col"));
  EXPECT_FALSE(MentionsIdentifier("CREATE INDEX i ON t (collar)", "col"));
}

TEST(SqliteQuote, DoublesQuotes) { EXPECT_EQ(Quote("a\"b"), "\"a\"\"b\""); }

}  // namespace
}  // namespace ledgerhost::migration::sqlite
