#include "zip_directory.h"

#include <algorithm>
#include <cstring>
#include <numeric>

namespace analyzer {
namespace {

// Record signatures and fixed sizes, from PKWARE's APPNOTE.TXT (4.3).
constexpr uint32_t kLocalSignature = 0x04034b50;
constexpr uint32_t kCentralSignature = 0x02014b50;
constexpr uint32_t kEndSignature = 0x06054b50;
constexpr uint32_t kEnd64Signature = 0x06064b50;
constexpr uint32_t kLocatorSignature = 0x07064b50;
constexpr size_t kLocalSize = 30;
constexpr size_t kCentralSize = 46;
constexpr size_t kEndSize = 22;
constexpr size_t kEnd64Size = 56;
constexpr size_t kLocatorSize = 20;
// The end record is last but for its comment, at most 65 535 bytes.
constexpr size_t kEndSearch = kEndSize + 0xFFFF;
constexpr uint16_t kZip64ExtraId = 0x0001;
constexpr uint32_t kSaturated32 = 0xFFFFFFFF;
constexpr size_t kAmbiguousIndex = SIZE_MAX;
// Directory bytes are read in windows of this size: one read covers a few
// thousand typical records, and memory stays flat for a directory of any size.
constexpr size_t kWindow = 256 << 10;

uint16_t Le16(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return static_cast<uint16_t>(u[0] | u[1] << 8);
}
uint32_t Le32(const char* p) { return Le16(p) | static_cast<uint32_t>(Le16(p + 2)) << 16; }
uint64_t Le64(const char* p) { return Le32(p) | static_cast<uint64_t>(Le32(p + 4)) << 32; }

// a + b, or false if the sum does not fit: offsets and sizes come from the input.
bool Add(uint64_t a, uint64_t b, uint64_t* sum) {
  if (b > UINT64_MAX - a) return false;
  *sum = a + b;
  return true;
}

// A member's name for a message: quoted, and cut so that a 64 KiB name
// cannot swamp the report.
std::string Quoted(const std::string& name) {
  constexpr size_t kMax = 120;
  return "'" + (name.size() <= kMax ? name : name.substr(0, kMax) + "...") + "'";
}

// Reads the directory sequentially through one reused buffer.
class Window {
 public:
  Window(const RandomAccess& zip, uint64_t end) : zip_(zip), end_(end) {}

  // The `n` bytes at `offset`, valid until the next call; null (with the
  // reason in `*error`) if they are not all before the directory's end.
  const char* Get(uint64_t offset, size_t n, std::string* error) {
    uint64_t last = 0;
    if (!Add(offset, n, &last) || last > end_) {
      *error = "a central directory record runs past the end of the directory";
      return nullptr;
    }
    if (offset < start_ || last > start_ + size_) {
      size_ = static_cast<size_t>(std::min<uint64_t>(std::max(n, kWindow), end_ - offset));
      if (buffer_.size() < size_) buffer_.resize(size_);
      start_ = offset;
      if (!zip_.ReadAt(offset, buffer_.data(), size_, error)) return size_ = 0, nullptr;
    }
    return buffer_.data() + (offset - start_);
  }

 private:
  const RandomAccess& zip_;
  const uint64_t end_;
  std::string buffer_;
  uint64_t start_ = 0;
  size_t size_ = 0;
};

}  // namespace

// The parse, one construct per function: end record, ZIP64 end records,
// directory records, their ZIP64 extra field, the layout check.
class ZipDirectoryParser {
 public:
  ZipDirectoryParser(const RandomAccess& zip, uint64_t max_entries, ZipDirectory* out)
      : zip_(zip), max_entries_(max_entries), out_(out) {}

  bool Run() {
    return FindEnd() && CheckDirectoryPlace() && ReadEntries() && CheckLayout() && IndexNames();
  }
  std::string error;

 private:
  bool FindEnd();
  bool ReadEnd(const char* record, uint64_t position);
  bool ReadEnd64(uint64_t locator_position);
  bool CheckDirectoryPlace();
  bool ReadEntries();
  bool ReadEntry(Window& window, uint64_t* offset, ZipEntry* entry);
  bool ReadZip64Extra(std::string_view extra, ZipEntry* entry, uint16_t disk);
  bool CheckLayout();
  bool IndexNames();
  bool Fail(std::string why) { return error = std::move(why), false; }

