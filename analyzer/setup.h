// Setup: what every command that reads bundles needs, prepared once from
// the options: the log formats (shipped, plus those of --rules dirs), the
// assumed zone and the time filter. Errors name the file and place.
#pragma once

#include <ostream>
#include <string>

#include "cli_options.h"
#include "format_set.h"
#include "ingest.h"

namespace analyzer {

struct Setup {
  FormatSet formats;
  IngestOptions ingest;
  UtcTime from, to;  // unknown = unbounded

  bool InRange(UtcTime t) const { return InTimeRange(t, from, to); }
};

// Returns false after printing every problem to `err`.
bool PrepareSetup(const CliOptions& options, const std::string& data_dir, Setup* setup,
                  std::ostream& err);

}  // namespace analyzer
