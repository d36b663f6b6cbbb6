// Progress: a one-line progress display for long batches, redrawn in place
// with '\r' on a terminal's stderr:
//   analyzer: 3/8 bundles, 41.2 MB/s, ETA 0:12
// Throughput counts the bundles' sizes on disk as they finish; the ETA
// assumes the rest goes at the same rate. The caller decides whether to show
// it at all (a terminal, no --quiet): a disabled Progress prints nothing.
//
//   Progress progress(show ? &std::cerr : nullptr, jobs.size(), total_bytes);
//   ... from any thread: progress.Done(bundle_bytes);
//   progress.Finish();
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>

namespace analyzer {

// The line for a state; pure (tests). No ETA before anything is done.
std::string ProgressLine(uint64_t done, uint64_t total, uint64_t bytes_done, uint64_t bytes_total,
                         double elapsed_seconds);

class Progress {
 public:
  // `out` null: disabled. `out` must outlive the Progress.
  Progress(std::ostream* out, uint64_t total, uint64_t bytes_total);

  // One more bundle finished. Thread-safe; redraws the line.
  void Done(uint64_t bytes);
  // Ends the line (a newline) if anything was drawn. Call once, at the end.
  void Finish();

 private:
  void Draw();  // with mu_ held

  std::ostream* out_;
  const uint64_t total_, bytes_total_;
  uint64_t done_ = 0, bytes_done_ = 0;
  size_t last_width_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::mutex mu_;
};

}  // namespace analyzer
