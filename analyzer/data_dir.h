// DataDir: where the shipped rules/ directory (rule packs, log formats,
// schemas) is found at run time, so the binary works from the build tree,
// from an install, or with an explicit --data-dir.
#pragma once

#include <string>

namespace analyzer {

// Returns the first of: `explicit_dir`; $ANALYZER_DATA_DIR; the rules/ next
// to the executable's parent (build tree); <prefix>/share/analyzer/rules;
// the source tree's rules/ (compiled in). "" if none exists.
std::string FindDataDir(const std::string& explicit_dir, const char* argv0);

}  // namespace analyzer
