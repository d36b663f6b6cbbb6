// BatchRunner: analyzes many bundles in parallel: one Analyze() call per
// bundle (each its own request; the rules and formats are shared read-only)
// on a pool of std::threads, each writing its bundle's JSON and HTML report
// into the output directory as soon as the bundle is done, so memory holds
// at most `threads` analyses at a time.
//
//   BatchRun run = AnalyzeBundles(jobs, options, &progress);
//
// A bundle that cannot be read, or whose analysis throws, becomes a failed
// BundleSummary; the others go on. Bundles are taken largest first (on
// disk, BatchJob::size), which keeps the threads busy to the end; the result does not depend
// on the order, the timing or the number of threads.
#pragma once

#include <string>
#include <vector>

#include "analysis.h"
#include "batch_summary.h"
#include "progress.h"

namespace analyzer {

struct BatchJob {
  std::string name;  // output file names: <name>.json, <name>.html
  std::string path;
  uint64_t size = 0;  // bytes on disk (batch_files.h SizeOnDisk): order and progress only
};

struct BatchRunOptions {
  const RuleSet* rules = nullptr;  // required
  IngestOptions ingest;
  FindingOptions findings;
  UtcTime from, to;
  std::string lang = "en";
  std::string out_dir;   // must exist
  unsigned threads = 1;  // bundles analyzed at once, at least 1
  // Parsing threads inside each bundle's analysis (AnalysisRequest::threads);
  // 1 by default: the batch's parallelism is across bundles.
  unsigned parse_threads = 1;
};

struct BatchRun {
  std::vector<BundleSummary> bundles;  // one per job, in job order
  std::vector<std::string> errors;     // reports that could not be written, in job order
};

// `progress` may be null. Blocks until every job is done.
BatchRun AnalyzeBundles(const std::vector<BatchJob>& jobs, const BatchRunOptions& options,
                        Progress* progress);

}  // namespace analyzer
