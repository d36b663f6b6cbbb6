#include "matcher.h"

#include <algorithm>

#include "format_set.h"

namespace analyzer {
namespace {

constexpr size_t kContextLines = 2;
constexpr size_t kContextBytes = 300;
constexpr size_t kHitTextBytes = 4096;

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

std::string_view FirstLine(std::string_view text, size_t known_length, size_t cap) {
  text = text.substr(0, known_length != std::string_view::npos ? known_length : text.find('\n'));
  if (text.size() <= cap) return text;
  size_t n = cap;  // do not split a UTF-8 sequence
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return text.substr(0, n);
}

bool InScope(const Rule& rule, const Record& r) {
  if (!rule.components.empty() &&
      std::none_of(rule.components.begin(), rule.components.end(),
                   [&](const std::string& c) { return EqualsNoCase(c, r.component); }))
    return false;
  if (rule.host_regex && !RE2::PartialMatch(re2::StringPiece(r.host.data(), r.host.size()), *rule.host_regex))
    return false;
  if (!rule.levels.empty() && std::find(rule.levels.begin(), rule.levels.end(), r.level) == rule.levels.end())
    return false;
  if (!rule.path_globs.empty() &&
      std::none_of(rule.path_globs.begin(), rule.path_globs.end(),
                   [&](const std::string& g) { return GlobMatch(g, r.source); }))
    return false;
  return true;
}

std::string_view FieldValue(const std::string& name, const Record& r,
                            const std::vector<std::pair<std::string, std::string>>& fields) {
  if (name == "text") return r.text;
  if (name == "message") return r.message;
  if (name == "host") return r.host;
  if (name == "component") return r.component;
  if (name == "level") return r.level;
  if (name == "source") return r.source;
  for (const auto& [k, v] : fields)
    if (k == name) return v;
  return {};
}

// Runs the rule's own regex with captures; named groups become fields.
bool MatchPattern(const Rule& rule, std::string_view subject,
                  std::vector<std::pair<std::string, std::string>>* fields) {
  const int ngroups = rule.regex->NumberOfCapturingGroups();
  const re2::StringPiece text(subject.data(), subject.size());
  if (ngroups == 0) return rule.regex->Match(text, 0, text.size(), RE2::UNANCHORED, nullptr, 0);
  std::vector<re2::StringPiece> groups(ngroups + 1);
  if (!rule.regex->Match(text, 0, text.size(), RE2::UNANCHORED, groups.data(), ngroups + 1)) return false;
  for (const auto& [name, index] : rule.regex->NamedCapturingGroups())
    if (groups[index].data() != nullptr) fields->emplace_back(name, std::string(groups[index]));
  return true;
}

bool IsRecordField(const std::string& name) {
  return name == "text" || name == "message" || name == "host" || name == "component" || name == "level" ||
         name == "source";
}

// Runs the extract patterns over the record text, for fields not set yet.
void Extract(const Rule& rule, const Record& r, std::vector<std::pair<std::string, std::string>>* fields) {
  for (const auto& [name, patterns] : rule.extract) {
    if (!FieldValue(name, r, *fields).empty()) continue;  // a capture already set it
    for (const auto& re : patterns) {
      std::string value;
      if (RE2::PartialMatch(re2::StringPiece(r.text.data(), r.text.size()), *re, &value)) {
        fields->emplace_back(name, value);
        break;
      }
    }
  }
}

}  // namespace

bool CheckMatchRule(const Rule& rule, const Record& r,
                    std::vector<std::pair<std::string, std::string>>* fields, bool check_scope) {
  fields->clear();
  if (check_scope && !InScope(rule, r)) return false;
  // A pattern over an extracted field needs the extracts first; otherwise
  // captures come first and take precedence over extracts of the same name.
  // The extracted value is copied: captures appended to *fields would move it.
  const bool on_extracted = !IsRecordField(rule.field);
  std::string extracted;
  if (on_extracted) Extract(rule, r, fields), extracted = FieldValue(rule.field, r, *fields);
  if (!MatchPattern(rule, on_extracted ? extracted : FieldValue(rule.field, r, *fields), fields)) return false;
  if (!on_extracted) Extract(rule, r, fields);
  for (const auto& [name, re] : rule.where) {
    const std::string_view v = FieldValue(name, r, *fields);
    if (!RE2::PartialMatch(re2::StringPiece(v.data(), v.size()), *re)) return false;
  }
  for (const auto& [name, re] : rule.where_not) {
    const std::string_view v = FieldValue(name, r, *fields);
    if (RE2::PartialMatch(re2::StringPiece(v.data(), v.size()), *re)) return false;
  }
  return true;
}

Matcher::Matcher(const RuleSet& rules, bool naive) : rules_(rules), naive_(naive) {
  keeps_text_.assign(rules.rules.size(), false);
  for (size_t i = rules.rules.size(); i-- > 0;) {  // dependents come after their references
    const Rule& r = *rules.rules[i];
    if (r.report) keeps_text_[i] = true;
    if (r.report)
      for (const auto& c : r.report->derived_causes)
        for (int e : c.evidence_indexes) if (e >= 0) keeps_text_[e] = true;
    if (keeps_text_[i] && r.rule_index >= 0) keeps_text_[r.rule_index] = true;
    if (keeps_text_[i] && r.kind == RuleKind::kSequence && r.other_index >= 0) keeps_text_[r.other_index] = true;
  }
  if (!naive_) {
    prefilter_ = std::make_unique<RulePrefilter>(rules);
    if (!prefilter_->ok()) prefilter_.reset();
  }
  for (size_t i = 0; i < rules.rules.size(); ++i) {
    if (rules.rules[i]->kind != RuleKind::kMatch) continue;
    if (prefilter_ == nullptr || !prefilter_->covers(static_cast<int>(i))) always_check_.push_back(static_cast<int>(i));
  }
  ring_.resize(kContextLines);
}

void Matcher::Absorb(Matcher&& other) {
  for (Hit& h : other.hits_) hits_.push_back(std::move(h));
  other.hits_.clear();
  for (const auto& [component, n] : other.components_) components_[component] += n;
  if (other.start_.known() && (!start_.known() || other.start_ < start_)) start_ = other.start_;
  if (other.end_.known() && (!end_.known() || end_ < other.end_)) end_ = other.end_;
  records_ += other.records_;
}

void Matcher::NewFile(const Record& r) {
  last_source_.assign(r.source);
  ring_next_ = ring_size_ = 0;
  awaiting_after_.clear();
}

void Matcher::FeedFollowingLine(std::string_view first) {
  for (size_t k = 0; k < awaiting_after_.size();) {
    Hit& h = hits_[awaiting_after_[k]];
    h.context_after.emplace_back(first);
    if (h.context_after.size() >= kContextLines) {
      awaiting_after_[k] = awaiting_after_.back();
      awaiting_after_.pop_back();
    } else {
      ++k;
    }
  }
}

void Matcher::RememberLine(std::string_view first) {
  ring_[ring_next_].assign(first);
  ring_next_ = (ring_next_ + 1) % kContextLines;
  ring_size_ = std::min(ring_size_ + 1, kContextLines);
}

void Matcher::AddHit(int rule_index, const Record& r,
                     std::vector<std::pair<std::string, std::string>>& fields) {
  Hit h;
  h.rule = rule_index;
  h.time = r.time;
  h.source.assign(r.source);
  h.line = r.line;
  h.host.assign(r.host);
  h.component.assign(r.component);
  h.fields = fields;
  if (keeps_text_[rule_index]) {
    h.text.assign(r.text.substr(0, kHitTextBytes));
    for (size_t k = 0; k < ring_size_; ++k)
      h.context_before.push_back(ring_[(ring_next_ + kContextLines - ring_size_ + k) % kContextLines]);
    awaiting_after_.push_back(hits_.size());
  }
  hits_.push_back(std::move(h));
}

void Matcher::Candidates(const Record& r) {
  candidates_.assign(always_check_.begin(), always_check_.end());
  if (prefilter_ == nullptr) return;
  prefilter_->Candidates(r.text, &filtered_);
  if (filtered_.empty()) return;
  candidates_.insert(candidates_.end(), filtered_.begin(), filtered_.end());
  std::sort(candidates_.begin(), candidates_.end());
}

void Matcher::OnRecord(const Record& r) {
  ++records_;
  if (r.source != last_source_) NewFile(r);
  if (r.component != last_component_ || component_count_ == nullptr) {
    last_component_.assign(r.component);
    component_count_ = &components_[last_component_];
  }
  ++*component_count_;
  if (r.time.known()) {
    if (!start_.known() || r.time < start_) start_ = r.time;
    if (!end_.known() || end_ < r.time) end_ = r.time;
  }
  const std::string_view first = FirstLine(r.text, r.first_line_length, kContextBytes);
  FeedFollowingLine(first);
  Candidates(r);
  // Rules of one group compete for the record: the highest precedence wins.
  std::vector<std::pair<int, std::vector<std::pair<std::string, std::string>>>> won;
  for (int index : candidates_) {
    const Rule& rule = *rules_.rules[index];
    if (!CheckMatchRule(rule, r, &fields_)) continue;
    auto rival = std::find_if(won.begin(), won.end(), [&](const auto& w) {
      return !rule.group.empty() && rules_.rules[w.first]->group == rule.group;
    });
    if (rival == won.end()) won.emplace_back(index, fields_);
    else if (rules_.rules[rival->first]->group_precedence < rule.group_precedence) *rival = {index, fields_};
  }
  for (auto& [index, fields] : won) AddHit(index, r, fields);
  RememberLine(first);
}

}  // namespace analyzer
