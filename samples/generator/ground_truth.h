// The ground truth of a scenario, computed from the failure records the generator
// injected (never from an analyzer), and its JSON form:
//
//   {"scenario": "network-dns", "findings": [{"error_code": "NetworkError", "cause": "dns",
//     "hosts": ["AzS-XRP01", "AzS-XRP02"], "first_seen": "2026-11-18T07:02:10Z",
//     "last_seen": "2026-11-18T07:41:55Z", "episodes": [{"start": "...", "end": "..."}]}]}
//
// Times are the records' own timestamps truncated to the second. An episode is a maximal
// run of failure records (all hosts of the finding together) with gaps under 15 minutes.
#ifndef SAMPLES_GENERATOR_GROUND_TRUTH_H_
#define SAMPLES_GENERATOR_GROUND_TRUTH_H_

#include <string>
#include <vector>

#include "failure_record.h"
#include "scenario.h"

namespace samplegen {

inline constexpr Ticks kEpisodeGap = 15 * kTicksPerMinute;

struct Episode {
  Ticks start;
  Ticks end;
};

struct Finding {
  std::string error_code;
  std::string cause;
  std::vector<std::string> hosts;  // canonical, sorted
  Ticks first_seen;
  Ticks last_seen;
  std::vector<Episode> episodes;
};

// One finding per (error_code, cause), sorted by error_code then cause.
std::vector<Finding> ComputeFindings(const Scenario& scenario,
                                     const std::vector<FailureRecord>& failures);

// The truth file's text (2-space indented JSON, '\n' line ends, final newline).
std::string TruthJson(const std::string& scenario_name, const std::vector<Finding>& findings);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_GROUND_TRUTH_H_
