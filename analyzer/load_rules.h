// LoadRules: the rule set a command runs with: the shipped packs of the data
// directory, plus or replaced by the packs of each --rules directory.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "rule.h"

namespace analyzer {

// Prints every problem to `err` ("file:line:col: ...") and returns false if any.
bool LoadRules(const std::string& data_dir, const std::vector<std::string>& extra_dirs,
               RuleSet* rules, std::ostream& err);

}  // namespace analyzer
