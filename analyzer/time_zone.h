// TimeZone: how to read a wall-clock time that a log wrote without a zone.
//
// Either a fixed UTC offset ("+01:00", "-0530", "UTC", "Z") or an IANA name
// ("Europe/Paris") read from the system's compiled tz database
// (/usr/share/zoneinfo, TZif files): no hand-made tables. Immutable and cheap
// to copy; safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "utc_time.h"

namespace analyzer {

class TimeZone {
 public:
  static TimeZone Utc() { return FixedOffset(0); }
  static TimeZone FixedOffset(int64_t offset_seconds);

  // Parses an offset or an IANA name. On failure returns false and says why.
  // `zoneinfo_dir` is where TZif files live (tests point it elsewhere).
  static bool Parse(std::string_view spec, TimeZone* out, std::string* error,
                    const std::string& zoneinfo_dir = "/usr/share/zoneinfo");

  // The instant that wall-clock `c` denotes in this zone. In a DST gap the
  // offset before the change is used; in an overlap the earlier instant wins.
  UtcTime ToUtc(const CivilTime& c) const;

  // Offset east of UTC in force at `t`.
  int64_t OffsetAt(UtcTime t) const;

  // "UTC", "+01:00" or the IANA name, as reported per file.
  const std::string& name() const { return name_; }
  // True for UTC and fixed offsets: the same offset at every instant.
  bool single_offset() const { return transitions_ == nullptr; }

 private:
  struct Transitions {
    std::vector<int64_t> at_seconds;  // UTC instants, ascending
    std::vector<int32_t> offset_after;
    int32_t offset_before = 0;
  };
  std::string name_;
  int64_t fixed_offset_ = 0;
  std::shared_ptr<const Transitions> transitions_;  // null for fixed offsets

  friend bool LoadTzif(const std::string& path, Transitions* out);
};

}  // namespace analyzer
