#include "migration/parse/data_type_grammar.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace ledgerhost::migration {
namespace {

using ::testing::Optional;
using ::testing::HasSubstr;

// Types as real changelogs write them (../shared/corpus and Liquibase's own test changelogs).
TEST(DataTypeGrammar, TheTypesOfRealChangelogsAreTypes) {
  for (const char* type :
       {"int", "VARCHAR(255)", "DECIMAL(19, 6)", "TIMESTAMP WITH TIME ZONE", "double precision", "NUMBER(*, 0)",
        "VARCHAR2(20 BYTE)", "varchar(50) NOT NULL", "timestamp(6) NULL", "VARCHAR(255) CHARACTER SET utf8mb4",
        "VARCHAR(255) COLLATE utf8mb4_bin", "varchar(20) collate \"C\"", "\"public\".\"my_enum\"", "[varchar](20)",
        "`varchar`(20)", "'varchar'(20)", "ENUM('a', 'b', 'c') NOT NULL", "set('it''s','b')", "int[]",
        "varchar(20)[]", "text[10][10]", "int{autoIncrement:true}", "java.sql.Types.DECIMAL(10,2)",
        "${clob.type}", "VARCHAR(${name.length})", "varchar(1))", "decimal(10,-2)", "", "   ", "NVARCHAR(MAX)",
        "timestamp (6) with time zone", "bit varying(10)", "\"Größe\""}) {
    EXPECT_EQ(DataTypeGrammarProblem(type), std::nullopt) << type;
  }
}

TEST(DataTypeGrammar, WhatWouldRunAsMoreThanATypeIsNot) {
  EXPECT_THAT(DataTypeGrammarProblem("int); DROP TABLE t"), Optional(HasSubstr("';' at column 5 ends the statement")));
  EXPECT_THAT(DataTypeGrammarProblem("int -- rest"), Optional(HasSubstr("'--' at column 5 starts a comment")));
  EXPECT_THAT(DataTypeGrammarProblem("int /* x */"), Optional(HasSubstr("'/*' at column 5")));
  EXPECT_THAT(DataTypeGrammarProblem("int # x"), Optional(HasSubstr("'#' at column 5")));
  EXPECT_THAT(DataTypeGrammarProblem("int CHECK (a > 0)"), Optional(HasSubstr("'>' at column 14 is not part of a type")));
  EXPECT_THAT(DataTypeGrammarProblem("int DEFAULT (1=1)"), Optional(HasSubstr("'='")));
  EXPECT_THAT(DataTypeGrammarProblem("enum('a;b')"), Optional(HasSubstr("';' at column 8")));
  EXPECT_THAT(DataTypeGrammarProblem("enum('a\\')"), Optional(HasSubstr("a backslash at column 8")));
  EXPECT_THAT(DataTypeGrammarProblem("enum('a)"), Optional(HasSubstr("an unclosed ' at column 6")));
  EXPECT_THAT(DataTypeGrammarProblem("\"x"), Optional(HasSubstr("an unclosed \" at column 1")));
  // Quoting read differently by a database and a naive scanner (found in review): a ' inside a
  // dollar quote, an Oracle q-quote or a [name] would hide a -- from the check.
  EXPECT_THAT(DataTypeGrammarProblem("text DEFAULT $$'$$ --\n) --'"), Optional(HasSubstr("a dollar quote at column 14")));
  EXPECT_THAT(DataTypeGrammarProblem("text DEFAULT $x$'$x$"), Optional(HasSubstr("a dollar quote")));
  EXPECT_THAT(DataTypeGrammarProblem("varchar2(9) DEFAULT q'[ ' ]' -- x'"), Optional(HasSubstr("an Oracle q-quote")));
  EXPECT_THAT(DataTypeGrammarProblem("[a'b] -- x'"), Optional(HasSubstr("'--' at column 7")));
  EXPECT_THAT(DataTypeGrammarProblem("[varchar"), Optional(HasSubstr("an unclosed [")));
}

}  // namespace
}  // namespace ledgerhost::migration
