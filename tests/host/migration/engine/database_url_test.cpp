#include "migration/engine/database_url.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace ledgerhost::migration {
namespace {

TEST(DatabaseUrlTest, ParsesSqliteForms) {
  auto url = ParseDatabaseUrl("sqlite:/var/node/ledgerhost.db");
  EXPECT_EQ(url.kind, DatabaseKind::kSqlite);
  EXPECT_EQ(url.path, "/var/node/ledgerhost.db");
  EXPECT_EQ(ParseDatabaseUrl("jdbc:sqlite:rel/x.db").path, "rel/x.db");
}

TEST(DatabaseUrlTest, ParsesPostgresqlForms) {
  auto url = ParseDatabaseUrl("postgresql://alice:p%40ss@db.example:6543/ledger");
  EXPECT_EQ(url.kind, DatabaseKind::kPostgresql);
  EXPECT_EQ(url.user, "alice");
  EXPECT_EQ(url.password, "p@ss");
  EXPECT_EQ(url.host, "db.example");
  EXPECT_EQ(url.port, 6543);
  EXPECT_EQ(url.database, "ledger");
  auto jdbc = ParseDatabaseUrl("jdbc:postgresql://127.0.0.1/ledger?user=bob&password=secret");
  EXPECT_EQ(jdbc.user, "bob");
  EXPECT_EQ(jdbc.password, "secret");
  EXPECT_EQ(jdbc.port, 5432);
  auto overridden = ParseDatabaseUrl("postgresql://a:b@h/d", "carol", "pw");
  EXPECT_EQ(overridden.user, "carol");
  EXPECT_EQ(overridden.password, "pw");
}

TEST(DatabaseUrlTest, OfflineUrlsNameADatabase) {
  auto url = ParseDatabaseUrl("offline:mssql");
  EXPECT_TRUE(url.offline);
  EXPECT_EQ(url.kind, DatabaseKind::kMssql);
  EXPECT_THROW(ParseDatabaseUrl("offline:db2"), ConfigError);
}

TEST(DatabaseUrlTest, ErrorsNeverShowThePassword) {
  try {
    ParseDatabaseUrl("mysql://root:topsecret@h/d");
    FAIL() << "expected an error";
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()).find("topsecret"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("unsupported scheme"), std::string::npos) << e.what();
  }
  EXPECT_EQ(ParseDatabaseUrl("postgresql://u:topsecret@h/d").Redacted(), "postgresql://u:***@h/d");
}

}  // namespace
}  // namespace ledgerhost::migration
