#include "line_reader.h"

#include <cstring>

namespace analyzer {
namespace {

// Reads grow from kFirstChunk to kChunk as the file proves long: a bundle of
// many small files would otherwise zero-fill 256 KiB for each.
constexpr size_t kFirstChunk = 8 << 10;
constexpr size_t kChunk = 256 << 10;

// Largest n' <= n that does not split a UTF-8 sequence of `s`.
size_t Utf8Boundary(std::string_view s, size_t n) {
  while (n > 0 && n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

std::string_view StripCr(std::string_view s) {
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

}  // namespace

LineReader::LineReader(ByteSource& src, Encoding encoding, uint64_t max_line_bytes)
    : src_(src), decoder_(encoding), max_line_(max_line_bytes) {
  raw_.resize(kFirstChunk);
}

bool LineReader::Fill() {
  if (eof_) return false;
  if (pos_ > 0) {  // keep the unreturned tail only
    buf_.erase(0, pos_);
    scan_ -= pos_;
    pos_ = 0;
  }
  const long n = src_.Read(raw_.data(), raw_.size());
  if (n > 0 && static_cast<size_t>(n) == raw_.size() && raw_.size() < kChunk) raw_.resize(raw_.size() * 2);
  if (n < 0) failed_ = true;
  if (n <= 0) {
    eof_ = true;
    decoder_.Finish(&buf_);
    return false;
  }
  bytes_read_ += static_cast<uint64_t>(n);
  decoder_.Decode(std::string_view(raw_.data(), static_cast<size_t>(n)), &buf_);
  return true;
}

bool LineReader::SkipRestOfLine() {
  for (;;) {
    const void* nl = std::memchr(buf_.data() + pos_, '\n', buf_.size() - pos_);
    if (nl != nullptr) {
      pos_ = scan_ = static_cast<const char*>(nl) - buf_.data() + 1;
      return true;
    }
    pos_ = scan_ = buf_.size();
    if (!Fill()) return false;
  }
}

bool LineReader::Next(std::string_view* line) {
  for (;;) {
    const void* nl = std::memchr(buf_.data() + scan_, '\n', buf_.size() - scan_);
    if (nl != nullptr) {
      const size_t end = static_cast<const char*>(nl) - buf_.data();
      const std::string_view text = StripCr(std::string_view(buf_).substr(pos_, end - pos_));
      if (text.size() <= max_line_) {  // the CR of a CRLF does not count
        *line = text;
        pos_ = scan_ = end + 1;
        ++line_number_;
        return true;
      }
    }
    // Too long: cut below. One byte of slack, in case it is the CR of a CRLF
    // whose LF is in the next chunk.
    const size_t pending = buf_.size() - pos_;
    if (pending > max_line_ + 1 || (pending == max_line_ + 1 && buf_.back() != '\r')) break;
    scan_ = buf_.size();
    if (!Fill()) {
      if (pos_ >= buf_.size() || failed_) return false;
      const std::string_view text = StripCr(std::string_view(buf_).substr(pos_));
      if (text.size() > max_line_) break;
      *line = text;
      pos_ = scan_ = buf_.size();
      ++line_number_;
      return true;
    }
  }
  // The line exceeds the limit: return its head, then drop the rest. The head
  // is copied aside because skipping may refill (and move) the buffer.
  ++lines_cut_;
  ++line_number_;
  const size_t keep = Utf8Boundary(std::string_view(buf_).substr(pos_), max_line_);
  cut_line_.assign(buf_, pos_, keep);
  pos_ += keep;
  scan_ = pos_;
  SkipRestOfLine();
  *line = cut_line_;
  return true;
}

}  // namespace analyzer
