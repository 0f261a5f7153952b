#include "migration/engine/history_date.h"

#include <gtest/gtest.h>

namespace ledgerhost::migration {
namespace {

TEST(HistoryDate, LiquibasesSpellingsAndEachDatabasesTimestampsSortAsTime) {
  EXPECT_EQ(SortableTimestamp("2026-12-06"), "2026-12-06 00:00:00.000000");
  EXPECT_EQ(SortableTimestamp("2026-12-06 10:01:02"), "2026-12-06 10:01:02.000000");
  EXPECT_EQ(SortableTimestamp("2026-12-06T10:01:02"), "2026-12-06 10:01:02.000000");
  EXPECT_EQ(SortableTimestamp("2026-12-06 10:01:02.5"), "2026-12-06 10:01:02.500000");          // SQLite's text
  EXPECT_EQ(SortableTimestamp("2026-12-06 10:01:02.123456"), "2026-12-06 10:01:02.123456");     // PostgreSQL
  EXPECT_EQ(SortableTimestamp("2026-12-06 10:01:02.123456789"), "2026-12-06 10:01:02.123456");  // nanoseconds cut
  EXPECT_GT(*SortableTimestamp("2026-12-06 10:01:02.5"), *SortableTimestamp("2026-12-06 10:01:02.123456789"))
      << "0.5 s is after 0.123 s";
  EXPECT_EQ(SortableTimestamp("2024-02-29"), "2024-02-29 00:00:00.000000");
}

TEST(HistoryDate, DatesThatDoNotExistAndOtherSpellingsAreRefused) {
  for (const char* text :
       {"", "yesterday", "10:00:00", "2026-13-01", "2026-02-29", "2026-04-31", "2026-12-06 24:00:00",
        "2026-12-06 10:60:00", "2026-12-06T10:00:00Z", "2026-12-06T10:00:00+02:00", "2026-12-06 10:00",
        "2026-12-06 10:00:00.", "2026-12-06 10:00:00.1234567890", "2026-1-06", "2026/12/06"}) {
    EXPECT_FALSE(SortableTimestamp(text)) << text;
  }
}

TEST(HistoryDate, JavaTextForms) {
  EXPECT_EQ(JavaShortDateTimeOf("2026-12-06 06:00:11.000000"), "12/6/26, 6:00 AM");
  EXPECT_EQ(JavaShortDateTimeOf("2026-01-16 00:05:00.000000"), "1/16/26, 12:05 AM");
  EXPECT_EQ(JavaShortDateTimeOf("2026-12-06 12:30:00.000000"), "12/6/26, 12:30 PM");
  EXPECT_EQ(JavaShortDateTimeOf("2026-12-06 23:59:00.000000"), "12/6/26, 11:59 PM");
  EXPECT_EQ(JavaTimestampText("2026-12-06 06:01:37.000000"), "2026-12-06 06:01:37.0");
  EXPECT_EQ(JavaTimestampText("2026-12-06 06:01:37.250000"), "2026-12-06 06:01:37.25");
}

}  // namespace
}  // namespace ledgerhost::migration
