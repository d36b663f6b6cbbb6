// Test helpers shared by the unit tests: byte sources that misbehave on
// purpose, a record sink that keeps copies, and the shipped log formats.
#pragma once

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "byte_source.h"
#include "format_set.h"
#include "log_format.h"
#include "record.h"
#include "utc_time.h"

namespace test {

// Hands out at most `step` bytes per Read(), to cut sequences and lines at
// every possible place.
class TrickleSource : public analyzer::ByteSource {
 public:
  TrickleSource(std::string_view data, size_t step) : data_(data), step_(step) {}
  long Read(char* buf, size_t n) override {
    const size_t k = std::min({n, step_, data_.size() - pos_});
    std::memcpy(buf, data_.data() + pos_, k);
    pos_ += k;
    return static_cast<long>(k);
  }
  const std::string& error() const override { return error_; }

 private:
  std::string_view data_;
  size_t step_, pos_ = 0;
  std::string error_;
};

// Gives `data`, then fails with "disk on fire" instead of reporting the end.
class FailingSource : public analyzer::ByteSource {
 public:
  explicit FailingSource(std::string_view data) : data_(data) {}
  long Read(char* buf, size_t n) override {
    if (pos_ == data_.size()) return error_ = "disk on fire", -1;
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

// A Record with owned strings and the time as RFC 3339 ("" when unknown).
struct SavedRecord {
  std::string time, source, host, component, level, text, message;
  uint64_t line = 0;
};

class RecordCollector : public analyzer::RecordSink {
 public:
  void OnRecord(const analyzer::Record& r) override {
    records.push_back({r.time.known() ? analyzer::FormatRfc3339(r.time) : "", std::string(r.source),
                       std::string(r.host), std::string(r.component), std::string(r.level),
                       std::string(r.text), std::string(r.message), r.line});
  }
  std::vector<SavedRecord> records;
};

// The formats shipped in rules/formats, loaded once.
inline const analyzer::FormatSet& ShippedFormats() {
  static const analyzer::FormatSet set = [] {
    std::vector<std::string> errors;
    return analyzer::FormatSet(analyzer::LoadFormats(ANALYZER_RULES_DIR "/formats", &errors));
  }();
  return set;
}

}  // namespace test
