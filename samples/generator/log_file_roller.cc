#include "log_file_roller.h"

#include "text_encoding.h"
#include "time_format.h"

namespace samplegen {

LogFileRoller::LogFileRoller(const LogStream* stream, std::unique_ptr<FillerSource> filler,
                             size_t max_file_bytes)
    : stream_(stream),
      filler_(std::move(filler)),
      max_file_bytes_(max_file_bytes),
      writer_(stream->format, stream->pid, stream->crlf) {}

Ticks LogFileRoller::NextTime() const {
  const Ticks event =
      next_event_ < stream_->events.size() ? stream_->events[next_event_].time : kNever;
  const Ticks padding = filler_ ? filler_->next_time() : kNever;
  return event <= padding ? event : padding;
}

bool LogFileRoller::NeedsNewFile(Ticks next) const {
  if (stream_->rotation != Rotation::kHourly) return false;
  return FloorTo(next, kTicksPerHour) != FloorTo(file_first_, kTicksPerHour) ||
         buffer_.size() >= max_file_bytes_;
}

void LogFileRoller::StartFile(Ticks first) {
  open_ = true;
  file_first_ = first;
  buffer_.clear();
  // A padded stream fills its files to the cap: reserve once rather than let doubling
  // overshoot to twice the cap.
  if (filler_) buffer_.reserve(max_file_bytes_ + (1 << 20));
  if (stream_->encoding == TextEncoding::kUtf8Bom) buffer_.append(kUtf8Bom);
  if (stream_->rotation == Rotation::kSingleFile) {
    file_path_ = stream_->path_stem + stream_->extension;
    return;
  }
  file_path_ = stream_->path_stem + "_" + FileTimeTag(first);
  // Two size-cut files starting in the same second would collide; number the later ones.
  same_name_count_ = file_path_ == previous_path_ ? same_name_count_ + 1 : 0;
  previous_path_ = file_path_;
  if (same_name_count_ > 0) file_path_ += "." + std::to_string(same_name_count_);
  file_path_ += stream_->extension;
}

void LogFileRoller::AppendNext() {
  const Ticks padding = filler_ ? filler_->next_time() : kNever;
  if (next_event_ < stream_->events.size() && stream_->events[next_event_].time <= padding) {
    const LogEvent& e = stream_->events[next_event_++];
    writer_.Append(e.time, e.level, e.tid, e.component, e.text, &buffer_);
    file_last_ = e.time;
    return;
  }
  Level level;
  int tid;
  std::string_view component;
  filler_->Next(&level, &tid, &component, &scratch_);
  writer_.Append(padding, level, tid, component, scratch_, &buffer_);
  file_last_ = padding;
}

bool LogFileRoller::FinishFile(EntrySink* sink) {
  open_ = false;
  const bool utf16 =
      stream_->encoding == TextEncoding::kUtf16LeBom || stream_->encoding == TextEncoding::kUtf16Le;
  const Ticks mtime = FloorTo(file_last_, kTicksPerSecond);
  const bool ok =
      utf16 ? sink->AddBytes(file_path_,
                             ToUtf16Le(buffer_, stream_->encoding == TextEncoding::kUtf16LeBom),
                             mtime)
            : sink->AddBytes(file_path_, buffer_, mtime);
  // Give the memory back: a thread writes many streams one after the other, and only the
  // file in progress should be resident.
  std::string().swap(buffer_);
  return ok;
}

bool LogFileRoller::WriteUntil(Ticks limit, EntrySink* sink) {
  for (Ticks next = NextTime(); next < limit; next = NextTime()) {
    if (open_ && NeedsNewFile(next) && !FinishFile(sink)) return false;
    if (!open_) StartFile(next);
    AppendNext();
  }
  return !open_ || FinishFile(sink);
}

}  // namespace samplegen
