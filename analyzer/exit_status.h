// The analyzer's exit statuses: one enum, shown in --help and README.
#pragma once

namespace analyzer {

enum ExitStatus {
  kExitOk = 0,          // ran; no finding at or above --fail-on
  kExitFindings = 1,    // a finding at or above --fail-on
  kExitUsage = 2,       // bad command line, or a rule pack / format that does not load
  kExitNoInput = 3,     // no input could be read at all
};

}  // namespace analyzer
