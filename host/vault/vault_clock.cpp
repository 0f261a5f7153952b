#include "vault/vault_clock.h"

#include <cstdio>
#include <ctime>

namespace ledgerhost::vault {

Clock SystemClock() {
  return [] { return std::chrono::system_clock::now(); };
}

std::string UtcTimestamp(std::chrono::system_clock::time_point time) {
  // floor, not a cast: a time before 1970 must not round its seconds up.
  const auto seconds = std::chrono::floor<std::chrono::seconds>(time);
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(time - seconds).count();
  const std::time_t t = std::chrono::system_clock::to_time_t(seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d.%06lld", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<long long>(micros));
  return text;
}

}  // namespace ledgerhost::vault
