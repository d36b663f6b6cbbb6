// ByteSource: a forward-only stream of bytes, such as one archive member
// being inflated. Readers pull from it in chunks; nothing is ever loaded whole.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace analyzer {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Copies up to `n` bytes into `buf`. Returns the count, 0 at the end, or
  // -1 on error (then error() says why). Never blocks forever.
  virtual long Read(char* buf, size_t n) = 0;
  virtual const std::string& error() const = 0;
};

// Replays `prefix` (bytes already peeked) and then continues from `rest`.
class PrefixedSource : public ByteSource {
 public:
  PrefixedSource(std::string_view prefix, ByteSource& rest) : prefix_(prefix), rest_(rest) {}
  long Read(char* buf, size_t n) override {
    if (pos_ < prefix_.size()) {
      const size_t k = std::min(n, prefix_.size() - pos_);
      std::memcpy(buf, prefix_.data() + pos_, k);
      pos_ += k;
      return static_cast<long>(k);
    }
    return rest_.Read(buf, n);
  }
  const std::string& error() const override { return rest_.error(); }

 private:
  std::string_view prefix_;
  size_t pos_ = 0;
  ByteSource& rest_;
};

// Reads from memory; for tests and for archives that had to be loaded.
class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string_view data) : data_(data) {}
  long Read(char* buf, size_t n) override {
    const size_t k = std::min(n, data_.size() - pos_);
    std::memcpy(buf, data_.data() + pos_, k);
    pos_ += k;
    return static_cast<long>(k);
  }
  const std::string& error() const override { return error_; }

 private:
  std::string_view data_;
  size_t pos_ = 0;
  std::string error_;
};

// Fills `out` with up to `n` bytes from `src` (fewer at the end). Returns
// false on error. Grows the buffer as data arrives, so a large `n` costs
// nothing for a small stream.
inline bool ReadUpTo(ByteSource& src, size_t n, std::string* out) {
  out->clear();
  size_t got = 0;
  while (got < n) {
    if (out->size() == got) out->resize(std::min(n, std::max<size_t>(got * 2, 4 << 10)));
    const long k = src.Read(out->data() + got, out->size() - got);
    if (k < 0) return out->resize(got), false;
    if (k == 0) break;
    got += static_cast<size_t>(k);
  }
  out->resize(got);
  return true;
}

}  // namespace analyzer
