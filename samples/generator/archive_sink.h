// An EntrySink that writes a zip (deflate) or a tar.gz through libarchive's write API.
// Output is reproducible: entries carry only the given mtime, uid/gid 0 and mode 0644,
// and the gzip header carries no timestamp. Zip headers store mtimes as MS-DOS local
// time, so the process must run with TZ=UTC (main() sets it).
//
//   std::FILE* out = std::fopen("bundle.zip", "wb");
//   std::string error;
//   auto sink = OpenArchiveSink({ArchiveFormat::kZip, 6, false}, out, &error);
//   sink->AddBytes("a/b.log", text, mtime) && sink->Close();
//   std::fclose(out);
#ifndef SAMPLES_GENERATOR_ARCHIVE_SINK_H_
#define SAMPLES_GENERATOR_ARCHIVE_SINK_H_

#include <cstdio>
#include <memory>
#include <string>

#include "entry_sink.h"

namespace samplegen {

enum class ArchiveFormat { kZip, kTarGz };

struct ArchiveOptions {
  ArchiveFormat format;
  int compression_level;  // zlib's 1..9
  // Zip only: store members named *.zip instead of deflating them again (saves time on
  // multi-GB bundles; readers must cope with both methods anyway).
  bool store_zip_members;
};

// Starts an archive on `file` (not owned; close it after Close()). Returns nullptr and
// sets `error` on failure.
std::unique_ptr<EntrySink> OpenArchiveSink(const ArchiveOptions& options, std::FILE* file,
                                           std::string* error);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_ARCHIVE_SINK_H_
