// BundleReader's walk through one archive: members, nesting, limits.
#include <archive.h>
#include <archive_entry.h>

#include "archive_io.h"
#include "bundle_reader.h"

namespace analyzer {
namespace {

using namespace archive_io;

std::string MemberName(archive_entry* e, uint64_t index) {
  const char* name = archive_entry_pathname_utf8(e);
  if (name == nullptr) name = archive_entry_pathname(e);
  if (name == nullptr || *name == '\0') return "#" + std::to_string(index);
  return name;
}

// Why a member must not be read, or "" when it may.
std::string RefusalReason(archive_entry* e, const std::string& name) {
  if (const char* target = archive_entry_symlink(e))
    return std::string("symbolic link to '") + target + "': links are never followed";
  if (const char* target = archive_entry_hardlink(e))
    return std::string("hard link to '") + target + "': links are never followed";
  if (archive_entry_filetype(e) != AE_IFREG) return "not a regular file";
  if (UnsafePath(name)) return "unsafe path (absolute or containing '..'): never followed";
  return "";
}

}  // namespace

bool BundleReader::WalkArchive(archive* a, const std::string& source, int depth, uint64_t size,
                               const uint64_t* consumed, const ZipLocator* zip) {
  InventoryItem self;
  self.source = source;
  self.kind = "archive";
  ArchiveBudget budget;
  budget.compressed_size = size;
  budget.consumed = consumed;
  uint64_t index = 0;
  int retries = 0;
  bool ok = true;
  std::string abandoned;  // why the members left are listed, not read
  while (!stopped_) {
    archive_entry* e = nullptr;
    const int r = archive_read_next_header(a, &e);
    if (r == ARCHIVE_EOF) break;
    if (r == ARCHIVE_RETRY && ++retries < 4) continue;
    if (r < ARCHIVE_WARN) {
      const std::string why = ArchiveError(a, "corrupt archive");
      if (index == 0) {
        self.status = EntryStatus::kFailed;
        self.reason = "not a readable archive: " + why;
        ok = false;
      } else {
        sink_.OnProblem({source, "archive ends early (truncated or corrupt) after " +
                                     std::to_string(index) + " entries: " + why});
      }
      break;
    }
    if (r == ARCHIVE_WARN) sink_.OnProblem({source, ArchiveError(a, "warning")});
    std::string name = MemberName(e, index++);
    if (archive_format(a) == ARCHIVE_FORMAT_RAW) name = StripCompressionSuffix(Basename(source));
    if (archive_entry_filetype(e) == AE_IFDIR) continue;
    const std::string member_source = source + "!/" + name;
    if (!CountEntry(member_source)) break;
    if (std::string why = RefusalReason(e, name); !why.empty()) {
      Skip(member_source, why);
      continue;
    }
    if (!abandoned.empty()) {
      Skip(member_source, abandoned);
      continue;
    }
    if (archive_entry_is_encrypted(e)) {
      Fail(member_source, "file", "encrypted member: cannot be read without its password");
      continue;
    }
    EntryInfo info{member_source, name, depth,
                   archive_entry_size_is_set(e) ? archive_entry_size(e) : -1};
    MemberLocation where;
    const bool located = zip != nullptr && Locate(*zip, name, info.size, &where);
    MemberSource data(a, budget, limits_, total_bytes_);
    budget.produced += HandleMember(info, data, located ? &where : nullptr);
    if (data.bomb()) {
      sink_.OnProblem({member_source, data.error()});
      // The byte budget is for the whole input: past it, no other archive
      // may be opened either (the message says "reading stopped").
      if (total_bytes_ > limits_.max_total_bytes) stopped_ = true;
      // A zip read through its central directory (a file, or a nested zip
      // loaded in memory) skips a member by seeking: the members after the
      // bomb can still be listed, so none is lost silently. Anywhere else
      // skipping means inflating the bomb: stop, and say so.
      if (stopped_ || consumed != nullptr || archive_format(a) != ARCHIVE_FORMAT_ZIP) {
        sink_.OnProblem({source, "members after " + name + " were not read or listed (decompression bomb)"});
        break;
      }
      abandoned = "not read: an earlier member of this archive is a decompression bomb (" + name + ")";
    }
  }
  // libarchive reads a 0-byte input as an empty archive: it holds nothing
  // valid, so it must not count as read ("nothing could be read" is status 3).
  if (ok && archive_format(a) == ARCHIVE_FORMAT_EMPTY) {
    self.status = EntryStatus::kFailed;
    self.reason = "not a readable archive: empty file (0 bytes)";
    ok = false;
  }
  self.entries = index;
  self.bytes = budget.produced;
  sink_.OnInventory(std::move(self));
  return ok;
}

bool BundleReader::Locate(const ZipLocator& zip, const std::string& name, int64_t size,
                          MemberLocation* where) {
  size_t index = 0;
  if (zip.directory.Find(name, &index) != ZipDirectory::Lookup::kFound) return false;
  const ZipEntry& entry = zip.directory.entries()[index];
  std::string why;
  uint64_t offset = 0;
  if (size >= 0 && entry.uncompressed_size != static_cast<uint64_t>(size)) return false;
  if (!ZipMemberSource::Supported(entry, &why) || !zip.directory.ResolveData(*zip.range, entry, &offset, &why))
    return false;  // libarchive reads it (and reports what is wrong with it)
  *where = MemberLocation{zip.range, entry, offset, &limits_};
  return true;
}

uint64_t BundleReader::HandleMember(const EntryInfo& info, ByteSource& data, const MemberLocation* where) {
  // A located member is read through a source of its own from its first
  // byte: libarchive never inflates it, and the source, its head read, goes
  // on to the sink, so the member is inflated once, on a parsing thread.
  // Past the byte budget, libarchive reads it and says so.
  std::unique_ptr<ZipMemberSource> own;
  std::string why;
  if (where != nullptr && total_bytes_ + where->entry.uncompressed_size <= limits_.max_total_bytes)
    own = where->Open(&why);
  ByteSource& source = own ? static_cast<ByteSource&>(*own) : data;
  // What `own` read counts here, in walk order, so budgets are met at the
  // same member whatever the threads do.
  auto counted = [&](uint64_t elsewhere) {
    const uint64_t n = (own ? own->produced() : 0) + elsewhere;
    total_bytes_ += n;
    return n;
  };
  std::string head;
  if (!ReadUpTo(source, kHeadBytes, &head)) {
    Fail(info.source, "file", "cannot read member: " + source.error());
    return counted(0);
  }
  const MemberKind kind = ClassifyMember(info.name, head, &why);
  if (kind == MemberKind::kBinary) return Skip(info.source, why), counted(0);
  if (kind == MemberKind::kText) {
    if (own == nullptr) {
      PrefixedSource rest(head, data);
      sink_.OnFile(info, rest);
      return 0;
    }
    const uint64_t rest_bytes = where->entry.uncompressed_size - std::min<uint64_t>(
                                                                     where->entry.uncompressed_size, head.size());
    const uint64_t n = counted(rest_bytes);
    sink_.OnOpenedFile(info, std::move(head), std::move(own));
    return n;
  }
  if (info.depth >= limits_.max_depth) {
    Skip(info.source, "archive nested deeper than " + std::to_string(limits_.max_depth) +
                          " levels (--max-depth): not opened");
    return counted(0);
  }
  PrefixedSource rest(head, source);
  const uint64_t in_place = OpenNested(info, rest, kind == MemberKind::kCompressedFile, head, where);
  return own ? counted(in_place) : (total_bytes_ += in_place, in_place);
}

std::unique_ptr<BundleReader::ZipLocator> BundleReader::LocatorFor(std::shared_ptr<const RandomAccess> range) {
  if (range == nullptr) return nullptr;
  auto zip = std::make_unique<ZipLocator>();
  zip->directory = ZipDirectory::Parse(*range, limits_.max_entries);
  if (!zip->directory.ok()) return nullptr;
  zip->range = std::move(range);
  return zip;
}

bool BundleReader::WalkZipRange(const EntryInfo& info, std::shared_ptr<const RandomAccess> range, int depth) {
  std::unique_ptr<ZipLocator> zip = LocatorFor(std::move(range));
  if (zip == nullptr) return false;
  ArchivePtr child = NewArchiveReader(false);
  RangeClient client{zip->range.get()};
  if (!client.Open(child.get())) return false;
  WalkArchive(child.get(), info.source, depth, zip->range->size(), nullptr, zip.get());
  return true;
}

uint64_t BundleReader::OpenNested(const EntryInfo& info, ByteSource& data, bool raw_allowed,
                                  std::string_view head, const MemberLocation* where) {
  // A zip stored uncompressed is a byte range of its parent: walked in
  // place, its members inflated by whichever thread takes them.
  if (where != nullptr && where->entry.method == 0 && LooksLikeZip(head) && !raw_allowed) {
    std::string why;
    if (WalkZipRange(info, where->archive->Slice(where->data_offset, where->entry.compressed_size, &why),
                     info.depth + 1))  // counted as if streamed through, like any nested archive
      return where->entry.compressed_size - std::min<uint64_t>(where->entry.compressed_size, head.size());
  }
  const bool needs_seek = head.substr(0, 6) == std::string_view("7z\xBC\xAF\x27\x1C", 6);
  const bool small = info.size >= 0 && static_cast<uint64_t>(info.size) <= kLoadNestedBelow;
  ArchivePtr child = NewArchiveReader(raw_allowed);
  if (needs_seek || small) {
    auto whole = std::make_shared<std::string>();
    const uint64_t cap = limits_.max_in_memory_archive;
    if (!ReadUpTo(data, cap + 1, whole.get())) return Fail(info.source, "archive", "cannot read: " + data.error()), 0;
    if (whole->size() > cap) {
      Fail(info.source, "archive", "nested archive over " + std::to_string(cap) +
                                       " bytes must be loaded to be read (--max-in-memory-archive)");
      return 0;
    }
    if (!raw_allowed && LooksLikeZip(*whole) &&
        WalkZipRange(info, std::make_shared<MemoryRange>(whole), info.depth + 1))
      return 0;
    if (archive_read_open_memory(child.get(), whole->data(), whole->size()) != ARCHIVE_OK) {
      Fail(info.source, "archive", "not a readable archive: " + ArchiveError(child.get(), "unknown format"));
      return 0;
    }
    WalkArchive(child.get(), info.source, info.depth + 1, whole->size());
    return 0;
  }
  NestedClient client{&data};
  if (archive_read_open(child.get(), &client, nullptr, &NestedClient::Read, nullptr) != ARCHIVE_OK) {
    Fail(info.source, "archive", "not a readable archive: " + ArchiveError(child.get(), "unknown format"));
    return 0;
  }
  WalkArchive(child.get(), info.source, info.depth + 1, 0, &client.consumed);
  return 0;
}

}  // namespace analyzer
