// Java library behaviour Liquibase's output depends on (see java_format.h).
#include "migration/sql/java_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "core/text.h"

namespace ledgerhost::migration::java {
namespace {

// Java's \p{javaWhitespace} for ASCII.
bool JavaSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || (c >= 0x1C && c <= 0x1F);
}

// Scanner's Numeral (US locale): digits, or 1-3 digits followed by ",ddd" groups. Returns the
// digits without separators, or nullopt.
std::optional<std::string> ScannerNumeral(std::string_view s) {
  if (AllDigits(s)) return std::string(s);
  const std::size_t comma = s.find(',');
  if (comma == std::string_view::npos || comma == 0 || comma > 3 || s[0] == '0' || !AllDigits(s.substr(0, comma))) {
    return std::nullopt;
  }
  std::string out(s.substr(0, comma));
  for (std::size_t i = comma; i < s.size(); i += 4) {
    if (s[i] != ',' || i + 4 > s.size() || !AllDigits(s.substr(i + 1, 3))) return std::nullopt;
    out += s.substr(i + 1, 3);
  }
  return out;
}

std::string StripLeadingZeros(std::string digits) {
  const std::size_t first = digits.find_first_not_of('0');
  return first == std::string::npos ? "0" : digits.substr(first);
}

// Days since 1970-01-01 of a proleptic Gregorian date, and back (Howard Hinnant's algorithms).
long long DaysFromCivil(long long y, long long m, long long d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(long long z, long long& y, long long& m, long long& d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = yoe + era * 400;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp + (mp < 10 ? 3 : -9);
  y += m <= 2;
}

std::string Year(long long y) {
  std::string s = std::to_string(y);
  return s.size() < 4 ? std::string(4 - s.size(), '0') + s : s;
}

}  // namespace

// String.hashCode() over the UTF-16 code units of a UTF-8 string.
int32_t JavaStringHash(std::string_view utf8) {
  uint32_t h = 0;
  auto add = [&h](uint32_t unit) { h = 31 * h + unit; };
  for (std::size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    uint32_t cp = c;
    std::size_t length = 1;
    if (c >= 0xF0 && i + 3 < utf8.size() + 0) {
      cp = ((c & 0x07u) << 18) | ((static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu) << 12) |
           ((static_cast<unsigned char>(utf8[i + 2]) & 0x3Fu) << 6) | (static_cast<unsigned char>(utf8[i + 3]) & 0x3Fu);
      length = 4;
    } else if (c >= 0xE0 && i + 2 < utf8.size()) {
      cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(utf8[i + 2]) & 0x3Fu);
      length = 3;
    } else if (c >= 0xC0 && i + 1 < utf8.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu);
      length = 2;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      add(0xD800 + (cp >> 10));
      add(0xDC00 + (cp & 0x3FF));
    } else {
      add(cp);
    }
    i += length;
  }
  return static_cast<int32_t>(h);
}

// The order a java.util.HashMap (or HashSet) with default capacity iterates keys inserted in the
// given order: by bucket of the spread hash in the final table, then in insertion order.
std::vector<std::size_t> JavaHashOrder(const std::vector<std::string>& keys) {
  std::size_t capacity = 16;
  while (keys.size() > capacity * 3 / 4) capacity *= 2;
  std::vector<std::pair<std::size_t, std::size_t>> order;  // bucket, insertion index
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const uint32_t h = static_cast<uint32_t>(JavaStringHash(keys[i]));
    order.emplace_back((h ^ (h >> 16)) & (capacity - 1), i);
  }
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::size_t> out;
  for (const auto& [bucket, index] : order) out.push_back(index);
  return out;
}