  const RandomAccess& zip_;
  const uint64_t max_entries_;
  ZipDirectory* out_;
  uint64_t entry_count_ = 0;
  uint64_t directory_size_ = 0;
  uint64_t end_position_ = 0;  // where the (ZIP64) end record starts
};

bool ZipDirectoryParser::FindEnd() {
  const uint64_t size = zip_.size();
  if (size < kEndSize) return Fail("too short to be a zip (" + std::to_string(size) + " bytes)");
  const size_t tail_size = static_cast<size_t>(std::min<uint64_t>(size, kEndSearch));
  std::string tail(tail_size, '\0');
  if (!zip_.ReadAt(size - tail_size, tail.data(), tail_size, &error)) return false;
  // Scanning back, the first signature whose comment ends exactly at the end
  // of the range wins; failing that, the first whose comment fits (trailing
  // junk). A comment can contain the signature, hence the preference.
  size_t fit = SIZE_MAX;
  for (size_t i = tail_size - kEndSize + 1; i-- > 0;) {
    if (Le32(&tail[i]) != kEndSignature) continue;
    const size_t end = i + kEndSize + Le16(&tail[i + 20]);
    if (end == tail_size) return ReadEnd(&tail[i], size - tail_size + i);
    if (end < tail_size && fit == SIZE_MAX) fit = i;
  }
  if (fit == SIZE_MAX) return Fail("no end of central directory record: not a zip, or truncated");
  return ReadEnd(&tail[fit], size - tail_size + fit);
}

bool ZipDirectoryParser::ReadEnd(const char* record, uint64_t position) {
  out_->comment_.assign(record + kEndSize, Le16(record + 20));
  end_position_ = position;
  if (position >= kLocatorSize) {
    char locator[kLocatorSize];
    if (!zip_.ReadAt(position - kLocatorSize, locator, kLocatorSize, &error)) return false;
    if (Le32(locator) == kLocatorSignature) return ReadEnd64(position - kLocatorSize);
  }
  const uint16_t disk = Le16(record + 4), directory_disk = Le16(record + 6);
  const uint16_t entries_here = Le16(record + 8), entries = Le16(record + 10);
  if (disk != 0 || directory_disk != 0 || entries_here != entries)
    return Fail("the zip is split over several disks (not supported)");
  entry_count_ = entries;
  directory_size_ = Le32(record + 12);
  out_->directory_offset_ = Le32(record + 16);
  return true;
}

// When a locator precedes the end record, its 64-bit values replace the
// 16/32-bit ones, which writers then set to all ones.
bool ZipDirectoryParser::ReadEnd64(uint64_t locator_position) {
  char locator[kLocatorSize];
  if (!zip_.ReadAt(locator_position, locator, kLocatorSize, &error)) return false;
  const uint64_t record_position = Le64(locator + 8);
  const uint32_t disks = Le32(locator + 16);
  if (Le32(locator + 4) != 0 || disks > 1)
    return Fail("the zip is split over several disks (not supported)");
  if (record_position > locator_position || locator_position - record_position < kEnd64Size)
    return Fail("the ZIP64 locator points past itself (" + std::to_string(record_position) + ")");
  char record[kEnd64Size];
  if (!zip_.ReadAt(record_position, record, kEnd64Size, &error)) return false;
  if (Le32(record) != kEnd64Signature)
    return Fail("no ZIP64 end of central directory record where the locator points");
  if (Le32(record + 16) != 0 || Le32(record + 20) != 0 || Le64(record + 24) != Le64(record + 32))
    return Fail("the zip is split over several disks (not supported)");
  entry_count_ = Le64(record + 32);
  directory_size_ = Le64(record + 40);
  out_->directory_offset_ = Le64(record + 48);
  out_->zip64_ = true;
  end_position_ = record_position;
  return true;
}

bool ZipDirectoryParser::CheckDirectoryPlace() {
  uint64_t directory_end = 0;
  if (!Add(out_->directory_offset_, directory_size_, &directory_end) ||
      directory_end != end_position_)
    return Fail("the central directory (" + std::to_string(directory_size_) + " bytes at " +
                std::to_string(out_->directory_offset_) +
                ") does not end where the end record starts (" + std::to_string(end_position_) +
                "): truncated, or bytes before the first member (not supported)");
  if (entry_count_ > max_entries_)
    return Fail(std::to_string(entry_count_) + " members, more than the limit of " +
                std::to_string(max_entries_) + " (--max-entries)");
  // Each record takes at least 46 bytes: a count the directory cannot hold
  // is a lie, and must not size the vector below.
  if (entry_count_ > directory_size_ / kCentralSize)
    return Fail("the end record claims " + std::to_string(entry_count_) +
                " members, more than a central directory of " + std::to_string(directory_size_) +
                " bytes can hold");
  return true;
}

bool ZipDirectoryParser::ReadEntries() {
  Window window(zip_, end_position_);
  // Grown as records check out, so a lying count costs nothing up front.
  out_->entries_.reserve(static_cast<size_t>(std::min<uint64_t>(entry_count_, 1 << 16)));
  uint64_t offset = out_->directory_offset_;
  for (uint64_t i = 0; i < entry_count_; ++i) {
    ZipEntry entry;
    if (!ReadEntry(window, &offset, &entry)) return false;
    out_->entries_.push_back(std::move(entry));
  }
  // Left-over records would be members nobody reads: most likely a count
  // that wrapped past 65 535 in a writer that skipped ZIP64.
  if (offset != end_position_)
    return Fail("the central directory has " + std::to_string(end_position_ - offset) +
                " bytes left after its " + std::to_string(entry_count_) +
                " records (a member count that wrapped at 65 535?)");
  return true;
}

bool ZipDirectoryParser::ReadEntry(Window& window, uint64_t* offset, ZipEntry* e) {
  const char* p = window.Get(*offset, kCentralSize, &error);
  if (p == nullptr) return false;
  if (Le32(p) != kCentralSignature)
    return Fail("no central directory record at offset " + std::to_string(*offset));
  e->version_made_by = Le16(p + 4);
  e->flags = Le16(p + 8);
  e->method = Le16(p + 10);
  e->crc32 = Le32(p + 16);
  e->compressed_size = Le32(p + 20);
  e->uncompressed_size = Le32(p + 24);
  const size_t name_size = Le16(p + 28), extra_size = Le16(p + 30), comment_size = Le16(p + 32);
  const uint16_t disk = Le16(p + 34);
  e->external_attributes = Le32(p + 38);
  e->local_header_offset = Le32(p + 42);
  const size_t record_size = kCentralSize + name_size + extra_size + comment_size;
  p = window.Get(*offset, record_size, &error);  // may move the window: p again
  if (p == nullptr) return false;
  e->name.assign(p + kCentralSize, name_size);
  *offset += record_size;
  return ReadZip64Extra(std::string_view(p + kCentralSize + name_size, extra_size), e, disk);
}

// The ZIP64 extra field holds, in this order, only the values whose 32-bit
// (16-bit for the disk) field is all ones (APPNOTE 4.5.3).
bool ZipDirectoryParser::ReadZip64Extra(std::string_view extra, ZipEntry* e, uint16_t disk) {
  uint64_t* wanted[3] = {
      e->uncompressed_size == kSaturated32 ? &e->uncompressed_size : nullptr,
      e->compressed_size == kSaturated32 ? &e->compressed_size : nullptr,
      e->local_header_offset == kSaturated32 ? &e->local_header_offset : nullptr};
  const bool needed = wanted[0] || wanted[1] || wanted[2];
  // Blocks are id, size, data; a malformed tail (some writers pad) ends the walk.
  while (needed && extra.size() >= 4) {
    const uint16_t id = Le16(extra.data());
    const size_t size = std::min<size_t>(Le16(extra.data() + 2), extra.size() - 4);
    std::string_view data = extra.substr(4, size);
    extra.remove_prefix(4 + size);
    if (id != kZip64ExtraId) continue;
    for (uint64_t* field : wanted) {
      if (field == nullptr) continue;
      if (data.size() < 8)
        return Fail("member " + Quoted(e->name) + ": ZIP64 extra field too short");
      *field = Le64(data.data());
      data.remove_prefix(8);
    }
    if (disk == 0xFFFF && (data.size() < 4 || Le32(data.data()) != 0))
      return Fail("the zip is split over several disks (not supported)");
    return true;
  }
  if (needed)
    return Fail("member " + Quoted(e->name) +
                ": 32-bit sizes or offset all ones, but no ZIP64 extra field");
  if (disk != 0) return Fail("the zip is split over several disks (not supported)");
  return true;
}

// Members must follow one another, each before the next and all before the
// directory. Two members sharing bytes are how the densest zip bombs are
// built (one deflate stream counted many times); a member running into the
// directory has a lying size or offset. Each member takes at least its
// 30-byte local header plus its compressed size, whatever its name.
bool ZipDirectoryParser::CheckLayout() {
  const auto& entries = out_->entries_;
  std::vector<size_t> order(entries.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return entries[a].local_header_offset < entries[b].local_header_offset;
  });
  for (size_t i = 0; i < order.size(); ++i) {
    const ZipEntry& e = entries[order[i]];
    const bool last = i + 1 == order.size();
    const uint64_t limit =
        last ? out_->directory_offset_ : entries[order[i + 1]].local_header_offset;
    uint64_t end = 0;
    if (Add(e.local_header_offset, kLocalSize, &end) && Add(end, e.compressed_size, &end) &&
        end <= limit)
      continue;
    if (last)
      return Fail("member " + Quoted(e.name) +
                  " runs into the central directory (lying size or offset)");
    return Fail("members " + Quoted(e.name) + " and " + Quoted(entries[order[i + 1]].name) +
                " overlap (a zip bomb construction, or lying sizes)");
  }
  return true;
}

