#include "finding.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace analyzer {
namespace {

using HitList = std::vector<size_t>;  // indexes into the hits, in time order

struct RawEpisode {
  HitList hits;
  HitList cause_hits;
  std::string cause;
  bool recovered = true;
  bool ongoing = false;
};

class Builder {
 public:
  Builder(const RuleSet& rules, const std::vector<Hit>& hits, const FindingOptions& options)
      : rules_(rules), hits_(hits), options_(options), by_rule_(rules.rules.size()) {
    for (size_t i = 0; i < hits.size(); ++i) by_rule_[hits[i].rule].push_back(i);
    for (auto& list : by_rule_) SortByTime(&list);
  }

  void Run(Findings* out);

 private:
  void SortByTime(HitList* list) const {
    std::stable_sort(list->begin(), list->end(),
                     [&](size_t a, size_t b) { return HitBefore(hits_[a], hits_[b]); });
  }
  const ReportSpec& SpecOf(size_t hit) const { return *rules_.rules[hits_[hit].rule]->report; }
  std::vector<RawEpisode> SplitEpisodes(const HitList& hits) const;
  void DeriveCause(RawEpisode* e) const;
  Finding MakeFinding(const std::string& code, const std::string& cause,
                      const std::vector<RawEpisode>& episodes, bool note) const;
  void AddTexts(Finding* f) const;
  void SelectEvidence(const std::vector<RawEpisode>& episodes, Finding* f) const;
  Evidence MakeEvidence(size_t hit, const char* role) const;

