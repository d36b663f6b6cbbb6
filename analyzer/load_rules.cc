#include "load_rules.h"

#include "rule_loader.h"
#include "terminal_text.h"

namespace analyzer {

bool LoadRules(const std::string& data_dir, const std::vector<std::string>& extra_dirs,
               RuleSet* rules, std::ostream& err) {
  std::vector<std::string> errors;
  const bool ok = LoadRuleSet(data_dir, extra_dirs, data_dir + "/schema/rule-pack.schema.json", rules, &errors);
  for (const std::string& e : errors) err << TerminalSafe(e) << "\n";
  if (!ok) err << "analyzer: rule packs refused (" << errors.size() << " problem(s)); nothing analyzed\n";
  return ok;
}

}  // namespace analyzer
