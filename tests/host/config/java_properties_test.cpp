#include "config/java_properties.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace ledgerhost::config {
namespace {

std::vector<std::pair<std::string, std::string>> Pairs(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& p : ParseJavaProperties(text, "liquibase.properties")) out.emplace_back(p.key, p.value);
  return out;
}

using Expected = std::vector<std::pair<std::string, std::string>>;

// java.util.Properties.load's rules, as Liquibase reads its defaults file (values trimmed).
TEST(JavaProperties, SeparatorsCommentsAndBlanks) {
  EXPECT_EQ(Pairs("# comment\n! also\n\n  url=sqlite:x.db\nchangeLogFile: a.xml\nusername  bob \ncontexts =  dev , test  \n"),
            (Expected{{"url", "sqlite:x.db"}, {"changeLogFile", "a.xml"}, {"username", "bob"}, {"contexts", "dev , test"}}));
  EXPECT_EQ(Pairs("empty=\nbare\n"), (Expected{{"empty", ""}, {"bare", ""}}));
  EXPECT_EQ(Pairs("a=b=c\n"), (Expected{{"a", "b=c"}}));  // only the first separator splits
}

TEST(JavaProperties, ContinuationsEscapesAndLineNumbers) {
  const auto entries = ParseJavaProperties("first=1\r\nlong=one, \\\n    two\nkey\\ with\\=sep=v\\tw\nu=\\u00e9\\u0041\n",
                                           "f.properties");
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[1].key, "long");
  EXPECT_EQ(entries[1].value, "one, two");  // leading blanks of a continuation line go
  EXPECT_EQ(entries[1].line, 2);
  EXPECT_EQ(entries[2].key, "key with=sep");
  EXPECT_EQ(entries[2].value, "v\tw");
  EXPECT_EQ(entries[2].line, 4);
  EXPECT_EQ(entries[3].value, "\xC3\xA9" "A");  // \u escapes become UTF-8
  // Values are trimmed after escapes are decoded (String.trim); a surrogate pair is one character.
  EXPECT_EQ(Pairs("a=\\ x\\t\nb=\\uD83D\\uDE00\n"), (Expected{{"a", "x"}, {"b", "\xF0\x9F\x98\x80"}}));
  // An even number of trailing backslashes is an escaped backslash, not a continuation.
  EXPECT_EQ(Pairs("path=C:\\\\\nnext=1\n"), (Expected{{"path", "C:\\"}, {"next", "1"}}));
}

TEST(JavaProperties, MalformedUnicodeEscapeNamesTheLine) {
  try {
    ParseJavaProperties("a=1\nb=\\u12G4\n", "liquibase.properties");
    FAIL() << "expected a ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_STREQ(e.what(), "liquibase.properties:2: malformed \\uXXXX escape");
  }
  EXPECT_THROW(ParseJavaProperties("b=\\u12", "x"), ConfigError);
}

}  // namespace
}  // namespace ledgerhost::config
