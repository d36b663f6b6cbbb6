// Finding: what the report says about one usage error code and cause: when
// (episodes), where (hosts, components), why (cause, with the evidence that
// decided it), what to do (remediation), and the evidence lines.
//
// BuildFindings() turns the correlated hits of reporting rules into
// findings: occurrences closer than `episode_gap` form an episode; an
// episode's cause is the rule's fixed cause or the first derived cause with
// evidence around it; episodes of an absence rule that all recovered within
// the window are notes, not incidents.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "hit.h"
#include "rule.h"

namespace analyzer {

struct Evidence {
  std::string source;
  uint64_t line = 0;
  UtcTime time;
  std::string host;
  std::string role;  // "occurrence" or "cause"
  std::string rule_id;
  std::string text;
  std::vector<std::string> context;  // lines before, then the record, then lines after
  size_t context_index = 0;          // where the record itself sits in `context`
};

struct Episode {
  UtcTime start, end;
  uint64_t count = 0;
  std::vector<std::string> hosts;
  bool ongoing = false;  // the data ends while the failure still holds
};

struct Finding {
  std::string rule_id;
  std::vector<std::string> rule_ids;
  std::string error_code, cause;
  Severity severity = Severity::kHigh;
  std::string title, explanation, remediation;
  UtcTime first_seen, last_seen;
  uint64_t count = 0;
  std::vector<Episode> episodes;
  std::vector<std::string> hosts, components;
  std::vector<Evidence> evidence;
  uint64_t evidence_omitted = 0;
};

struct Verdict {
  std::string error_code;
  std::string status;  // "found", "not_found", "not_evaluated"
  std::string reason;
};

struct FindingOptions {
  int64_t episode_gap_ticks = 15 * 60 * kTicksPerSecond;
  std::string lang = "en";
  size_t max_evidence = 20;
};

struct Findings {
  std::vector<Finding> incidents;  // sorted by error code, cause, first_seen
  std::vector<Finding> notes;      // recovered blips, same order
  std::vector<Verdict> verdicts;   // one per error code described by the packs
  uint64_t untimed_hits = 0;       // reporting hits without a time: not placed in episodes
};

// `components_seen` counts records per component, to tell which codes
// could not be evaluated for lack of logs.
Findings BuildFindings(const RuleSet& rules, const std::vector<Hit>& hits,
                       const std::map<std::string, uint64_t>& components_seen,
                       const FindingOptions& options);

}  // namespace analyzer
