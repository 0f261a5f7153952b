#include "schema/schema_selector.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "ledgerhost/service.h"

namespace ledgerhost::schema {
namespace {

using db::DatabaseKind;
using Versions = config::SchemaFamilyConfig::Versions;

class SchemaSelectorTest : public ::testing::Test {
 protected:
  std::vector<std::shared_ptr<plugins::LoadedPlugin>> plugins_{plugins::LoadPlugin(IOU_PLUGIN),
                                                               plugins::LoadPlugin(CP_PLUGIN)};
};

TEST_F(SchemaSelectorTest, ByDefaultEveryOfferedSchemaAfterTheHostsOwn) {
  const auto catalog = SelectSchemas(plugins_, {}, DatabaseKind::kSqlite);
  ASSERT_EQ(catalog.schemas().size(), 3u);
  EXPECT_EQ(catalog.schemas()[0].family, kNodeSchemaFamily);
  EXPECT_EQ(catalog.schemas()[1].name, "IOUSchemaV1");
  EXPECT_EQ(catalog.schemas()[1].migration_resource, "migration/i-o-u-schema-v1.changelog-master.xml");
  EXPECT_EQ(catalog.schemas()[2].name, "CommercialPaperSchemaV1");
}

TEST_F(SchemaSelectorTest, FamilyOptionsAreCarriedAndQuotedInSql) {
  config::SchemaFamilyConfig option;
  option.table_prefix = "p_";
  option.database_schema = "ious";
  const auto catalog = SelectSchemas(plugins_, {{"com.example.schemas.IOUSchema", option}}, DatabaseKind::kPostgresql);
  const SelectedSchema* iou = catalog.Find("com.example.schemas.IOUSchema", 1);
  ASSERT_NE(iou, nullptr);
  EXPECT_EQ(iou->PhysicalTable("iou_states"), "p_iou_states");
  EXPECT_EQ(iou->SqlTable("iou_states", DatabaseKind::kPostgresql), "ious.p_iou_states");
  EXPECT_EQ(catalog.Find("com.example.schemas.CommercialPaperSchema", 1)->table_prefix, "");
}

TEST_F(SchemaSelectorTest, AListedVersionNoPluginOffersIsAnError) {
  config::SchemaFamilyConfig option;
  option.versions = Versions::kListed;
  option.listed_versions = {2};
  try {
    SelectSchemas(plugins_, {{"com.example.schemas.IOUSchema", option}}, DatabaseKind::kSqlite);
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("version 2, but the plugins offer only 1"), std::string::npos) << e.what();
  }
}

TEST_F(SchemaSelectorTest, ListedAndLatestSelectThoseVersionsOnly) {
  config::SchemaFamilyConfig latest;
  latest.versions = Versions::kLatest;
  EXPECT_NE(SelectSchemas(plugins_, {{"com.example.schemas.IOUSchema", latest}}, DatabaseKind::kSqlite)
                .Find("com.example.schemas.IOUSchema", 1),
            nullptr);
  config::SchemaFamilyConfig listed;
  listed.versions = Versions::kListed;
  listed.listed_versions = {1};
  EXPECT_EQ(SelectSchemas(plugins_, {{"com.example.schemas.IOUSchema", listed}}, DatabaseKind::kSqlite).schemas().size(), 3u);
}

TEST_F(SchemaSelectorTest, NoneLeavesTheFamilyOut) {
  config::SchemaFamilyConfig none;
  none.versions = Versions::kNone;
  const SchemaCatalog catalog = SelectSchemas(plugins_, {{"com.example.schemas.IOUSchema", none}}, DatabaseKind::kSqlite);
  EXPECT_EQ(catalog.Find("com.example.schemas.IOUSchema", 1), nullptr);
  EXPECT_NE(catalog.Find(kNodeSchemaFamily, kNodeSchemaVersion), nullptr);
  EXPECT_EQ(catalog.schemas().size(),
            SelectSchemas(plugins_, {}, DatabaseKind::kSqlite).schemas().size() - 1);  // only that family went
}

TEST_F(SchemaSelectorTest, ADatabaseSchemaOnSqliteIsAnError) {
  config::SchemaFamilyConfig option;
  option.database_schema = "ious";
  EXPECT_THROW(SelectSchemas(plugins_, {{"com.example.schemas.IOUSchema", option}}, DatabaseKind::kSqlite), ConfigError);
}

TEST_F(SchemaSelectorTest, TheHostSchemaCannotBeConfigured) {
  EXPECT_THROW(SelectSchemas(plugins_, {{kNodeSchemaFamily, {}}}, DatabaseKind::kSqlite), ConfigError);
}

}  // namespace
}  // namespace ledgerhost::schema
