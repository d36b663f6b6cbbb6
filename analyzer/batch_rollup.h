// BatchRollup: the outputs that cover the whole batch, written from its
// BatchSummary: DIR/summary.json, DIR/index.html, and on request a SARIF and
// a JUnit file. `batch` writes them after the bundles; `merge` writes them
// from the shards' summaries: same summary, same bytes.
#pragma once

#include <string>
#include <vector>

#include "batch_summary.h"

namespace analyzer {

struct RollupFiles {
  std::string out_dir;  // receives summary.json and index.html; must exist
  std::string sarif;    // "" = none
  std::string junit;    // "" = none
};

// Writes every file it can; returns false and appends one message per file
// that could not be written.
bool WriteRollup(const BatchSummary& summary, const RollupFiles& files,
                 std::vector<std::string>* errors);

// Only the CI files (SARIF, JUnit) of `files`, for `scan`.
bool WriteCiFiles(const BatchSummary& summary, const RollupFiles& files,
                  std::vector<std::string>* errors);

// --fail-on: a severity name, or "none" (*enabled = false). False on
// anything else, with *error set.
bool ParseFailOn(const std::string& text, bool* enabled, Severity* threshold, std::string* error);

// The exit status of a batch (exit_status.h): kExitNoInput when no bundle
// could be read (an empty batch included); kExitFindings when `enabled` and
// a bundle has a finding or note at or above `threshold`; else kExitOk.
int BatchExitStatus(const BatchSummary& summary, bool enabled, Severity threshold);

}  // namespace analyzer
