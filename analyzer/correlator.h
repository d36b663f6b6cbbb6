// Correlator: evaluates the threshold, sequence and absence rules over the
// hits of the rules they refer to, on log time only (never the wall clock).
// Hits from every file and VM are first merged by time, so windows span
// files and hosts; keys ("host", "component", or extracted fields) keep
// their state apart. Windows are half-open, for every kind: a hit exactly
// `window` after another is outside its window.
//
// Absence: a hit of `rule` followed by a hit of `missing` with the same key
// within the window gives a kFollowed hit; none and the window closed
// before the end of the data gives kMissing; the data ends inside the
// window gives kOpen (we cannot know what came next).
#pragma once

#include <vector>

#include "hit.h"
#include "rule.h"

namespace analyzer {

// Sorts *hits with HitBefore and appends the hits of correlation rules.
// `data_end` is the last timestamp seen in the data. Cost: O(n log n).
void Correlate(const RuleSet& rules, UtcTime data_end, std::vector<Hit>* hits);

}  // namespace analyzer
