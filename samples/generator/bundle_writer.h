// Writes a planned bundle: the role zips (built in parallel, one thread per role, each
// spooled to an anonymous temporary file so that none is held in memory), then the outer
// container holding the AzureStackLogs-<stamp>-AZS-ERCS01/ folder with the transcript,
// the stamp information and the role zips. Same scenario and options: same bytes.
#ifndef SAMPLES_GENERATOR_BUNDLE_WRITER_H_
#define SAMPLES_GENERATOR_BUNDLE_WRITER_H_

#include <cstddef>
#include <string>

#include "plan.h"
#include "scenario.h"

namespace samplegen {

enum class Layout {
  kZip,        // the outer container is a zip (what engineers usually pass around)
  kTarGz,      // the outer container is a tar.gz (a repack)
  kDirectory,  // the AzureStackLogs-* folder written to disk, role zips inside it
};

struct WriteOptions {
  Layout layout = Layout::kZip;
  int compression_level = 6;          // zlib level for every archive
  bool store_role_zips = false;       // outer zip stores the role zips instead of deflating
  size_t max_file_bytes = 64u << 20;  // size cap of one rotated log file
};

// Writes to `out_path`: the outer zip or tar.gz file, or for kDirectory the directory
// that receives the AzureStackLogs-* folder. Returns false with `error` set.
bool WriteBundle(const Scenario& scenario, const Plan& plan, const std::string& out_path,
                 const WriteOptions& options, std::string* error);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_BUNDLE_WRITER_H_
