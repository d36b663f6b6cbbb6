// RulePrefilter: which match rules may hit a record, found without running
// their regexes. RE2's FilteredRE2 reduces each pattern to an AND/OR of
// literals ("atoms": lowercase strings a matching text must contain); a
// LiteralScanner finds the atoms present; FilteredRE2 turns them into the
// rules that pass. Only those are then run in full (matcher.h).
//
// Covers the match rules over the record text whose pattern compiles in
// FilteredRE2; the others are not its business (`covers()` says which).
// The filter may pass a rule that does not match, never the reverse, with
// one caveat of RE2's own: atoms are folded byte-wise (ASCII), so a
// case-insensitive pattern meeting the few non-ASCII letters that fold to
// ASCII ones (U+017F long s, U+212A Kelvin sign) may be filtered out.
//
// Cost: one literal scan of the text; the atom-to-rule step is cached per
// distinct set of atoms found (logs repeat the same few). Not thread-safe:
// one instance per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "literal_scanner.h"
#include "rule.h"

namespace re2 {
class FilteredRE2;
}

namespace analyzer {

class RulePrefilter {
 public:
  explicit RulePrefilter(const RuleSet& rules);
  ~RulePrefilter();

  // False when no rule could be covered (then every rule runs in full).
  bool ok() const { return ok_; }
  // Whether rule `index` (into RuleSet::rules) is filtered here.
  bool covers(int index) const;
  // The atoms, sorted: what `rules needles` prints.
  std::vector<std::string> SortedAtoms() const;

  // Sets *rules to the covered rules (ascending indices) that may match `text`.
  void Candidates(std::string_view text, std::vector<int>* rules);

 private:
  std::unique_ptr<re2::FilteredRE2> filter_;
  std::vector<std::string> atoms_;
  std::unique_ptr<LiteralScanner> scanner_;
  std::vector<int> filter_to_rule_;  // FilteredRE2 id -> rule index
  std::vector<bool> covered_;        // per rule index
  bool ok_ = false;
  std::vector<int> found_, potentials_;
  std::string key_;
  std::unordered_map<std::string, std::vector<int>> cache_;
  const std::pair<const std::string, std::vector<int>>* last_ = nullptr;  // in cache_ (nodes stay put)
};

}  // namespace analyzer
