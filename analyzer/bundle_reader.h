// BundleReader: walks one input (a directory, an archive of any kind
// libarchive reads, or a single file) and hands every text-like entry to an
// EntrySink as a stream of bytes. Archives inside archives are opened in
// memory, recursively: streamed through libarchive when the format allows
// it, loaded (within Limits::max_in_memory_archive) when it must seek (7z)
// or is small. Nothing is ever written to disk.
//
// Every entry is named by its chain, levels joined by "!/":
//   AzureStackLogs-x.zip!/AzureStackLogs-x/AzureBridge-1.zip!/AzureBridge/AzS-XRP01/b.log
//
// Binary members (.etl, .evtx, .dmp, ...), links, unsafe paths ("..",
// absolute), and anything past a limit are reported to the sink as skipped
// or failed, with the reason; the rest of the input is still read.
//
//   MySink sink;
//   BundleReader reader(Limits(), sink);
//   bool any = reader.ReadInput("bundle.zip");
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "byte_source.h"
#include "file_source.h"
#include "inventory.h"
#include "random_access.h"
#include "read_limits.h"
#include "zip_directory.h"

struct archive;

namespace analyzer {
namespace archive_io {
struct MemberLocation;
}

struct EntryInfo {
  std::string source;      // full "!/" chain
  std::string name;        // path inside its innermost container (or the file path)
  int depth = 0;           // number of archives around it
  int64_t size = -1;       // uncompressed size if the container says so
};

class EntrySink {
 public:
  virtual ~EntrySink() = default;
  // A text-like entry: read it from `data` (the sink decides if it really is
  // text) and report its own inventory item.
  virtual void OnFile(const EntryInfo& info, ByteSource& data) = 0;
  // The same for an entry whose bytes are `head` then `rest`, where `rest`
  // stands alone: the sink may keep it and read it later, on any thread (a
  // zip member inflated from its own place in the archive). By default it
  // is read at once.
  virtual void OnOpenedFile(const EntryInfo& info, std::string head, std::unique_ptr<ByteSource> rest) {
    PrefixedSource data(head, *rest);
    OnFile(info, data);
  }
  // An entry the reader handled itself: an archive, a skip, a failure.
  virtual void OnInventory(InventoryItem item) = 0;
  virtual void OnProblem(Problem problem) = 0;
};

class BundleReader {
 public:
  BundleReader(const Limits& limits, EntrySink& sink) : limits_(limits), sink_(sink) {}

  // Reads `path`. Returns false when nothing at all could be read from it.
  bool ReadInput(const std::string& path);

  uint64_t entries() const { return entries_; }
  uint64_t bytes() const { return total_bytes_; }

 private:
  bool ReadDirectory(const std::string& path);
  bool ReadPlainFile(const std::string& path, const std::string& source,
                     FileSource::Links links = FileSource::Links::kFollow);
  bool ReadArchiveFile(const std::string& path, const std::string& source, bool raw_allowed, bool zip);
  // A zip the reader can address, with its directory: its members can be
  // offered to the sink as MemberLocations.
  struct ZipLocator {
    std::shared_ptr<const RandomAccess> range;
    ZipDirectory directory;
  };
  // Reads the archive `a` is open on; `size` is its compressed size if known.
  // When streamed, `consumed` counts the bytes fed to it so far.
  bool WalkArchive(struct archive* a, const std::string& source, int depth, uint64_t size,
                   const uint64_t* consumed = nullptr, const ZipLocator* zip = nullptr);
  bool Locate(const ZipLocator& zip, const std::string& name, int64_t size, archive_io::MemberLocation* where);
  // Classifies one member's bytes and dispatches it: read from `data`, or,
  // when `where` is known, from a source of its own. Returns the bytes of it
  // read (or to be read) elsewhere than from `data`.
  uint64_t HandleMember(const EntryInfo& info, ByteSource& data,
                        const archive_io::MemberLocation* where = nullptr);
  // Returns the bytes of the nested archive walked in place (not read from `data`).
  uint64_t OpenNested(const EntryInfo& info, ByteSource& data, bool raw_allowed, std::string_view head,
                      const archive_io::MemberLocation* where);
  // Walks a zip that lies in `range` (no bytes loaded); false if it is not
  // one the zip directory reader accepts (the caller then streams it).
  bool WalkZipRange(const EntryInfo& info, std::shared_ptr<const RandomAccess> range, int depth);
  std::unique_ptr<ZipLocator> LocatorFor(std::shared_ptr<const RandomAccess> range);
  void Fail(const std::string& source, const std::string& kind, const std::string& reason);
  void Skip(const std::string& source, const std::string& reason);
  bool CountEntry(const std::string& source);

  const Limits& limits_;
  EntrySink& sink_;
  uint64_t entries_ = 0;
  uint64_t total_bytes_ = 0;
  bool entry_limit_reported_ = false;
  bool stopped_ = false;  // a whole-input limit was hit
};

// What a member is, judged from its name and first bytes.
enum class MemberKind { kText, kArchive, kCompressedFile, kBinary };
MemberKind ClassifyMember(const std::string& name, std::string_view head, std::string* why);

}  // namespace analyzer
