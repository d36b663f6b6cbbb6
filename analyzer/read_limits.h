// Limits: every bound the reader enforces against hostile or broken bundles.
// Each has a default here, a command-line flag (cli_options.cc) and a message
// naming the place when it is hit; hitting one never stops the rest of the
// bundle from being read.
#pragma once

#include <cstdint>

namespace analyzer {

struct Limits {
  // Archives inside archives deeper than this are listed as skipped.
  int max_depth = 8;
  // Bytes out of one archive member per byte in; deflate cannot exceed ~1032:1
  // honestly, so more means a crafted bomb. Checked once a member passed 1 MiB.
  double max_expansion_ratio = 1000.0;
  // Total bytes decompressed for one input, all levels together.
  uint64_t max_total_bytes = 64ull << 30;
  // Lines longer than this are cut (the cut is counted, the rest is skipped).
  uint64_t max_line_bytes = 1 << 20;
  // A record (first line plus continuation lines) is cut past this size.
  uint64_t max_record_bytes = 1 << 20;
  // Entries (files and members, all levels) per input.
  uint64_t max_entries = 1'000'000;
  // Nested archives that cannot be streamed (7z needs seeking) are read into
  // memory up to this size.
  uint64_t max_in_memory_archive = 256ull << 20;
};

}  // namespace analyzer
