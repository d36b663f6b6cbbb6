// Fuzz target: the input as a zip in memory: ZipDirectory::Parse, a lookup
// of every name, then every member through ResolveData and ZipMemberSource
// to its end, under the fuzz limits (16 MiB decompressed per input). Checks
// the contracts the parallel reader relies on: errors come with a reason,
// resolved data lies before the directory, and a member read to its end
// produced exactly its declared size.
#include <atomic>
#include <cstdlib>
#include <memory>
#include <string>

#include "fuzz_support.h"
#include "fuzz_targets.h"
#include "inflate_source.h"
#include "random_access.h"
#include "zip_directory.h"

namespace fuzz {
namespace {

void CheckLookup(const analyzer::ZipDirectory& dir, size_t i) {
  size_t found = SIZE_MAX;
  switch (dir.Find(dir.entries()[i].name, &found)) {
    case analyzer::ZipDirectory::Lookup::kFound:
      if (found != i) std::abort();
      break;
    case analyzer::ZipDirectory::Lookup::kAmbiguous:
      break;
    case analyzer::ZipDirectory::Lookup::kMissing:
      std::abort();
  }
}

void ReadMember(const std::shared_ptr<const analyzer::RandomAccess>& zip,
                const analyzer::ZipDirectory& dir, const analyzer::ZipEntry& entry,
                const analyzer::Limits& limits, std::atomic<uint64_t>* total) {
  uint64_t offset = 0;
  std::string why;
  if (!dir.ResolveData(*zip, entry, &offset, &why)) {
    if (why.empty()) std::abort();
    return;
  }
  if (offset > dir.directory_offset() || entry.compressed_size > dir.directory_offset() - offset)
    std::abort();
  auto src = analyzer::ZipMemberSource::Open(zip, entry, offset, limits, total, &why);
  if (!src) {
    if (why.empty()) std::abort();
    return;
  }
  char buf[16 << 10];
  long k;
  while ((k = src->Read(buf, sizeof buf)) > 0) {
  }
  if (k < 0 && src->error().empty()) std::abort();
  if (k == 0 && src->produced() != entry.uncompressed_size) std::abort();
}

}  // namespace

int ZipDirectory(const uint8_t* data, size_t size) {
  auto bytes = std::make_shared<const std::string>(reinterpret_cast<const char*>(data), size);
  const std::shared_ptr<const analyzer::RandomAccess> zip =
      std::make_shared<analyzer::MemoryRange>(std::move(bytes));
  const analyzer::Limits limits = FuzzLimits();
  const analyzer::ZipDirectory dir = analyzer::ZipDirectory::Parse(*zip, limits.max_entries);
  if (!dir.ok()) {
    if (dir.error().empty() || !dir.entries().empty()) std::abort();
    return 0;
  }
  std::atomic<uint64_t> total{0};
  for (size_t i = 0; i < dir.entries().size(); ++i) {
    CheckLookup(dir, i);
    ReadMember(zip, dir, dir.entries()[i], limits, &total);
  }
  return 0;
}

}  // namespace fuzz
