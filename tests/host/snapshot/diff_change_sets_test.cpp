// The changesets made from a diff: which change types, in Liquibase's order, one change each.
#include "snapshot/diff_change_sets.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "snapshot_builders.h"

namespace ledgerhost::snapshot {
namespace {

using ::testing::ElementsAre;

Table Party() {
  Table party = Tab("party",
                    {Col("id", "INTEGER", false, std::nullopt, true),
                     Col("name", "VARCHAR(120)", false, DefaultValue{DefaultValue::Kind::kString, "x"})},
                    Key("pk_party", {"id"}));
  party.unique_constraints.push_back(Key("uq_name", {"name"}));
  party.remarks = "known parties";
  return party;
}

std::vector<std::string> Types(const std::vector<migration::ChangeSet>& change_sets) {
  std::vector<std::string> out;
  for (const auto& change_set : change_sets) {
    EXPECT_EQ(change_set.changes.size(), 1u);
    out.push_back(change_set.changes.front().type);
  }
  return out;
}

TEST(DiffChangeSetsTest, MissingObjectsInLiquibasesOrderWithIdsAndAuthor) {
  SchemaDiff diff;
  View view;
  view.name = "v";
  view.definition = "SELECT 1";
  diff.views.missing.push_back(view);
  diff.foreign_keys.missing.push_back(Fk("fk", "account", {"party_id"}, "party", {"id"}, "CASCADE"));
  diff.indexes.missing.push_back(Idx("idx", "party", {"name", "id DESC"}));
  diff.tables.missing.push_back(Party());
  Sequence sequence;
  sequence.name = "seq";
  sequence.data_type = "bigint";
  sequence.start_value = sequence.increment_by = sequence.min_value = sequence.cache_size = "1";
  sequence.max_value = "9";
  diff.sequences.missing.push_back(sequence);
  const auto change_sets = DiffChangeSets(diff, db::DatabaseKind::kPostgresql, {"me (generated)", 123});
  EXPECT_THAT(Types(change_sets), ElementsAre("createSequence", "createTable", "addUniqueConstraint", "createIndex",
                                              "addForeignKeyConstraint", "createView"));
  EXPECT_EQ(change_sets[0].id, "123-1");
  EXPECT_EQ(change_sets[5].id, "123-6");
  EXPECT_EQ(change_sets[0].author, "me (generated)");
  const auto& table = change_sets[1].changes[0];
  EXPECT_EQ(table.Get("remarks"), "known parties");
  ASSERT_EQ(table.columns.size(), 2u);
  EXPECT_EQ(table.columns[0].attributes.at("autoIncrement"), "true");
  EXPECT_EQ(table.columns[0].constraints->at("primaryKeyName"), "pk_party");
  EXPECT_EQ(table.columns[1].attributes.at("defaultValue"), "x");
  EXPECT_EQ(change_sets[3].changes[0].columns[1].attributes.at("descending"), "true");
  EXPECT_EQ(change_sets[3].changes[0].columns[1].attributes.at("name"), "id");
  EXPECT_EQ(change_sets[4].changes[0].Get("onDelete"), "CASCADE");
  EXPECT_EQ(change_sets[4].changes[0].Get("validate"), "true");
}

TEST(DiffChangeSetsTest, AKeyOutOfColumnOrderIsItsOwnChange) {
  SchemaDiff diff;
  Table party = Party();
  party.primary_key = Key("pk_party", {"name", "id"});
  diff.tables.missing.push_back(party);
  const auto change_sets = DiffChangeSets(diff, db::DatabaseKind::kPostgresql, {"me", 1});
  EXPECT_THAT(Types(change_sets), ElementsAre("createTable", "addPrimaryKey", "addUniqueConstraint"));
  EXPECT_EQ(change_sets[1].changes[0].Get("columnNames"), "name, id");
}

TEST(DiffChangeSetsTest, SqliteDeclaresANewTablesKeysInsideItsCreateTable) {
  SchemaDiff diff;
  diff.tables.missing.push_back(Party());
  diff.foreign_keys.missing.push_back(Fk("fk_self", "party", {"id"}, "other", {"id"}));
  diff.foreign_keys.missing.push_back(Fk("fk_null", "party", {"name"}, "other", {"name"}, "SET NULL"));
  const auto change_sets = DiffChangeSets(diff, db::DatabaseKind::kSqlite, {"me", 1});
  // SET NULL has no createTable spelling: that key stays an addForeignKeyConstraint (a rebuild).
  EXPECT_THAT(Types(change_sets), ElementsAre("createTable", "addForeignKeyConstraint"));
  const auto& columns = change_sets[0].changes[0].columns;
  EXPECT_EQ(columns[0].constraints->at("foreignKeyName"), "fk_self");
  EXPECT_EQ(columns[1].constraints->at("unique"), "true");
  EXPECT_EQ(columns[1].constraints->at("uniqueConstraintName"), "uq_name");
}

TEST(DiffChangeSetsTest, DropsOfForeignKeysComeFirstAndChangesLast) {
  SchemaDiff diff;
  diff.tables.unexpected.push_back(Tab("old"));
  diff.foreign_keys.unexpected.push_back(Fk("fk_old", "old", {"a"}, "t", {"a"}));
  diff.tables.missing.push_back(Tab("fresh", {Col("a", "INTEGER")}));
  const Column narrow = Col("c", "VARCHAR(10)");
  const Column wide = Col("c", "VARCHAR(20)", false, DefaultValue{DefaultValue::Kind::kNumeric, "1"});
  diff.columns.changed.push_back({{"t", wide}, {"t", narrow},
                                  {{"type", "", ""}, {"nullable", "false", "true"}, {"defaultValue", "1", "null"}}});
  const auto change_sets = DiffChangeSets(diff, db::DatabaseKind::kPostgresql, {"me", 1});
  EXPECT_THAT(Types(change_sets), ElementsAre("dropForeignKeyConstraint", "createTable", "dropTable", "modifyDataType",
                                              "addNotNullConstraint", "addDefaultValue"));
  EXPECT_EQ(change_sets[3].changes[0].Get("newDataType"), "VARCHAR(20)");
  EXPECT_EQ(change_sets[5].changes[0].Get("defaultValueNumeric"), "1");
  EXPECT_EQ(change_sets[0].id, "1-1");
}

TEST(DiffChangeSetsTest, ADroppedTableTakesItsIndexesAndKeysWithIt) {
  SchemaDiff diff;
  diff.tables.unexpected.push_back(Tab("old"));
  diff.indexes.unexpected.push_back(Idx("idx_old", "old", {"a"}));
  diff.unique_constraints.unexpected.push_back({"old", Key("uq_old", {"a"})});
  diff.primary_keys.unexpected.push_back({"old", Key("pk_old", {"id"})});
  diff.indexes.unexpected.push_back(Idx("idx_kept", "kept", {"a"}));
  const auto change_sets = DiffChangeSets(diff, db::DatabaseKind::kPostgresql, {"me", 1});
  EXPECT_THAT(Types(change_sets), ElementsAre("dropTable", "dropIndex"));
  EXPECT_EQ(change_sets[1].changes[0].Get("indexName"), "idx_kept");
}

TEST(DiffChangeSetsTest, UnnamedSqliteKeysAreNamedWhereAChangeNeedsANameAndNotDropped) {
  SchemaDiff diff;
  diff.tables.missing.push_back(Tab("child", {Col("parent_id", "INTEGER"), Col("code", "TEXT")}));
  diff.foreign_keys.missing.push_back(Fk("", "child", {"parent_id"}, "parent", {"id"}));
  diff.foreign_keys.missing.push_back(Fk("", "child", {"code"}, "parent", {"code"}, "SET NULL"));
  diff.foreign_keys.unexpected.push_back(Fk("", "other", {"x"}, "parent", {"id"}));
  const auto change_sets = DiffChangeSets(diff, db::DatabaseKind::kSqlite, {"me", 1});
  EXPECT_THAT(Types(change_sets), ElementsAre("createTable", "addForeignKeyConstraint"));
  EXPECT_EQ(change_sets[0].changes[0].columns[0].constraints->at("foreignKeyName"), "fk_child_parent_id");
  EXPECT_EQ(change_sets[1].changes[0].Get("constraintName"), "fk_child_code");
}

TEST(DiffChangeSetsTest, ViewsComeAfterTheViewsTheyRead) {
  SchemaDiff diff;
  View reader;
  reader.name = "v_a";
  reader.definition = "SELECT * FROM V_Z";
  View base;
  base.name = "v_z";
  base.definition = "SELECT 1 AS v_a_like";  // v_a only as part of another word
  diff.views.missing = {reader, base};
  const auto change_sets = DiffChangeSets(diff, db::DatabaseKind::kPostgresql, {"me", 1});
  ASSERT_EQ(change_sets.size(), 2u);
  EXPECT_EQ(change_sets[0].changes[0].Get("viewName"), "v_z");
  EXPECT_EQ(change_sets[1].changes[0].Get("viewName"), "v_a");
}

}  // namespace
}  // namespace ledgerhost::snapshot
