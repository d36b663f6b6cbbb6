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

class TimestampFormat {
 public:
  explicit TimestampFormat(std::string pattern) : pattern_(std::move(pattern)) {}

  const std::string& pattern() const { return pattern_; }

  // True when the pattern only uses the tokens above.
  bool ok() const;

  // `zone` applies when the text carries no zone of its own.
  UtcTime Parse(std::string_view text, const TimeZone& zone) const;
  // Reads a timestamp at the start of `text`, which may go on after it;
  // *consumed is how many bytes it took. Unknown time when none is there.
  UtcTime ParsePrefix(std::string_view text, const TimeZone& zone, size_t* consumed) const;

  UtcTime Parse(std::string_view text, int64_t offset_seconds) const {
    return Parse(text, TimeZone::FixedOffset(offset_seconds));
  }

 private:
  std::string pattern_;
};

}  // namespace analyzer
