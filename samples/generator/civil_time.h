// Time as the generator handles it: 100 ns ticks since 1970-01-01T00:00:00Z, the
// resolution of a .NET DateTime, so the 7-digit fractions of ISO traces survive.
//
//   Ticks t = FromCivil(2026, 11, 18, 9, 30, 0);
//   CivilTime c = ToCivil(t + 5 * kTicksPerMinute);  // c.minute == 35
#ifndef SAMPLES_GENERATOR_CIVIL_TIME_H_
#define SAMPLES_GENERATOR_CIVIL_TIME_H_

#include <cstdint>
#include <limits>

namespace samplegen {

using Ticks = int64_t;

inline constexpr Ticks kTicksPerSecond = 10000000;
inline constexpr Ticks kTicksPerMinute = 60 * kTicksPerSecond;
inline constexpr Ticks kTicksPerHour = 60 * kTicksPerMinute;
// "No more records": later than any time a scenario uses.
inline constexpr Ticks kNever = std::numeric_limits<Ticks>::max();

constexpr Ticks Seconds(int64_t s) { return s * kTicksPerSecond; }
constexpr Ticks Minutes(int64_t m) { return m * kTicksPerMinute; }

// A broken-down UTC time. `fraction` is the tick count within the second.
struct CivilTime {
  int year;
  int month;  // 1..12
  int day;    // 1..31
  int hour;   // 0..23
  int minute;
  int second;
  int64_t fraction;  // 0..9'999'999
};

// Converts ticks (>= 0) to a UTC calendar time. Pure arithmetic, no time zone.
CivilTime ToCivil(Ticks t);

// Converts a proleptic-Gregorian UTC calendar time to ticks.
Ticks FromCivil(int year, int month, int day, int hour, int minute, int second);

inline Ticks FloorTo(Ticks t, Ticks unit) { return t - t % unit; }

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_CIVIL_TIME_H_
