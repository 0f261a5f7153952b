// The SDK test kit: an in-memory node for a plugin author's GoogleTest (or any test). Register the
// plugin's schemas explicitly (no plugins directory, no .so), point at the plugin's migrations
// directory (the one given to ledgerhost_add_plugin(MIGRATIONS ...)), and the kit runs the host's
// and the schemas' changelogs on a fresh in-memory SQLite database (or the database you name), then
// gives you the vault, a ServiceHub for starting your services, and queries on the mapped tables.
//
//   ledgerhost::testkit::TestNode node({.schemas = {iou::IouSchemaV1()},
//                                       .migrations_directory = IOU_MIGRATIONS_DIR});
//   node.vault().Record(transaction);
//   auto rows = node.Query("SELECT lender, value FROM " + node.TableName(family, 1, "iou_states"));
//
// Link the target ledgerhost::testkit.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ledgerhost/schema.h"
#include "ledgerhost/service.h"
#include "ledgerhost/state.h"

namespace ledgerhost::testkit {

struct TestNodeOptions {
  std::vector<MappedSchema> schemas;
  // The plugin's migrations directory: its files are seen as "migration/<path>", exactly as
  // ledgerhost_add_plugin embeds them. Empty: every schema's tables are derived from its entities.
  std::filesystem::path migrations_directory;
  std::string legal_name = "O=Test Node, L=London, C=GB";
  std::map<std::string, std::string> config;          // what ServiceHub::Config returns
  std::map<std::string, std::string> table_prefixes;  // family -> prefix, as schemas.<family>.tablePrefix
  std::string database_url = "sqlite::memory:";  // a temporary SQLite file; or e.g. a PostgreSQL test database
};

using Row = std::map<std::string, std::optional<std::string>>;  // column -> value (NULL = nullopt)

class TestNode {
 public:
  // Runs the migrations; throws ledgerhost errors (std::runtime_error) with the usual messages.
  explicit TestNode(TestNodeOptions options);
  ~TestNode();
  TestNode(const TestNode&) = delete;
  TestNode& operator=(const TestNode&) = delete;

  Vault& vault();
  IdentityService& identities();
  // A hub as a service of this node would get it (Session() is the test node's session).
  ServiceHub& hub();
  // Starts `service` in the host's transaction, as the node does, and keeps it until Stop().
  void Start(Service& service);

  std::string TableName(const std::string& family, int version, const std::string& table) const;
  // Runs a query and returns its rows with column names (values as text).
  std::vector<Row> Query(const std::string& sql);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ledgerhost::testkit
