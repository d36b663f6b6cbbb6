#include "report_html_coverage.h"

#include <algorithm>
#include <map>
#include <set>

namespace analyzer {
namespace {

// Sorts and joins spans that overlap or sit within kCoverageMergeTicks.
std::vector<TimeSpan> Merge(std::vector<TimeSpan> spans) {
  std::sort(spans.begin(), spans.end(), [](const TimeSpan& a, const TimeSpan& b) {
    return a.start.ticks != b.start.ticks ? a.start < b.start : a.end < b.end;
  });
  std::vector<TimeSpan> out;
  for (const TimeSpan& s : spans) {
    if (!out.empty() && s.start.ticks - out.back().end.ticks <= kCoverageMergeTicks)
      out.back().end = std::max(out.back().end, s.end);
    else
      out.push_back(s);
  }
  return out;
}

struct LaneAccumulator {
  std::vector<TimeSpan> spans;
  std::set<std::string> components;
  uint64_t files = 0, records = 0;
};

}  // namespace

TimeSpan BundleSpan(const std::vector<InputSummary>& inputs) {
  TimeSpan span;
  for (const InputSummary& s : inputs) {
    if (!s.first.known() || !s.last.known()) continue;
    if (!span.start.known() || s.first < span.start) span.start = s.first;
    if (!span.end.known() || span.end < s.last) span.end = s.last;
  }
  return span;
}

std::vector<LaneCoverage> BuildCoverage(const std::vector<InputSummary>& inputs,
                                        bool per_component) {
  std::map<std::pair<std::string, std::string>, LaneAccumulator> lanes;
  for (const InputSummary& s : inputs) {
    for (const InventoryItem& item : s.inventory) {
      if (item.status != EntryStatus::kRead || item.host.empty()) continue;
      if (!item.first.known() || !item.last.known() || item.last < item.first) continue;
      LaneAccumulator& lane = lanes[{item.host, per_component ? item.component : ""}];
      lane.spans.push_back({item.first, item.last});
      if (!item.component.empty()) lane.components.insert(item.component);
      lane.files += 1;
      lane.records += item.records;
    }
  }
  std::vector<LaneCoverage> out;
  for (auto& [key, acc] : lanes) {
    LaneCoverage lane{key.first,
                      key.second,
                      {acc.components.begin(), acc.components.end()},
                      Merge(std::move(acc.spans)),
                      acc.files,
                      acc.records};
    out.push_back(std::move(lane));
  }
  return out;
}

std::vector<TimeSpan> CoverageGaps(const std::vector<TimeSpan>& covered, TimeSpan within) {
  std::vector<TimeSpan> gaps;
  UtcTime cursor = within.start;
  for (const TimeSpan& c : covered) {
    if (cursor < c.start && c.start.ticks - cursor.ticks > kCoverageMergeTicks)
      gaps.push_back({cursor, std::min(c.start, within.end)});
    cursor = std::max(cursor, c.end);
    if (!(cursor < within.end)) return gaps;
  }
  if (cursor < within.end && within.end.ticks - cursor.ticks > kCoverageMergeTicks)
    gaps.push_back({cursor, within.end});
  return gaps;
}

}  // namespace analyzer
