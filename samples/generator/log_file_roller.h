// Turns one LogStream (plus, for the large bundle, its padding) into files: one per hour
// of written time for rotated streams, one in total otherwise, and a rotated file is cut
// again at a size cap so a multi-GB stream never sits in memory. Files are handed to an
// EntrySink as soon as they are complete.
//
//   LogFileRoller roller(&plan.streams[i], nullptr, 64 << 20);
//   roller.WriteUntil(plan.split_time, part1_sink);  // hours before the split
//   roller.WriteUntil(kNever, part2_sink);           // the rest
#ifndef SAMPLES_GENERATOR_LOG_FILE_ROLLER_H_
#define SAMPLES_GENERATOR_LOG_FILE_ROLLER_H_

#include <memory>
#include <string>

#include "entry_sink.h"
#include "filler.h"
#include "line_format.h"
#include "plan.h"

namespace samplegen {

class LogFileRoller {
 public:
  // `stream` must outlive the roller. `filler` may be null.
  LogFileRoller(const LogStream* stream, std::unique_ptr<FillerSource> filler,
                size_t max_file_bytes);

  // Writes every file whose records lie before `limit` (an hour boundary, or kNever for
  // all that remain). Memory: one file's text. Returns false with sink->error() set.
  bool WriteUntil(Ticks limit, EntrySink* sink);

 private:
  Ticks NextTime() const;
  bool NeedsNewFile(Ticks next) const;
  void StartFile(Ticks first);
  void AppendNext();
  bool FinishFile(EntrySink* sink);

  const LogStream* stream_;
  std::unique_ptr<FillerSource> filler_;
  size_t max_file_bytes_;
  LineWriter writer_;
  size_t next_event_ = 0;
  bool open_ = false;
  Ticks file_first_ = 0;
  Ticks file_last_ = 0;
  std::string file_path_;
  std::string previous_path_;
  int same_name_count_ = 0;
  std::string buffer_;
  std::string scratch_;
};

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_LOG_FILE_ROLLER_H_
