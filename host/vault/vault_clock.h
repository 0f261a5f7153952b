// Time as the vault and the identity registry write it. The clock is injected so tests can fix the
// recorded and consumed timestamps; production uses the system clock.
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace ledgerhost::vault {

using Clock = std::function<std::chrono::system_clock::time_point()>;

// The system clock; what NodeVault and IdentityRegistry use when given no clock.
Clock SystemClock();

// "YYYY-MM-DD HH:MM:SS.ffffff" in UTC. Fixed width, so that SQLite (which stores TIMESTAMP as text)
// orders it as PostgreSQL orders its TIMESTAMP values; microseconds are PostgreSQL's precision.
std::string UtcTimestamp(std::chrono::system_clock::time_point time);

}  // namespace ledgerhost::vault
