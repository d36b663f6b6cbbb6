// LineParser: applies a LogFormat to single lines. It says whether a line
// starts a record and, if so, where its fields are and when it was written.
// A line starts a record when the format's regex matches at its start, or,
// for formats whose regex opens with the timestamp, when one of the format's
// timestamp formats parses at its start (then only the time is known).
// Used by the record splitter and by the format sample checks alike, so the
// samples test exactly what the reader does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "log_format.h"
#include "timestamp_format.h"
#include "time_zone.h"
#include "utc_time.h"

namespace analyzer {

// A field as an offset into the line, so it survives copying the line.
struct Span {
  size_t pos = 0, len = 0;
  std::string_view In(std::string_view s) const { return s.substr(pos, len); }
  bool empty() const { return len == 0; }
};

struct ParsedLine {
  bool starts_record = false;
  bool directive = false;      // a W3C "#..." header line: part of no record
  bool has_timestamp = false;  // a timestamp field was found...
  UtcTime time;                // ...and this is what it meant (unknown if unparsable)
  Span level, component, host, message;
  std::string_view status_level;  // W3C: level derived from sc-status (static text)
};

// "error", "warning", "info", "verbose", "critical" for the usual Windows,
// .NET and IIS spellings; "" for anything else.
std::string_view NormalizeLevel(std::string_view raw);

class LineParser {
 public:
  // `assumed` applies to zone-less timestamps of formats whose zone is
  // "assumed". Without `want_fields`, only starts_record and the time are
  // filled (level, component, host and message may stay empty), which
  // lets formats that open with their timestamp skip the capture engine.
  LineParser(const LogFormat& format, const TimeZone& assumed, bool want_fields = true);

  // Parses `line` into *out. Allocates nothing after the first few lines.
  void Parse(std::string_view line, ParsedLine* out);

  // Name of the zone used for zone-less timestamps of this file.
  const std::string& zone_name() const { return zone_.name(); }
  bool zone_assumed() const { return format_.zone == LogFormat::Zone::kAssumed; }
  uint64_t unparsed_timestamps() const { return unparsed_timestamps_; }

 private:
  void ParseRegex(std::string_view line, ParsedLine* out);
  void ParseTimeOnly(std::string_view line, ParsedLine* out);
  // The time at the start of the line, or unknown; counts nothing.
  UtcTime TryTimePrefix(std::string_view line);
  void ParseUnmatched(std::string_view line, ParsedLine* out);
  void ParseW3c(std::string_view line, ParsedLine* out);
  UtcTime ParseTime(std::string_view text);

  const LogFormat& format_;
  const RE2* regex_ = nullptr;  // the head regex when there is one
  bool want_fields_ = true;
  TimeZone zone_;
  std::vector<re2::StringPiece> groups_;
  size_t last_good_format_ = 0;
  std::vector<TimestampMemo> memos_;  // per timestamp format: the last minute read
  uint64_t unparsed_timestamps_ = 0;
  // W3C state: column indexes from the latest "#Fields:" header.
  int w3c_date_ = -1, w3c_time_ = -1, w3c_status_ = -1, w3c_host_ = -1;
  std::string w3c_stamp_;  // "date time" joined, reused
};

}  // namespace analyzer
