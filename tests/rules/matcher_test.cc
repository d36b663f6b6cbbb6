#include "matcher.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "format_set.h"
#include "ingest.h"
#include "log_format.h"
#include "rule_test_support.h"

namespace analyzer {
namespace {

using rtest::Line;
using rtest::Load;
using rtest::Loaded;
using rtest::Pack;

// "no" when rule `id` does not match `line`, else "yes" and its fields
// ("yes target_host=a what=b"), in the order the matcher found them.
std::string Check(const Loaded& l, const std::string& id, const Line& line) {
  REQUIRE_MESSAGE(l.Find(id) != nullptr, id);
  const std::string source =
      line.source.empty() ? "AzureBridge/" + line.host + "/bridge.log" : line.source;
  Record r;
  r.time = rtest::T(line.time);
  r.source = source;
  r.host = line.host;
  r.component = line.component;
  r.level = line.level;
  r.text = line.text;
  r.message = line.text;
  std::vector<std::pair<std::string, std::string>> fields;
  if (!CheckMatchRule(*l.Find(id), r, &fields)) return "no";
  std::string out = "yes";
  for (const auto& [k, v] : fields) out += " " + k + "=" + v;
  return out;
}

// One line per hit: rule, source, line, status and fields, text and context.
std::vector<std::string> Describe(const RuleSet& rules, const std::vector<Hit>& hits) {
  std::vector<std::string> out;
  for (const Hit& h : hits) {
    std::string s = rules.rules[h.rule]->id + " " + h.source + ":" + std::to_string(h.line) + " " +
                    rtest::Clock(h.time) + " " + h.host + " " + h.component;
    for (const auto& [k, v] : h.fields) s += " " + k + "=" + v;
    s += " | " + h.text;
    for (const std::string& c : h.context_before) s += " <" + c;
    for (const std::string& c : h.context_after) s += " >" + c;
    out.push_back(std::move(s));
  }
  return out;
}

// The first difference between two hit lists, or "" when they are identical.
std::string FirstDifference(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (size_t i = 0; i < std::min(a.size(), b.size()); ++i)
    if (a[i] != b[i])
      return "hit " + std::to_string(i) + ":\n  set:   " + a[i] + "\n  naive: " + b[i];
  if (a.size() != b.size())
    return "set has " + std::to_string(a.size()) + " hits, naive " + std::to_string(b.size());
  return "";
}

TEST_CASE("matcher: scope by component, host, path glob and level") {
  const Loaded l = Load({{"t.json", Pack(R"json(
    {"id": "scoped", "kind": "match", "pattern": "upload failed",
     "scope": {"components": ["UsageBridge", "AzureBridge"], "hosts": "XRP0[12]$",
               "paths": ["*/bridge*.log"], "levels": ["error", "critical"]},
     "examples": {"match": ["upload failed"], "no_match": ["upload ok"]}})json")}});
  REQUIRE_MESSAGE(l.ok, l.Errors());
  const Line in{"09:00:00", "AzS-XRP01", "Usage upload failed"};
  CHECK(Check(l, "scoped", in) == "yes");
  CHECK(Check(l, "scoped", in.Comp("usagebridge")) ==
        "yes");  // components compare case-insensitively
  CHECK(Check(l, "scoped", in.Comp("WAS")) == "no");
  CHECK(Check(l, "scoped", in.Comp("")) == "no");
  CHECK(Check(l, "scoped", {"09:00:00", "AzS-XRP02", "Usage upload failed"}) == "yes");
  CHECK(Check(l, "scoped", {"09:00:00", "AzS-XRP03", "Usage upload failed"}) == "no");
  CHECK(Check(l, "scoped", {"09:00:00", "AzS-XRP01-old", "Usage upload failed"}) == "no");
  CHECK(Check(l, "scoped", in.Src("AzureBridge/AzS-XRP01/bridge_2.log")) == "yes");
  CHECK(Check(l, "scoped", in.Src("AzureBridge/AzS-XRP01/deploy.log")) == "no");
  CHECK(Check(l, "scoped", in.Lvl("critical")) == "yes");
  CHECK(Check(l, "scoped", in.Lvl("info")) == "no");
  CHECK(Check(l, "scoped", in.Lvl("")) == "no");
  CHECK(Check(l, "scoped", {"09:00:00", "AzS-XRP01", "Usage upload succeeded"}) == "no");
}

TEST_CASE("matcher: named captures and extract patterns become fields") {
  const Loaded l = Load({{"t.json", Pack(R"json(
    {"id": "send", "kind": "match", "pattern": "HttpRequestException: (?P<what>[^.]+)\\.",
     "extract": {"target_host": ["https?://([A-Za-z0-9.-]+)", "\\(([a-z.]+):\\d+\\)"],
                 "what": ["Http(\\w+)"]},
     "examples": {"match": ["HttpRequestException: x."], "no_match": ["y"]}})json")}});
  REQUIRE_MESSAGE(l.ok, l.Errors());
  CHECK(Check(l, "send",
              {"09:00:00", "AzS-XRP01",
               "System.Net.Http.HttpRequestException: An error occurred while sending the request. "
               "---> POST https://usage.microsoftazurestack.com/v1/usage"}) ==
        "yes what=An error occurred while sending the request "
        "target_host=usage.microsoftazurestack.com");
  // The first extract pattern that matches gives the value.
  CHECK(Check(l, "send",
              {"09:00:00", "AzS-XRP01",
               "HttpRequestException: Unable to connect. (bridge.contoso.com:443)"}) ==
        "yes what=Unable to connect target_host=bridge.contoso.com");
  // No extract pattern matches: no field, still a match.
  CHECK(Check(l, "send", {"09:00:00", "AzS-XRP01", "HttpRequestException: Unknown."}) ==
        "yes what=Unknown");
}

TEST_CASE("matcher: where and where_not filter on fields and on the record") {
  const Loaded l = Load({{"t.json", Pack(R"json(
    {"id": "unauth", "kind": "match", "pattern": "\\(401\\) Unauthorized",
     "extract": {"target_host": ["https?://([A-Za-z0-9.-]+)"]},
     "where": {"target_host": "(?i)microsoftazurestack\\.com$", "level": "^error$"},
     "where_not": {"text": "AADSTS\\d+"},
     "examples": {"match": ["(401) Unauthorized https://usage.microsoftazurestack.com"], "no_match": ["y"]}})json")}});
  REQUIRE_MESSAGE(l.ok, l.Errors());
  const std::string kUsage =
      "The remote server returned an error: (401) Unauthorized. "
      "https://usage.MicrosoftAzureStack.com/x";
  CHECK(Check(l, "unauth", {"09:00:00", "AzS-XRP01", kUsage}) ==
        "yes target_host=usage.MicrosoftAzureStack.com");
  CHECK(Check(l, "unauth", Line{"09:00:00", "AzS-XRP01", kUsage}.Lvl("warning")) == "no");
  // A front end answering tenants with 401 is a decoy.
  CHECK(Check(l, "unauth",
              {"09:00:00", "AzS-XRP01",
               "(401) Unauthorized https://management.local.azurestack.external/subscriptions"}) ==
        "no");
  // No target at all: the field is empty, which the where condition refuses.
  CHECK(Check(l, "unauth", {"09:00:00", "AzS-XRP01", "(401) Unauthorized"}) == "no");
  CHECK(Check(l, "unauth",
              {"09:00:00", "AzS-XRP01",
               kUsage + " AADSTS700024: not within its valid time range"}) == "no");
}

TEST_CASE("matcher: a pattern can apply to the message or to an extracted field") {
  const Loaded l = Load({{"t.json", Pack(R"json(
    {"id": "on-message", "kind": "match", "field": "message", "pattern": "^Upload failed",
     "examples": {"match": ["Upload failed"], "no_match": ["y"]}},
    {"id": "on-target", "kind": "match", "field": "target_host", "pattern": "^(?P<idp>login)\\.(?P<cloud>.+)",
     "extract": {"target_host": ["https?://([A-Za-z0-9.-]+)"]},
     "examples": {"match": ["https://login.microsoftonline.com/x"], "no_match": ["https://usage.example/x"]}})json")}});
  REQUIRE_MESSAGE(l.ok, l.Errors());
  Record r;
  r.host = "AzS-XRP01";
  r.component = "AzureBridge";
  r.text = "2026-11-18T09:00:00Z Error Upload failed";
  r.message = "Upload failed";
  std::vector<std::pair<std::string, std::string>> fields;
  CHECK(CheckMatchRule(*l.Find("on-message"), r, &fields));
  r.message = "Retrying: Upload failed";
  CHECK_FALSE(CheckMatchRule(*l.Find("on-message"), r, &fields));

  CHECK(Check(l, "on-target",
              {"09:00:00", "AzS-XRP01", "POST https://login.microsoftonline.com/token failed"}) ==
        "yes target_host=login.microsoftonline.com cloud=microsoftonline.com idp=login");
  CHECK(Check(l, "on-target", {"09:00:00", "AzS-XRP01", "POST https://login.ms.cn/token failed"}) ==
        "yes target_host=login.ms.cn cloud=ms.cn idp=login");
  CHECK(Check(l, "on-target",
              {"09:00:00", "AzS-XRP01", "POST https://usage.example/login.x failed"}) == "no");
  CHECK(Check(l, "on-target", {"09:00:00", "AzS-XRP01", "no url at all"}) == "no");
}

TEST_CASE("matcher: in a group, only the rule of highest precedence hits a record") {
  const Loaded l = Load({{"t.json", Pack(R"json(
    {"id": "a.send", "kind": "match", "pattern": "An error occurred while sending the request",
     "group": "usage-failure", "precedence": 1,
     "examples": {"match": ["An error occurred while sending the request"], "no_match": ["y"]}},
    {"id": "b.tls", "kind": "match", "pattern": "(?i)could not establish trust relationship",
     "group": "usage-failure", "precedence": 90,
     "examples": {"match": ["Could not establish trust relationship"], "no_match": ["y"]}},
    {"id": "c.closed", "kind": "match", "pattern": "The underlying connection was closed",
     "group": "usage-failure", "precedence": 50,
     "examples": {"match": ["The underlying connection was closed"], "no_match": ["y"]}},
    {"id": "d.any-error", "kind": "match", "pattern": "Exception",
     "examples": {"match": ["Exception"], "no_match": ["y"]}})json")}});
  REQUIRE_MESSAGE(l.ok, l.Errors());
  const std::vector<Line> lines = {
      {"09:00:00", "AzS-XRP01",
       "System.Net.Http.HttpRequestException: An error occurred while sending the request. ---> "
       "System.Net.WebException: The underlying connection was closed: Could not establish trust "
       "relationship for the SSL/TLS secure channel."},
      {"09:01:00", "AzS-XRP01",
       "System.Net.Http.HttpRequestException: An error occurred while sending the request. ---> "
       "System.Net.WebException: The underlying connection was closed: An unexpected error "
       "occurred on a send."},
      {"09:02:00", "AzS-XRP01",
       "HttpRequestException: An error occurred while sending the request."},
  };
  for (bool naive : {false, true}) {
    CAPTURE(naive);
    Matcher m(l.rules, naive);
    rtest::Feed(lines, m);
    CHECK(rtest::HitsOf(l.rules, m.hits(), "b.tls") == "09:00:00 AzS-XRP01");
    CHECK(rtest::HitsOf(l.rules, m.hits(), "c.closed") == "09:01:00 AzS-XRP01");
    CHECK(rtest::HitsOf(l.rules, m.hits(), "a.send") == "09:02:00 AzS-XRP01");
    // A rule outside the group is not in the competition.
    CHECK(rtest::HitsOf(l.rules, m.hits(), "d.any-error") ==
          "09:00:00 AzS-XRP01; 09:01:00 AzS-XRP01; 09:02:00 AzS-XRP01");
  }
}

TEST_CASE("matcher: hits that may become evidence keep their text and neighbouring lines") {
  const Loaded l = Load({{"t.json", Pack(R"json(
    {"id": "fail", "kind": "match", "pattern": "upload failed",
     "examples": {"match": ["upload failed"], "no_match": ["y"]}},
    {"id": "noise", "kind": "match", "pattern": "heartbeat",
     "examples": {"match": ["heartbeat"], "no_match": ["y"]}},
    {"id": "boom", "kind": "threshold", "rule": "fail", "count": 1, "window": "1m",
     "report": {"error_code": "Boom", "cause": "c"}})json")}});
  REQUIRE_MESSAGE(l.ok, l.Errors());
  Matcher m(l.rules);
  rtest::Feed({{"09:00:00", "AzS-XRP01", "one"},
               {"09:00:01", "AzS-XRP01", "heartbeat"},
               {"09:00:02", "AzS-XRP01", "three"},
               {"09:00:03", "AzS-XRP01", "upload failed\n   at Bridge.Upload()"},
               {"09:00:04", "AzS-XRP01", "five\nsecond line"},
               {"09:00:05", "AzS-XRP02", "upload failed"},
               {"09:00:06", "AzS-XRP02", "other file"}},
              m);
  REQUIRE(m.hits().size() == 3);
  const Hit& noise = m.hits()[0];
  const Hit& fail = m.hits()[1];
  CHECK(l.rules.rules[noise.rule]->id == "noise");
  CHECK(noise.text.empty());
  CHECK(noise.context_before.empty());
  CHECK(fail.text == "upload failed\n   at Bridge.Upload()");
  CHECK(fail.source == "AzS-XRP01/bridge.log");
  CHECK(fail.line == 4);
  CHECK(fail.context_before == std::vector<std::string>{"heartbeat", "three"});
  // Only first lines, and never from another file.
  CHECK(fail.context_after == std::vector<std::string>{"five"});
  const Hit& first_in_file = m.hits()[2];
  CHECK(first_in_file.line == 1);
  CHECK(first_in_file.context_before.empty());
  CHECK(first_in_file.context_after == std::vector<std::string>{"other file"});
}

TEST_CASE("matcher: counts records per component and the time range of the data") {
  const Loaded l = Load({{"t.json", Pack(R"json(
    {"id": "x", "kind": "match", "pattern": "x", "examples": {"match": ["x"], "no_match": ["y"]}})json")}});
  REQUIRE_MESSAGE(l.ok, l.Errors());
  Matcher m(l.rules);
  rtest::Feed({{"09:00:00", "AzS-XRP01", "a"},
               {"", "AzS-XRP01", "untimed"},
               {"08:00:00", "AzS-XRP01", "earlier, later in the file"},
               Line{"10:00:00", "AzS-WAS01", "b"}.Comp("WAS"),
               Line{"09:30:00", "AzS-XRP02", "c"}},
              m);
  CHECK(m.records() == 5);
  CHECK(m.components() == std::map<std::string, uint64_t>{{"AzureBridge", 4}, {"WAS", 1}});
  CHECK(rtest::Clock(m.data_start()) == "08:00:00");
  CHECK(rtest::Clock(m.data_end()) == "10:00:00");
  CHECK(m.prefilter_ok());
}

// Passes every record on to two sinks.
class Tee : public RecordSink {
 public:
  Tee(RecordSink& a, RecordSink& b) : a_(a), b_(b) {}
  void OnRecord(const Record& r) override {
    a_.OnRecord(r);
    b_.OnRecord(r);
  }

 private:
  RecordSink& a_;
  RecordSink& b_;
};

TEST_CASE("matcher: the one-pass set and the naive matcher agree on every sample bundle") {
  RuleSet rules;
  std::vector<std::string> errors;
  REQUIRE(LoadRuleSet(ANALYZER_RULES_DIR, {}, rtest::kSchema, &rules, &errors));
  const FormatSet formats(LoadFormats(ANALYZER_RULES_DIR "/formats", &errors));
  REQUIRE(errors.empty());
  IngestOptions options;
  options.formats = &formats;
  options.digest = false;

  std::vector<std::string> bundles;
  for (const auto& e : std::filesystem::directory_iterator(ANALYZER_SAMPLES_DIR "/bundles"))
    if (e.path().extension() == ".zip") bundles.push_back(e.path().string());
  std::sort(bundles.begin(), bundles.end());
  REQUIRE(bundles.size() >= 10);
  const int unauthorized = rules.IndexOf("usage.fail.unauthorized");
  REQUIRE(unauthorized >= 0);
  for (const std::string& bundle : bundles) {
    CAPTURE(bundle);
    Matcher fast(rules), naive(rules, /*naive=*/true);
    REQUIRE(fast.prefilter_ok());
    CHECK_FALSE(naive.prefilter_ok());
    Tee tee(fast, naive);
    const InputSummary s = IngestInput(bundle, options, tee);
    REQUIRE(s.readable);
    CHECK(fast.records() == s.records);
    const auto a = Describe(rules, fast.hits()), b = Describe(rules, naive.hits());
    CHECK_MESSAGE(FirstDifference(a, b) == "", FirstDifference(a, b));
    // Not vacuous: failing scenarios hit failure rules.
    if (bundle.find("/healthy.zip") == std::string::npos)
      CHECK(std::count_if(fast.hits().begin(), fast.hits().end(), [&](const Hit& h) {
              return rules.rules[h.rule]->id.find(".fail.") != std::string::npos;
            }) > 0);
    if (bundle.find("/unauthorized-timesync.zip") != std::string::npos)
      CHECK(std::count_if(fast.hits().begin(), fast.hits().end(),
                          [&](const Hit& h) { return h.rule == unauthorized; }) > 0);
  }
}

TEST_CASE("matcher: 500 generated rules, the set and the naive matcher agree") {
  // Literals, case-insensitive words, captures, anchors, alternations,
  // scopes, a pattern on the message (never in the set) and groups.
  std::string rules_json;
  for (int i = 0; i < 500; ++i) {
    const std::string n = std::to_string(i);
    std::string pattern, extra;
    switch (i % 6) {
      case 0:
        pattern = "token" + n + "\\b";
        break;
      case 1:
        pattern = "(?i)WORD" + n + "\\b";
        break;
      case 2:
        pattern = "code=" + n + " id=(?P<id>[0-9a-f]+)";
        break;
      case 3:
        pattern = "^start" + n + "\\b|end" + n + "$";
        break;
      case 4:
        pattern = "token" + n + "\\b";
        extra = R"(, "scope": {"hosts": "XRP01"})";
        break;
      case 5:
        pattern = "token" + n + "\\b";
        extra = R"(, "field": "message")";
        break;
    }
    if (i % 10 == 7) extra += R"(, "group": "g", "precedence": )" + std::to_string(i % 13);
    std::string escaped;
    for (char c : pattern) escaped += c == '\\' ? std::string("\\\\") : std::string(1, c);
    char id[16];
    std::snprintf(id, sizeof id, "r%03d", i);
    rules_json += std::string(i ? ",\n" : "") + R"(    {"id": ")" + id +
                  R"(", "kind": "match", "pattern": ")" + escaped + "\"" + extra +
                  R"(, "examples": {"match": ["x"], "no_match": ["y"]}})";
  }
  const Loaded l = Load({{"big.json", Pack(rules_json)}});
  REQUIRE_MESSAGE(l.ok, l.Errors());
  REQUIRE(l.rules.rules.size() == 500);
  const std::vector<Line> lines = {
      {"09:00:00", "AzS-XRP01", "token0 token4 token5 token17 token16 word1 Word7 code=2 id=beef"},
      {"09:00:01", "AzS-XRP02",
       "token4 token10 token100 token1000 WORD13 code=8 id=0 start3 x end9"},
      {"09:00:02", "AzS-XRP01", "start3 and end3"},
      {"09:00:03", "AzS-XRP01",
       "token57 token67 token77 token87 token97 token107 code=494 id=a\nend15"},
      {"09:00:04", "AzS-XRP03", "nothing to see"},
  };
  Matcher fast(l.rules), naive(l.rules, /*naive=*/true);
  Tee tee(fast, naive);
  rtest::Feed(lines, tee);
  REQUIRE(fast.prefilter_ok());
  const auto a = Describe(l.rules, fast.hits()), b = Describe(l.rules, naive.hits());
  CHECK_MESSAGE(FirstDifference(a, b) == "", FirstDifference(a, b));
  CHECK(a.size() == 14);
  // Spot checks that the comparison covers each kind of pattern.
  CHECK(rtest::HitsOf(l.rules, fast.hits(), "r000") == "09:00:00 AzS-XRP01");
  CHECK(rtest::HitsOf(l.rules, fast.hits(), "r004") == "09:00:00 AzS-XRP01");  // not on XRP02
  CHECK(rtest::HitsOf(l.rules, fast.hits(), "r005") == "09:00:00 AzS-XRP01");  // message
  CHECK(rtest::HitsOf(l.rules, fast.hits(), "r001") == "09:00:00 AzS-XRP01");  // (?i)
  CHECK(rtest::HitsOf(l.rules, fast.hits(), "r003") ==
        "09:00:02 AzS-XRP01");  // ^ and $: the whole text
  CHECK(rtest::HitsOf(l.rules, fast.hits(), "r015") == "09:00:03 AzS-XRP01");
  CHECK(rtest::HitsOf(l.rules, fast.hits(), "r494") == "09:00:03 AzS-XRP01");
  CHECK(rtest::HitsOf(l.rules, fast.hits(), "r007") == "09:00:00 AzS-XRP01");  // group g beats r017
  CHECK(rtest::HitsOf(l.rules, fast.hits(), "r017") == "");
}

}  // namespace
}  // namespace analyzer