bool ZipDirectoryParser::IndexNames() {
  auto& index = out_->by_name_;
  index.reserve(out_->entries_.size());
  for (size_t i = 0; i < out_->entries_.size(); ++i) {
    const auto [it, inserted] = index.emplace(out_->entries_[i].name, i);
    if (!inserted) it->second = kAmbiguousIndex;
  }
  return true;
}

ZipDirectory ZipDirectory::Parse(const RandomAccess& zip, uint64_t max_entries) {
  ZipDirectory dir;
  ZipDirectoryParser parser(zip, max_entries, &dir);
  if (parser.Run()) return dir;
  ZipDirectory failed;
  failed.error_ = parser.error.empty() ? "unreadable zip directory" : parser.error;
  return failed;
}

ZipDirectory::Lookup ZipDirectory::Find(std::string_view name, size_t* index) const {
  const auto it = by_name_.find(std::string(name));
  if (it == by_name_.end()) return Lookup::kMissing;
  if (it->second == kAmbiguousIndex) return Lookup::kAmbiguous;
  *index = it->second;
  return Lookup::kFound;
}

bool ZipDirectory::ResolveData(const RandomAccess& zip, const ZipEntry& entry,
                               uint64_t* data_offset, std::string* error) const {
  // The local name is read along with the header, assuming it has the
  // directory's length; if it has not, that is a disagreement anyway.
  std::string header(kLocalSize + entry.name.size(), '\0');
  if (!zip.ReadAt(entry.local_header_offset, header.data(), header.size(), error)) {
    *error = "member " + Quoted(entry.name) + ": local header: " + *error;
    return false;
  }
  const char* p = header.data();
  std::string why;
  if (Le32(p) != kLocalSignature)
    why = "no local header at offset " + std::to_string(entry.local_header_offset);
  else if (Le16(p + 8) != entry.method)
    why = "local header and central directory disagree on the method";
  else if (Le16(p + 26) != entry.name.size() ||
           header.compare(kLocalSize, std::string::npos, entry.name) != 0)
    why = "local header and central directory disagree on the name";
  uint64_t end = 0;
  if (why.empty() && (!Add(entry.local_header_offset, header.size() + Le16(p + 28), data_offset) ||
                      !Add(*data_offset, entry.compressed_size, &end) || end > directory_offset_))
    why = "compressed data runs into the central directory (lying size or offset)";
  if (why.empty()) return true;
  *error = "member " + Quoted(entry.name) + ": " + why;
  return false;
}

}  // namespace analyzer
