#include "rule.h"

namespace analyzer {

const char* RuleKindName(RuleKind k) {
  switch (k) {
    case RuleKind::kMatch: return "match";
    case RuleKind::kThreshold: return "threshold";
    case RuleKind::kSequence: return "sequence";
    case RuleKind::kAbsence: return "absence";
  }
  return "?";
}

const char* SeverityName(Severity s) {
  static const char* const kNames[] = {"info", "low", "medium", "high", "critical"};
  return kNames[static_cast<int>(s)];
}

bool ParseSeverity(const std::string& name, Severity* out) {
  for (int i = 0; i <= static_cast<int>(Severity::kCritical); ++i) {
    if (name == SeverityName(static_cast<Severity>(i))) {
      *out = static_cast<Severity>(i);
      return true;
    }
  }
  return false;
}

bool RuleSet::NeedsRecordFields() const {
  auto field = [](const std::string& name) { return name == "message" || name == "level"; };
  for (const Rule* r : rules) {
    if (r->kind != RuleKind::kMatch) continue;
    if (!r->levels.empty() || field(r->field)) return true;
    for (const auto& [name, re] : r->where) if (field(name)) return true;
    for (const auto& [name, re] : r->where_not) if (field(name)) return true;
    for (const auto& [name, res] : r->extract) if (field(name)) return true;
  }
  return false;
}

int RuleSet::IndexOf(const std::string& id) const {
  for (size_t i = 0; i < rules.size(); ++i)
    if (rules[i]->id == id) return static_cast<int>(i);
  return -1;
}

}  // namespace analyzer
