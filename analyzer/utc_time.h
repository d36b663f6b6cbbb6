// UtcTime: an instant on the UTC time line, in 100-nanosecond ticks since the
// Unix epoch (the resolution of .NET and ETW timestamps, so 7 fractional digits
// survive). A default-constructed UtcTime means "no time known".
//
// Civil conversions follow the proleptic Gregorian calendar for years 1..9999;
// anything outside (year 0, Feb 30, hour 24) is rejected by the parsers, never
// wrapped around.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace analyzer {

constexpr int64_t kTicksPerSecond = 10'000'000;

struct UtcTime {
  static constexpr int64_t kNone = INT64_MIN;
  int64_t ticks = kNone;

  bool known() const { return ticks != kNone; }
  friend bool operator==(UtcTime a, UtcTime b) { return a.ticks == b.ticks; }
  friend bool operator!=(UtcTime a, UtcTime b) { return a.ticks != b.ticks; }
  friend bool operator<(UtcTime a, UtcTime b) { return a.ticks < b.ticks; }
};

struct CivilTime {
  int year = 1970, month = 1, day = 1;
  int hour = 0, minute = 0, second = 0;
  int64_t fraction_ticks = 0;  // 0 .. kTicksPerSecond-1
};

// True when every field is in range (leap years and month lengths included).
bool IsValidCivil(const CivilTime& c);

// Days since 1970-01-01 for a valid date (Howard Hinnant's algorithm).
int64_t DaysFromCivil(int year, int month, int day);

// The instant of `c` read as a wall clock `offset_seconds` east of UTC.
// Returns a time with known()==false when `c` is invalid.
UtcTime FromCivil(const CivilTime& c, int64_t offset_seconds);

CivilTime ToCivil(UtcTime t);

// RFC 3339 in UTC with "Z": "2026-11-18T09:12:04Z", with the fraction
// written (trailing zeros trimmed) only when there is one. "null" is never
// produced here: callers decide how to print an unknown time.
std::string FormatRfc3339(UtcTime t);

// Parses the RFC 3339 / ISO 8601 forms a user types on the command line:
// "2026-11-18", "2026-11-18T09:12", "2026-11-18T09:12:04.5Z", "...+01:00".
// Zone-less values are read as UTC. Returns unknown time on error.
UtcTime ParseUserTime(std::string_view text);

// The --from/--to filter: true when `t` is in [from, to); an unknown bound
// is open. With any bound set, a record without a time is outside.
inline bool InTimeRange(UtcTime t, UtcTime from, UtcTime to) {
  if (!from.known() && !to.known()) return true;
  if (!t.known()) return false;
  return (!from.known() || !(t < from)) && (!to.known() || t < to);
}

// Durations written as "90s", "15m", "2h", "1d", "500ms" or combinations
// ("1h30m"). Returns false on anything else, negative or zero included.
bool ParseDuration(std::string_view text, int64_t* ticks);

}  // namespace analyzer
