#include "finding.h"

#include <doctest/doctest.h>

#include "rule_test_support.h"

namespace analyzer {
namespace {

using rtest::Analyze;
using rtest::Codes;
using rtest::Episodes;
using rtest::Line;
using rtest::Load;
using rtest::Loaded;
using rtest::Run;

// One code, Unauthorized, decided per episode: clock-skew evidence within
// an hour means time-sync, registration texts within a day mean
// registration-changed, else undetermined.
const char* const kUnauthorizedPack = R"json({
  "pack": "usage",
  "error_codes": {
    "Unauthorized": {
      "title": {"en": "Azure refuses the bridge (Unauthorized)", "fr": "Azure refuse le pont (Unauthorized)"},
      "explanation": {"en": "The usage service answers 401.", "fr": "Le service d'utilisation répond 401."},
      "remediation": {"en": "Register the stamp again."},
      "requires_components": ["AzureBridge", "UsageBridge"],
      "causes": {
        "time-sync": {"explanation": {"en": "The clocks of the XRP VMs drift.", "fr": "Les horloges dérivent."},
                      "remediation": {"en": "Fix the time source of the XRP VMs."}},
        "registration-changed": {"explanation": {"en": "The registration changed."}}
      }
    }
  },
  "rules": [
    {"id": "unauth", "kind": "match", "pattern": "\\(401\\) Unauthorized",
     "scope": {"components": ["AzureBridge", "UsageBridge"]},
     "examples": {"match": ["(401) Unauthorized"], "no_match": ["Unauthorized requests: 0"]}},
    {"id": "uploaded", "kind": "match", "pattern": "usage upload succeeded",
     "scope": {"components": ["AzureBridge", "UsageBridge"]},
     "examples": {"match": ["usage upload succeeded"], "no_match": ["usage upload failed"]}},
    {"id": "clock-skew", "kind": "match", "pattern": "has not synchronized the system time|AADSTS700024",
     "scope": {"hosts": "XRP"},
     "examples": {"match": ["AADSTS700024"], "no_match": ["AADSTS7000215"]}},
    {"id": "registration", "kind": "match", "pattern": "RegistrationNotFound",
     "examples": {"match": ["RegistrationNotFound"], "no_match": ["Registration found"]}},
    {"id": "unauthorized", "kind": "absence", "rule": "unauth", "missing": "uploaded", "window": "2m",
     "key": ["host"],
     "report": {"error_code": "Unauthorized",
                "causes": [{"cause": "time-sync", "evidence": ["clock-skew"], "within": "1h"},
                           {"cause": "registration-changed", "evidence": ["registration"], "within": "24h"}],
                "severity": "critical", "recovered_severity": "low"}}
  ]
})json";

const Loaded& UnauthorizedPack() {
  static const Loaded l = Load({{"usage.json", kUnauthorizedPack}});
  REQUIRE_MESSAGE(l.ok, l.Errors());
  return l;
}

const char* const kSkew =
    "W32Time: The time service has not synchronized the system time for the last 86400 seconds";
const char* const kDenied =
    "Upload failed: The remote server returned an error: (401) Unauthorized. "
    "https://usage.microsoftazurestack.com";
const Line kEnd{"23:00:00", "AzS-XRP03", "heartbeat"};  // the data goes on

const Finding* FindingOf(const std::vector<Finding>& findings, const std::string& cause) {
  for (const Finding& f : findings)
    if (f.cause == cause) return &f;
  return nullptr;
}

