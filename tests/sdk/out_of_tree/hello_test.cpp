// A plugin author's test outside the ledgerhost tree, built against the installed LedgerhostSDK
// package: the test kit runs the host's and the plugin's changelogs on an in-memory node.
#include <gtest/gtest.h>
#include <ledgerhost/testkit.h>

#include "hello_schema.h"

namespace {

ledgerhost::testkit::TestNodeOptions HelloNode() {
  ledgerhost::testkit::TestNodeOptions options;
  options.schemas = {hello::HelloSchemaV1()};
  options.migrations_directory = HELLO_MIGRATIONS_DIR;
  return options;
}

TEST(HelloOutOfTree, TheTestKitCreatesThePluginsTables) {
  ledgerhost::testkit::TestNode node(HelloNode());
  const auto rows = node.Query("SELECT COUNT(*) AS n FROM " + node.TableName("org.example.HelloSchema", 1, "hello_states"));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].at("n"), "0");
  const auto history = node.Query("SELECT ID AS id FROM DATABASECHANGELOG WHERE AUTHOR = 'hello'");
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].at("id"), "hello-1");
}

TEST(HelloOutOfTree, AWrongTableNameIsAnError) {
  ledgerhost::testkit::TestNode node(HelloNode());
  EXPECT_ANY_THROW(node.Query("SELECT COUNT(*) FROM hello_missing"));
}

}  // namespace
