// Internals shared by the bundle reader's files: libarchive handles, the
// byte budget behind the decompression-bomb check, and the sources that
// stream member data. Not part of the library's interface.
#pragma once

#include <archive.h>

#include <cstdio>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <string>
#include <string_view>

#include "byte_source.h"
#include "inflate_source.h"
#include "random_access.h"
#include "read_limits.h"
#include "zip_directory.h"

namespace analyzer {
namespace archive_io {

inline constexpr size_t kHeadBytes = 64 << 10;
// Nested archives up to this size are loaded so libarchive can seek (zip
// central directory: more robust than scanning local headers); larger ones
// are streamed so memory stays flat.
inline constexpr uint64_t kLoadNestedBelow = 16 << 20;
inline constexpr uint64_t kRatioGrace = 1 << 20;  // below this output, ratios mean nothing

struct ArchiveFree {
  void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveFree>;

inline ArchivePtr NewArchiveReader(bool raw_allowed) {
  ArchivePtr a(archive_read_new());
  archive_read_support_filter_all(a.get());
  archive_read_support_format_all(a.get());
  if (raw_allowed) archive_read_support_format_raw(a.get());
  return a;
}

inline std::string ArchiveError(archive* a, const char* fallback) {
  const char* e = archive_error_string(a);
  return e != nullptr ? e : fallback;
}

inline std::string Basename(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// "x.log.gz" -> "x.log": the name libarchive's raw format cannot know.
inline std::string StripCompressionSuffix(const std::string& name) {
  for (const char* s : {".gz", ".bz2", ".xz", ".zst", ".GZ"}) {
    const std::string suffix(s);
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      return name.substr(0, name.size() - suffix.size());
  }
  return name;
}

// A zip's first local header (not an empty zip: that one has no members).
inline bool LooksLikeZip(std::string_view head) { return head.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

inline bool UnsafePath(const std::string& p) {
  if (p.empty() || p[0] == '/' || p[0] == '\\') return true;
  if (p.size() > 1 && p[1] == ':') return true;  // C:\...
  size_t start = 0;
  for (size_t i = 0; i <= p.size(); ++i) {
    if (i == p.size() || p[i] == '/' || p[i] == '\\') {
      if (p.compare(start, i - start, "..") == 0 && i - start == 2) return true;
      start = i + 1;
    }
  }
  return false;
}

// Byte accounting for one archive: the expansion-ratio check.
struct ArchiveBudget {
  uint64_t compressed_size = 0;        // known size of the archive, or 0
  const uint64_t* consumed = nullptr;  // bytes fed so far when streamed
  uint64_t produced = 0;

  uint64_t Denominator() const {
    return std::max<uint64_t>({compressed_size, consumed ? *consumed : 0, 1});
  }
};

// Streams one member's data out of libarchive, enforcing the limits.
class MemberSource : public ByteSource {
 public:
  MemberSource(archive* a, ArchiveBudget& budget, const Limits& limits, uint64_t& total)
      : a_(a), budget_(budget), limits_(limits), total_(total) {}

  long Read(char* buf, size_t n) override {
    if (!error_.empty()) return -1;
    const la_ssize_t k = archive_read_data(a_, buf, n);
    if (k < 0) {
      error_ = ArchiveError(a_, "read error");
      return -1;
    }
    budget_.produced += static_cast<uint64_t>(k);
    total_ += static_cast<uint64_t>(k);
    if (budget_.produced > kRatioGrace &&
        budget_.produced > limits_.max_expansion_ratio * budget_.Denominator()) {
      bomb_ = true;
      error_ = "expansion ratio over " + std::to_string(static_cast<long long>(limits_.max_expansion_ratio)) +
               ":1 (" + std::to_string(budget_.produced) + " bytes out of " +
               std::to_string(budget_.Denominator()) +
               "): decompression bomb? (--max-expansion-ratio); rest of this archive abandoned";
      return -1;
    }
    if (total_ > limits_.max_total_bytes) {
      bomb_ = true;
      error_ = "more than " + std::to_string(limits_.max_total_bytes) +
               " bytes decompressed for this input (--max-total-bytes); reading stopped";
      return -1;
    }
    return static_cast<long>(k);
  }
  const std::string& error() const override { return error_; }
  bool bomb() const { return bomb_; }

 private:
  archive* a_;
  ArchiveBudget& budget_;
  const Limits& limits_;
  uint64_t& total_;
  std::string error_;
  bool bomb_ = false;
};

// libarchive client that pulls a nested archive's bytes from its parent.
struct NestedClient {
  ByteSource* source;
  std::string buffer = std::string(64 << 10, '\0');
  uint64_t consumed = 0;

  static la_ssize_t Read(archive* a, void* self, const void** out) {
    auto* c = static_cast<NestedClient*>(self);
    const long k = c->source->Read(c->buffer.data(), c->buffer.size());
    if (k < 0) {
      archive_set_error(a, EIO, "%s", c->source->error().c_str());
      return -1;
    }
    c->consumed += static_cast<uint64_t>(k);
    *out = c->buffer.data();
    return k;
  }
};

// Where a zip member's compressed bytes lie, so that it can be read through
// a source of its own (ISA-L, any thread) instead of through libarchive.
// Known for members of zips the reader can address: a zip file, a zip
// stored uncompressed in one, a zip loaded in memory.
struct MemberLocation {
  std::shared_ptr<const RandomAccess> archive;
  ZipEntry entry;
  uint64_t data_offset = 0;
  const Limits* limits = nullptr;

  // A fresh source over the member's bytes (null with the reason in *why).
  std::unique_ptr<ZipMemberSource> Open(std::string* why) const {
    return ZipMemberSource::Open(archive, entry, data_offset, *limits, nullptr, why);
  }
};

// libarchive client over a RandomAccess range (a zip stored inside a zip on
// disk, or one loaded in memory). It can seek, so libarchive reads a zip
// through its central directory and skips a member without inflating it.
struct RangeClient {
  const RandomAccess* range;
  uint64_t pos = 0;
  std::string buffer = std::string(64 << 10, '\0');

  static la_ssize_t Read(archive* a, void* self, const void** out) {
    auto* c = static_cast<RangeClient*>(self);
    const uint64_t n = std::min<uint64_t>(c->buffer.size(), c->range->size() - std::min(c->pos, c->range->size()));
    std::string error;
    if (n > 0 && !c->range->ReadAt(c->pos, c->buffer.data(), n, &error)) {
      archive_set_error(a, EIO, "%s", error.c_str());
      return -1;
    }
    c->pos += n;
    *out = c->buffer.data();
    return static_cast<la_ssize_t>(n);
  }
  static la_int64_t Seek(archive*, void* self, la_int64_t offset, int whence) {
    auto* c = static_cast<RangeClient*>(self);
    const int64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? static_cast<int64_t>(c->pos)
                                                                    : static_cast<int64_t>(c->range->size());
    const int64_t to = base + offset;
    if (to < 0) return ARCHIVE_FATAL;
    c->pos = static_cast<uint64_t>(to);
    return to;
  }
  static la_int64_t Skip(archive* a, void* self, la_int64_t request) {
    auto* c = static_cast<RangeClient*>(self);
    const la_int64_t before = static_cast<la_int64_t>(c->pos);
    const la_int64_t after = Seek(a, self, request, SEEK_CUR);
    return after < 0 ? 0 : after - before;
  }

  // Opens `a` on the range; false with libarchive's error set otherwise.
  bool Open(archive* a) {
    archive_read_set_callback_data(a, this);
    archive_read_set_read_callback(a, &Read);
    archive_read_set_seek_callback(a, &Seek);
    archive_read_set_skip_callback(a, &Skip);
    return archive_read_open1(a) == ARCHIVE_OK;
  }
};

}  // namespace archive_io
}  // namespace analyzer