  const RuleSet& rules_;
  const std::vector<Hit>& hits_;
  const FindingOptions& options_;
  std::vector<HitList> by_rule_;
};

std::vector<RawEpisode> Builder::SplitEpisodes(const HitList& hits) const {
  std::vector<RawEpisode> episodes;
  for (size_t i : hits) {
    const Hit& h = hits_[i];
    if (episodes.empty() ||
        h.time.ticks - hits_[episodes.back().hits.back()].time.ticks >= options_.episode_gap_ticks)
      episodes.emplace_back();
    RawEpisode& e = episodes.back();
    e.hits.push_back(i);
    e.recovered = e.recovered && h.status == HitStatus::kFollowed;
    e.ongoing = h.status == HitStatus::kOpen;  // the last hit decides
  }
  return episodes;
}

void Builder::DeriveCause(RawEpisode* e) const {
  const ReportSpec& spec = SpecOf(e->hits.front());
  e->cause = spec.cause;
  if (!spec.cause.empty()) return;
  const int64_t start = hits_[e->hits.front()].time.ticks, end = hits_[e->hits.back()].time.ticks;
  for (const DerivedCause& c : spec.derived_causes) {
    for (int rule : c.evidence_indexes) {
      for (size_t i : by_rule_[rule]) {
        const UtcTime t = hits_[i].time;
        if (t.known() && t.ticks >= start - c.within_ticks && t.ticks <= end + c.within_ticks)
          e->cause_hits.push_back(i);
      }
    }
    if (!e->cause_hits.empty()) {
      SortByTime(&e->cause_hits);
      e->cause = c.cause;
      return;
    }
  }
  e->cause = spec.default_cause;
}

Evidence Builder::MakeEvidence(size_t i, const char* role) const {
  // A correlation hit shows the record it was derived from.
  while (hits_[i].cause_of >= 0 && hits_[i].text.empty()) i = static_cast<size_t>(hits_[i].cause_of);
  const Hit& h = hits_[i];
  Evidence ev;
  ev.source = h.source;
  ev.line = h.line;
  ev.time = h.time;
  ev.host = h.host;
  ev.role = role;
  ev.rule_id = rules_.rules[h.rule]->id;
  ev.text = h.text;
  ev.context = h.context_before;
  ev.context_index = ev.context.size();
  ev.context.push_back(h.text.substr(0, h.text.find('\n')));
  ev.context.insert(ev.context.end(), h.context_after.begin(), h.context_after.end());
  return ev;
}

void Builder::SelectEvidence(const std::vector<RawEpisode>& episodes, Finding* f) const {
  // Most telling first: where each episode starts and ends, each host's
  // first failure, then what decided the cause.
  std::vector<std::pair<size_t, const char*>> wanted;
  std::set<std::string> hosts_done;
  for (const RawEpisode& e : episodes) {
    wanted.emplace_back(e.hits.front(), "occurrence");
    wanted.emplace_back(e.hits.back(), "occurrence");
  }
  for (const RawEpisode& e : episodes)
    for (size_t i : e.hits)
      if (hosts_done.insert(hits_[i].host).second) wanted.emplace_back(i, "occurrence");
  for (const RawEpisode& e : episodes)
    for (size_t k = 0; k < e.cause_hits.size() && k < 3; ++k) wanted.emplace_back(e.cause_hits[k], "cause");
  std::set<std::pair<std::string, uint64_t>> seen;
  uint64_t total = f->count;
  for (const RawEpisode& e : episodes) total += e.cause_hits.size();
  for (const auto& [i, role] : wanted) {
    if (f->evidence.size() >= options_.max_evidence) break;
    Evidence ev = MakeEvidence(i, role);
    if (seen.insert({ev.source, ev.line}).second) f->evidence.push_back(std::move(ev));
  }
  std::sort(f->evidence.begin(), f->evidence.end(), [](const Evidence& a, const Evidence& b) {
    if (a.time != b.time) return a.time < b.time;
    return a.source != b.source ? a.source < b.source : a.line < b.line;
  });
  f->evidence_omitted = total > f->evidence.size() ? total - f->evidence.size() : 0;
}

Finding Builder::MakeFinding(const std::string& code, const std::string& cause,
                             const std::vector<RawEpisode>& episodes, bool note) const {
  Finding f;
  f.error_code = code;
  f.cause = cause;
  f.severity = note ? SpecOf(episodes.front().hits.front()).recovered_severity : Severity::kInfo;
  std::set<std::string> rule_ids, hosts, components;
  for (const RawEpisode& e : episodes) {
    Episode out;
    out.start = hits_[e.hits.front()].time;
    out.end = hits_[e.hits.back()].time;
    out.count = e.hits.size();
    out.ongoing = e.ongoing;
    std::set<std::string> episode_hosts;
    for (size_t i : e.hits) {
      const Hit& h = hits_[i];
      rule_ids.insert(rules_.rules[h.rule]->id);
      if (!h.host.empty()) episode_hosts.insert(h.host), hosts.insert(h.host);
      if (!h.component.empty()) components.insert(h.component);
      if (!note) f.severity = std::max(f.severity, SpecOf(i).severity);
    }
    out.hosts.assign(episode_hosts.begin(), episode_hosts.end());
    f.count += out.count;
    f.episodes.push_back(std::move(out));
  }
  std::sort(f.episodes.begin(), f.episodes.end(),
            [](const Episode& a, const Episode& b) { return a.start < b.start; });
  f.first_seen = f.episodes.front().start;
  f.last_seen = f.episodes.front().end;
  for (const Episode& e : f.episodes) f.last_seen = std::max(f.last_seen, e.end);
  f.rule_id = rules_.rules[hits_[episodes.front().hits.front()].rule]->id;
  f.rule_ids.assign(rule_ids.begin(), rule_ids.end());
  f.hosts.assign(hosts.begin(), hosts.end());
  f.components.assign(components.begin(), components.end());
  AddTexts(&f);
  SelectEvidence(episodes, &f);
  return f;
}

void Builder::AddTexts(Finding* f) const {
  auto it = rules_.codes.find(f->error_code);
  if (it == rules_.codes.end()) return;
  const ErrorCodeText& t = *it->second;
  const std::string& lang = options_.lang;
  f->title = t.title.In(lang);
  f->explanation = t.explanation.In(lang);
  if (auto c = t.cause_explanation.find(f->cause); c != t.cause_explanation.end())
    f->explanation += " " + c->second.In(lang);
  auto r = t.cause_remediation.find(f->cause);
  f->remediation = r != t.cause_remediation.end() ? r->second.In(lang) : t.remediation.In(lang);
}

void Builder::Run(Findings* out) {
  std::map<std::pair<std::string, std::string>, HitList> groups;  // (code, fixed cause)
  for (size_t i = 0; i < hits_.size(); ++i) {
    const Rule& r = *rules_.rules[hits_[i].rule];
    if (!r.report) continue;
    if (!hits_[i].time.known()) {
      ++out->untimed_hits;
      continue;
    }
    groups[{r.report->error_code, r.report->cause}].push_back(i);
  }
  // (code, cause, note) -> episodes
  std::map<std::tuple<std::string, std::string, bool>, std::vector<RawEpisode>> decided;
  for (auto& [key, list] : groups) {
    SortByTime(&list);
    for (RawEpisode& e : SplitEpisodes(list)) {
      DeriveCause(&e);
      decided[{key.first, e.cause, e.recovered}].push_back(std::move(e));
    }
  }
  for (const auto& [key, episodes] : decided) {
    const auto& [code, cause, note] = key;
    (note ? out->notes : out->incidents).push_back(MakeFinding(code, cause, episodes, note));
  }
}

const char* NotEvaluatedReason(const std::string& lang) {
  return lang == "fr" ? "aucun journal des composants nécessaires n'a été lu: "
                      : "no logs of the components it needs were read: ";
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

Findings BuildFindings(const RuleSet& rules, const std::vector<Hit>& hits,
                       const std::map<std::string, uint64_t>& components_seen,
                       const FindingOptions& options) {
  Findings out;
  Builder(rules, hits, options).Run(&out);
  for (const auto& [code, text] : rules.codes) {
    Verdict v{code, "not_found", ""};
    const bool found = std::any_of(out.incidents.begin(), out.incidents.end(),
                                   [&v](const Finding& f) { return f.error_code == v.error_code; });
    bool has_logs = text->required_components.empty();
    std::string needed;
    for (const std::string& c : text->required_components) {
      // Case-insensitive, as rule scopes are: "UsageBridge" in a pack
      // matches a role zip named "USAGEBRIDGE-….zip".
      has_logs = has_logs || std::any_of(components_seen.begin(), components_seen.end(), [&c](const auto& seen) {
                   return seen.second > 0 && EqualsIgnoringCase(seen.first, c);
                 });
      needed += (needed.empty() ? "" : ", ") + c;
    }
    if (found) v.status = "found";
    else if (!has_logs) v.status = "not_evaluated", v.reason = NotEvaluatedReason(options.lang) + needed;
    out.verdicts.push_back(std::move(v));
  }
  return out;
}

}  // namespace analyzer
