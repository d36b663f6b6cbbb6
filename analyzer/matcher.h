// Matcher: runs every match rule over the record stream in one pass.
//
// A literal prefilter over the record text (rule_prefilter.h) names the
// rules that may hit; only those are checked in full (scope, captures,
// extract, where), plus the rules it cannot cover. The naive mode checks
// every rule on every record: the tests use it to prove the prefilter
// changes nothing.
//
// Memory: per record nothing is allocated once the reused buffers have
// grown; hits are copied out only when a rule matches.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "hit.h"
#include "record.h"
#include "rule.h"
#include "rule_prefilter.h"

namespace analyzer {

// Checks one match rule against one record. On a match, fills *fields
// (captures, then extracts) and returns true. Shared by the matcher, the
// naive matcher and `rules test`.
// `check_scope` false tests the pattern and conditions alone (rule examples
// given as bare text).
bool CheckMatchRule(const Rule& rule, const Record& record,
                    std::vector<std::pair<std::string, std::string>>* fields,
                    bool check_scope = true);

class Matcher : public RecordSink {
 public:
  // `naive`: skip the prefilter and check every rule on every record (tests).
  explicit Matcher(const RuleSet& rules, bool naive = false);

  void OnRecord(const Record& record) override;

  // Takes over the hits and counts of a matcher that ran on other files
  // (parallel ingest: one matcher per thread, absorbed at the end).
  void Absorb(Matcher&& other);

  std::vector<Hit>& hits() { return hits_; }
  UtcTime data_start() const { return start_; }
  UtcTime data_end() const { return end_; }
  // Records seen per component (to tell which error codes could be evaluated).
  const std::map<std::string, uint64_t>& components() const { return components_; }
  uint64_t records() const { return records_; }
  bool prefilter_ok() const { return prefilter_ != nullptr; }

 private:
  void NewFile(const Record& record);
  void Candidates(const Record& record);
  void AddHit(int rule_index, const Record& record,
              std::vector<std::pair<std::string, std::string>>& fields);
  void FeedFollowingLine(std::string_view first_line);
  void RememberLine(std::string_view first_line);

  const RuleSet& rules_;
  bool naive_;
  std::unique_ptr<RulePrefilter> prefilter_;  // null when naive or nothing to cover
  std::vector<int> always_check_;  // match rules the prefilter cannot cover
  std::vector<bool> keeps_text_;   // per rule: hits may become evidence
  std::vector<int> filtered_, candidates_;
  std::vector<std::pair<std::string, std::string>> fields_;
  std::vector<Hit> hits_;
  std::map<std::string, uint64_t> components_;
  std::string last_source_, last_component_;
  uint64_t* component_count_ = nullptr;
  std::vector<std::string> ring_;  // first lines of the previous records of this file
  size_t ring_next_ = 0, ring_size_ = 0;
  std::vector<size_t> awaiting_after_;  // hits still collecting following lines
  UtcTime start_, end_;
  uint64_t records_ = 0;
};

}  // namespace analyzer
