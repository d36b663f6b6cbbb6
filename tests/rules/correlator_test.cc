#include "correlator.h"

#include <doctest/doctest.h>

#include "rule_test_support.h"

namespace analyzer {
namespace {

using rtest::Line;
using rtest::Load;
using rtest::Loaded;
using rtest::Pack;

// The hits of correlation rule `id` after matching and correlating `lines`.
std::string Correlated(const Loaded& l, const std::string& id, const std::vector<Line>& lines) {
  Matcher m(l.rules);
  rtest::Feed(lines, m);
  Correlate(l.rules, m.data_end(), &m.hits());
  return rtest::HitsOf(l.rules, m.hits(), id);
}

TEST_CASE("correlator: threshold fires on the Nth hit within the window, per key") {
  const Loaded l = Load({{"t.json", Pack(R"json(
    {"id": "fail", "kind": "match", "pattern": "upload failed",
     "examples": {"match": ["upload failed"], "no_match": ["y"]}},
    {"id": "burst", "kind": "threshold", "rule": "fail", "count": 3, "window": "10m", "key": ["host"]},
    {"id": "burst-anywhere", "kind": "threshold", "rule": "fail", "count": 3, "window": "10m"})json")}});
  REQUIRE_MESSAGE(l.ok, l.Errors());

  SUBCASE("N-1 hits: nothing") {
    CHECK(Correlated(l, "burst",
                     {{"09:00:00", "AzS-XRP01", "upload failed"},
                      {"09:05:00", "AzS-XRP01", "upload failed"}}) == "");
  }
  SUBCASE("N hits: fires on the Nth, and on each one after while the window holds N") {
    CHECK(Correlated(l, "burst",
                     {{"09:00:00", "AzS-XRP01", "upload failed"},
                      {"09:05:00", "AzS-XRP01", "upload failed"},
                      {"09:09:59", "AzS-XRP01", "upload failed"},
                      {"09:12:00", "AzS-XRP01", "upload failed"},
                      {"09:30:00", "AzS-XRP01", "upload failed"}}) ==
          "09:09:59 AzS-XRP01; 09:12:00 AzS-XRP01");
  }
  SUBCASE("a hit exactly one window earlier is outside the window") {
    CHECK(Correlated(l, "burst",
                     {{"09:00:00", "AzS-XRP01", "upload failed"},
                      {"09:05:00", "AzS-XRP01", "upload failed"},
                      {"09:10:00", "AzS-XRP01", "upload failed"}}) == "");
    CHECK(Correlated(l, "burst",
                     {{"09:00:01", "AzS-XRP01", "upload failed"},
                      {"09:05:00", "AzS-XRP01", "upload failed"},
                      {"09:10:00", "AzS-XRP01", "upload failed"}}) == "09:10:00 AzS-XRP01");
  }
  SUBCASE("keys keep hosts apart; without a key they add up") {
    const std::vector<Line> lines = {{"09:00:00", "AzS-XRP01", "upload failed"},
                                     {"09:01:00", "AzS-XRP02", "upload failed"},
                                     {"09:02:00", "AzS-XRP01", "upload failed"}};
    CHECK(Correlated(l, "burst", lines) == "");
    CHECK(Correlated(l, "burst-anywhere", lines) == "09:02:00 AzS-XRP01");
  }
  SUBCASE("records without a time take no part") {
    CHECK(Correlated(l, "burst",
                     {{"09:00:00", "AzS-XRP01", "upload failed"},
                      {"", "AzS-XRP01", "upload failed"},
                      {"09:01:00", "AzS-XRP01", "upload failed"}}) == "");
  }
}

TEST_CASE("correlator: threshold keys can be extracted fields") {
  const Loaded l = Load({{"t.json", Pack(R"json(
    {"id": "fail", "kind": "match", "pattern": "failed for (?P<target>\\S+)",
     "examples": {"match": ["failed for x"], "no_match": ["y"]}},
    {"id": "burst", "kind": "threshold", "rule": "fail", "count": 2, "window": "10m", "key": ["target"]})json")}});
  REQUIRE_MESSAGE(l.ok, l.Errors());
  CHECK(Correlated(l, "burst",
                   {{"09:00:00", "AzS-XRP01", "failed for usage.example"},
                    {"09:01:00", "AzS-XRP02", "failed for login.example"},
                    {"09:02:00", "AzS-XRP02", "failed for usage.example"}}) ==
        "09:02:00 AzS-XRP02");
}

TEST_CASE("correlator: sequence fires when the second follows the first within the window") {
  const Loaded l = Load({{"t.json", Pack(R"json(
    {"id": "rotated", "kind": "match", "pattern": "certificate rotated",
     "examples": {"match": ["certificate rotated"], "no_match": ["y"]}},
    {"id": "denied", "kind": "match", "pattern": "\\(401\\)",
     "examples": {"match": ["(401)"], "no_match": ["y"]}},
    {"id": "rotated-then-denied", "kind": "sequence", "first": "rotated", "then": "denied",
     "window": "5m", "key": ["host"]})json")}});
  REQUIRE_MESSAGE(l.ok, l.Errors());
  const std::string id = "rotated-then-denied";

  CHECK(Correlated(l, id,
                   {{"09:00:00", "AzS-XRP01", "certificate rotated"},
                    {"09:03:00", "AzS-XRP01", "(401) Unauthorized"}}) == "09:03:00 AzS-XRP01");
  SUBCASE("the second before the first does not fire") {
    CHECK(Correlated(l, id,
                     {{"09:00:00", "AzS-XRP01", "(401) Unauthorized"},
                      {"09:03:00", "AzS-XRP01", "certificate rotated"}}) == "");
  }
  SUBCASE("too late does not fire; a hit exactly one window later is outside it") {
    CHECK(Correlated(l, id,
                     {{"09:00:00", "AzS-XRP01", "certificate rotated"},
                      {"09:06:00", "AzS-XRP01", "(401) Unauthorized"}}) == "");
    CHECK(Correlated(l, id,
                     {{"09:00:00", "AzS-XRP01", "certificate rotated"},
                      {"09:05:00", "AzS-XRP01", "(401) Unauthorized"}}) == "");
    CHECK(Correlated(l, id,
                     {{"09:00:00", "AzS-XRP01", "certificate rotated"},
                      {"09:04:59", "AzS-XRP01", "(401) Unauthorized"}}) == "09:04:59 AzS-XRP01");
  }
  SUBCASE("different keys do not pair") {
    CHECK(Correlated(l, id,
                     {{"09:00:00", "AzS-XRP01", "certificate rotated"},
                      {"09:01:00", "AzS-XRP02", "(401) Unauthorized"}}) == "");
  }
  SUBCASE("the latest first counts") {
    CHECK(Correlated(l, id,
                     {{"08:00:00", "AzS-XRP01", "certificate rotated"},
                      {"09:00:00", "AzS-XRP01", "certificate rotated"},
                      {"09:01:00", "AzS-XRP01", "(401) Unauthorized"},
                      {"09:02:00", "AzS-XRP01", "(401) Unauthorized"}}) ==
          "09:01:00 AzS-XRP01; 09:02:00 AzS-XRP01");
  }
}

TEST_CASE("correlator: absence tells followed, missing and open apart") {
  const Loaded l = Load({{"t.json", Pack(R"json(
    {"id": "fail", "kind": "match", "pattern": "upload failed",
     "examples": {"match": ["upload failed"], "no_match": ["y"]}},
    {"id": "ok", "kind": "match", "pattern": "upload succeeded",
     "examples": {"match": ["upload succeeded"], "no_match": ["y"]}},
    {"id": "no-recovery", "kind": "absence", "rule": "fail", "missing": "ok", "window": "2m", "key": ["host"]})json")}});
  REQUIRE_MESSAGE(l.ok, l.Errors());
  const std::string id = "no-recovery";
  const Line end{"09:30:00", "AzS-XRP03", "heartbeat"};  // the data goes on until 09:30

  SUBCASE("followed within the window") {
    CHECK(Correlated(l, id,
                     {{"09:00:00", "AzS-XRP01", "upload failed"},
                      {"09:01:30", "AzS-XRP01", "upload succeeded"},
                      end}) == "09:00:00 AzS-XRP01 followed");
  }
  SUBCASE("nothing follows: missing") {
    CHECK(Correlated(l, id, {{"09:00:00", "AzS-XRP01", "upload failed"}, end}) ==
          "09:00:00 AzS-XRP01 missing");
  }
  SUBCASE("recovery too late, or exactly one window later: missing") {
    CHECK(Correlated(l, id,
                     {{"09:00:00", "AzS-XRP01", "upload failed"},
                      {"09:02:01", "AzS-XRP01", "upload succeeded"},
                      end}) == "09:00:00 AzS-XRP01 missing");
    CHECK(Correlated(l, id,
                     {{"09:00:00", "AzS-XRP01", "upload failed"},
                      {"09:02:00", "AzS-XRP01", "upload succeeded"},
                      end}) == "09:00:00 AzS-XRP01 missing");
  }
  SUBCASE("a success before the failure is no recovery") {
    CHECK(Correlated(l, id,
                     {{"08:59:59", "AzS-XRP01", "upload succeeded"},
                      {"09:00:00", "AzS-XRP01", "upload failed"},
                      end}) == "09:00:00 AzS-XRP01 missing");
  }
  SUBCASE("recovery on another host does not count") {
    CHECK(Correlated(l, id,
                     {{"09:00:00", "AzS-XRP01", "upload failed"},
                      {"09:00:30", "AzS-XRP02", "upload succeeded"},
                      end}) == "09:00:00 AzS-XRP01 missing");
  }
  SUBCASE("the data ends inside the window: open, not missing") {
    CHECK(Correlated(l, id, {{"09:29:00", "AzS-XRP01", "upload failed"}, end}) ==
          "09:29:00 AzS-XRP01 open");
    // The window closes exactly when the data ends: nothing more could come.
    CHECK(Correlated(l, id, {{"09:28:00", "AzS-XRP01", "upload failed"}, end}) ==
          "09:28:00 AzS-XRP01 missing");
  }
  SUBCASE("each failure is judged on the first recovery after it") {
    CHECK(Correlated(l, id,
                     {{"09:00:00", "AzS-XRP01", "upload failed"},
                      {"09:01:00", "AzS-XRP01", "upload failed"},
                      {"09:02:30", "AzS-XRP01", "upload succeeded"},
                      {"09:10:00", "AzS-XRP01", "upload failed"},
                      end}) ==
          "09:00:00 AzS-XRP01 missing; 09:01:00 AzS-XRP01 followed; 09:10:00 AzS-XRP01 missing");
  }
}

TEST_CASE(
    "correlator: hits of every file and host are merged by time before windows are measured") {
  const Loaded l = Load({{"t.json", Pack(R"json(
    {"id": "fail", "kind": "match", "pattern": "upload failed",
     "examples": {"match": ["upload failed"], "no_match": ["y"]}},
    {"id": "ok", "kind": "match", "pattern": "upload succeeded",
     "examples": {"match": ["upload succeeded"], "no_match": ["y"]}},
    {"id": "burst", "kind": "threshold", "rule": "fail", "count": 3, "window": "5m"},
    {"id": "no-recovery", "kind": "absence", "rule": "fail", "missing": "ok", "window": "2m"},
    {"id": "failed-then-ok", "kind": "sequence", "first": "fail", "then": "ok", "window": "1m"})json")}});
  REQUIRE_MESSAGE(l.ok, l.Errors());
  // Files are read one after the other, as from a bundle: XRP01's file holds
  // 09:00 and 09:20, XRP02's (read second) 09:01 and 09:02; no key.
  const std::vector<Line> lines = {
      {"09:00:00", "AzS-XRP01", "upload failed"},    {"09:20:00", "AzS-XRP01", "upload failed"},
      {"09:20:30", "AzS-XRP01", "upload succeeded"}, {"09:01:00", "AzS-XRP02", "upload failed"},
      {"09:02:00", "AzS-XRP02", "upload failed"},    {"09:02:30", "AzS-XRP02", "upload succeeded"}};
  CHECK(Correlated(l, "burst", lines) == "09:02:00 AzS-XRP02");
  CHECK(Correlated(l, "failed-then-ok", lines) == "09:02:30 AzS-XRP02; 09:20:30 AzS-XRP01");
  CHECK(Correlated(l, "no-recovery", lines) ==
        "09:00:00 AzS-XRP01 missing; 09:01:00 AzS-XRP02 followed; 09:02:00 AzS-XRP02 followed; "
        "09:20:00 AzS-XRP01 followed");

  Matcher m(l.rules);
  rtest::Feed(lines, m);
  Correlate(l.rules, m.data_end(), &m.hits());
  for (size_t i = 1; i < m.hits().size(); ++i)
    if (l.rules.rules[m.hits()[i].rule]->kind == RuleKind::kMatch)
      CHECK_FALSE(HitBefore(m.hits()[i], m.hits()[i - 1]));
}

TEST_CASE("correlator: a correlation rule can build on another") {
  const Loaded l = Load({{"t.json", Pack(R"json(
    {"id": "fail", "kind": "match", "pattern": "upload failed",
     "examples": {"match": ["upload failed"], "no_match": ["y"]}},
    {"id": "ok", "kind": "match", "pattern": "upload succeeded",
     "examples": {"match": ["upload succeeded"], "no_match": ["y"]}},
    {"id": "burst", "kind": "threshold", "rule": "fail", "count": 2, "window": "5m", "key": ["host"]},
    {"id": "burst-unrecovered", "kind": "absence", "rule": "burst", "missing": "ok", "window": "2m",
     "key": ["host"]})json")}});
  REQUIRE_MESSAGE(l.ok, l.Errors());
  CHECK(Correlated(l, "burst-unrecovered",
                   {{"09:00:00", "AzS-XRP01", "upload failed"},
                    {"09:01:00", "AzS-XRP01", "upload failed"},
                    {"09:02:00", "AzS-XRP01", "upload succeeded"},
                    {"09:10:00", "AzS-XRP02", "upload failed"},
                    {"09:11:00", "AzS-XRP02", "upload failed"},
                    {"09:30:00", "AzS-XRP03", "heartbeat"}}) ==
        "09:01:00 AzS-XRP01 followed; 09:11:00 AzS-XRP02 missing");
}

TEST_CASE("correlator: a rule built on an absence rule counts only the unrecovered failures") {
  const Loaded l = Load({{"t.json", Pack(R"json(
    {"id": "fail", "kind": "match", "pattern": "upload failed",
     "examples": {"match": ["upload failed"], "no_match": ["y"]}},
    {"id": "ok", "kind": "match", "pattern": "upload succeeded",
     "examples": {"match": ["upload succeeded"], "no_match": ["y"]}},
    {"id": "no-recovery", "kind": "absence", "rule": "fail", "missing": "ok", "window": "2m", "key": ["host"]},
    {"id": "stuck", "kind": "threshold", "rule": "no-recovery", "count": 2, "window": "30m", "key": ["host"]})json")}});
  REQUIRE_MESSAGE(l.ok, l.Errors());
  const Line end{"09:30:00", "AzS-XRP03", "heartbeat"};
  // Two failures that recovered and one that did not: not two unrecovered.
  CHECK(Correlated(l, "stuck",
                   {{"09:00:00", "AzS-XRP01", "upload failed"},
                    {"09:00:30", "AzS-XRP01", "upload succeeded"},
                    {"09:05:00", "AzS-XRP01", "upload failed"},
                    {"09:05:30", "AzS-XRP01", "upload succeeded"},
                    {"09:10:00", "AzS-XRP01", "upload failed"},
                    end}) == "");
  // Two that did not recover: fires on the second.
  CHECK(Correlated(l, "stuck",
                   {{"09:00:00", "AzS-XRP01", "upload failed"},
                    {"09:05:00", "AzS-XRP01", "upload failed"},
                    {"09:05:30", "AzS-XRP01", "upload succeeded"},
                    {"09:10:00", "AzS-XRP01", "upload failed"},
                    end}) == "09:10:00 AzS-XRP01");
  // The last one's window outruns the data: not counted yet.
  CHECK(Correlated(l, "stuck",
                   {{"09:00:00", "AzS-XRP01", "upload failed"},
                    {"09:29:00", "AzS-XRP01", "upload failed"},
                    end}) == "");
}

TEST_CASE("correlator: derived hits point at the hit they come from") {
  const Loaded l = Load({{"t.json", Pack(R"json(
    {"id": "fail", "kind": "match", "pattern": "upload failed",
     "examples": {"match": ["upload failed"], "no_match": ["y"]}},
    {"id": "burst", "kind": "threshold", "rule": "fail", "count": 1, "window": "5m"})json")}});
  REQUIRE_MESSAGE(l.ok, l.Errors());
  Matcher m(l.rules);
  rtest::Feed({{"09:00:00", "AzS-XRP01", "upload failed"}}, m);
  Correlate(l.rules, m.data_end(), &m.hits());
  REQUIRE(m.hits().size() == 2);
  const Hit& derived = m.hits()[1];
  CHECK(derived.rule == l.rules.IndexOf("burst"));
  REQUIRE(derived.cause_of == 0);
  CHECK(m.hits()[0].rule == l.rules.IndexOf("fail"));
  CHECK(derived.source == "AzS-XRP01/bridge.log");
  CHECK(derived.line == 1);
}

}  // namespace
}  // namespace analyzer
