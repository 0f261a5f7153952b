// The SDK side of the boundary, without a shared library: what LEDGERHOST_PLUGIN's builder puts in
// the C descriptor from idiomatic C++ declarations, and that the state interfaces are implementable.
#include <gtest/gtest.h>
#include <ledgerhost/plugin.h>
#include <ledgerhost/state.h>

#include <cstring>

// ledgerhost_add_plugin() generates these for a real plugin; here one resource by hand.
static const unsigned char kChangelog[] = {'<', 'x', '/', '>'};
extern "C" const lh_resource ledgerhost_embedded_resources[] = {{"migration/x.changelog-master.xml", kChangelog, 4u}};
extern "C" const uint32_t ledgerhost_embedded_resource_count = 1u;

namespace {

class Audit : public ledgerhost::Service {
 public:
  void Start(ledgerhost::ServiceHub& hub) override { hub.Log(ledgerhost::LogLevel::kInfo, "audit"); }
};

class Relabel : public ledgerhost::CustomChange {
 public:
  std::vector<std::string> GenerateSql(const ledgerhost::CustomChangeContext& context) const override {
    return {"UPDATE part_states SET label = '" + context.Param("label") + "'"};
  }
};

void Define(ledgerhost::PluginDefinition& plugin) {
  plugin.AddSchema(ledgerhost::MappedSchema("com.example.PartsSchema", 2, "PartsSchemaV2")
                       .WithMigrationResource("parts.changelog-master")
                       .AddEntity({"part_states", {{"output_index", "INT", false, true}, {"label", "VARCHAR", true, false, 64}}, ""})
                       .AddEntity({"part_items", {{"item", "VARCHAR", false, false, 10}}, "part_states"}));
  plugin.AddService<Audit>("audit", {"iou-service", "cash-service"});
  plugin.AddCustomChange<Relabel>("com.example.parts.Relabel");
}

TEST(DescriptorTest, BuilderFillsThePlainDataDescriptor) {
  static const ledgerhost::detail::DescriptorStorage storage("parts", "3.0.1", &Define);
  const lh_plugin_descriptor* d = storage.descriptor();
  EXPECT_EQ(d->abi_version, LEDGERHOST_PLUGIN_ABI_VERSION);
  EXPECT_EQ(d->struct_size, sizeof(lh_plugin_descriptor));
  EXPECT_STREQ(d->name, "parts");
  EXPECT_STREQ(d->version, "3.0.1");
  EXPECT_EQ(d->build_fingerprint, ledgerhost::BuildFingerprint());
  EXPECT_NE(std::strstr(d->build_fingerprint, "sdk=" LEDGERHOST_STRINGIFY(LEDGERHOST_VERSION_MAJOR)), nullptr);
  ASSERT_EQ(d->schema_count, 1u);
  const lh_schema& schema = d->schemas[0];
  EXPECT_STREQ(schema.family, "com.example.PartsSchema");
  EXPECT_EQ(schema.version, 2u);
  EXPECT_STREQ(schema.name, "PartsSchemaV2");
  EXPECT_STREQ(schema.migration_resource, "parts.changelog-master");
  ASSERT_EQ(schema.entity_count, 2u);
  EXPECT_STREQ(schema.entities[0].table_name, "part_states");
  EXPECT_EQ(schema.entities[0].parent_table, nullptr);
  ASSERT_EQ(schema.entities[0].column_count, 2u);
  EXPECT_EQ(schema.entities[0].columns[0].primary_key, 1);
  EXPECT_EQ(schema.entities[0].columns[0].nullable, 0);
  EXPECT_EQ(schema.entities[0].columns[1].length, 64);
  EXPECT_STREQ(schema.entities[1].parent_table, "part_states");
  EXPECT_STREQ(schema.entities[1].columns[0].name, "item");
  ASSERT_EQ(d->resource_count, 1u);
  EXPECT_STREQ(d->resources[0].path, "migration/x.changelog-master.xml");
  ASSERT_EQ(d->service_count, 1u);
  const lh_service_factory& service = d->services[0];
  EXPECT_STREQ(service.name, "audit");
  ASSERT_EQ(service.depends_on_count, 2u);
  EXPECT_STREQ(service.depends_on[1], "cash-service");
  void* created = service.create();
  ASSERT_NE(dynamic_cast<Audit*>(static_cast<ledgerhost::Service*>(created)), nullptr);
  service.destroy(created);
  ASSERT_EQ(d->custom_change_count, 1u);
  const lh_custom_change_factory& custom = d->custom_changes[0];
  EXPECT_STREQ(custom.class_name, "com.example.parts.Relabel");
  void* change = custom.create();
  ledgerhost::CustomChangeContext context;
  EXPECT_THROW(static_cast<ledgerhost::CustomChange*>(change)->GenerateSql(context), std::invalid_argument);
  context.params["label"] = "nut";
  EXPECT_EQ(static_cast<ledgerhost::CustomChange*>(change)->GenerateSql(context),
            std::vector<std::string>{"UPDATE part_states SET label = 'nut'"});
  custom.destroy(change);
}

class PartState : public ledgerhost::QueryableState {
 public:
  std::string TypeName() const override { return "com.example.PartState"; }
  std::vector<ledgerhost::Party> Participants() const override { return {{"O=Maker, L=Leeds, C=GB", {}, true}}; }
  std::vector<ledgerhost::MappedSchema> SupportedSchemas() const override {
    return {ledgerhost::MappedSchema("com.example.PartsSchema", 2, "PartsSchemaV2")};
  }
  std::vector<ledgerhost::PersistentState> GenerateMappedObject(const ledgerhost::MappedSchema& schema) const override {
    if (schema.version() != 2) return {};
    return {{"part_states", {}, {{"label", std::string("bolt")}, {"maker", Participants()[0]}}}};
  }
};

TEST(DescriptorTest, QueryableStateMapsToRowsOfItsSchema) {
  const PartState state;
  const auto schemas = state.SupportedSchemas();
  ASSERT_EQ(schemas.size(), 1u);
  const auto rows = state.GenerateMappedObject(schemas[0]);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(rows[0].columns.at("label")), "bolt");
  EXPECT_EQ(std::get<ledgerhost::Party>(rows[0].columns.at("maker")).x500_name, "O=Maker, L=Leeds, C=GB");
  EXPECT_TRUE(state.GenerateMappedObject(ledgerhost::MappedSchema("com.example.PartsSchema", 1, "PartsSchemaV1")).empty());
}

}  // namespace
