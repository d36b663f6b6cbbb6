// Helpers for the rule engine tests: packs written from inline JSON into a
// scratch directory and loaded with the real schema, records made by hand,
// and the pipeline the scan command runs (match, correlate, find) over them.
//
//   auto pack = rtest::Load({{"t.json", rtest::Pack(R"json({"id": "a", ...})json")}});
//   REQUIRE_MESSAGE(pack.ok, pack.Errors());
//   rtest::Run run = rtest::Analyze(pack.rules, {{"09:00:00", "AzS-XRP01", "boom"}});
#pragma once

#include <stdlib.h>  // mkdtemp

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "correlator.h"
#include "finding.h"
#include "matcher.h"
#include "rule.h"
#include "rule_loader.h"
#include "utc_time.h"

namespace rtest {

namespace fs = std::filesystem;

inline const std::string kSchema = ANALYZER_RULES_DIR "/schema/rule-pack.schema.json";

// A fresh directory under the system temp dir, removed with its contents.
class TempDir {
 public:
  TempDir() {
    std::string templ = (fs::temp_directory_path() / "rule_tests-XXXXXX").string();
    if (mkdtemp(templ.data()) != nullptr) path_ = templ;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // Writes `text` to `name` (which may hold one directory level); returns its path.
  std::string Write(const std::string& name, const std::string& text) const {
    const fs::path p = fs::path(path_) / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }

 private:
  std::string path_;
};

// Error codes described by Pack() unless told otherwise: "Boom" needs the
// AzureBridge logs; "Unauthorized" has texts per cause.
inline const char* const kCodes = R"json({
    "Boom": {"title": {"en": "Boom happened"}, "explanation": {"en": "Something went boom."},
             "remediation": {"en": "Stop the boom."}, "requires_components": ["AzureBridge"]},
    "Unauthorized": {"title": {"en": "Unauthorized", "fr": "Non autorisé"},
                     "explanation": {"en": "The usage service said 401.", "fr": "Le service a répondu 401."},
                     "remediation": {"en": "Check the registration."},
                     "requires_components": ["AzureBridge", "UsageBridge"],
                     "causes": {"time-sync": {"explanation": {"en": "The clocks drift."},
                                              "remediation": {"en": "Fix the time source of the XRP VMs."}}}}
  })json";

// The text of a pack file named `name` whose "rules" array holds `rules`.
inline std::string Pack(const std::string& rules, const std::string& name = "t",
                        const std::string& codes = kCodes) {
  return "{\n  \"pack\": \"" + name + "\",\n  \"error_codes\": " + codes + ",\n  \"rules\": [\n" +
         rules + "\n  ]\n}\n";
}

struct Loaded {
  bool ok = false;
  analyzer::RuleSet rules;
  std::vector<std::string> errors;
  std::string dir;  // where the files were written (gone after Load returns)

  std::string Errors() const {
    std::string all;
    for (const std::string& e : errors) all += e + "\n";
    return all;
  }
  const analyzer::Rule* Find(const std::string& id) const {
    const int i = rules.IndexOf(id);
    return i < 0 ? nullptr : rules.rules[i];
  }
};

// Writes `files` (name -> text) into a fresh directory, then loads it as the
// shipped directory, with `extra` (name -> text) as one --rules directory.
inline Loaded Load(const std::vector<std::pair<std::string, std::string>>& files,
                   const std::vector<std::pair<std::string, std::string>>& extra = {}) {
  TempDir dir;
  for (const auto& [name, text] : files) dir.Write("shipped/" + name, text);
  for (const auto& [name, text] : extra) dir.Write("extra/" + name, text);
  std::vector<std::string> extra_dirs;
  if (!extra.empty()) extra_dirs.push_back(dir.path() + "/extra");
  Loaded out;
  out.dir = dir.path();
  fs::create_directories(dir.path() + "/shipped");
  out.ok =
      analyzer::LoadRuleSet(dir.path() + "/shipped", extra_dirs, kSchema, &out.rules, &out.errors);
  return out;
}

