#include "vault/text_limits.h"

#include <gtest/gtest.h>

namespace ledgerhost::vault {
namespace {

TEST(TextLimitsTest, CountsCharactersNotBytes) {
  EXPECT_EQ(TextProblem("abc", 3), "");
  EXPECT_EQ(TextProblem("abcd", 3), "has 4 characters, more than the 3 allowed");
  EXPECT_EQ(TextProblem("é€𝄞", 3), "") << "2, 3 and 4 bytes, one character each";
  EXPECT_EQ(TextProblem("é€𝄞!", 3), "has 4 characters, more than the 3 allowed");
  EXPECT_EQ(TextProblem(std::string(10000, 'x'), 0), "") << "no limit";
}

TEST(TextLimitsTest, RefusesNul) { EXPECT_EQ(TextProblem(std::string("a\0b", 3), 0), "contains a NUL character"); }

}  // namespace
}  // namespace ledgerhost::vault
