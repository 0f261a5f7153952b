// SharedConnection: leases are the only way to the node's connection, and a lease is a turn that
// other threads wait for.
#include "db/shared_connection.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "support/test_database.h"

namespace ledgerhost::db {
namespace {

class SharedConnectionTest : public ::testing::TestWithParam<DatabaseKind> {
 protected:
  ledgerhost::testing::TestDatabase database_{GetParam()};
  SharedConnection shared_{database_.Connect()};
};

TEST_P(SharedConnectionTest, AnotherThreadWaitsUntilTheLeaseEnds) {
  std::atomic<bool> released{false};
  std::atomic<bool> got_turn_before_release{false};
  std::thread other;
  {
    const auto lease = shared_.Take();
    lease->Execute("CREATE TABLE t (id INT)");
    other = std::thread([&] {
      const auto turn = shared_.Take();
      if (!released) got_turn_before_release = true;
      turn->Execute("INSERT INTO t VALUES (2)");
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    lease->Execute("INSERT INTO t VALUES (1)");
    released = true;
  }
  other.join();
  EXPECT_FALSE(got_turn_before_release);
  EXPECT_EQ(shared_.Take()->QueryScalar("SELECT COUNT(*) FROM t"), "2");
}

TEST_P(SharedConnectionTest, ASessionLeaseIsATurnAndRunsStatementsAsTheSessionDoes) {
  shared_.Take()->Execute("CREATE TABLE t (id INT)");
  shared_.TakeSession() << "INSERT INTO t VALUES (:id)", soci::use(7);  // a temporary lease: ends after its statement
  std::atomic<bool> inserted{false};
  std::thread other;
  {
    SessionLease session = shared_.TakeSession();
    int count = 0;
    session << "SELECT COUNT(*) FROM t", soci::into(count);
    EXPECT_EQ(count, 1);
    other = std::thread([&] {
      shared_.Take()->Execute("INSERT INTO t VALUES (8)");
      inserted = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_FALSE(inserted) << "another thread used the connection during the session lease";
    SessionLease again = shared_.TakeSession();  // the same thread may take it again
    *again << "INSERT INTO t VALUES (9)";
  }
  other.join();
  EXPECT_EQ(shared_.Take()->QueryScalar("SELECT COUNT(*) FROM t"), "3");
}

INSTANTIATE_TEST_SUITE_P(Databases, SharedConnectionTest, ::testing::Values(DatabaseKind::kSqlite, DatabaseKind::kPostgresql,
                                           DatabaseKind::kMariadb),
                         [](const auto& info) { return ledgerhost::testing::DatabaseName(info.param); });

}  // namespace
}  // namespace ledgerhost::db
