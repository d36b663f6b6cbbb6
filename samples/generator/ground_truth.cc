#include "ground_truth.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "time_format.h"

namespace samplegen {
namespace {

std::vector<Episode> SplitEpisodes(const std::vector<Ticks>& sorted_seconds) {
  std::vector<Episode> episodes;
  for (Ticks t : sorted_seconds) {
    if (episodes.empty() || t - episodes.back().end >= kEpisodeGap) {
      episodes.push_back({t, t});
    } else {
      episodes.back().end = t;
    }
  }
  return episodes;
}

std::string Quoted(const std::string& text) { return "\"" + text + "\""; }

std::string QuotedTime(Ticks t) {
  std::string s = "\"";
  AppendIsoSeconds(&s, t);
  return s + "\"";
}

std::string FindingJson(const Finding& f) {
  std::string hosts;
  for (const std::string& h : f.hosts) hosts += (hosts.empty() ? "" : ", ") + Quoted(h);
  std::string out = "    {\n      \"error_code\": " + Quoted(f.error_code) +
                    ",\n      \"cause\": " + Quoted(f.cause) + ",\n      \"hosts\": [" + hosts +
                    "],\n      \"first_seen\": " + QuotedTime(f.first_seen) +
                    ",\n      \"last_seen\": " + QuotedTime(f.last_seen) +
                    ",\n      \"episodes\": [\n";
  for (size_t i = 0; i < f.episodes.size(); ++i) {
    out += "        {\"start\": " + QuotedTime(f.episodes[i].start) +
           ", \"end\": " + QuotedTime(f.episodes[i].end) +
           (i + 1 < f.episodes.size() ? "},\n" : "}\n");
  }
  return out + "      ]\n    }";
}

}  // namespace

std::vector<Finding> ComputeFindings(const Scenario& scenario,
                                     const std::vector<FailureRecord>& failures) {
  // Keyed by (code, cause): two incidents of the same code and cause are one finding.
  std::map<std::pair<std::string, std::string>,
           std::pair<std::set<std::string>, std::vector<Ticks>>>
      groups;
  for (const FailureRecord& f : failures) {
    const Incident& incident = scenario.incidents[f.incident];
    auto& group = groups[{incident.error_code, incident.cause}];
    group.first.insert(f.host);
    group.second.push_back(FloorTo(f.time, kTicksPerSecond));
  }
  std::vector<Finding> findings;
  for (auto& [key, group] : groups) {
    std::vector<Ticks>& times = group.second;
    std::sort(times.begin(), times.end());
    findings.push_back({key.first,
                        key.second,
                        {group.first.begin(), group.first.end()},
                        times.front(),
                        times.back(),
                        SplitEpisodes(times)});
  }
  return findings;
}

std::string TruthJson(const std::string& scenario_name, const std::vector<Finding>& findings) {
  std::string out = "{\n  \"scenario\": " + Quoted(scenario_name) + ",\n  \"findings\": [";
  for (size_t i = 0; i < findings.size(); ++i) {
    out += (i == 0 ? "\n" : ",\n") + FindingJson(findings[i]);
  }
  out += findings.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

}  // namespace samplegen
