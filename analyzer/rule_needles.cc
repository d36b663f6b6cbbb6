#include "rule_needles.h"

#include <algorithm>

#include <re2/filtered_re2.h>

namespace analyzer {

std::vector<std::string> RuleNeedles(const RuleSet& rules) {
  re2::FilteredRE2 filter(/*min_atom_len=*/3);
  RE2::Options options;
  options.set_log_errors(false);
  int added = 0;
  for (const Rule* r : rules.rules) {
    int id = -1;
    if (r->kind == RuleKind::kMatch && r->field == "text" && filter.Add(r->pattern, options, &id) == RE2::NoError)
      ++added;
  }
  std::vector<std::string> atoms;
  if (added > 0) filter.Compile(&atoms);
  std::sort(atoms.begin(), atoms.end());
  return atoms;
}

}  // namespace analyzer
