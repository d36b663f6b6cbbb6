// Fuzz target: one input through the bundle reader and the record reader.
// The first byte picks the input's file name (the reader classifies by name
// as well as by magic bytes); the rest is the file. The file lives in a
// private directory under /dev/shm (or TMPDIR), rewritten for every input:
// BundleReader reads paths, and its public API stays as it is.
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string>

#include "fuzz_support.h"
#include "fuzz_targets.h"
#include "ingest.h"

namespace fuzz {
namespace {

constexpr const char* kNames[] = {"bundle.zip", "bundle.tar.gz", "bridge.log",
                                  "bridge.log.gz", "bundle.7z", "bundle"};

// The scratch directory, removed at exit (libFuzzer exits through exit()).
struct ScratchDir {
  ScratchDir() {
    std::string base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    if (const char* t = std::getenv("TMPDIR"); t != nullptr && *t != '\0') base = t;
    path = base + "/analyzer-fuzz-XXXXXX";
    if (mkdtemp(path.data()) == nullptr) std::abort();
  }
  ~ScratchDir() {
    for (const char* n : kNames) std::remove((path + "/" + n).c_str());
    rmdir(path.c_str());
  }
  std::string path;
};

bool WriteAll(const std::string& path, const uint8_t* data, size_t size) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  while (size > 0) {
    const ssize_t k = write(fd, data, size);
    if (k <= 0) break;
    data += k, size -= static_cast<size_t>(k);
  }
  close(fd);
  return size == 0;
}

}  // namespace

int BundleReader(const uint8_t* data, size_t size) {
  static const ScratchDir scratch;
  if (size == 0) return 0;
  const std::string path = scratch.path + "/" + kNames[data[0] % std::size(kNames)];
  if (!WriteAll(path, data + 1, size - 1)) return 0;
  analyzer::IngestOptions options;
  options.formats = &ShippedFormats();
  options.limits = FuzzLimits();
  options.digest = (data[0] & 0x80) != 0;
  TouchingSink sink;
  const analyzer::InputSummary s = analyzer::IngestInput(path, options, sink);
  // The inventory contract: every item has a status, and a reason unless read.
  for (const auto& item : s.inventory)
    if (item.status != analyzer::EntryStatus::kRead && item.reason.empty()) std::abort();
  std::remove(path.c_str());
  return 0;
}

}  // namespace fuzz
