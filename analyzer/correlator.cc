#include "correlator.h"

#include <algorithm>
#include <deque>
#include <map>

namespace analyzer {
namespace {

std::string KeyOf(const Hit& h, const std::vector<std::string>& key) {
  std::string k;
  for (const std::string& part : key) {
    if (part == "host") k += h.host;
    else if (part == "component") k += h.component;
    else if (const std::string* v = h.Field(part)) k += *v;
    k.push_back('\x1f');
  }
  return k;
}

Hit Derive(const Hit& from, int rule, size_t from_index, HitStatus status) {
  Hit h = from;
  h.rule = rule;
  h.status = status;
  h.cause_of = static_cast<int>(from_index);
  return h;
}

using Lists = std::vector<std::vector<size_t>>;  // per rule: hit indexes in time order

void Threshold(const Rule& r, int self, const Lists& lists, std::vector<Hit>* hits) {
  std::map<std::string, std::deque<int64_t>> recent;
  for (size_t i : lists[r.rule_index]) {
    const Hit& a = (*hits)[i];
    if (!a.time.known()) continue;
    auto& q = recent[KeyOf(a, r.key)];
    q.push_back(a.time.ticks);
    while (!q.empty() && q.front() <= a.time.ticks - r.window_ticks) q.pop_front();
    if (static_cast<int>(q.size()) >= r.count) hits->push_back(Derive(a, self, i, HitStatus::kPlain));
  }
}

void Sequence(const Rule& r, int self, const Lists& lists, std::vector<Hit>* hits) {
  std::vector<size_t> merged = lists[r.rule_index];
  merged.insert(merged.end(), lists[r.other_index].begin(), lists[r.other_index].end());
  // Derived hits sit after the sorted ones in the vector: order by time, not index.
  std::stable_sort(merged.begin(), merged.end(),
                   [&](size_t x, size_t y) { return HitBefore((*hits)[x], (*hits)[y]); });
  std::map<std::string, int64_t> last_first;
  for (size_t i : merged) {
    if (!(*hits)[i].time.known()) continue;
    const int rule = (*hits)[i].rule;
    const int64_t t = (*hits)[i].time.ticks;
    const std::string key = KeyOf((*hits)[i], r.key);
    if (rule == r.other_index) {
      auto it = last_first.find(key);
      if (it != last_first.end() && t - it->second < r.window_ticks)
        hits->push_back(Derive((*hits)[i], self, i, HitStatus::kPlain));
    }
    if (rule == r.rule_index) last_first[key] = t;
  }
}

void Absence(const Rule& r, int self, const Lists& lists, UtcTime data_end, std::vector<Hit>* hits) {
  std::map<std::string, std::vector<size_t>> recoveries;  // per key, in time order
  for (size_t j : lists[r.other_index])
    if ((*hits)[j].time.known()) recoveries[KeyOf((*hits)[j], r.key)].push_back(j);
  for (size_t i : lists[r.rule_index]) {
    const Hit& a = (*hits)[i];
    if (!a.time.known()) continue;
    HitStatus status = HitStatus::kMissing;
    auto it = recoveries.find(KeyOf(a, r.key));
    if (it != recoveries.end()) {
      auto next = std::upper_bound(it->second.begin(), it->second.end(), i, [&](size_t x, size_t y) {
        return HitBefore((*hits)[x], (*hits)[y]);  // the first recovery after A
      });
      if (next != it->second.end() && (*hits)[*next].time.ticks - a.time.ticks < r.window_ticks)
        status = HitStatus::kFollowed;
    }
    if (status == HitStatus::kMissing && (!data_end.known() || a.time.ticks + r.window_ticks > data_end.ticks))
      status = HitStatus::kOpen;
    hits->push_back(Derive(a, self, i, status));
  }
}

}  // namespace

void Correlate(const RuleSet& rules, UtcTime data_end, std::vector<Hit>* hits) {
  std::stable_sort(hits->begin(), hits->end(), HitBefore);
  Lists lists(rules.rules.size());
  for (size_t i = 0; i < hits->size(); ++i) lists[(*hits)[i].rule].push_back(i);
  for (size_t k = 0; k < rules.rules.size(); ++k) {  // references come first
    const Rule& r = *rules.rules[k];
    const size_t before = hits->size();
    const int self = static_cast<int>(k);
    if (r.kind == RuleKind::kThreshold) Threshold(r, self, lists, hits);
    if (r.kind == RuleKind::kSequence) Sequence(r, self, lists, hits);
    if (r.kind == RuleKind::kAbsence) Absence(r, self, lists, data_end, hits);
    // A rule built on an absence rule sees the failures that stayed
    // unrecovered, not those that recovered or whose window outran the data.
    for (size_t i = before; i < hits->size(); ++i)
      if ((*hits)[i].status == HitStatus::kPlain || (*hits)[i].status == HitStatus::kMissing) lists[k].push_back(i);
  }
}

bool HitBefore(const Hit& a, const Hit& b) {
  if (a.time.known() != b.time.known()) return a.time.known();
  if (a.time.ticks != b.time.ticks) return a.time.ticks < b.time.ticks;
  if (a.source != b.source) return a.source < b.source;
  if (a.line != b.line) return a.line < b.line;
  return a.rule < b.rule;
}

const char* HitStatusName(HitStatus s) {
  switch (s) {
    case HitStatus::kPlain: return "plain";
    case HitStatus::kMissing: return "missing";
    case HitStatus::kFollowed: return "followed";
    case HitStatus::kOpen: return "open";
  }
  return "?";
}

}  // namespace analyzer