TEST_CASE("finding: occurrences closer than the gap form one episode") {
  const Loaded l = Load({{"t.json", rtest::Pack(R"json(
    {"id": "boom", "kind": "match", "pattern": "boom",
     "examples": {"match": ["boom"], "no_match": ["calm"]},
     "report": {"error_code": "Boom", "cause": "fuse"}})json")}});
  REQUIRE_MESSAGE(l.ok, l.Errors());
  auto episodes = [&](const std::vector<Line>& lines, const FindingOptions& options = {}) {
    const Run run = Analyze(l.rules, lines, options);
    REQUIRE(run.findings.incidents.size() == 1);
    return Episodes(run.findings.incidents[0]);
  };
  CHECK(episodes({{"09:00:00", "AzS-XRP01", "boom"}, {"09:14:00", "AzS-XRP01", "boom"}}) ==
        "09:00:00-09:14:00 x2");
  CHECK(episodes({{"09:00:00", "AzS-XRP01", "boom"}, {"09:16:00", "AzS-XRP01", "boom"}}) ==
        "09:00:00-09:00:00 x1; 09:16:00-09:16:00 x1");
  CHECK(episodes({{"09:00:00", "AzS-XRP01", "boom"}, {"09:15:00", "AzS-XRP01", "boom"}}) ==
        "09:00:00-09:00:00 x1; 09:15:00-09:15:00 x1");
  // The gap is measured from the previous occurrence, not from the start.
  CHECK(episodes({{"09:00:00", "AzS-XRP01", "boom"},
                  {"09:14:00", "AzS-XRP01", "boom"},
                  {"09:28:00", "AzS-XRP01", "boom"}}) == "09:00:00-09:28:00 x3");
  FindingOptions wide;
  wide.episode_gap_ticks = 30 * 60 * kTicksPerSecond;
  CHECK(episodes({{"09:00:00", "AzS-XRP01", "boom"}, {"09:16:00", "AzS-XRP01", "boom"}}, wide) ==
        "09:00:00-09:16:00 x2");

  const Run run = Analyze(l.rules, {{"09:00:00", "AzS-XRP01", "boom"}, {"", "AzS-XRP01", "boom"}});
  CHECK(run.findings.untimed_hits == 1);
  REQUIRE(run.findings.incidents.size() == 1);
  CHECK(run.findings.incidents[0].count == 1);
}

TEST_CASE("finding: occurrences of several files and hosts are merged by time into episodes") {
  const Loaded& l = UnauthorizedPack();
  // XRP01's file is read before XRP02's, whose failure fills the gap.
  const Run run = Analyze(l.rules, {{"09:00:00", "AzS-XRP01", kDenied},
                                    {"09:20:00", "AzS-XRP01", kDenied},
                                    {"09:10:00", "AzS-XRP02", kDenied},
                                    kEnd});
  REQUIRE(Codes(run.findings.incidents) == "Unauthorized/undetermined");
  const Finding& f = run.findings.incidents[0];
  CHECK(Episodes(f) == "09:00:00-09:20:00 x3");
  CHECK(f.episodes[0].hosts == std::vector<std::string>{"AzS-XRP01", "AzS-XRP02"});
  CHECK(f.hosts == std::vector<std::string>{"AzS-XRP01", "AzS-XRP02"});
  CHECK(f.components == std::vector<std::string>{"AzureBridge"});
  CHECK(rtest::Clock(f.first_seen) == "09:00:00");
  CHECK(rtest::Clock(f.last_seen) == "09:20:00");
  CHECK(f.count == 3);
  CHECK(f.rule_id == "unauthorized");
  CHECK(f.severity == Severity::kCritical);
}

TEST_CASE("finding: an Unauthorized episode takes its cause from the evidence around it") {
  const Loaded& l = UnauthorizedPack();
  const Line denied1{"09:00:00", "AzS-XRP01", kDenied}, denied2{"09:05:00", "AzS-XRP01", kDenied};

  SUBCASE("clock-skew evidence within the window: time-sync") {
    const Run run = Analyze(l.rules, {Line{"08:30:00", "AzS-XRP02", kSkew}.Comp("TimeService"),
                                      denied1, denied2, kEnd});
    REQUIRE(Codes(run.findings.incidents) == "Unauthorized/time-sync");
    const Finding& f = run.findings.incidents[0];
    CHECK(f.explanation == "The usage service answers 401. The clocks of the XRP VMs drift.");
    CHECK(f.remediation == "Fix the time source of the XRP VMs.");
    bool cause_shown = false;
    for (const Evidence& e : f.evidence)
      cause_shown |= e.role == "cause" && e.rule_id == "clock-skew" && e.host == "AzS-XRP02" &&
                     e.text == kSkew;
    CHECK(cause_shown);
  }
  SUBCASE("evidence after the episode counts too, within the window") {
    const Run run =
        Analyze(l.rules, {denied1, denied2, Line{"05:59:00", "AzS-XRP01", kSkew}.Src("w32time.log"),
                          Line{"10:04:00", "AzS-XRP01", kSkew}.Src("w32time.log"), kEnd});
    CHECK(Codes(run.findings.incidents) == "Unauthorized/time-sync");
  }
  SUBCASE("evidence too far away, or on a host out of the rule's scope, does not count") {
    const Run run =
        Analyze(l.rules, {Line{"07:58:00", "AzS-XRP01", kSkew}.Src("w32time.log"),
                          Line{"08:59:00", "AzS-ERCS01", kSkew}, denied1, denied2,
                          Line{"10:06:00", "AzS-XRP01", kSkew}.Src("w32time.log"), kEnd});
    CHECK(Codes(run.findings.incidents) == "Unauthorized/undetermined");
    CHECK(run.findings.incidents[0].explanation == "The usage service answers 401.");
    CHECK(run.findings.incidents[0].remediation == "Register the stamp again.");
  }
  SUBCASE("registration texts within a day: registration-changed") {
    const Run run = Analyze(l.rules, {Line{"2026-11-17T10:00:00Z", "AzS-XRP01",
                                           "Registration resource: RegistrationNotFound"}
                                          .Src("AzsRegistration.log"),
                                      denied1, denied2, kEnd});
    REQUIRE(Codes(run.findings.incidents) == "Unauthorized/registration-changed");
    CHECK(run.findings.incidents[0].explanation ==
          "The usage service answers 401. The registration changed.");
    CHECK(run.findings.incidents[0].remediation ==
          "Register the stamp again.");  // no text for the cause
  }
  SUBCASE("both: the cause listed first wins") {
    const Run run = Analyze(
        l.rules, {Line{"08:00:00", "AzS-XRP01", "RegistrationNotFound"}.Src("reg.log"),
                  Line{"08:30:00", "AzS-XRP01", kSkew}.Src("w32time.log"), denied1, denied2, kEnd});
    CHECK(Codes(run.findings.incidents) == "Unauthorized/time-sync");
  }
  SUBCASE("no evidence: undetermined") {
    const Run run = Analyze(l.rules, {denied1, denied2, kEnd});
    CHECK(Codes(run.findings.incidents) == "Unauthorized/undetermined");
  }
  SUBCASE("each episode is decided on its own") {
    const Run run = Analyze(l.rules, {Line{"08:30:00", "AzS-XRP01", kSkew}.Src("w32time.log"),
                                      denied1,
                                      denied2,
                                      {"12:00:00", "AzS-XRP01", kDenied},
                                      kEnd});
    CHECK(Codes(run.findings.incidents) == "Unauthorized/time-sync; Unauthorized/undetermined");
    CHECK(Episodes(*FindingOf(run.findings.incidents, "time-sync")) == "09:00:00-09:05:00 x2");
    CHECK(Episodes(*FindingOf(run.findings.incidents, "undetermined")) == "12:00:00-12:00:00 x1");
  }
}

TEST_CASE("finding: episodes that always recovered are notes, not incidents") {
  const Loaded& l = UnauthorizedPack();
  const Line ok1{"09:00:30", "AzS-XRP01", "usage upload succeeded"},
      ok2{"09:05:30", "AzS-XRP01", "usage upload succeeded"};

  SUBCASE("every failure followed by success") {
    const Run run = Analyze(
        l.rules,
        {{"09:00:00", "AzS-XRP01", kDenied}, ok1, {"09:05:00", "AzS-XRP01", kDenied}, ok2, kEnd});
    CHECK(Codes(run.findings.incidents) == "");
    REQUIRE(Codes(run.findings.notes) == "Unauthorized/undetermined");
    CHECK(run.findings.notes[0].severity == Severity::kLow);  // recovered_severity
    CHECK(Episodes(run.findings.notes[0]) == "09:00:00-09:05:00 x2");
    REQUIRE(run.findings.verdicts.size() == 1);
    CHECK(run.findings.verdicts[0].status == "not_found");
  }
  SUBCASE("one failure without recovery makes the episode an incident") {
    const Run run = Analyze(
        l.rules,
        {{"09:00:00", "AzS-XRP01", kDenied}, ok1, {"09:05:00", "AzS-XRP01", kDenied}, kEnd});
    CHECK(Codes(run.findings.notes) == "");
    REQUIRE(Codes(run.findings.incidents) == "Unauthorized/undetermined");
    CHECK(Episodes(run.findings.incidents[0]) == "09:00:00-09:05:00 x2");
    CHECK(run.findings.incidents[0].severity == Severity::kCritical);
    CHECK(run.findings.verdicts[0].status == "found");
  }
  SUBCASE("a failure in the last minutes of the data is an ongoing incident") {
    const Run run = Analyze(l.rules, {{"09:00:00", "AzS-XRP01", kDenied},
                                      ok1,
                                      {"09:05:00", "AzS-XRP01", kDenied},
                                      ok2,
                                      {"09:10:00", "AzS-XRP01", kDenied},
                                      {"09:11:00", "AzS-XRP02", "heartbeat"}});
    CHECK(Codes(run.findings.notes) == "");
    REQUIRE(Codes(run.findings.incidents) == "Unauthorized/undetermined");
    CHECK(Episodes(run.findings.incidents[0]) == "09:00:00-09:10:00 x3 ongoing");
  }
}

TEST_CASE("finding: a code is not evaluated when no log of the components it needs was read") {
  const Loaded& l = UnauthorizedPack();
  const Run none = Analyze(l.rules, {Line{"09:00:00", "AzS-WAS01", kDenied}.Comp("WAS")});
  REQUIRE(none.findings.verdicts.size() == 1);
  CHECK(none.findings.verdicts[0].error_code == "Unauthorized");
  CHECK(none.findings.verdicts[0].status == "not_evaluated");
  CHECK(none.findings.verdicts[0].reason ==
        "no logs of the components it needs were read: AzureBridge, UsageBridge");

  FindingOptions fr;
  fr.lang = "fr";
  const Run none_fr = Analyze(l.rules, {Line{"09:00:00", "AzS-WAS01", "x"}.Comp("WAS")}, fr);
  CHECK(none_fr.findings.verdicts[0].reason.find("AzureBridge, UsageBridge") != std::string::npos);
  CHECK(none_fr.findings.verdicts[0].reason.find("aucun journal") == 0);

  // Either component is enough.
  const Run some = Analyze(
      l.rules, {Line{"09:00:00", "AzS-XRP01", "usage upload succeeded"}.Comp("UsageBridge")});
  CHECK(some.findings.verdicts[0].status == "not_found");
  CHECK(some.findings.verdicts[0].reason == "");

  // Role names compare without case, as rule scopes do.
  const Run upper = Analyze(
      l.rules, {Line{"09:00:00", "AzS-XRP01", "usage upload succeeded"}.Comp("USAGEBRIDGE")});
  CHECK(upper.findings.verdicts[0].status == "not_found");
}

TEST_CASE("finding: texts in the report's language, falling back to English") {
  const Loaded& l = UnauthorizedPack();
  FindingOptions fr;
  fr.lang = "fr";
  const Run run = Analyze(l.rules,
                          {Line{"08:30:00", "AzS-XRP01", kSkew}.Src("w32time.log"),
                           {"09:00:00", "AzS-XRP01", kDenied},
                           kEnd},
                          fr);
  REQUIRE(Codes(run.findings.incidents) == "Unauthorized/time-sync");
  const Finding& f = run.findings.incidents[0];
  CHECK(f.title == "Azure refuse le pont (Unauthorized)");
  CHECK(f.explanation == "Le service d'utilisation répond 401. Les horloges dérivent.");
  CHECK(f.remediation == "Fix the time source of the XRP VMs.");
}

TEST_CASE("finding: evidence shows where episodes start and end, each host and the cause") {
  const Loaded& l = UnauthorizedPack();
  std::vector<Line> lines = {{"09:00:00", "AzS-XRP01", "before 1"},
                             {"09:00:01", "AzS-XRP01", "before 2"},
                             {"09:00:02", "AzS-XRP01", kDenied},
                             {"09:00:03", "AzS-XRP01", "after 1\n   at Bridge.Upload()"},
                             {"09:00:04", "AzS-XRP01", "after 2"},
                             {"09:00:05", "AzS-XRP01", "after 3"}};
  for (int minute = 1; minute <= 9; ++minute)
    lines.push_back({"09:0" + std::to_string(minute) + ":00", "AzS-XRP02", kDenied});
  lines.push_back(Line{"08:30:00", "AzS-XRP01", kSkew}.Src("w32time.log"));
  lines.push_back(kEnd);
  FindingOptions options;
  options.max_evidence = 4;
  const Run run = Analyze(l.rules, lines, options);
  REQUIRE(Codes(run.findings.incidents) == "Unauthorized/time-sync");
  const Finding& f = run.findings.incidents[0];
  CHECK(f.count == 10);
  REQUIRE(f.evidence.size() == 4);
  std::string shown;
  for (const Evidence& e : f.evidence)
    shown += rtest::Clock(e.time) + " " + e.host + " " + e.role + "; ";
  // Start and end of the episode, each host's first failure, then the cause; sorted by time.
  CHECK(shown ==
        "08:30:00 AzS-XRP01 cause; 09:00:02 AzS-XRP01 occurrence; 09:01:00 AzS-XRP02 occurrence; "
        "09:09:00 AzS-XRP02 occurrence; ");
  CHECK(f.evidence_omitted == 11 - 4);  // 10 occurrences and 1 cause line
  const Evidence& first = f.evidence[1];
  CHECK(first.source == "AzS-XRP01/bridge.log");
  CHECK(first.line == 3);
  CHECK(first.text == kDenied);
  CHECK(first.context ==
        std::vector<std::string>{"before 1", "before 2", kDenied, "after 1", "after 2"});
  CHECK(first.context_index == 2);
}

}  // namespace
}  // namespace analyzer
