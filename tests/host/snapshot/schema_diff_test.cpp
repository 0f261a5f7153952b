// Liquibase's comparison of two snapshots, per object type.
#include "snapshot/schema_diff.h"

#include <gtest/gtest.h>

#include "snapshot_builders.h"

namespace ledgerhost::snapshot {
namespace {

DatabaseSnapshot Snapshot(db::DatabaseKind kind = db::DatabaseKind::kPostgresql) {
  DatabaseSnapshot snapshot;
  snapshot.kind = kind;
  snapshot.tables.push_back(
      Tab("party", {Col("id", "INTEGER", false), Col("name", "VARCHAR(120)", false)}, Key("pk_party", {"id"})));
  snapshot.indexes.push_back(Idx("idx_name", "party", {"name"}));
  snapshot.views.push_back({.name = "v", .definition = "SELECT id\n  FROM party"});
  return snapshot;
}

TEST(SchemaDiffTest, EqualSnapshotsHaveNoDifferences) { EXPECT_TRUE(Compare(Snapshot(), Snapshot()).empty()); }

TEST(SchemaDiffTest, MissingUnexpectedAndChanged) {
  DatabaseSnapshot reference = Snapshot();
  DatabaseSnapshot comparison = Snapshot();
  reference.tables.push_back(Tab("only_here"));
  comparison.tables[0].columns[1].type = "VARCHAR(200)";
  comparison.tables[0].columns[1].nullable = true;
  comparison.tables[0].columns.push_back(Col("extra", "INTEGER"));
  comparison.indexes[0].unique = true;
  comparison.views[0].definition = "SELECT id FROM party";  // whitespace only: the same view
  const SchemaDiff diff = Compare(reference, comparison);
  ASSERT_EQ(diff.tables.missing.size(), 1u);
  EXPECT_EQ(diff.tables.missing[0].name, "only_here");
  ASSERT_EQ(diff.columns.unexpected.size(), 1u);
  EXPECT_EQ(diff.columns.unexpected[0].object.name, "extra");
  ASSERT_EQ(diff.columns.changed.size(), 1u);
  ASSERT_EQ(diff.columns.changed[0].differences.size(), 2u);
  EXPECT_EQ(diff.columns.changed[0].differences[0].field, "type");
  EXPECT_EQ(diff.columns.changed[0].differences[1].field, "nullable");
  EXPECT_EQ(diff.columns.changed[0].differences[1].reference, "false");
  ASSERT_EQ(diff.indexes.changed.size(), 1u);
  EXPECT_TRUE(diff.views.empty());
}

TEST(SchemaDiffTest, TypesCompareWithoutCaseOrSpaces) {
  DatabaseSnapshot comparison = Snapshot();
  comparison.tables[0].columns[1].type = "varchar( 120 )";
  EXPECT_TRUE(Compare(Snapshot(), comparison).empty());
}

TEST(SchemaDiffTest, NamesAreExactOnPostgresqlAndCaseBlindElsewhere) {
  DatabaseSnapshot upper = Snapshot();
  upper.tables[0].name = "PARTY";
  upper.indexes[0].table = "PARTY";
  EXPECT_FALSE(Compare(Snapshot(), upper).empty());
  DatabaseSnapshot sqlite_upper = upper;
  sqlite_upper.kind = db::DatabaseKind::kSqlite;
  EXPECT_TRUE(Compare(Snapshot(db::DatabaseKind::kSqlite), sqlite_upper).empty());
}

TEST(SchemaDiffTest, UnnamedForeignKeysMatchByTheirColumns) {
  DatabaseSnapshot reference = Snapshot(db::DatabaseKind::kSqlite);
  reference.foreign_keys.push_back(Fk("", "party", {"id"}, "other", {"id"}));
  DatabaseSnapshot comparison = reference;
  EXPECT_TRUE(Compare(reference, comparison).empty());
  comparison.foreign_keys[0].on_delete = "CASCADE";
  const SchemaDiff diff = Compare(reference, comparison);
  ASSERT_EQ(diff.foreign_keys.changed.size(), 1u);
  EXPECT_EQ(diff.foreign_keys.changed[0].differences[0].field, "deleteRule");
}

}  // namespace
}  // namespace ledgerhost::snapshot
