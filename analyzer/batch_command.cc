// `analyzer batch`: many bundles at once, one analysis per bundle on a pool
// of threads; per-bundle reports and the roll-up in --out DIR.
#include <unistd.h>

#include <thread>

#include "batch_files.h"
#include "batch_inputs.h"
#include "batch_names.h"
#include "batch_rollup.h"
#include "batch_runner.h"
#include "commands.h"
#include "exit_status.h"
#include "load_rules.h"
#include "setup.h"
#include "shard.h"
#include "terminal_text.h"

namespace analyzer {
namespace {

struct Flags {
  FindingOptions findings;
  bool fail_on = false;
  Severity threshold = Severity::kHigh;
  bool sharded = false;
  ShardSpec shard;
};

bool ParseFlags(const CliOptions& o, Flags* f, std::ostream& err) {
  std::string error;
  f->findings.lang = o.lang;
  if (!ParseDuration(o.episode_gap, &f->findings.episode_gap_ticks))
    error = "--episode-gap '" + o.episode_gap + "' is not a duration (15m)";
  if (error.empty()) ParseFailOn(o.fail_on, &f->fail_on, &f->threshold, &error);
  if (error.empty() && !o.shard.empty()) f->sharded = ParseShard(o.shard, &f->shard, &error);
  if (error.empty()) return true;
  err << "analyzer: " << TerminalSafe(error) << "\n";  // quotes the flag's value
  return false;
}

// The jobs of this run: every input, named over the whole list (so every
// shard names a bundle alike), then the shard's share of them.
bool PlanJobs(const CliOptions& o, const Flags& flags, std::vector<BatchJob>* jobs,
              uint64_t* inputs_total, std::ostream& err) {
  const BatchInputs in = ExpandBatchInputs(o.inputs);
  for (const std::string& w : in.warnings) err << "analyzer: warning: " << TerminalSafe(w) << "\n";
  for (const std::string& e : in.errors) err << "analyzer: " << TerminalSafe(e) << "\n";
  if (!in.errors.empty()) return false;
  const std::vector<std::string> names = UniqueBundleNames(in.paths);
  *inputs_total = in.paths.size();
  for (size_t i = 0; i < in.paths.size(); ++i)
    if (InShard(in.paths[i], flags.shard))
      jobs->push_back({names[i], in.paths[i], SizeOnDisk(in.paths[i])});
  return true;
}

unsigned Threads(int jobs) {
  if (jobs > 0) return static_cast<unsigned>(jobs);
  const unsigned cores = std::thread::hardware_concurrency();
  return cores ? cores : 1;
}

BatchRunOptions RunOptions(const CliOptions& o, const Setup& setup, const RuleSet& rules,
                           const Flags& flags) {
  BatchRunOptions r;
  r.rules = &rules;
  r.ingest = setup.ingest;
  r.findings = flags.findings;
  r.from = setup.from;
  r.to = setup.to;
  r.lang = o.lang;
  r.out_dir = o.out_dir;
  r.threads = Threads(o.jobs);
  // --threads 0 (its default) means one parsing thread per bundle here:
  // the bundles themselves keep the cores busy.
  r.parse_threads = o.threads ? o.threads : 1;
  return r;
}

BatchSummary RollUp(const CliOptions& o, const Setup& setup, const RuleSet& rules,
                    const Flags& flags, uint64_t inputs_total, std::vector<BundleSummary> bundles) {
  const BatchSettings settings{o.assume_tz, setup.from.known() ? FormatRfc3339(setup.from) : "",
                               setup.to.known() ? FormatRfc3339(setup.to) : "", o.episode_gap};
  BatchSummary summary = NewBatchSummary(rules, o.lang, settings);
  summary.sharded = flags.sharded;
  summary.shard = flags.shard;
  summary.inputs_total = inputs_total;
  summary.bundles = std::move(bundles);
  SortBundlesByName(&summary.bundles);
  return summary;
}

void PrintTotals(const BatchSummary& s, const std::string& dir, std::ostream& out) {
  size_t failed = 0, with_errors = 0;
  for (const BundleSummary& b : s.bundles) {
    failed += !b.ok;
    with_errors += !b.findings.empty();
    if (!b.ok) out << "  failed: " << TerminalSafe(b.name) << ": " << TerminalSafe(b.error) << "\n";
  }
  out << s.bundles.size() << " bundle(s): " << s.bundles.size() - failed << " read, " << failed
      << " failed, " << with_errors << " with usage errors; see " << TerminalSafe(dir)
      << "/index.html\n";
}

}  // namespace

int RunBatch(const CliOptions& options, const std::string& data_dir, std::ostream& out,
             std::ostream& err) {
  Flags flags;
  Setup setup;
  RuleSet rules;
  std::vector<BatchJob> jobs;
  uint64_t inputs_total = 0;
  std::string error;
  if (!ParseFlags(options, &flags, err) || !PrepareSetup(options, data_dir, &setup, err) ||
      !LoadRules(data_dir, options.rules_dirs, &rules, err) ||
      !PlanJobs(options, flags, &jobs, &inputs_total, err))
    return kExitUsage;
  if (!MakeDirectory(options.out_dir, &error))
    return err << "analyzer: " << TerminalSafe(error) << "\n", kExitUsage;

  const BatchRunOptions run_options = RunOptions(options, setup, rules, flags);
  uint64_t bytes_total = 0;
  for (const BatchJob& j : jobs) bytes_total += j.size;
  Progress progress(!options.quiet && ::isatty(2) ? &err : nullptr, jobs.size(), bytes_total);
  BatchRun run = AnalyzeBundles(jobs, run_options, &progress);
  progress.Finish();

  const BatchSummary summary =
      RollUp(options, setup, rules, flags, inputs_total, std::move(run.bundles));
  WriteRollup(summary, {options.out_dir, options.sarif_out, options.junit_out}, &run.errors);
  for (const std::string& e : run.errors) err << "analyzer: " << TerminalSafe(e) << "\n";
  if (!options.quiet) PrintTotals(summary, options.out_dir, out);
  if (!run.errors.empty()) return kExitUsage;
  return BatchExitStatus(summary, flags.fail_on, flags.threshold);
}

}  // namespace analyzer
