#include "core/text.h"

#include <gtest/gtest.h>

namespace ledgerhost::text {
namespace {

TEST(Text, JsonStringsEscapeWhatJsonRequires) {
  EXPECT_EQ(JsonString("plain"), "\"plain\"");
  EXPECT_EQ(JsonString("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(JsonString("line\nnext\ttab\r"), "\"line\\nnext\\ttab\\r\"");
  EXPECT_EQ(JsonString(std::string("nul\0bell\x07\x7f", 10)), "\"nul\\u0000bell\\u0007\\u007f\"");
  EXPECT_EQ(JsonString("Zürich"), "\"Zürich\"");
}

}  // namespace
}  // namespace ledgerhost::text
