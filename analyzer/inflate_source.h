// ZipMemberSource: a ByteSource over one zip member's data, read straight
// from the archive's RandomAccess range and inflated with Intel ISA-L (about
// three times zlib's speed), so worker threads can each inflate a member of
// the same archive at once. Stored members are copied.
//
//   std::atomic<uint64_t> total{0};  // one per input, shared by its workers
//   std::string why;
//   uint64_t data = 0;
//   if (!dir.ResolveData(*zip, entry, &data, &why)) return FallBack(why);
//   auto src = ZipMemberSource::Open(zip, entry, data, limits, &total, &why);
//   if (!src) return FallBack(why);  // encrypted, or a method ISA-L lacks
//   while ((k = src->Read(buf, sizeof buf)) > 0) Consume(buf, k);
//   if (k < 0) Report(src->error(), src->bomb());
//
// The member is checked as it is read, against the central directory and
// the Limits, the same checks archive_io::MemberSource makes on libarchive's
// output: Read() fails (-1, error() says why) when the deflate data is
// corrupt or truncated, when more or fewer bytes come out than the directory
// declares, when the CRC-32 of the whole does not match (checked as the end
// is reached, so the last Read() before 0 is the one that can fail), when
// the output passes Limits::max_expansion_ratio times the compressed size
// (once past archive_io::kRatioGrace), or when the bytes decompressed for
// the whole input pass Limits::max_total_bytes. The last two set bomb().
// A source that failed keeps failing; one that ended keeps returning 0.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "byte_source.h"
#include "random_access.h"
#include "read_limits.h"
#include "zip_directory.h"

struct inflate_state;  // ISA-L's, kept out of this header

namespace analyzer {

class ZipMemberSource : public ByteSource {
 public:
  // True if this source can read `entry`: stored or deflate, not encrypted.
  // Otherwise false, with the reason in `*why` (the caller falls back to
  // libarchive, which knows more methods and decrypts).
  static bool Supported(const ZipEntry& entry, std::string* why);

  // A source over `entry`, whose compressed bytes start at `data_offset` in
  // `zip` (ZipDirectory::ResolveData). `total`, if not null, counts the bytes
  // decompressed for the whole input, across threads. Returns null, with the
  // reason in `*why`, if !Supported(entry) or the data is not inside `zip`.
  // Allocates once here, for deflate: up to 256 KiB of input buffer (less
  // for a smaller member) plus ISA-L's state (85 KiB); nothing for a stored
  // member. Memory does not depend on the member's size.
  static std::unique_ptr<ZipMemberSource> Open(std::shared_ptr<const RandomAccess> zip,
                                               const ZipEntry& entry, uint64_t data_offset,
                                               const Limits& limits, std::atomic<uint64_t>* total,
                                               std::string* why);
  ~ZipMemberSource() override;
  ZipMemberSource(const ZipMemberSource&) = delete;
  ZipMemberSource& operator=(const ZipMemberSource&) = delete;

  // ByteSource: up to `n` bytes of the member (at most 1 GiB per call).
  // Allocates nothing (but the message, on failure). One thread at a time
  // per source; different sources, even over the same range, may be read on
  // different threads.
  long Read(char* buf, size_t n) override;
  const std::string& error() const override { return error_; }

  // The failure was a limit meant to stop decompression bombs (expansion
  // ratio or total bytes), not corrupt data.
  bool bomb() const { return bomb_; }
  uint64_t produced() const { return produced_; }  // bytes handed out so far

 private:
  ZipMemberSource(std::shared_ptr<const RandomAccess> zip, const ZipEntry& entry,
                  uint64_t data_offset, const Limits& limits, std::atomic<uint64_t>* total);
  long Copy(char* buf, size_t n);
  long Inflate(char* buf, size_t n);
  bool Refill();
  bool Account(uint64_t k);
  bool Finish();
  bool Fail(std::string why, bool bomb = false);

  const std::shared_ptr<const RandomAccess> zip_;
  const uint64_t data_offset_;
  const uint64_t compressed_size_;
  const uint64_t uncompressed_size_;
  const uint32_t expected_crc_;
  const double max_expansion_ratio_;
  const uint64_t max_total_bytes_;
  std::atomic<uint64_t>* const total_;

  std::unique_ptr<inflate_state> state_;  // null for a stored member
  std::unique_ptr<char[]> input_;
  size_t input_capacity_ = 0;
  uint64_t consumed_ = 0;  // compressed bytes read from zip_ so far
  uint64_t produced_ = 0;
  uint32_t crc_ = 0;  // of a stored member's bytes so far
  bool done_ = false;
  bool bomb_ = false;
  std::string error_;
};

}  // namespace analyzer
