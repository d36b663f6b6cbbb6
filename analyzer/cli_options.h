// CliOptions: the command line, parsed. The only module that knows
// Boost.Program_options; everything else receives this plain struct.
//
//   analyzer records BUNDLE... [--from T] [--to T] [--inventory]
//   analyzer scan BUNDLE... [--json FILE|-] [--html FILE] [--lang en|fr] [--fail-on SEVERITY]
//   analyzer rules list|test|lint [--rules DIR]
//   analyzer batch INPUT... --out DIR [-j N] [--shard K/N] [--sarif FILE] [--junit FILE]
//                           [--fail-on SEVERITY]
//   analyzer merge DIR... --out DIR [--sarif FILE] [--junit FILE] [--fail-on SEVERITY]
#pragma once

#include <string>
#include <vector>

#include "read_limits.h"

namespace analyzer {

struct CliOptions {
  std::string command;     // "records", "scan", "rules", "batch", "merge"
  std::string subcommand;  // for "rules": "list", "test", "lint"
  std::vector<std::string> inputs;
  std::vector<std::string> rules_dirs;  // --rules, added to or replacing shipped packs
  std::string data_dir;                 // --data-dir: shipped rules/ (default: found near the binary)
  std::string assume_tz = "UTC";
  std::string from, to;                 // RFC 3339, "" when unset
  bool inventory = false;
  std::string json_out;                 // "" none, "-" stdout
  std::string html_out;
  std::string lang = "en";
  std::string fail_on = "none";
  std::string episode_gap = "15m";
  bool quiet = false;
  unsigned threads = 0;                 // --threads: parsing threads per bundle, 0 = one per core
  // batch and merge
  std::string out_dir;     // --out: per-bundle reports and the roll-up
  int jobs = 0;            // -j: bundles analyzed at once; 0 = every core
  std::string shard;       // --shard K/N, "" = everything
  std::string sarif_out;   // --sarif FILE, "" none
  std::string junit_out;   // --junit FILE, "" none
  Limits limits;
};

enum class ParseOutcome { kRun, kHelp, kError };

// Fills *out. On kHelp or kError, *message holds the text to print.
ParseOutcome ParseCommandLine(int argc, const char* const* argv, CliOptions* out,
                              std::string* message);

}  // namespace analyzer
