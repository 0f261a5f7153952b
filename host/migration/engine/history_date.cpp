#include "migration/engine/history_date.h"

#include <cstdio>
#include <ctime>

namespace ledgerhost::migration {
namespace {

bool Digits(std::string_view text, size_t from, size_t count, int& value) {
  if (from + count > text.size()) return false;
  value = 0;
  for (size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::optional<std::string> SortableTimestamp(std::string_view text) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!Digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' || !Digits(text, 5, 2, month) || text[7] != '-' ||
      !Digits(text, 8, 2, day)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > DaysIn(year, month)) return std::nullopt;
  std::string fraction;
  if (text.size() > 10) {
    if ((text[10] != ' ' && text[10] != 'T') || text.size() < 19 || !Digits(text, 11, 2, hour) || text[13] != ':' ||
        !Digits(text, 14, 2, minute) || text[16] != ':' || !Digits(text, 17, 2, second)) {
      return std::nullopt;
    }
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    if (text.size() > 19) {
      if (text[19] != '.' || text.size() == 20 || text.size() > 29) return std::nullopt;
      for (size_t i = 20; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
      }
      fraction = std::string(text.substr(20));
    }
  }
  fraction.resize(6, '0');  // microseconds: pad, or truncate nanoseconds
  char out[40];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d %02d:%02d:%02d.%s", year, month, day, hour, minute, second,
                fraction.c_str());
  return std::string(out);
}

long long EpochMillisOf(const std::string& sortable) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
  Digits(sortable, 0, 4, year);
  Digits(sortable, 5, 2, month);
  Digits(sortable, 8, 2, day);
  Digits(sortable, 11, 2, hour);
  Digits(sortable, 14, 2, minute);
  Digits(sortable, 17, 2, second);
  Digits(sortable, 20, 3, millis);
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  return static_cast<long long>(timegm(&tm)) * 1000 + millis;
}

std::string JavaShortDateTimeOf(const std::string& sortable) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0;
  if (!Digits(sortable, 0, 4, year) || !Digits(sortable, 5, 2, month) || !Digits(sortable, 8, 2, day) ||
      !Digits(sortable, 11, 2, hour) || !Digits(sortable, 14, 2, minute)) {
    return sortable;
  }
  const int twelve = hour % 12 == 0 ? 12 : hour % 12;
  char out[40];
  std::snprintf(out, sizeof out, "%d/%d/%02d, %d:%02d %s", month, day, year % 100, twelve, minute,
                hour < 12 ? "AM" : "PM");
  return out;
}

std::string JavaTimestampText(const std::string& sortable) {
  std::string fraction = sortable.size() > 20 ? sortable.substr(20) : "0";
  while (fraction.size() > 1 && fraction.back() == '0') fraction.pop_back();
  return sortable.substr(0, 19) + "." + fraction;
}

}  // namespace ledgerhost::migration
