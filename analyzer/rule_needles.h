// RuleNeedles: the literal strings (lowercase) that the text of a record
// must contain for some match rule to hit it, as RE2's FilteredRE2 derives
// them. `analyzer rules needles` prints them, so a grep baseline
// (`rg -i -F -f needles`) searches for what the rules search for.
#pragma once

#include <string>
#include <vector>

#include "rule.h"

namespace analyzer {

std::vector<std::string> RuleNeedles(const RuleSet& rules);

}  // namespace analyzer
