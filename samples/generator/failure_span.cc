#include "failure_span.h"

#include <algorithm>

namespace samplegen {

FailureSpan SpanOf(const Scenario& scenario, const std::vector<FailureRecord>& failures,
                   FailureKind kind, int xrp) {
  FailureSpan span;
  for (const FailureRecord& f : failures) {
    if (scenario.incidents[f.incident].kind != kind || (xrp >= 0 && f.xrp != xrp)) continue;
    span.times.push_back(f.time);
  }
  std::sort(span.times.begin(), span.times.end());
  if (!span.empty()) {
    span.first = span.times.front();
    span.last = span.times.back();
  }
  return span;
}

}  // namespace samplegen
