#include "rule_needles.h"

#include "rule_prefilter.h"

namespace analyzer {

std::vector<std::string> RuleNeedles(const RuleSet& rules) { return RulePrefilter(rules).SortedAtoms(); }

}  // namespace analyzer
