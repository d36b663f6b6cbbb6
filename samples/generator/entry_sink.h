// Where bundle members go: an archive being written (zip or tar.gz) or a directory.
// Members are added in call order; paths are relative and '/'-separated.
#ifndef SAMPLES_GENERATOR_ENTRY_SINK_H_
#define SAMPLES_GENERATOR_ENTRY_SINK_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "civil_time.h"

namespace samplegen {

class EntrySink {
 public:
  virtual ~EntrySink() = default;

  // Adds a regular file holding `data`, modified at `mtime` (whole seconds are kept).
  // Returns false and sets error() on failure; the sink is then unusable.
  virtual bool AddBytes(const std::string& path, std::string_view data, Ticks mtime) = 0;

  // Adds a regular file holding all of `file` (read from its start, in chunks: the file
  // may be far larger than memory). `file` stays open and owned by the caller.
  virtual bool AddFile(const std::string& path, std::FILE* file, Ticks mtime) = 0;

  // Completes the output (central directory, gzip trailer). No call may follow.
  virtual bool Close() = 0;

  const std::string& error() const { return error_; }

 protected:
  std::string error_;
};

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_ENTRY_SINK_H_
