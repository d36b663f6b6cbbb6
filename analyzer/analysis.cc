#include "analysis.h"

#include "correlator.h"
#include "matcher.h"

namespace analyzer {
namespace {

// Passes on only the records inside [from, to).
class TimeFilter : public RecordSink {
 public:
  TimeFilter(UtcTime from, UtcTime to, RecordSink& next) : from_(from), to_(to), next_(next) {}
  void OnRecord(const Record& r) override {
    if (from_.known() || to_.known()) {
      if (!r.time.known()) return;
      if ((from_.known() && r.time < from_) || (to_.known() && !(r.time < to_))) return;
    }
    next_.OnRecord(r);
  }

 private:
  UtcTime from_, to_;
  RecordSink& next_;
};

}  // namespace

AnalysisResult Analyze(const AnalysisRequest& request) {
  AnalysisResult result;
  Matcher matcher(*request.rules);
  TimeFilter filter(request.from, request.to, matcher);
  for (const std::string& input : request.inputs) {
    result.inputs.push_back(IngestInput(input, request.ingest, filter));
    result.any_readable |= result.inputs.back().readable;
  }
  Correlate(*request.rules, matcher.data_end(), &matcher.hits());
  result.findings = BuildFindings(*request.rules, matcher.hits(), matcher.components(), request.findings);
  return result;
}

}  // namespace analyzer
