#include "analysis.h"

#include <algorithm>
#include <memory>
#include <thread>

#include "correlator.h"
#include "matcher.h"

namespace analyzer {
namespace {

// Passes on only the records inside [from, to).
class TimeFilter : public RecordSink {
 public:
  TimeFilter(UtcTime from, UtcTime to, RecordSink& next) : from_(from), to_(to), next_(next) {}
  void OnRecord(const Record& r) override {
    if (!InTimeRange(r.time, from_, to_)) return;
    next_.OnRecord(r);
  }

 private:
  UtcTime from_, to_;
  RecordSink& next_;
};

}  // namespace

AnalysisResult Analyze(const AnalysisRequest& request) {
  AnalysisResult result;
  unsigned threads = request.threads != 0 ? request.threads : std::thread::hardware_concurrency();
  threads = std::max(1u, std::min(threads, 64u));
  std::vector<std::unique_ptr<Matcher>> matchers;
  std::vector<std::unique_ptr<TimeFilter>> filters;
  std::vector<RecordSink*> sinks;
  for (unsigned i = 0; i < threads; ++i) {
    matchers.push_back(std::make_unique<Matcher>(*request.rules));
    filters.push_back(std::make_unique<TimeFilter>(request.from, request.to, *matchers.back()));
    sinks.push_back(filters.back().get());
  }
  IngestOptions ingest = request.ingest;
  ingest.want_fields = request.rules->NeedsRecordFields();
  for (const std::string& input : request.inputs) {
    result.inputs.push_back(IngestInput(input, ingest, sinks));
    result.any_readable |= result.inputs.back().readable;
  }
  Matcher& all = *matchers.front();
  for (size_t i = 1; i < matchers.size(); ++i) all.Absorb(std::move(*matchers[i]));
  Correlate(*request.rules, all.data_end(), &all.hits());
  result.findings = BuildFindings(*request.rules, all.hits(), all.components(), request.findings);
  return result;
}

}  // namespace analyzer
