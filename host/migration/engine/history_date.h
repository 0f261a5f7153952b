// DATABASECHANGELOG's DATEEXECUTED as text the engine can compare and show: each database returns it
// its own way (SQLite's stored text, PostgreSQL's and MariaDB's timestamps, with or without a
// fraction), and rollback-to-date takes Liquibase's ISODateFormat spellings.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ledgerhost::migration {

// "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss" or "yyyy-MM-ddTHH:mm:ss", each time with an optional
// ".fraction" (up to 9 digits), as "yyyy-MM-dd HH:mm:ss.ffffff" (microseconds, truncated), which
// sorts as time does. nullopt for anything else, and for dates that do not exist (month 13, Feb 30):
// unlike Java's lenient parser, which would roll them over.
std::optional<std::string> SortableTimestamp(std::string_view text);

// Milliseconds since the epoch of a sortable timestamp read as UTC (for durations between two).
long long EpochMillisOf(const std::string& sortable);

// A sortable timestamp as Java's SHORT/SHORT date-time in en_US ("12/6/26, 6:00 AM"), the way
// Liquibase's history and script headers show times.
std::string JavaShortDateTimeOf(const std::string& sortable);

// A sortable timestamp as java.sql.Timestamp.toString() writes it ("2026-12-06 06:01:37.0",
// "2026-12-06 06:01:37.25"): what Liquibase's rollback-to-date-sql header shows.
std::string JavaTimestampText(const std::string& sortable);

}  // namespace ledgerhost::migration
