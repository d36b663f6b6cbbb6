// TimestampFormat: one way a log writes its timestamps, in a strftime-like
// pattern that log-format files declare as data.
//
//   %Y  4-digit year          %m %d %H %I  1 or 2 digits (month, day, hour, 12-hour)
//   %M %S  2 digits           %f  optional fraction: [.,] then 1..9 digits
//   %p  AM/PM (any case)      %z  optional zone: Z, +hh:mm, +hhmm, +hh
//   %b  month abbreviation (Jan..Dec, any case)
//   %%  a literal %           any other character matches itself
//
//   TimestampFormat f("%m/%d/%Y %I:%M:%S %p");
//   UtcTime t = f.Parse("8/22/2017 1:20:53 AM", TimeZone::Utc());
//
// Parse() needs the whole text to be consumed and every field in range;
// otherwise it returns an unknown time. It allocates nothing.
#pragma once

#include <string>
#include <string_view>

#include "time_zone.h"
#include "utc_time.h"

namespace analyzer {

// What ParsePrefix learned from the last line of a file, so that the next
// lines, which nearly always share its date, hour and minute, skip parsing
// and converting them. One per file and format (owned by the line parser);
// never shared between threads.
struct TimestampMemo {
  std::string prefix;       // the text of the minute last parsed ("2026-11-18 09:12")
  CivilTime minute;         // what it meant, seconds and fraction zero
  UtcTime minute_start;     // its instant when the zone has one offset; else unknown
  const TimeZone* zone = nullptr;
};

class TimestampFormat {
 public:
  explicit TimestampFormat(std::string pattern);

  const std::string& pattern() const { return pattern_; }

  // True when the pattern only uses the tokens above.
  bool ok() const;

  // `zone` applies when the text carries no zone of its own.
  UtcTime Parse(std::string_view text, const TimeZone& zone) const;
  // Reads a timestamp at the start of `text`, which may go on after it;
  // *consumed is how many bytes it took. Unknown time when none is there.
  // With a memo, the result is the same, faster on lines that repeat the
  // previous line's minute (patterns that open with %Y %m %d %H %M only).
  UtcTime ParsePrefix(std::string_view text, const TimeZone& zone, size_t* consumed,
                      TimestampMemo* memo = nullptr) const;

  UtcTime Parse(std::string_view text, int64_t offset_seconds) const {
    return Parse(text, TimeZone::FixedOffset(offset_seconds));
  }

 private:
  static void Remember(std::string_view prefix, const CivilTime& civil, const TimeZone& zone,
                       TimestampMemo* memo);

  std::string pattern_;
  // Where the pattern's minute prefix ends (just after its %M), or npos when
  // the pattern does not open with one: only literals and %Y %m %d %H
  // before a %M, so equal text up to the end of the minute means equal
  // fields (every digit run ends on a byte inside that text).
  size_t minute_end_ = std::string::npos;
  bool seconds_follow_ = false;  // after the minute: only %S, %f, %% and literals
};

}  // namespace analyzer
