#include "progress.h"

#include <cstdio>

namespace analyzer {
namespace {

std::string Clock(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

}  // namespace

std::string ProgressLine(uint64_t done, uint64_t total, uint64_t bytes_done, uint64_t bytes_total,
                         double elapsed_seconds) {
  std::string line = "analyzer: " + std::to_string(done) + "/" + std::to_string(total) + " bundles";
  if (done == 0 || elapsed_seconds <= 0) return line;
  const double rate = bytes_done / elapsed_seconds;  // bytes per second
  char buf[64];
  std::snprintf(buf, sizeof buf, ", %.1f MB/s", rate / 1e6);
  line += buf;
  if (done < total && rate > 0 && bytes_total >= bytes_done)
    line += ", ETA " + Clock((bytes_total - bytes_done) / rate);
  return line;
}

Progress::Progress(std::ostream* out, uint64_t total, uint64_t bytes_total)
    : out_(out),
      total_(total),
      bytes_total_(bytes_total),
      start_(std::chrono::steady_clock::now()) {
  std::lock_guard<std::mutex> lock(mu_);
  if (out_ && total_ > 0) Draw();
}

void Progress::Done(uint64_t bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  ++done_;
  bytes_done_ += bytes;
  if (out_) Draw();
}

void Progress::Finish() {
  std::lock_guard<std::mutex> lock(mu_);
  if (out_ && last_width_ > 0) *out_ << "\n" << std::flush;
  last_width_ = 0;
}

void Progress::Draw() {
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::string line = ProgressLine(done_, total_, bytes_done_, bytes_total_, elapsed);
  const size_t width = line.size();
  // Blank out what a longer previous line left behind.
  if (width < last_width_) line.append(last_width_ - width, ' ');
  *out_ << '\r' << line << std::flush;
  last_width_ = width;
}

}  // namespace analyzer
