// BatchSummary: the roll-up of a batch: per bundle, where it came from,
// whether it could be read, which usage error codes it has (cause, when,
// where, evidence), and the rules' metadata. It is what DIR/summary.json
// holds (batch_summary_json.h), and everything the roll-up outputs
// (index.html, SARIF, JUnit) are rendered from, so that `analyzer merge`
// can rebuild them from the shards' summaries alone, identical to a single
// run.
//
//   BundleSummary b = SummarizeBundle("mixed", "bundles/mixed.zip", result, "mixed.json",
//   "mixed.html"); summary.bundles.push_back(std::move(b));
//
// Times are kept as RFC 3339 text ("" = unknown), exactly as written to
// summary.json, so reading a summary back gives the same values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis.h"
#include "finding.h"
#include "rule.h"
#include "shard.h"

namespace analyzer {

// At most this many evidence lines per finding are kept in the summary
// (the per-bundle report has them all); the rest are counted as omitted.
constexpr size_t kSummaryEvidence = 5;

struct SummaryEvidence {
  std::string source;  // the "!/" chain
  uint64_t line = 0;
  std::string time;  // RFC 3339, "" unknown
  std::string host, role, rule_id, text;
};

struct SummaryFinding {
  std::string rule_id, error_code, cause;
  Severity severity = Severity::kHigh;
  std::string title;
  std::string first_seen, last_seen;  // RFC 3339, "" unknown
  uint64_t count = 0, episodes = 0;
  bool ongoing = false;  // the last episode still holds when the data ends
  std::vector<std::string> hosts;
  std::vector<SummaryEvidence> evidence;
  uint64_t evidence_omitted = 0;
};

struct BundleSummary {
  std::string name;                      // unique in the batch (batch_names.h)
  std::string path;                      // as expanded from the command line
  std::string sha256;                    // "" for directories and files that cannot be read
  bool ok = false;                       // false: nothing could be read, or the analysis failed
  std::string error;                     // why it failed ("" when ok)
  std::string json_report, html_report;  // file names in the output directory, "" when not written
  uint64_t entries = 0, entries_read = 0, entries_skipped = 0, entries_failed = 0;
  uint64_t bytes = 0, records = 0, problems = 0;
  std::string first, last;         // time range of the records, RFC 3339
  std::vector<std::string> hosts;  // VMs whose logs were read, sorted
  std::vector<Verdict> verdicts;   // one per error code of the packs
  std::vector<SummaryFinding> findings, notes;
};

// A reporting rule, for SARIF's tool.driver.rules.
struct RuleInfo {
  std::string id, error_code;
  std::string cause;  // fixed cause, "" when derived per episode
  Severity severity = Severity::kHigh;
  std::string title, description, remediation;
};

// The options that change what an analysis finds: shards must agree on them.
struct BatchSettings {
  std::string assume_tz = "UTC";
  std::string from, to;  // RFC 3339, "" unbounded
  std::string episode_gap = "15m";
  friend bool operator==(const BatchSettings& a, const BatchSettings& b) {
    return a.assume_tz == b.assume_tz && a.from == b.from && a.to == b.to &&
           a.episode_gap == b.episode_gap;
  }
};

struct BatchSummary {
  std::string tool_version, rules_digest, lang = "en";
  BatchSettings settings;
  bool sharded = false;
  ShardSpec shard;                       // meaningful when sharded
  uint64_t inputs_total = 0;             // bundles of the whole batch, every shard together
  std::vector<std::string> error_codes;  // described by the packs, sorted
  std::vector<RuleInfo> rules;           // reporting rules, sorted by id
  std::vector<BundleSummary> bundles;    // sorted by name
};

// An empty summary for a run with `rules`: tool version, rules digest,
// codes and rule metadata (texts in `lang`) filled in.
BatchSummary NewBatchSummary(const RuleSet& rules, const std::string& lang,
                             const BatchSettings& settings);

// The summary of one analysis (normally of one bundle; several inputs are
// added up). `ok` is result.any_readable. Evidence is cut to kSummaryEvidence.
BundleSummary SummarizeBundle(const std::string& name, const std::string& path,
                              const AnalysisResult& result, const std::string& json_report,
                              const std::string& html_report);

// A `scan` (every input analyzed together) as a one-bundle batch, so that
// scan can write SARIF and JUnit with the batch's writers. The bundle is
// named after the input when there is one, "scan" otherwise; its path is
// the inputs joined with ", "; no per-bundle report is referenced.
BatchSummary ScanSummary(const std::vector<std::string>& inputs, const AnalysisResult& result,
                         const RuleSet& rules, const std::string& lang,
                         const BatchSettings& settings);

// A bundle whose analysis could not run (it threw): ok = false with `error`.
BundleSummary FailedBundle(const std::string& name, const std::string& path,
                           const std::string& error);

// The reporting rules of `rules`, texts in `lang`, sorted by id.
std::vector<RuleInfo> DescribeRules(const RuleSet& rules, const std::string& lang);

// The codes the packs describe, sorted.
std::vector<std::string> ErrorCodes(const RuleSet& rules);

void SortBundlesByName(std::vector<BundleSummary>* bundles);

// True when a finding or note of `bundle` is at least `threshold`.
bool HasFindingAtOrAbove(const BundleSummary& bundle, Severity threshold);

// The most severe finding or note; false when there is none.
bool WorstSeverity(const BundleSummary& bundle, Severity* out);

// One line about a finding, for CI outputs (SARIF messages, JUnit failures):
// "NetworkError (dns): <title>. First seen 2026-..Z, last seen 2026-..Z, on AzS-XRP01, AzS-XRP02
// (12 occurrences)."
std::string DescribeFinding(const SummaryFinding& f);

// "source:line: text" (":line" only when known).
std::string DescribeEvidence(const SummaryEvidence& e);

}  // namespace analyzer
