// Analysis: the whole job for one set of inputs, as a library call: ingest
// every input, match, correlate, decide findings. `scan` runs it once over
// its inputs; `batch` runs it once per bundle.
//
//   AnalysisRequest req{{"bundle.zip"}, ingest_options, &rules};
//   AnalysisResult res = Analyze(req);
//   ReportContext ctx{&rules, &res.inputs, &res.findings, "en"};
#pragma once

#include <string>
#include <vector>

#include "finding.h"
#include "ingest.h"
#include "rule.h"

namespace analyzer {

struct AnalysisRequest {
  std::vector<std::string> inputs;
  IngestOptions ingest;
  const RuleSet* rules = nullptr;
  FindingOptions findings;
  UtcTime from, to;  // only records in [from, to); unknown = unbounded
  // Parsing threads per input (0: one per core). The result does not
  // depend on it.
  unsigned threads = 0;
};

struct AnalysisResult {
  std::vector<InputSummary> inputs;
  Findings findings;
  bool any_readable = false;  // false: no input could be read at all
};

// Deterministic: the same request gives the same result. Thread-safe as
// long as each call has its own request (rules and formats are read-only).
AnalysisResult Analyze(const AnalysisRequest& request);

}  // namespace analyzer