// The token java.util.Scanner(text.trim()) looks at first.
std::string ScannerToken(std::string_view value) {
  const std::string trimmed = text::JavaTrim(value);
  std::size_t end = 0;
  while (end < trimmed.size() && !JavaSpace(trimmed[end])) ++end;
  return trimmed.substr(0, end);
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// hasNextBigInteger / nextBigInteger().toString(); `int_range` for hasNextInt / nextInt.
std::optional<std::string> ScannerInteger(const std::string& token, bool int_range) {
  std::string_view s = token;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  auto digits = ScannerNumeral(s);
  if (!digits) return std::nullopt;
  std::string value = StripLeadingZeros(*digits);
  if (int_range) {
    if (value.size() > 10) return std::nullopt;
    const long long n = std::stoll(value);
    if (n > (negative ? 2147483648LL : 2147483647LL)) return std::nullopt;
  }
  return (negative && value != "0" ? "-" : "") + value;
}

// Scanner's decimal: [-+]? (Numeral | Numeral.digits* | .digits+) ([eE][+-]?digits)?, as the
// plain string BigDecimal/Double parse (no separators).
std::optional<std::string> ScannerDecimal(const std::string& token) {
  std::string_view s = token;
  std::string out;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    if (s[0] == '-') out += '-';
    s.remove_prefix(1);
  }
  std::string_view mantissa = s;
  std::string_view exponent;
  if (const std::size_t e = s.find_first_of("eE"); e != std::string_view::npos) {
    mantissa = s.substr(0, e);
    exponent = s.substr(e + 1);
    std::string_view exponent_digits = exponent;
    if (!exponent_digits.empty() && (exponent_digits[0] == '+' || exponent_digits[0] == '-'))
      exponent_digits.remove_prefix(1);
    if (!AllDigits(exponent_digits)) return std::nullopt;
  }
  const std::size_t dot = mantissa.find('.');
  if (dot == std::string_view::npos) {
    auto digits = ScannerNumeral(mantissa);
    if (!digits) return std::nullopt;
    out += *digits;
  } else {
    std::string_view whole = mantissa.substr(0, dot);
    std::string_view fraction = mantissa.substr(dot + 1);
    if (!fraction.empty() && !AllDigits(fraction)) return std::nullopt;
    if (whole.empty()) {
      if (fraction.empty()) return std::nullopt;
    } else {
      auto digits = ScannerNumeral(whole);
      if (!digits) return std::nullopt;
      out += *digits;
    }
    out += "." + std::string(fraction);
  }
  if (!exponent.empty() || s.find_first_of("eE") != std::string_view::npos) out += "e" + std::string(exponent);
  return out;
}

