// ZipDirectory: the central directory of a zip archive that lies in a
// RandomAccess range: where each member's bytes are, how they are
// compressed, and what they must check out to (sizes, CRC-32). It lets
// worker threads inflate members in parallel, each reading its own span.
//
//   ZipDirectory dir = ZipDirectory::Parse(zip, limits.max_entries);
//   if (!dir.ok()) return FallBack(dir.error());
//   for (const ZipEntry& e : dir.entries()) {
//     uint64_t data = 0;
//     std::string why;
//     if (!dir.ResolveData(zip, e, &data, &why)) { ...; continue; }
//     // e.compressed_size bytes at `data`: see inflate_source.h
//   }
//
// The input is hostile: every count, size and offset is checked against
// the range before it is used, and anything wrong is an error value (never
// an exception, never a read outside the range). Supported: ZIP64 (sizes,
// offsets and counts past 32 bits), archive comments, UTF-8 names. Not
// supported, reported as errors: archives split over several disks, and
// archives with bytes before the first member (self-extracting stubs),
// whose offsets do not match the range.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "random_access.h"

namespace analyzer {

// One central-directory record. ZIP64 values, when present, have already
// replaced the 32-bit fields they extend.
struct ZipEntry {
  std::string name;              // raw bytes as stored: UTF-8 if utf8(), else usually CP437
  uint16_t version_made_by = 0;  // high byte: host system (3 = Unix)
  uint16_t flags = 0;            // general-purpose bit flags
  uint16_t method = 0;           // 0 stored, 8 deflate; anything else kept as is
  uint32_t crc32 = 0;            // of the uncompressed data
  uint64_t compressed_size = 0;
  uint64_t uncompressed_size = 0;
  uint64_t local_header_offset = 0;  // in the range given to Parse
  uint32_t external_attributes = 0;  // high 16 bits: Unix mode when made on Unix

  static constexpr uint16_t kEncrypted = 1 << 0;
  static constexpr uint16_t kDataDescriptor = 1 << 3;  // sizes and CRC follow the data
  static constexpr uint16_t kUtf8 = 1 << 11;

  bool encrypted() const { return (flags & kEncrypted) != 0; }
  bool utf8() const { return (flags & kUtf8) != 0; }
  bool has_data_descriptor() const { return (flags & kDataDescriptor) != 0; }
  bool is_directory() const { return !name.empty() && name.back() == '/'; }
};

class ZipDirectory {
 public:
  // Reads the directory of the zip that fills `zip`. Fails if the archive
  // holds more than `max_entries` members (Limits::max_entries). Cost: one
  // read of at most 64 KiB for the end record, then the directory read in
  // windows of 256 KiB; memory is the entries plus one window.
  static ZipDirectory Parse(const RandomAccess& zip, uint64_t max_entries);

  bool ok() const { return error_.empty(); }
  // Why parsing failed ("" when ok()): no entries are kept then.
  const std::string& error() const { return error_; }

  const std::vector<ZipEntry>& entries() const { return entries_; }
  const std::string& comment() const { return comment_; }  // raw bytes
  bool zip64() const { return zip64_; }                    // the ZIP64 end records were used
  // Where the central directory starts: every member's data lies before it.
  uint64_t directory_offset() const { return directory_offset_; }

  // Finds the entry whose name is exactly `name` (raw bytes). A name stored
  // more than once is ambiguous: which copy an extractor picks varies, so
  // the caller should not pick either (fall back to a sequential reader).
  enum class Lookup { kFound, kMissing, kAmbiguous };
  Lookup Find(std::string_view name, size_t* index) const;

  // Reads `entry`'s local header in `zip` (the range given to Parse) and
  // sets `*data_offset` to where its compressed bytes start. Fails, with
  // the reason in `*error`, if the local header is missing or disagrees
  // with the directory (name, method), or if the compressed bytes do not
  // fit between it and the central directory. One read; thread-safe.
  bool ResolveData(const RandomAccess& zip, const ZipEntry& entry, uint64_t* data_offset,
                   std::string* error) const;

 private:
  friend class ZipDirectoryParser;

  std::vector<ZipEntry> entries_;
  std::unordered_map<std::string, size_t> by_name_;  // kAmbiguousIndex if repeated
  std::string comment_;
  std::string error_;
  uint64_t directory_offset_ = 0;
  bool zip64_ = false;
};

}  // namespace analyzer
