// HtmlCoverage: when the logs of each host (and component) say something,
// from the time range of every text file read, for the report's timeline
// and its "time covered per host" table.
//
// A file only tells its first and last record, so a span is "covered" when
// some file of the lane was written over it; a gap is time inside the
// bundle's span that no file of the lane covers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ingest.h"

namespace analyzer {

struct TimeSpan {
  UtcTime start, end;  // both known, start <= end
};

struct LaneCoverage {
  std::string host;
  std::string component;                // "" when grouped per host
  std::vector<std::string> components;  // per host: every component seen, sorted
  std::vector<TimeSpan> covered;        // sorted, disjoint
  uint64_t files = 0, records = 0;
};

// Rotation leaves holes of seconds to a minute between consecutive files
// of one service; holes up to this long are not reported as gaps.
constexpr int64_t kCoverageMergeTicks = 10 * 60 * kTicksPerSecond;

// The union of the inputs' time ranges; start/end unknown when no input
// has a timed record.
TimeSpan BundleSpan(const std::vector<InputSummary>& inputs);

// One lane per (host, component), or per host when `per_component` is
// false, from the read files with a host and a known time range, over all
// inputs. Sorted by host, then component. Linear in the inventory size plus
// a sort.
std::vector<LaneCoverage> BuildCoverage(const std::vector<InputSummary>& inputs,
                                        bool per_component);

// The parts of `within` that `covered` leaves out, in time order.
std::vector<TimeSpan> CoverageGaps(const std::vector<TimeSpan>& covered, TimeSpan within);

}  // namespace analyzer
