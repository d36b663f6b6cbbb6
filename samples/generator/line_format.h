// The line layouts of the text logs in a sample bundle, and a writer that lays records
// out in one of them:
//
//   kServiceFabricDtr   2026-11-18 09:12:04.123,Error,4312,2210,UsageBridge.Upload,Usage upload
//   failed, ... kIsoTrace           2026-11-18T09:12:04.1234567Z Error [UsageBridge.Upload] Usage
//   upload failed ... kEceActivation      VERBOSE: [AzureBridge:ActivateAzureBridge] message -
//   11/18/2026 9:12:04 AM kRegistration       2026-11-18.09-12-04: message kTimeServiceEvents
//   2026-11-18T09:12:04.0000000Z Warning Microsoft-Windows-Time-Service 50 The time ...
//
// (IIS W3C logs have fields, not records, and are written by iis_log.cc.)
//
//   LineWriter writer(LogFormat::kIsoTrace, /*pid=*/2210, /*crlf=*/false);
//   writer.Append(event.time, event.level, event.tid, event.component, event.text, &buffer);
#ifndef SAMPLES_GENERATOR_LINE_FORMAT_H_
#define SAMPLES_GENERATOR_LINE_FORMAT_H_

#include <string>
#include <string_view>

#include "civil_time.h"
#include "log_event.h"

namespace samplegen {

enum class LogFormat {
  kServiceFabricDtr,
  kIsoTrace,
  kEceActivation,
  kRegistration,
  kTimeServiceEvents,
};

class LineWriter {
 public:
  LineWriter(LogFormat format, int pid, bool crlf);

  // Appends one record: the first line of `text` behind the format's prefix (for ECE, in
  // front of its time suffix), then each continuation line as is; every line ends with
  // the writer's line end. Allocates only through `out`'s growth.
  void Append(Ticks time, Level level, int tid, std::string_view component, std::string_view text,
              std::string* out);

 private:
  void AppendPrefix(Ticks time, Level level, int tid, std::string_view component, std::string* out);
  // The textual time up to the whole second; cached because consecutive records of the
  // large bundle share their second millions of times.
  const std::string& SecondText(Ticks time);

  LogFormat format_;
  int pid_;
  std::string_view newline_;
  Ticks cached_second_ = -1;
  std::string cached_text_;
};

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_LINE_FORMAT_H_
