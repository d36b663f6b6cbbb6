// Where the injected failures of one kind lie in written time. Cause evidence (W32Time
// events, registration texts, the ECE repeat) is placed strictly inside this span so that
// it can never move a finding's first_seen or last_seen, whichever way an analyzer counts it.
#ifndef SAMPLES_GENERATOR_FAILURE_SPAN_H_
#define SAMPLES_GENERATOR_FAILURE_SPAN_H_

#include <vector>

#include "failure_record.h"
#include "scenario.h"

namespace samplegen {

struct FailureSpan {
  Ticks first = kNever;
  Ticks last = 0;
  std::vector<Ticks> times;  // sorted
  bool empty() const { return times.empty(); }
  // The point `fraction` (0..1) of the way from first to last.
  Ticks At(double fraction) const {
    return first + static_cast<Ticks>(static_cast<double>(last - first) * fraction);
  }
};

// The failure records of incidents of `kind`, written by XRP `xrp` (or any XRP when -1).
FailureSpan SpanOf(const Scenario& scenario, const std::vector<FailureRecord>& failures,
                   FailureKind kind, int xrp);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_FAILURE_SPAN_H_
