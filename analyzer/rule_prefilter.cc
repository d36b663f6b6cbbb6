#include "rule_prefilter.h"

#include <algorithm>

#include <re2/filtered_re2.h>

namespace analyzer {
namespace {

// Enough for the atom combinations real logs produce; past it, results are
// computed each time rather than letting a hostile log grow the cache.
constexpr size_t kMaxCached = 4096;
// Atoms shorter than this make a pattern unfiltered (always a candidate):
// shorter atoms would pass nearly every line anyway, and the literal
// scanner keys on four bytes.
constexpr int kMinAtomLength = 4;

}  // namespace

RulePrefilter::RulePrefilter(const RuleSet& rules)
    : filter_(std::make_unique<re2::FilteredRE2>(kMinAtomLength)), covered_(rules.rules.size(), false) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  for (size_t i = 0; i < rules.rules.size(); ++i) {
    const Rule& r = *rules.rules[i];
    int id = -1;
    if (r.kind != RuleKind::kMatch || r.field != "text") continue;
    if (filter_->Add(r.pattern, options, &id) != RE2::NoError) continue;
    filter_to_rule_.push_back(static_cast<int>(i));
    covered_[i] = true;
  }
  if (filter_to_rule_.empty()) return;
  filter_->Compile(&atoms_);
  scanner_ = std::make_unique<LiteralScanner>(atoms_);
  ok_ = true;
}

RulePrefilter::~RulePrefilter() = default;

bool RulePrefilter::covers(int index) const {
  return index >= 0 && static_cast<size_t>(index) < covered_.size() && covered_[index];
}

std::vector<std::string> RulePrefilter::SortedAtoms() const {
  std::vector<std::string> atoms = atoms_;
  std::sort(atoms.begin(), atoms.end());
  return atoms;
}

void RulePrefilter::Candidates(std::string_view text, std::vector<int>* rules) {
  rules->clear();
  if (!ok_) return;
  scanner_->Scan(text, &found_);
  key_.assign(reinterpret_cast<const char*>(found_.data()), found_.size() * sizeof(int));
  if (last_ != nullptr && last_->first == key_) {  // consecutive records: the same atoms, mostly
    *rules = last_->second;
    return;
  }
  if (auto it = cache_.find(key_); it != cache_.end()) {
    last_ = &*it;
    *rules = it->second;
    return;
  }
  filter_->AllPotentials(found_, &potentials_);
  for (int id : potentials_) rules->push_back(filter_to_rule_[id]);
  std::sort(rules->begin(), rules->end());
  if (cache_.size() < kMaxCached) last_ = &*cache_.emplace(key_, *rules).first;
}

}  // namespace analyzer
