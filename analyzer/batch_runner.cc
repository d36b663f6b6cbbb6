#include "batch_runner.h"

#include <algorithm>
#include <atomic>
#include <new>
#include <numeric>
#include <system_error>
#include <thread>

#include "batch_files.h"
#include "report_html.h"
#include "report_json.h"

namespace analyzer {
namespace {

struct Slot {
  BundleSummary bundle;
  std::vector<std::string> errors;
};

// Writes one report; "" (and an error) when it cannot be written.
std::string WriteReport(const std::string& dir, const std::string& file,
                        const std::function<bool(std::ostream&)>& write, std::vector<std::string>* errors) {
  std::string error;
  if (WriteFileWith(dir + "/" + file, write, &error)) return file;
  errors->push_back(error);
  return "";
}

Slot RunOne(const BatchJob& job, const BatchRunOptions& o) {
  Slot slot;
  try {
    const AnalysisRequest request{{job.path}, o.ingest, o.rules,        o.findings,
                                  o.from,     o.to,     o.parse_threads};
    const AnalysisResult result = Analyze(request);
    const ReportContext context{o.rules, &result.inputs, &result.findings, o.lang};
    // The JSON streams (its inventory may be huge); the HTML caps its rows.
    const std::string json = WriteReport(
        o.out_dir, job.name + ".json", [&](std::ostream& out) { return WriteJsonReport(context, out); },
        &slot.errors);
    const std::string html = WriteReport(
        o.out_dir, job.name + ".html",
        [&](std::ostream& out) { return static_cast<bool>(out << RenderHtmlReport(context)); }, &slot.errors);
    slot.bundle = SummarizeBundle(job.name, job.path, result, json, html);
  } catch (const std::bad_alloc&) {
    slot.bundle = FailedBundle(job.name, job.path, "analysis failed: out of memory");
  } catch (const std::exception& e) {
    slot.bundle = FailedBundle(job.name, job.path, std::string("analysis failed: ") + e.what());
  }
  return slot;
}

}  // namespace

BatchRun AnalyzeBundles(const std::vector<BatchJob>& jobs, const BatchRunOptions& options,
                        Progress* progress) {
  std::vector<size_t> order(jobs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return jobs[a].size > jobs[b].size; });

  std::vector<Slot> slots(jobs.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t k; (k = next.fetch_add(1)) < order.size();) {
      const size_t i = order[k];
      slots[i] = RunOne(jobs[i], options);
      if (progress) progress->Done(jobs[i].size);
    }
  };
  const unsigned n =
      std::max(1u, std::min<unsigned>(options.threads, static_cast<unsigned>(jobs.size())));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) {
    try {
      pool.emplace_back(worker);
    } catch (const std::system_error&) {
      break;  // no more threads to be had: the ones running take the rest
    }
  }
  worker();  // the calling thread is one of the workers
  for (std::thread& t : pool) t.join();

  BatchRun run;
  for (Slot& s : slots) {
    run.bundles.push_back(std::move(s.bundle));
    for (std::string& e : s.errors) run.errors.push_back(std::move(e));
  }
  return run;
}

}  // namespace analyzer
