#include "db/database_url.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "db/connection.h"
#include "support/test_database.h"

namespace ledgerhost::db {
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

TEST(DatabaseUrlTest, ParsesMariadbAndMysqlForms) {
  auto url = ParseDatabaseUrl("mariadb://alice:p%40ss@db.example/ledger");
  EXPECT_EQ(url.kind, DatabaseKind::kMariadb);
  EXPECT_EQ(url.port, 3306);
  EXPECT_EQ(url.password, "p@ss");
  EXPECT_EQ(url.database, "ledger");
  auto jdbc = ParseDatabaseUrl("jdbc:mysql://127.0.0.1:3307/ledger?user=bob&password=secret");
  EXPECT_EQ(jdbc.kind, DatabaseKind::kMysql);
  EXPECT_EQ(jdbc.port, 3307);
  EXPECT_EQ(jdbc.user, "bob");
  EXPECT_THROW(ParseDatabaseUrl("mariadb://h:3306"), ConfigError);
}

TEST(DatabaseUrlTest, OfflineUrlsNameADatabase) {
  auto url = ParseDatabaseUrl("offline:mssql");
  EXPECT_TRUE(url.offline);
  EXPECT_EQ(url.kind, DatabaseKind::kMssql);
  EXPECT_THROW(ParseDatabaseUrl("offline:db2"), ConfigError);
}

TEST(DatabaseUrlTest, ErrorsNeverShowThePassword) {
  try {
    ParseDatabaseUrl("oracle://root:topsecret@h/d");
    FAIL() << "expected an error";
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()).find("topsecret"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("unsupported scheme"), std::string::npos) << e.what();
  }
  EXPECT_EQ(ParseDatabaseUrl("postgresql://u:topsecret@h/d").Redacted(), "postgresql://u:***@h/d");
}

// A password with '@', ':' and '/' is read and hidden by the same rule (the last '@' before the query).
TEST(DatabaseUrlTest, APasswordWithAtSignsIsReadAndHiddenWhole) {
  const auto url = ParseDatabaseUrl("postgresql://user:p@ss:w/rd@127.0.0.1:5432/db");
  EXPECT_EQ(url.password, "p@ss:w/rd");
  EXPECT_EQ(url.host, "127.0.0.1");
  EXPECT_EQ(url.Redacted(), "postgresql://user:***@127.0.0.1:5432/db");
}

// The four usual reasons a connection fails, said first, the password never shown.
TEST(ConnectionErrors, SayWhichOfTheUsualFailuresItIs) {
  const auto admin = ParseDatabaseUrl(testing::PostgresAdminUrl());
  auto message = [](const std::string& url) {
    try {
      Connection::Open(ParseDatabaseUrl(url));
    } catch (const DatabaseError& e) {
      return std::string(e.what());
    }
    return std::string("connected");
  };
  const std::string base = "postgresql://" + admin.user + ":" + admin.password + "@127.0.0.1:" + std::to_string(admin.port);
  const std::string no_db = message(base + "/no_such_database_here");
  EXPECT_NE(no_db.find("no such database"), std::string::npos) << no_db;
  const std::string wrong = message("postgresql://" + admin.user + ":wrong-p@ss@127.0.0.1:" + std::to_string(admin.port) + "/" +
                                    admin.database);
  EXPECT_NE(wrong.find("authentication failed"), std::string::npos) << wrong;
  EXPECT_EQ(wrong.find("wrong-p@ss"), std::string::npos) << wrong;
  EXPECT_EQ(wrong.find("p@ss"), std::string::npos) << wrong;
  const std::string refused = message("postgresql://" + admin.user + ":x@127.0.0.1:1/" + admin.database);
  EXPECT_NE(refused.find("connection refused"), std::string::npos) << refused;
  EXPECT_NE(wrong.find("LEDGERHOST_DATABASE_PASSWORD"), std::string::npos) << wrong;

  // MariaDB says it its own way ("Access denied ... (using password: YES|NO)").
  const auto maria = ParseDatabaseUrl(testing::MariadbAdminUrl());
  const std::string maria_server = "127.0.0.1:" + std::to_string(maria.port) + "/" + maria.database;
  const std::string maria_wrong = message("mariadb://" + maria.user + ":wrong-p@ss@" + maria_server);
  EXPECT_NE(maria_wrong.find("authentication failed"), std::string::npos) << maria_wrong;
  EXPECT_NE(maria_wrong.find("LEDGERHOST_DATABASE_PASSWORD"), std::string::npos) << maria_wrong;
  EXPECT_EQ(maria_wrong.find("p@ss"), std::string::npos) << maria_wrong;
  const std::string maria_none = message("mariadb://no_such_user_here@" + maria_server);
  EXPECT_NE(maria_none.find("no password (set database.password or LEDGERHOST_DATABASE_PASSWORD)"), std::string::npos)
      << maria_none;
}

}  // namespace
}  // namespace ledgerhost::db
