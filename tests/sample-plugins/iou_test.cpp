// The IOU sample tested the way a plugin author would: in the SDK test kit's in-memory node, with the
// plugin's own migrations, on SQLite and on a real PostgreSQL database.
#include <gtest/gtest.h>
#include <ledgerhost/testkit.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "iou_state.h"
#include "support/test_database.h"

namespace {

using ledgerhost::db::DatabaseKind;

class IouSampleTest : public ::testing::TestWithParam<DatabaseKind> {
 protected:
  IouSampleTest() : database_(GetParam()) {}

  ledgerhost::testkit::TestNodeOptions Options() {
    ledgerhost::testkit::TestNodeOptions options;
    options.schemas = {iou::IouSchemaV1()};
    options.migrations_directory = IOU_MIGRATIONS_DIR;
    options.database_url = database_.url();
    return options;
  }

  ledgerhost::testing::TestDatabase database_;
};

ledgerhost::RecordedTransaction Issue(const std::string& id, int64_t value, ledgerhost::Party borrower) {
  ledgerhost::RecordedTransaction transaction;
  transaction.id = id;
  transaction.outputs.push_back(std::make_shared<iou::IouState>(
      ledgerhost::Party{"O=Lender, L=London, C=GB", {1, 2, 3}, true}, std::move(borrower), value, "GBP", "linear-" + id));
  return transaction;
}

TEST_P(IouSampleTest, RecordedIousBecomeRowsOfTheMappedTable) {
  ledgerhost::testkit::TestNode node(Options());
  node.vault().Record(Issue("aa01", 150, {"O=Borrower, L=Paris, C=FR", {9, 9, 9}, true}));
  node.vault().Record(Issue("aa02", 250, {"anonymous", {7, 7}, false}));

  const auto rows = node.Query("SELECT transaction_id, lender, borrower, value, currency FROM " +
                               node.TableName(iou::kIouSchemaFamily, 1, "iou_states") + " ORDER BY transaction_id");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].at("lender"), "O=Lender, L=London, C=GB");
  EXPECT_EQ(rows[0].at("borrower"), "O=Borrower, L=Paris, C=FR");
  EXPECT_EQ(rows[0].at("value"), "150");
  EXPECT_EQ(rows[0].at("currency"), "GBP");
  EXPECT_EQ(rows[1].at("borrower"), std::nullopt) << "anonymous parties are stored as NULL";
  EXPECT_EQ(node.vault().CountUnconsumed(iou::kIouStateType), 2);
}

TEST_P(IouSampleTest, ConsumingAnIouLeavesItOutOfTheUnconsumedJoin) {
  ledgerhost::testkit::TestNode node(Options());
  node.vault().Record(Issue("bb01", 100, {"O=Borrower, L=Paris, C=FR", {}, true}));
  node.vault().Record(Issue("bb02", 300, {"O=Borrower, L=Paris, C=FR", {}, true}));
  ledgerhost::RecordedTransaction settle;
  settle.id = "bb03";
  settle.inputs.push_back({"bb01", 0});
  node.vault().Record(settle);

  const auto rows = node.Query(
      "SELECT COUNT(*) AS n, SUM(i.value) AS total FROM " + node.TableName(iou::kIouSchemaFamily, 1, "iou_states") +
      " i JOIN " + node.TableName(ledgerhost::kNodeSchemaFamily, ledgerhost::kNodeSchemaVersion, "vault_states") +
      " v ON v.transaction_id = i.transaction_id AND v.output_index = i.output_index WHERE v.state_status = 0");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].at("n"), "1");
  EXPECT_EQ(rows[0].at("total"), "300");
  EXPECT_EQ(node.vault().Unconsumed(iou::kIouStateType).size(), 1u);
}

TEST_P(IouSampleTest, ATablePrefixAppliesToMigrationsAndRows) {
  auto options = Options();
  options.table_prefixes[iou::kIouSchemaFamily] = "t_";
  ledgerhost::testkit::TestNode node(options);
  node.vault().Record(Issue("cc01", 42, {"O=Borrower, L=Paris, C=FR", {}, true}));
  EXPECT_NE(node.TableName(iou::kIouSchemaFamily, 1, "iou_states").find("t_iou_states"), std::string::npos);
  EXPECT_EQ(node.Query("SELECT value FROM t_iou_states").at(0).at("value"), "42");
}

// A plugin author's ordinary, PostgreSQL-minded changelog (Corda's style: the table first, then its
// key, NOT NULL and a foreign key as separate changes) runs in the test kit on every database, the
// default SQLite included, and the mapped rows land as on PostgreSQL.
TEST_P(IouSampleTest, APostgresqlMindedChangeLogRunsUnchanged) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("iou_pg_minded_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "i-o-u-schema-v1.changelog-master.xml") << R"xml(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet author="author" id="create">
    <createTable tableName="iou_lenders"><column name="name" type="VARCHAR(255)"/></createTable>
    <createTable tableName="iou_states">
      <column name="output_index" type="INT"/>
      <column name="transaction_id" type="VARCHAR(144)"/>
      <column name="lender" type="VARCHAR(255)"/>
      <column name="borrower" type="VARCHAR(255)"/>
      <column name="value" type="INT"/>
      <column name="linear_id" type="VARCHAR(36)"/>
      <column name="currency" type="VARCHAR(3)"/>
    </createTable>
  </changeSet>
  <changeSet author="author" id="keys">
    <addNotNullConstraint tableName="iou_states" columnName="output_index" columnDataType="INT"/>
    <addNotNullConstraint tableName="iou_states" columnName="transaction_id" columnDataType="VARCHAR(144)"/>
    <addPrimaryKey tableName="iou_states" columnNames="output_index, transaction_id" constraintName="iou_states_pkey"/>
    <addNotNullConstraint tableName="iou_lenders" columnName="name" columnDataType="VARCHAR(255)"/>
    <addPrimaryKey tableName="iou_lenders" columnNames="name" constraintName="iou_lenders_pkey"/>
    <insert tableName="iou_lenders"><column name="name" value="O=Lender, L=London, C=GB"/></insert>
    <addForeignKeyConstraint baseTableName="iou_states" baseColumnNames="lender" constraintName="iou_lender_fk"
        referencedTableName="iou_lenders" referencedColumnNames="name"/>
    <modifyDataType tableName="iou_states" columnName="linear_id" newDataType="VARCHAR(64)"/>
  </changeSet>
</databaseChangeLog>)xml";
  auto options = Options();
  options.migrations_directory = dir.string();
  {
    ledgerhost::testkit::TestNode node(options);
    node.vault().Record(Issue("dd01", 7, {"O=Borrower, L=Paris, C=FR", {}, true}));
    const auto rows = node.Query("SELECT lender, value FROM " + node.TableName(iou::kIouSchemaFamily, 1, "iou_states"));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].at("lender"), "O=Lender, L=London, C=GB");
    EXPECT_EQ(rows[0].at("value"), "7");
    // The key the changelog added holds.
    EXPECT_ANY_THROW(node.Query("INSERT INTO " + node.TableName(iou::kIouSchemaFamily, 1, "iou_states") +
                                " (output_index, transaction_id) VALUES (0, 'dd01')"));
  }
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Databases, IouSampleTest, ::testing::Values(DatabaseKind::kSqlite, DatabaseKind::kPostgresql, DatabaseKind::kMariadb),
                         [](const auto& info) { return ledgerhost::testing::DatabaseName(info.param); });

}  // namespace
