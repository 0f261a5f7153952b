// Java library behaviour Liquibase's output depends on, for the SQLite table rebuild: hash orders
// (which index of several survives, the order indexes are re-created in), java.util.Scanner's
// number tokens, BigDecimal/Float/Double toString, lenient java.text.SimpleDateFormat parsing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledgerhost::migration::java {

// String.hashCode() over the UTF-16 code units of a UTF-8 string.
int32_t JavaStringHash(std::string_view utf8);
// The order a java.util.HashMap (or HashSet) with default capacity iterates keys inserted in the
// given order, as indexes into `keys`.
std::vector<std::size_t> JavaHashOrder(const std::vector<std::string>& keys);

// The token java.util.Scanner(value.trim()) looks at first.
std::string ScannerToken(std::string_view value);
// hasNextBigInteger()/nextBigInteger().toString() (`int_range`: hasNextInt()/nextInt()), US locale.
std::optional<std::string> ScannerInteger(const std::string& token, bool int_range);
// hasNextBigDecimal(): the token as a plain number string BigDecimal and Double parse.
std::optional<std::string> ScannerDecimal(const std::string& token);
// new BigDecimal(plain).toString().
std::string BigDecimalToString(const std::string& plain);
// Double.toString / Float.toString of Java 17.
std::string JavaFloatingToString(double value, bool is_float);
// Matches \w+ (ASCII letters, digits, underscore).
bool JavaWord(std::string_view s);
bool AllDigits(std::string_view s);

// The numeric fields of a lenient SimpleDateFormat pattern made of digit fields and the literal
// separators given ("--" for yyyy-MM-dd); text after the pattern is ignored.
std::optional<std::vector<long long>> LenientFields(std::string_view value, std::string_view separators);
// A lenient year/month/day (months and days roll over) as "yyyy-MM-dd".
std::string IsoDate(long long y, long long m, long long d);
// A lenient date-time in `separators` form ("-- ::." with milliseconds) as ISODateFormat writes a
// Timestamp ("yyyy-MM-ddTHH:mm:ss[.fraction]"), or nullopt.
std::optional<std::string> LenientTimestamp(std::string_view value, std::string_view separators, bool with_millis);
// Two digits, zero-padded.
std::string Two(long long n);

}  // namespace ledgerhost::migration::java
