#include "rule_loader.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include "rule_test_support.h"

namespace analyzer {
namespace {

using rtest::Load;
using rtest::Loaded;

// The line of the message that mentions `what`, read from its
// "<dir>/shipped/<file>:line:col: " prefix; 0 when no message mentions it,
// -1 when the one that does is not placed in `file`.
int LineOf(const Loaded& l, const std::string& file, const std::string& what) {
  for (const std::string& e : l.errors) {
    if (e.find(what) == std::string::npos) continue;
    const std::string prefix = l.dir + "/shipped/" + file + ":";
    int line = 0, col = 0;
    if (e.rfind(prefix, 0) != 0 ||
        !RE2::PartialMatch(e.substr(prefix.size()), R"(^(\d+):(\d+): )", &line, &col) || col < 1)
      return -1;
    return line;
  }
  return 0;
}

// Every message starts with "path:line:col: ".
bool AllPlaced(const Loaded& l) {
  for (const std::string& e : l.errors)
    if (e.rfind(l.dir + "/", 0) != 0 || !RE2::PartialMatch(e, R"(^[^:]+\.json:\d+:\d+: \S)"))
      return false;
  return !l.errors.empty();
}

TEST_CASE("rule_loader: a valid pack loads, references first, with resolved indexes and a digest") {
  const Loaded l = Load({{"net.json", R"json({
  // comments are allowed
  "pack": "net",
  "error_codes": {"Boom": {"title": {"en": "t"}, "explanation": {"en": "e"}, "remediation": {"en": "r"}}},
  "rules": [
    {"id": "z.burst", "kind": "threshold", "rule": "a.fail", "count": 3, "window": "1h30m", "key": ["host"],
     "report": {"error_code": "Boom", "cause": "burst"}},
    {"id": "a.fail", "kind": "match", "pattern": "boom (?P<code>\\d+)",
     "examples": {"match": [{"text": "boom 42", "fields": {"code": "42"}}], "no_match": ["calm"]}}
  ]
})json"}});
  INFO(l.Errors());
  REQUIRE(l.ok);
  REQUIRE(l.rules.rules.size() == 2);
  CHECK(l.rules.IndexOf("a.fail") == 0);  // a rule comes after the rules it refers to
  const Rule& burst = *l.Find("z.burst");
  CHECK(burst.kind == RuleKind::kThreshold);
  CHECK(burst.rule_index == l.rules.IndexOf("a.fail"));
  CHECK(burst.count == 3);
  CHECK(burst.window_ticks == 5400 * kTicksPerSecond);
  CHECK(burst.key == std::vector<std::string>{"host"});
  CHECK(burst.location == l.dir + "/shipped/net.json:6:5");
  REQUIRE(burst.report != nullptr);
  CHECK(burst.report->cause == "burst");
  CHECK(l.rules.codes.count("Boom") == 1);
  CHECK(RE2::FullMatch(l.rules.digest, "sha256:[0-9a-f]{64}"));
  CHECK(l.rules.IndexOf("nope") == -1);
}

TEST_CASE("rule_loader: the digest follows the pack text") {
  auto pack = [](const char* pattern) {
    return rtest::Pack(std::string(R"(    {"id": "a", "kind": "match", "pattern": ")") + pattern +
                       R"(", "examples": {"match": ["x"], "no_match": ["y"]}})");
  };
  const Loaded a = Load({{"t.json", pack("x")}}), b = Load({{"t.json", pack("x|z")}}),
               a2 = Load({{"t.json", pack("x")}});
  REQUIRE(a.ok);
  REQUIRE(b.ok);
  CHECK(a.rules.digest == a2.rules.digest);
  CHECK(a.rules.digest != b.rules.digest);
}

TEST_CASE("rule_loader: a pattern RE2 cannot compile is placed on its line") {
  const Loaded l = Load({{"t.json", R"json({
  "pack": "t",
  "rules": [
    {"id": "ok", "kind": "match", "pattern": "fine",
     "examples": {"match": ["fine"], "no_match": ["other"]}},
    {"id": "bad", "kind": "match",
     "pattern": "(unclosed",
     "examples": {"match": ["x"], "no_match": ["y"]}}
  ]
})json"}});
  INFO(l.Errors());
  CHECK_FALSE(l.ok);
  CHECK(LineOf(l, "t.json", "rule \"bad\": pattern does not compile under RE2") == 7);
  CHECK(AllPlaced(l));
}

TEST_CASE("rule_loader: look-behind and back-references are refused with a hint") {
  const Loaded l = Load({{"t.json", R"json({
  "pack": "t",
  "rules": [
    {"id": "behind", "kind": "match",
     "pattern": "(?<!Unauthorized requests: )0",
     "examples": {"match": ["x"], "no_match": ["y"]}},
    {"id": "ahead", "kind": "match", "pattern": "x",
     "where_not": {"text": "timeout(?= *=)"},
     "examples": {"match": ["x"], "no_match": ["y"]}},
    {"id": "backref", "kind": "match",
     "pattern": "(\\w+) \\1",
     "examples": {"match": ["x"], "no_match": ["y"]}}
  ]
})json"}});
  INFO(l.Errors());
  CHECK_FALSE(l.ok);
  CHECK(LineOf(l, "t.json", "rule \"behind\": pattern does not compile under RE2") == 5);
  CHECK(LineOf(l, "t.json", "look-around is not supported by RE2") == 5);
  CHECK(LineOf(l, "t.json", "rule \"ahead\"") == 8);
  CHECK(LineOf(l, "t.json", "back-references are not supported by RE2") == 11);
  CHECK(AllPlaced(l));
}

TEST_CASE("rule_loader: an extract pattern needs exactly one capturing group") {
  const Loaded l = Load({{"t.json", R"json({
  "pack": "t",
  "rules": [
    {"id": "x", "kind": "match", "pattern": "x",
     "extract": {"target_host": ["https?://([a-z.]+)",
                                 "(https?)://([a-z.]+)"]},
     "examples": {"match": ["x"], "no_match": ["y"]}}
  ]
})json"}});
  INFO(l.Errors());
  CHECK_FALSE(l.ok);
  CHECK(LineOf(l, "t.json", "exactly one capturing group") == 6);
}

TEST_CASE("rule_loader: duplicate ids in one pack point at the second, naming the first") {
  const Loaded l = Load({{"t.json", R"json({
  "pack": "t",
  "rules": [
    {"id": "same", "kind": "match", "pattern": "a",
     "examples": {"match": ["a"], "no_match": ["b"]}},
    {"id": "same", "kind": "match", "pattern": "b",
     "examples": {"match": ["b"], "no_match": ["a"]}}
  ]
})json"}});
  INFO(l.Errors());
  CHECK_FALSE(l.ok);
  CHECK(LineOf(l, "t.json",
               "duplicate rule id \"same\" (also at " + l.dir + "/shipped/t.json:4:5)") == 6);
  CHECK(AllPlaced(l));
}

TEST_CASE("rule_loader: duplicate ids across two pack files are refused") {
  const char* const kA = R"json({
  "pack": "a",
  "rules": [
    {"id": "same", "kind": "match", "pattern": "a", "examples": {"match": ["a"], "no_match": ["b"]}}
  ]
})json";
  const char* const kB = R"json({
  "pack": "b",
  "rules": [
    {"id": "other", "kind": "match", "pattern": "o", "examples": {"match": ["o"], "no_match": ["b"]}},
    {"id": "same", "kind": "match", "pattern": "b", "examples": {"match": ["b"], "no_match": ["a"]}}
  ]
})json";
  const Loaded l = Load({{"a.json", kA}, {"b.json", kB}});
  INFO(l.Errors());
  CHECK_FALSE(l.ok);
  CHECK(LineOf(l, "b.json",
               "duplicate rule id \"same\" (also at " + l.dir + "/shipped/a.json:4:5)") == 5);

  SUBCASE("but a pack of the same name in a --rules directory replaces the shipped one") {
    const Loaded r = Load({{"a.json", kA}}, {{"mine.json", R"json({
  "pack": "a",
  "rules": [
    {"id": "same", "kind": "match", "pattern": "mine", "examples": {"match": ["mine"], "no_match": ["a"]}}
  ]
})json"}});
    INFO(r.Errors());
    REQUIRE(r.ok);
    REQUIRE(r.rules.rules.size() == 1);
    CHECK(r.rules.rules[0]->pattern == "mine");
  }
}

TEST_CASE("rule_loader: a reference to a missing rule points at the reference") {
  const Loaded l = Load({{"t.json", R"json({
  "pack": "t",
  "error_codes": {"Boom": {"title": {"en": "t"}, "explanation": {"en": "e"}, "remediation": {"en": "r"}}},
  "rules": [
    {"id": "fail", "kind": "match", "pattern": "fail",
     "examples": {"match": ["fail"], "no_match": ["ok"]}},
    {"id": "burst", "kind": "threshold", "count": 2, "window": "1m",
     "rule": "nope"},
    {"id": "gap", "kind": "absence", "window": "1m",
     "rule": "fail",
     "missing": "recovered"},
    {"id": "seq", "kind": "sequence", "window": "1m",
     "first": "fail",
     "then": "gone"},
    {"id": "derived", "kind": "absence", "window": "1m", "rule": "fail", "missing": "fail",
     "report": {"error_code": "Boom",
                "causes": [{"cause": "skew", "within": "1h",
                            "evidence": ["clock"]}]}}
  ]
})json"}});
  INFO(l.Errors());
  CHECK_FALSE(l.ok);
  CHECK(LineOf(l, "t.json", "rule \"burst\": rule \"nope\" is not a loaded rule") == 8);
  CHECK(LineOf(l, "t.json", "rule \"gap\": missing \"recovered\" is not a loaded rule") == 11);
  CHECK(LineOf(l, "t.json", "rule \"seq\": then \"gone\" is not a loaded rule") == 14);
  CHECK(LineOf(l, "t.json", "rule \"derived\": cause evidence \"clock\" is not a loaded rule") ==
        18);
  CHECK(AllPlaced(l));
}

TEST_CASE("rule_loader: bad durations and windows are refused where they are written") {
  const Loaded l = Load({{"t.json", R"json({
  "pack": "t",
  "rules": [
    {"id": "fail", "kind": "match", "pattern": "fail",
     "examples": {"match": ["fail"], "no_match": ["ok"]}},
    {"id": "words", "kind": "threshold", "rule": "fail", "count": 2,
     "window": "5 minutes"},
    {"id": "negative", "kind": "threshold", "rule": "fail", "count": 2,
     "window": "-5m"},
    {"id": "zero", "kind": "threshold", "rule": "fail", "count": 2,
     "window": "0s"},
    {"id": "none", "kind": "threshold", "rule": "fail",
     "count": 0, "window": "1m"}
  ]
})json"}});
  INFO(l.Errors());
  CHECK_FALSE(l.ok);
  CHECK(LineOf(l, "t.json", "\"5 minutes\" does not match") == 7);
  CHECK(LineOf(l, "t.json", "\"-5m\" does not match") == 9);
  CHECK(LineOf(l, "t.json", "rule \"zero\": bad duration \"0s\"") == 11);
  CHECK(LineOf(l, "t.json", "must be >= 1") == 13);
  CHECK(AllPlaced(l));
}

TEST_CASE("rule_loader: unknown fields are refused, in rules and in the pack") {
  const Loaded l = Load({{"t.json", R"json({
  "pack": "t",
  "author": "someone",
  "rules": [
    {"id": "fail", "kind": "match", "pattern": "fail",
     "colour": "red",
     "examples": {"match": ["fail"], "no_match": ["ok"]}}
  ]
})json"}});
  INFO(l.Errors());
  CHECK_FALSE(l.ok);
  CHECK(LineOf(l, "t.json", "unknown field \"author\"") == 3);
  CHECK(LineOf(l, "t.json", "unknown field \"colour\"") == 6);
  CHECK(AllPlaced(l));
}

TEST_CASE("rule_loader: fields of the wrong kind and missing requirements are refused") {
  const Loaded l = Load({{"t.json", R"json({
  "pack": "t",
  "rules": [
    {"id": "fail", "kind": "match", "pattern": "fail",
     "window": "1m",
     "examples": {"match": ["fail"], "no_match": ["ok"]}},
    {"id": "burst", "kind": "threshold", "rule": "fail", "window": "1m"}
  ]
})json"}});
  INFO(l.Errors());
  CHECK_FALSE(l.ok);
  CHECK(LineOf(l, "t.json", "\"window\" has no meaning for match rules") == 5);
  CHECK(LineOf(l, "t.json", "threshold rules need \"count\"") == 7);
}

TEST_CASE("rule_loader: a cycle between correlation rules is refused") {
  const Loaded l = Load({{"t.json", R"json({
  "pack": "t",
  "rules": [
    {"id": "a", "kind": "threshold", "rule": "b", "count": 2, "window": "1m"},
    {"id": "b", "kind": "threshold", "rule": "a", "count": 2, "window": "1m"}
  ]
})json"}});
  INFO(l.Errors());
  CHECK_FALSE(l.ok);
  const int line = LineOf(l, "t.json", "is part of a reference cycle");
  CHECK((line == 4 || line == 5));
  CHECK(AllPlaced(l));

  const Loaded self = Load({{"t.json", R"json({
  "pack": "t",
  "rules": [
    {"id": "self", "kind": "sequence", "first": "self", "then": "self", "window": "1m"}
  ]
})json"}});
  INFO(self.Errors());
  CHECK_FALSE(self.ok);
  CHECK(LineOf(self, "t.json", "rule \"self\" is part of a reference cycle") == 4);
}

TEST_CASE("rule_loader: a match rule without examples is refused") {
  const Loaded l = Load({{"t.json", R"json({
  "pack": "t",
  "rules": [
    {"id": "with", "kind": "match", "pattern": "x", "examples": {"match": ["x"], "no_match": ["y"]}},
    {"id": "bare", "kind": "match", "pattern": "x"},
    {"id": "half", "kind": "match", "pattern": "x", "examples": {"match": ["x"]}}
  ]
})json"}});
  INFO(l.Errors());
  CHECK_FALSE(l.ok);
  CHECK(LineOf(l, "t.json", "rule \"bare\": match rules need examples") == 5);
  CHECK(LineOf(l, "t.json", "missing required field \"no_match\"") == 6);
}

TEST_CASE("rule_loader: a reported code needs its texts") {
  const Loaded l = Load({{"t.json", R"json({
  "pack": "t",
  "rules": [
    {"id": "fail", "kind": "match", "pattern": "fail", "examples": {"match": ["fail"], "no_match": ["ok"]},
     "report": {"error_code": "Mystery", "cause": "unknown"}}
  ]
})json"}});
  INFO(l.Errors());
  CHECK_FALSE(l.ok);
  CHECK(LineOf(l, "t.json", "reports \"Mystery\", which no pack describes") == 4);
}

TEST_CASE("rule_loader: invalid JSON is placed on its line") {
  const Loaded l = Load({{"t.json", R"json({
  "pack": "t",
  "rules": [
    {"id": "fail", "kind": "match", "pattern": "fail",}
  ]
})json"}});
  INFO(l.Errors());
  CHECK_FALSE(l.ok);
  CHECK(LineOf(l, "t.json", "invalid JSON") == 4);
}

TEST_CASE("rule_loader: all or nothing: one bad pack leaves no rule set to use") {
  const char* const kGood = R"json({
  "pack": "good",
  "error_codes": {"Boom": {"title": {"en": "t"}, "explanation": {"en": "e"}, "remediation": {"en": "r"}}},
  "rules": [
    {"id": "fail", "kind": "match", "pattern": "fail", "examples": {"match": ["fail"], "no_match": ["ok"]},
     "report": {"error_code": "Boom", "cause": "c"}}
  ]
})json";
  SUBCASE("a bad regex in another shipped pack") {
    const Loaded l = Load({{"good.json", kGood}, {"bad.json", R"json({
  "pack": "bad",
  "rules": [
    {"id": "oops", "kind": "match", "pattern": "[", "examples": {"match": ["x"], "no_match": ["y"]}}
  ]
})json"}});
    CHECK_FALSE(l.ok);
    CHECK(LineOf(l, "bad.json", "rule \"oops\"") == 4);
    CHECK(l.rules.rules.empty());
    CHECK(l.rules.packs.empty());
    CHECK(l.rules.codes.empty());
  }
  SUBCASE("a reference to a missing rule in a --rules pack") {
    const Loaded l = Load({{"good.json", kGood}}, {{"mine.json", R"json({
  "pack": "mine",
  "rules": [
    {"id": "burst", "kind": "threshold", "rule": "nope", "count": 2, "window": "1m"}
  ]
})json"}});
    CHECK_FALSE(l.ok);
    REQUIRE(l.errors.size() == 1);
    CHECK(l.errors[0].find("/extra/mine.json:4:") != std::string::npos);
    CHECK(l.rules.rules.empty());
    CHECK(l.rules.packs.empty());
    CHECK(l.rules.codes.empty());
  }
}

TEST_CASE("rule_loader: the shipped pack loads") {
  RuleSet rules;
  std::vector<std::string> errors;
  const bool ok = LoadRuleSet(ANALYZER_RULES_DIR, {}, rtest::kSchema, &rules, &errors);
  std::string all;
  for (const std::string& e : errors) all += e + "\n";
  INFO(all);
  REQUIRE(ok);
  CHECK(rules.rules.size() >= 20);
  for (const char* code : {"NetworkError", "RequestTimedOut", "LoginError", "Unauthorized",
                           "CertificateValidationError"})
    CHECK_MESSAGE(rules.codes.count(code) == 1, code);
}

}  // namespace
}  // namespace analyzer
