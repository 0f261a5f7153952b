#include "plugins/schema_name.h"

#include <gtest/gtest.h>

namespace ledgerhost::plugins {
namespace {

// Expected values are Guava's CaseFormat.UPPER_CAMEL.to(LOWER_HYPHEN, ...) results, as Corda uses.
TEST(SchemaNameTest, HyphenatesLikeGuava) {
  EXPECT_EQ(HyphenateSchemaName("IOUSchemaV1"), "i-o-u-schema-v1");
  EXPECT_EQ(HyphenateSchemaName("CommercialPaperSchemaV1"), "commercial-paper-schema-v1");
  EXPECT_EQ(HyphenateSchemaName("IOU2SchemaV1"), "i-o-u2-schema-v1");
  EXPECT_EQ(HyphenateSchemaName("X500NameSchemaV1"), "x500-name-schema-v1");
  EXPECT_EQ(HyphenateSchemaName("Schema_V1"), "schema_-v1");
}

TEST(SchemaNameTest, ResolvesTheFirstExtensionPresent) {
  std::map<std::string, std::string> resources{{"migration/cash-schema-v1.changelog-master.sql", ""},
                                               {"migration/cash-schema-v1.changelog-master.json", ""}};
  EXPECT_EQ(ResolveMigrationResource("CashSchemaV1", "", resources), "migration/cash-schema-v1.changelog-master.sql");
  resources["migration/cash-schema-v1.changelog-master.xml"] = "";
  EXPECT_EQ(ResolveMigrationResource("CashSchemaV1", "", resources), "migration/cash-schema-v1.changelog-master.xml");
  EXPECT_EQ(ResolveMigrationResource("OtherSchemaV1", "", resources), std::nullopt);
}

TEST(SchemaNameTest, ExplicitResourceWinsOverTheHyphenatedName) {
  std::map<std::string, std::string> resources{{"migration/cash.changelog-master.xml", ""},
                                               {"migration/cash-schema-v1.changelog-master.xml", ""}};
  EXPECT_EQ(ResolveMigrationResource("CashSchemaV1", "cash.changelog-master", resources),
            "migration/cash.changelog-master.xml");
  EXPECT_EQ(ResolveMigrationResource("CashSchemaV1", "missing.changelog-master", resources), std::nullopt);
}

}  // namespace
}  // namespace ledgerhost::plugins
