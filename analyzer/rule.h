// Rule and RulePack: the declarative rule set, as loaded from rules/*.json
// (see rules/schema/rule-pack.schema.json for the file format and
// rule_loader.h for loading and linting).
//
// Kinds of rule:
//   match      an RE2 pattern over a record field, scoped by component, host,
//              path glob and level; named captures and "extract" patterns
//              become fields, "where" conditions filter on them.
//   threshold  at least `count` hits of `rule` within `window`, per key.
//   sequence   a hit of `first` then one of `then` within `window`, per key.
//   absence    a hit of `rule` NOT followed by one of `missing` within
//              `window`, per key; a window still open at the end of the data
//              is reported as open, not as absence.
// A rule with a "report" turns its hits into occurrences of a usage error
// code; others are signals that rules and causes refer to.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

namespace analyzer {

enum class RuleKind { kMatch, kThreshold, kSequence, kAbsence };
const char* RuleKindName(RuleKind k);

enum class Severity { kInfo = 0, kLow, kMedium, kHigh, kCritical };
const char* SeverityName(Severity s);
bool ParseSeverity(const std::string& name, Severity* out);

// Text in the report's languages.
struct LocalizedText {
  std::string en, fr;
  const std::string& In(const std::string& lang) const { return lang == "fr" && !fr.empty() ? fr : en; }
};

// A cause decided per episode from evidence seen around it.
struct DerivedCause {
  std::string cause;
  std::vector<std::string> evidence_rules;  // ids of signal rules
  std::vector<int> evidence_indexes;        // resolved
  int64_t within_ticks = 0;                 // before the episode start / after its end
  std::string location;                     // "file:line:col" of its evidence list
};

struct ReportSpec {
  std::string error_code;
  std::string cause;  // fixed cause, or "" when derived
  std::vector<DerivedCause> derived_causes;  // first that has evidence wins
  std::string default_cause = "undetermined";
  Severity severity = Severity::kHigh;
  // absence rules: an episode whose every hit was followed by recovery is a
  // note of this severity instead of an incident.
  Severity recovered_severity = Severity::kInfo;
};

struct MatchExample {
  std::string text;
  std::string host, component, level, path;  // "" = not part of the example
  std::map<std::string, std::string> fields;  // expected extracted fields
};

struct Rule {
  std::string id;
  std::string file;     // where it was declared
  std::string location;  // "file:line:col" of the rule
  std::string refs_location;  // "file:line:col" of its first rule reference
  std::string other_refs_location;  // "file:line:col" of "then" or "missing"
  RuleKind kind = RuleKind::kMatch;
  std::string description;

  // match
  std::string field = "text";  // text, message, or an extracted field name
  std::string pattern;
  std::unique_ptr<RE2> regex;
  std::vector<std::string> components;  // any of (case-insensitive), empty = all
  std::unique_ptr<RE2> host_regex;      // null = all hosts
  std::vector<std::string> path_globs;  // any of, empty = all
  std::vector<std::string> levels;      // any of, empty = all
  std::vector<std::pair<std::string, std::vector<std::unique_ptr<RE2>>>> extract;
  std::vector<std::pair<std::string, std::unique_ptr<RE2>>> where;  // field must match
  std::vector<std::pair<std::string, std::unique_ptr<RE2>>> where_not;  // field must not match
  int group_precedence = 0;  // among rules of the same group hitting one record, highest wins
  std::string group;
  std::vector<MatchExample> must_match, must_not_match;

  // correlation
  std::string rule_ref, other_ref;  // threshold/absence: rule, missing; sequence: first, then
  int rule_index = -1, other_index = -1;
  int count = 0;
  int64_t window_ticks = 0;
  std::vector<std::string> key;  // "host", "component", or a field name

  std::unique_ptr<ReportSpec> report;
};

struct ErrorCodeText {
  LocalizedText title, explanation, remediation;
  std::map<std::string, LocalizedText> cause_explanation, cause_remediation;
  std::vector<std::string> required_components;  // logs needed to evaluate the code
};

struct RulePack {
  std::string name, version, file;
  std::map<std::string, ErrorCodeText> error_codes;
  std::vector<std::unique_ptr<Rule>> rules;
};

// All loaded packs, flattened: rule indexes are positions in `rules`.
struct RuleSet {
  std::vector<std::unique_ptr<RulePack>> packs;
  std::vector<const Rule*> rules;                   // in dependency order
  std::map<std::string, const ErrorCodeText*> codes;
  std::string digest;                               // "sha256:..." of the pack files
  int IndexOf(const std::string& id) const;
  // True when some rule looks at a record's level or message, which the
  // reader then has to parse for every record.
  bool NeedsRecordFields() const;
};

}  // namespace analyzer
