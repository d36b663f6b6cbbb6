#include "inflate_source.h"

#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>

#include <algorithm>
#include <cstdio>

#include "archive_io.h"

namespace analyzer {
namespace {

constexpr uint16_t kStored = 0;
constexpr uint16_t kDeflate = 8;
constexpr uint16_t kStrongEncryption = 1 << 6;
// Compressed bytes are read in chunks of this size: large enough that a
// read costs little next to inflating it, small enough to stay in cache.
constexpr size_t kInputChunk = 256 << 10;
// ISA-L counts output in 32 bits.
constexpr size_t kMaxRead = 1 << 30;

struct Name {
  int code;
  const char* text;
};

// The methods other zip writers use, named so the reason reads well.
constexpr Name kMethods[] = {{9, "deflate64"},  {12, "bzip2"}, {14, "LZMA"},
                             {93, "Zstandard"}, {95, "xz"},    {99, "AES encryption"}};
// isal_inflate()'s failures, from igzip_lib.h.
constexpr Name kInflateErrors[] = {
    {ISAL_INVALID_BLOCK, "invalid block header"},
    {ISAL_INVALID_SYMBOL, "invalid Huffman code or symbol"},
    {ISAL_INVALID_LOOKBACK, "back-reference before the start of the data"}};

template <size_t N>
const char* Lookup(const Name (&names)[N], int code, const char* otherwise) {
  for (const Name& n : names)
    if (n.code == code) return n.text;
  return otherwise;
}

std::string InflateError(int code) {
  return std::string("deflate data is corrupt (ISA-L: ") +
         Lookup(kInflateErrors, code, "unexpected error") + ", code " + std::to_string(code) + ")";
}

std::string Hex(uint32_t v) {
  char s[11];
  std::snprintf(s, sizeof s, "0x%08x", v);
  return s;
}

}  // namespace

bool ZipMemberSource::Supported(const ZipEntry& entry, std::string* why) {
  if (entry.encrypted() || (entry.flags & kStrongEncryption) != 0)
    return *why = "member is encrypted", false;
  if (entry.method != kStored && entry.method != kDeflate)
    return *why = "compression method " + std::to_string(entry.method) + " (" +
                  Lookup(kMethods, entry.method, "unknown") + ") is not read here",
           false;
  if (entry.method == kStored && entry.compressed_size != entry.uncompressed_size)
    return *why = "stored member whose compressed and uncompressed sizes differ (corrupt)", false;
  return true;
}

std::unique_ptr<ZipMemberSource> ZipMemberSource::Open(std::shared_ptr<const RandomAccess> zip,
                                                       const ZipEntry& entry, uint64_t data_offset,
                                                       const Limits& limits,
                                                       std::atomic<uint64_t>* total,
                                                       std::string* why) {
  if (!Supported(entry, why)) return nullptr;
  if (data_offset > zip->size() || entry.compressed_size > zip->size() - data_offset) {
    *why = "member data runs past the end of the archive";
    return nullptr;
  }
  return std::unique_ptr<ZipMemberSource>(
      new ZipMemberSource(std::move(zip), entry, data_offset, limits, total));
}

ZipMemberSource::ZipMemberSource(std::shared_ptr<const RandomAccess> zip, const ZipEntry& entry,
                                 uint64_t data_offset, const Limits& limits,
                                 std::atomic<uint64_t>* total)
    : zip_(std::move(zip)),
      data_offset_(data_offset),
      compressed_size_(entry.compressed_size),
      uncompressed_size_(entry.uncompressed_size),
      expected_crc_(entry.crc32),
      max_expansion_ratio_(limits.max_expansion_ratio),
      max_total_bytes_(limits.max_total_bytes),
      total_(total) {
  if (entry.method != kDeflate) return;  // stored: read straight into the caller's buffer
  // Not value-initialized: isal_inflate_init sets what it needs, and zeroing
  // ~87 KB per member shows on bundles of many small files.
  state_.reset(new inflate_state);
  isal_inflate_init(state_.get());
  state_->crc_flag = ISAL_GZIP_NO_HDR;  // raw deflate; CRC-32 of the output in state->crc
  input_capacity_ = static_cast<size_t>(std::min<uint64_t>(kInputChunk, compressed_size_));
  input_.reset(new char[std::max<size_t>(input_capacity_, 1)]);  // no zero fill
}

ZipMemberSource::~ZipMemberSource() = default;

long ZipMemberSource::Read(char* buf, size_t n) {
  if (!error_.empty()) return -1;
  if (done_ || n == 0) return 0;
  n = std::min(n, kMaxRead);
  const long k = state_ ? Inflate(buf, n) : Copy(buf, n);
  if (k < 0) return -1;
  if (k == 0) return Finish() ? 0 : -1;
  return Account(static_cast<uint64_t>(k)) ? k : -1;
}

long ZipMemberSource::Copy(char* buf, size_t n) {
  const size_t k = static_cast<size_t>(std::min<uint64_t>(n, uncompressed_size_ - produced_));
  if (k == 0) return 0;
  std::string why;
  if (!zip_->ReadAt(data_offset_ + produced_, buf, k, &why)) return Fail(why), -1;
  crc_ = crc32_gzip_refl(crc_, reinterpret_cast<const unsigned char*>(buf), k);
  return static_cast<long>(k);
}

// Inflates until some output is ready or the stream ends. ISA-L returns
// whenever its input runs dry, possibly with no output yet (a block header
// spanning two chunks), hence the loop.
long ZipMemberSource::Inflate(char* buf, size_t n) {
  inflate_state& s = *state_;
  s.next_out = reinterpret_cast<uint8_t*>(buf);
  s.avail_out = static_cast<uint32_t>(n);
  while (s.avail_out == n && s.block_state != ISAL_BLOCK_FINISH) {
    if (s.avail_in == 0 && !Refill()) return -1;
    const uint32_t before = s.avail_in;
    const int r = isal_inflate(&s);
    if (r != ISAL_DECOMP_OK) return Fail(InflateError(r)), -1;
    const bool stuck = s.avail_out == n && s.avail_in == before;
    if (stuck && s.block_state != ISAL_BLOCK_FINISH)
      return Fail(consumed_ == compressed_size_
                      ? "deflate data ends before its last block (member is truncated or corrupt)"
                      : "deflate data makes no progress (member is corrupt)"),
             -1;
  }
  return static_cast<long>(n - s.avail_out);
}

// Loads the next chunk of compressed bytes, if any are left; with none left
// ISA-L is still called, to flush what it holds.
bool ZipMemberSource::Refill() {
  const size_t k =
      static_cast<size_t>(std::min<uint64_t>(input_capacity_, compressed_size_ - consumed_));
  std::string why;
  if (k > 0 && !zip_->ReadAt(data_offset_ + consumed_, input_.get(), k, &why)) return Fail(why);
  consumed_ += k;
  state_->next_in = reinterpret_cast<uint8_t*>(input_.get());
  state_->avail_in = static_cast<uint32_t>(k);
  return true;
}

bool ZipMemberSource::Account(uint64_t k) {
  produced_ += k;
  const uint64_t total = total_ ? total_->fetch_add(k, std::memory_order_relaxed) + k : 0;
  const uint64_t denominator = std::max<uint64_t>(compressed_size_, 1);
  if (produced_ > archive_io::kRatioGrace &&
      static_cast<double>(produced_) > max_expansion_ratio_ * static_cast<double>(denominator))
    return Fail("expansion ratio over " +
                    std::to_string(static_cast<long long>(max_expansion_ratio_)) + ":1 (" +
                    std::to_string(produced_) + " bytes out of " + std::to_string(denominator) +
                    "): decompression bomb? (--max-expansion-ratio)",
                true);
  if (total > max_total_bytes_)
    return Fail("more than " + std::to_string(max_total_bytes_) +
                    " bytes decompressed for this input (--max-total-bytes); reading stopped",
                true);
  if (produced_ > uncompressed_size_)
    return Fail("more data than the " + std::to_string(uncompressed_size_) +
                " bytes the central directory declares (member is corrupt)");
  return true;
}

bool ZipMemberSource::Finish() {
  done_ = true;
  if (produced_ != uncompressed_size_)
    return Fail("member ends after " + std::to_string(produced_) +
                " bytes, the central directory declares " + std::to_string(uncompressed_size_) +
                " (member is corrupt)");
  const uint32_t crc = state_ ? state_->crc : crc_;
  if (crc != expected_crc_)
    return Fail("CRC-32 mismatch (member is corrupt): data has " + Hex(crc) +
                ", the central directory says " + Hex(expected_crc_));
  return true;
}

bool ZipMemberSource::Fail(std::string why, bool bomb) {
  error_ = std::move(why);
  bomb_ = bomb;
  return false;
}

}  // namespace analyzer