// new BigDecimal(plain).toString().
std::string BigDecimalToString(const std::string& plain) {
  std::string_view s = plain;
  bool negative = false;
  if (!s.empty() && s[0] == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  long long exponent = 0;
  if (const std::size_t e = s.find('e'); e != std::string_view::npos) {
    exponent = std::stoll(std::string(s.substr(e + 1)));
    s = s.substr(0, e);
  }
  std::string digits;
  long long scale = 0;
  if (const std::size_t dot = s.find('.'); dot != std::string_view::npos) {
    digits = std::string(s.substr(0, dot)) + std::string(s.substr(dot + 1));
    scale = static_cast<long long>(s.size() - dot - 1);
  } else {
    digits = std::string(s);
  }
  scale -= exponent;
  digits = StripLeadingZeros(digits);
  const long long adjusted = -scale + static_cast<long long>(digits.size()) - 1;
  std::string out;
  if (scale == 0) {
    out = digits;
  } else if (scale > 0 && adjusted >= -6) {
    if (static_cast<long long>(digits.size()) > scale) {
      out = digits.substr(0, digits.size() - static_cast<std::size_t>(scale)) + "." +
            digits.substr(digits.size() - static_cast<std::size_t>(scale));
    } else {
      out = "0." + std::string(static_cast<std::size_t>(scale) - digits.size(), '0') + digits;
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    out += "E" + std::string(adjusted >= 0 ? "+" : "-") + std::to_string(std::llabs(adjusted));
  }
  return (negative && digits != "0" ? "-" : "") + out;
}

// Double.toString / Float.toString of Java 17: the shortest digits that read back to the same
// value, except that a whole number (below 10^9 for a float, as far as checked) prints all its
// digits, as the pre-Java-19 FloatingDecimal does (123456789f -> 1.23456792E8).
std::string JavaFloatingToString(double value, bool is_float) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
  bool negative = false;
  std::string digits;
  int exponent = 0;
  const double limit = is_float ? 1e9 : 1e17;
  if (value == std::floor(value) && std::fabs(value) < limit) {
    negative = value < 0;
    digits = std::to_string(static_cast<long long>(std::fabs(value)));
    exponent = static_cast<int>(digits.size()) - 1;
    digits.erase(digits.find_last_not_of('0') + 1);
  } else {
    char buffer[64];
    const auto result = is_float ? std::to_chars(buffer, buffer + sizeof buffer, static_cast<float>(value),
                                                 std::chars_format::scientific)
                                 : std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    std::string sci(buffer, result.ptr);
    negative = sci[0] == '-';
    if (negative) sci.erase(0, 1);
    const std::size_t e = sci.find('e');
    exponent = std::stoi(sci.substr(e + 1));
    digits = sci.substr(0, e);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  }
  const double magnitude = std::fabs(value);
  std::string out;
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    if (exponent >= 0) {
      const std::size_t whole = static_cast<std::size_t>(exponent) + 1;
      if (digits.size() <= whole) {
        out = digits + std::string(whole - digits.size(), '0') + ".0";
      } else {
        out = digits.substr(0, whole) + "." + digits.substr(whole);
      }
    } else {
      out = "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    }
  } else {
    out = digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0") + "E" + std::to_string(exponent);
  }
  return (negative ? "-" : "") + out;
}

// \w+ in Java: ASCII letters, digits, underscore.
bool JavaWord(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

// Reads the numeric fields of a lenient java.text.SimpleDateFormat pattern made of digit fields
// and literal separators ("yyyy-MM-dd HH:mm:ss.SSS"): each field takes the digits there are; text
// after the pattern is ignored, as DateFormat.parse(String) does.
std::optional<std::vector<long long>> LenientFields(std::string_view value, std::string_view separators) {
  std::vector<long long> fields;
  std::size_t i = 0;
  for (std::size_t f = 0; f <= separators.size(); ++f) {
    const std::size_t start = i;
    while (i < value.size() && value[i] >= '0' && value[i] <= '9') ++i;
    if (i == start || i - start > 15) return std::nullopt;
    fields.push_back(std::stoll(std::string(value.substr(start, i - start))));
    if (f < separators.size()) {
      if (i >= value.size() || value[i] != separators[f]) return std::nullopt;
      ++i;
    }
  }
  return fields;
}

std::string Two(long long n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// A lenient date/time read into ISO text: date "yyyy-MM-dd", time "HH:mm:ss", timestamp
// "yyyy-MM-ddTHH:mm:ss[.fraction]" as ISODateFormat writes them.
std::string IsoDate(long long y, long long m, long long d) {
  const long long months = y * 12 + (m - 1);
  long long year = months >= 0 ? months / 12 : -((-months + 11) / 12);
  long long month = months - year * 12 + 1;
  long long yy = 0, mm = 0, dd = 0;
  CivilFromDays(DaysFromCivil(year, month, 1) + d - 1, yy, mm, dd);
  return Year(yy) + "-" + Two(mm) + "-" + Two(dd);
}

std::optional<std::string> LenientTimestamp(std::string_view value, std::string_view separators, bool with_millis) {
  auto fields = LenientFields(value, separators);
  if (!fields) return std::nullopt;
  const auto& f = *fields;
  long long seconds = f[3] * 3600 + f[4] * 60 + f[5];
  long long millis = with_millis ? f[6] : 0;
  seconds += millis / 1000;
  millis %= 1000;
  const long long days = seconds / 86400;
  seconds %= 86400;
  const std::string date = IsoDate(f[0], f[1], f[2]);
  long long y = 0, m = 0, d = 0;
  CivilFromDays(DaysFromCivil(std::stoll(date.substr(0, date.size() - 6)), std::stoll(date.substr(date.size() - 5, 2)),
                              std::stoll(date.substr(date.size() - 2))) +
                    days,
                y, m, d);
  std::string out = Year(y) + "-" + Two(m) + "-" + Two(d) + "T" + Two(seconds / 3600) + ":" + Two(seconds / 60 % 60) +
                    ":" + Two(seconds % 60);
  if (millis != 0) {
    std::string fraction = std::to_string(millis * 1000000);
    fraction = std::string(9 - fraction.size(), '0') + fraction;
    fraction.erase(fraction.find_last_not_of('0') + 1);
    out += "." + fraction;
  }
  return out;
}

}  // namespace ledgerhost::migration::java
