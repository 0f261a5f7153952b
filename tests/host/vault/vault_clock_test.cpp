#include "vault/vault_clock.h"

#include <gtest/gtest.h>

namespace ledgerhost::vault {
namespace {

using namespace std::chrono;

TEST(VaultClockTest, WritesUtcWithMicroseconds) {
  EXPECT_EQ(UtcTimestamp(sys_days(year(2024) / 2 / 29) + hours(23) + minutes(59) + seconds(58) + microseconds(7)),
            "2024-02-29 23:59:58.000007");
  EXPECT_EQ(UtcTimestamp(sys_days(year(2024) / 1 / 1) + nanoseconds(999)), "2024-01-01 00:00:00.000000")
      << "truncated, as PostgreSQL would not round across a second boundary here";
}

TEST(VaultClockTest, TimesBefore1970KeepTheirSecond) {
  EXPECT_EQ(UtcTimestamp(sys_days(year(1969) / 12 / 31) + hours(23) + minutes(59) + seconds(59) + milliseconds(250)),
            "1969-12-31 23:59:59.250000");
}

TEST(VaultClockTest, TheSystemClockIsNow) {
  const auto before = system_clock::now();
  const auto now = SystemClock()();
  EXPECT_LE(before, now);
  EXPECT_LE(now, system_clock::now());
}

}  // namespace
}  // namespace ledgerhost::vault
