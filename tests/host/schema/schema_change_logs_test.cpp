#include "schema/schema_change_logs.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "schema/derived_change_log.h"
#include "schema/node_schema.h"

namespace ledgerhost::schema {
namespace {

using db::DatabaseKind;

const char* kChangeLog = R"xml(<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="1" author="{AUTHOR}">
    <createTable tableName="things">
      <column name="id" type="INT"><constraints primaryKey="true" primaryKeyName="things_pkey"/></column>
      <column name="owner" type="VARCHAR(10)"><constraints references="owners(id)" foreignKeyName="things_owner_fk"/></column>
    </createTable>
    <createIndex tableName="things" indexName="things_owner_idx"><column name="owner"/></createIndex>
  </changeSet>
  <changeSet id="2" author="{AUTHOR}">
    <sql>CREATE TABLE ${tablePrefix}raw (id INT)</sql>
  </changeSet>
</databaseChangeLog>)xml";

SelectedSchema Schema(const std::string& author, const std::string& prefix = "", const std::string& database_schema = "") {
  std::string text = kChangeLog;
  for (auto pos = text.find("{AUTHOR}"); pos != std::string::npos; pos = text.find("{AUTHOR}")) text.replace(pos, 8, author);
  SelectedSchema schema;
  schema.family = "com.example.Things";
  schema.version = 1;
  schema.name = "ThingsSchemaV1";
  schema.entities = {{"things", {{"id", "INT", false, true}, {"owner", "VARCHAR", true, false, 10}}, ""}};
  schema.table_prefix = prefix;
  schema.database_schema = database_schema;
  schema.resources = std::make_shared<migration::MemoryResourceLoader>(
      "test", std::map<std::string, std::string>{{"migration/things.changelog-master.xml", text}});
  schema.migration_resource = "migration/things.changelog-master.xml";
  return schema;
}

TEST(SchemaChangeLogsTest, TheHostComesFirstThenEachSchema) {
  SchemaCatalog catalog({NodeSchema(), Schema("alice")});
  const auto logs = BuildSchemaChangeLogs(catalog, {DatabaseKind::kSqlite, false});
  ASSERT_EQ(logs.size(), 2u);
  EXPECT_EQ(logs[0].change_log.change_sets.front().author, kReservedAuthor);
  EXPECT_EQ(logs[0].change_log.change_sets.front().file_path, "migration/ledgerhost-node.changelog-v1.xml");
  EXPECT_EQ(logs[1].change_log.change_sets.size(), 2u);
  EXPECT_EQ(MigratorSources(logs).size(), 2u);
}

TEST(SchemaChangeLogsTest, APluginChangesetByTheReservedAuthorIsRefusedWithItsLocation) {
  SchemaCatalog catalog({NodeSchema(), Schema("LedgerHost")});
  try {
    BuildSchemaChangeLogs(catalog, {DatabaseKind::kSqlite, false});
    FAIL() << "expected ChangeLogError";
  } catch (const ChangeLogError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("migration/things.changelog-master.xml:2"), std::string::npos) << message;
    EXPECT_NE(message.find("1::LedgerHost"), std::string::npos) << message;
    EXPECT_NE(message.find("reserved"), std::string::npos) << message;
  }
}

TEST(SchemaChangeLogsTest, ATablePrefixRenamesTablesIndexesConstraintsAndFeedsRawSql) {
  SchemaCatalog catalog({NodeSchema(), Schema("alice", "p_")});
  const auto logs = BuildSchemaChangeLogs(catalog, {DatabaseKind::kSqlite, false});
  const auto& change_sets = logs[1].change_log.change_sets;
  const auto& create = change_sets[0].changes[0];
  EXPECT_EQ(create.Get("tableName"), "p_things");
  EXPECT_EQ(create.columns[0].constraints->at("primaryKeyName"), "p_things_pkey");
  EXPECT_EQ(create.columns[1].constraints->at("references"), "p_owners(id)");
  EXPECT_EQ(create.columns[1].constraints->at("foreignKeyName"), "p_things_owner_fk");
  EXPECT_EQ(change_sets[0].changes[1].Get("tableName"), "p_things");
  EXPECT_EQ(change_sets[0].changes[1].Get("indexName"), "p_things_owner_idx");
  EXPECT_EQ(change_sets[1].changes[0].Get("sql"), "CREATE TABLE p_raw (id INT)");
  // The host's own changelog is untouched.
  EXPECT_EQ(logs[0].change_log.change_sets[0].changes[0].Get("tableName"), "vault_states");
}

TEST(SchemaChangeLogsTest, ADatabaseSchemaIsSetWhereTheChangeLeftItEmpty) {
  SchemaCatalog catalog({NodeSchema(), Schema("alice", "", "ledger")});
  const auto logs = BuildSchemaChangeLogs(catalog, {DatabaseKind::kPostgresql, false});
  EXPECT_EQ(logs[1].change_log.change_sets[0].changes[0].Get("schemaName"), "ledger");
  EXPECT_EQ(logs[1].change_log.change_sets[0].changes[1].Get("schemaName"), "ledger");
  EXPECT_EQ(logs[0].change_log.change_sets[0].changes[0].Find("schemaName"), nullptr);
}

TEST(SchemaChangeLogsTest, WithoutAMigrationTablesAreDerivedOnSqliteOnly) {
  SelectedSchema bare = Schema("alice");
  bare.migration_resource.reset();
  SchemaCatalog catalog({NodeSchema(), bare});

  const auto logs = BuildSchemaChangeLogs(catalog, {DatabaseKind::kSqlite, false});
  ASSERT_EQ(logs.size(), 2u);
  EXPECT_TRUE(logs[1].derived);
  const auto& change_set = logs[1].change_log.change_sets.at(0);
  EXPECT_EQ(change_set.file_path, "derived/ThingsSchemaV1");
  EXPECT_EQ(change_set.author, kDerivedAuthor);
  EXPECT_NE(change_set.comments.find("not for production"), std::string::npos);
  EXPECT_EQ(change_set.changes[0].columns[1].attributes.at("type"), "VARCHAR(10)");

  try {
    BuildSchemaChangeLogs(catalog, {DatabaseKind::kPostgresql, false});
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("ThingsSchemaV1 v1 (com.example.Things)"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("allowDerivedTables"), std::string::npos) << e.what();
  }
  EXPECT_EQ(BuildSchemaChangeLogs(catalog, {DatabaseKind::kPostgresql, true}).size(), 2u);
}

}  // namespace
}  // namespace ledgerhost::schema