// "09:00:00" is that time on 2026-11-18 UTC; anything else is read with
// ParseUserTime ("2026-11-19T09:00:00Z"); "" is no time.
inline analyzer::UtcTime T(const std::string& text) {
  if (text.empty()) return {};
  if (text.size() == 8) return analyzer::ParseUserTime("2026-11-18T" + text + "Z");
  return analyzer::ParseUserTime(text);
}

// A log record, owning its strings. Sources default to "<host>/bridge.log",
// line numbers to the position in the source.
struct Line {
  std::string time, host, text;
  std::string component = "AzureBridge";
  std::string level = "error";
  std::string source;
  uint64_t line = 0;

  Line Comp(std::string c) const {
    Line l = *this;
    l.component = std::move(c);
    return l;
  }
  Line Lvl(std::string v) const {
    Line l = *this;
    l.level = std::move(v);
    return l;
  }
  Line Src(std::string s) const {
    Line l = *this;
    l.source = std::move(s);
    return l;
  }
};

// Hands `lines` to `sink` in the order given.
inline void Feed(const std::vector<Line>& lines, analyzer::RecordSink& sink) {
  std::map<std::string, uint64_t> next_line;
  for (const Line& l : lines) {
    const std::string source = l.source.empty() ? l.host + "/bridge.log" : l.source;
    uint64_t& n = next_line[source];
    n = l.line ? l.line : n + 1;
    analyzer::Record r;
    r.time = T(l.time);
    r.source = source;
    r.line = n;
    r.host = l.host;
    r.component = l.component;
    r.level = l.level;
    r.text = l.text;
    r.message = l.text;
    sink.OnRecord(r);
  }
}

struct Run {
  std::vector<analyzer::Hit> hits;
  analyzer::Findings findings;
  std::map<std::string, uint64_t> components;
  analyzer::UtcTime data_end;
};

// What `analyzer scan` does with the records: match, correlate, find.
inline Run Analyze(const analyzer::RuleSet& rules, const std::vector<Line>& lines,
                   const analyzer::FindingOptions& options = {}) {
  analyzer::Matcher matcher(rules);
  Feed(lines, matcher);
  Run run;
  run.data_end = matcher.data_end();
  analyzer::Correlate(rules, matcher.data_end(), &matcher.hits());
  run.hits = std::move(matcher.hits());
  run.components = matcher.components();
  run.findings = analyzer::BuildFindings(rules, run.hits, run.components, options);
  return run;
}

// "09:00:00" for times on 2026-11-18, RFC 3339 otherwise, "-" when unknown.
inline std::string Clock(analyzer::UtcTime t) {
  if (!t.known()) return "-";
  const std::string s = analyzer::FormatRfc3339(t);
  return s.rfind("2026-11-18T", 0) == 0 ? s.substr(11, s.size() - 12) : s;
}

// The hits of rule `id`, one "time host status" per hit, joined by "; ",
// for assertions that print well when they fail.
inline std::string HitsOf(const analyzer::RuleSet& rules, const std::vector<analyzer::Hit>& hits,
                          const std::string& id) {
  const int rule = rules.IndexOf(id);
  std::string out;
  for (const analyzer::Hit& h : hits) {
    if (h.rule != rule) continue;
    if (!out.empty()) out += "; ";
    out += Clock(h.time) + " " + h.host;
    if (h.status != analyzer::HitStatus::kPlain)
      out += std::string(" ") + analyzer::HitStatusName(h.status);
  }
  return out;
}

// The episodes of a finding as "start-end xcount", joined by "; ".
inline std::string Episodes(const analyzer::Finding& f) {
  std::string out;
  for (const analyzer::Episode& e : f.episodes) {
    if (!out.empty()) out += "; ";
    out += Clock(e.start) + "-" + Clock(e.end) + " x" + std::to_string(e.count);
    if (e.ongoing) out += " ongoing";
  }
  return out;
}

// The findings as "code/cause", joined by "; ".
inline std::string Codes(const std::vector<analyzer::Finding>& findings) {
  std::string out;
  for (const analyzer::Finding& f : findings)
    out += (out.empty() ? "" : "; ") + f.error_code + "/" + f.cause;
  return out;
}

}  // namespace rtest
