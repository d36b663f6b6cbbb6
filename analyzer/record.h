// Record: one log event, normalized. The unit every later stage works on.
//
// Its string views point into buffers owned by whoever produced it and are
// valid only during the callback that hands it over: copy what you keep.
#pragma once

#include <cstdint>
#include <string_view>

#include "utc_time.h"

namespace analyzer {

struct Record {
  UtcTime time;                // unknown when the line carried none we could read
  std::string_view source;     // "a.zip!/b.zip!/c.log"
  uint64_t line = 0;           // first line of the record, 1-based
  std::string_view host;       // canonical VM name, or ""
  std::string_view component;  // role or captured component, or ""
  std::string_view level;      // "error", "warning", "info", "verbose", "critical" or ""
  std::string_view text;       // the whole record, continuation lines joined by '\n'
  // Bytes of `text` before its first '\n' (all of it for a one-line record),
  // when the producer knows; npos when it does not (then it is searched for).
  size_t first_line_length = std::string_view::npos;
  std::string_view message;    // the message part of the first line, if the format says
};

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void OnRecord(const Record& record) = 0;
};

}  // namespace analyzer
