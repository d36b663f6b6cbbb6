// Hit: a rule matched. Match rules hit records; correlation rules hit when
// their condition on other hits holds. Hits are what the later stages keep
// of the data, so they stay small: text and context only for rules whose
// hits may be shown as evidence.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "utc_time.h"

namespace analyzer {

enum class HitStatus {
  kPlain,     // match, threshold, sequence
  kMissing,   // absence: nothing followed within the window
  kFollowed,  // absence: recovery came within the window
  kOpen,      // absence: the data ends before the window does
};
const char* HitStatusName(HitStatus s);

struct Hit {
  int rule = -1;  // index in RuleSet::rules
  UtcTime time;
  std::string source;
  uint64_t line = 0;
  std::string host, component;
  std::string text;  // the record (capped), if kept
  std::vector<std::pair<std::string, std::string>> fields;  // captures and extracts
  std::vector<std::string> context_before, context_after;   // neighbouring records' first lines
  HitStatus status = HitStatus::kPlain;
  int cause_of = -1;  // correlation hits: index of the hit they derive from

  const std::string* Field(const std::string& name) const {
    for (const auto& [k, v] : fields)
      if (k == name) return &v;
    return nullptr;
  }
};

// Hits ordered by time, then source and line: the merge of all files and
// VMs by log time that every window is measured on. Untimed hits sort last.
bool HitBefore(const Hit& a, const Hit& b);

}  // namespace analyzer
