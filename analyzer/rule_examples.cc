#include "rule_examples.h"

#include "log_format.h"
#include "matcher.h"

namespace analyzer {
namespace {

Record ExampleRecord(const MatchExample& ex) {
  Record r;
  r.text = ex.text;
  r.message = ex.text;
  r.host = ex.host;
  r.component = ex.component;
  r.level = ex.level;
  r.source = ex.path;
  return r;
}

bool HasScope(const MatchExample& ex) {
  return !ex.host.empty() || !ex.component.empty() || !ex.level.empty() || !ex.path.empty();
}

std::string Brief(const std::string& s) { return s.size() > 70 ? s.substr(0, 67) + "..." : s; }

void CheckExample(const Rule& rule, const MatchExample& ex, bool must_match, ExampleReport* out) {
  std::vector<std::pair<std::string, std::string>> fields;
  const bool matched = CheckMatchRule(rule, ExampleRecord(ex), &fields, HasScope(ex));
  ++out->checked;
  const std::string where = rule.location + ": rule \"" + rule.id + "\": example \"" + Brief(ex.text) + "\"";
  if (matched != must_match) {
    out->failures.push_back(where + (must_match ? " should match but does not" : " should not match but does"));
    return;
  }
  for (const auto& [name, expected] : ex.fields) {
    std::string got = "(none)";
    for (const auto& [k, v] : fields)
      if (k == name) got = v;
    if (got != expected)
      out->failures.push_back(where + ": field " + name + " is \"" + got + "\", expected \"" + expected + "\"");
  }
}

}  // namespace

ExampleReport RunRuleExamples(const RuleSet& rules) {
  ExampleReport out;
  for (const Rule* rule : rules.rules) {
    if (rule->kind != RuleKind::kMatch) continue;
    for (const MatchExample& ex : rule->must_match) CheckExample(*rule, ex, true, &out);
    for (const MatchExample& ex : rule->must_not_match) CheckExample(*rule, ex, false, &out);
  }
  return out;
}

ExampleReport RunFormatSamples(const FormatSet& formats) {
  ExampleReport out;
  for (const auto& f : formats.formats()) {
    out.checked += f->samples.size() + f->non_starting_samples.size();
    CheckSamples(*f, &out.failures);
  }
  return out;
}

}  // namespace analyzer
