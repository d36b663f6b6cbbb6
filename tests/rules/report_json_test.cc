#include "report_json.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include "format_set.h"
#include "ingest.h"
#include "log_format.h"
#include "rule_test_support.h"
#include "sha256.h"

namespace analyzer {
namespace {

using nlohmann::json;

const char* const kPack = R"json({
  "pack": "usage",
  "error_codes": {
    "Unauthorized": {
      "title": {"en": "Azure refuses the bridge (Unauthorized)"},
      "explanation": {"en": "The usage service answers 401."},
      "remediation": {"en": "Register the stamp again."},
      "requires_components": ["AzureBridge"]
    },
    "NetworkError": {
      "title": {"en": "No route to Azure"}, "explanation": {"en": "e"}, "remediation": {"en": "r"},
      "requires_components": ["AzureBridge"]
    }
  },
  "rules": [
    {"id": "unauth", "kind": "match", "pattern": "\\(401\\) Unauthorized",
     "examples": {"match": ["(401) Unauthorized"], "no_match": ["Unauthorized requests: 0"]}},
    {"id": "uploaded", "kind": "match", "pattern": "usage upload succeeded",
     "examples": {"match": ["usage upload succeeded"], "no_match": ["usage upload failed"]}},
    {"id": "unauthorized", "kind": "absence", "rule": "unauth", "missing": "uploaded", "window": "2m",
     "key": ["host"], "report": {"error_code": "Unauthorized", "cause": "undetermined"}}
  ]
})json";

// The bridge log of one XRP VM: two refusals, then a heartbeat.
const char* const kBridgeLog =
    "2026-11-18T09:00:00.25Z Error [UsageBridge] Upload failed: (401) Unauthorized. "
    "https://usage.microsoftazurestack.com/x\n"
    "   at Microsoft.AzureStack.Bridge.Upload()\n"
    "2026-11-18T09:05:00Z Error [UsageBridge] Upload failed: (401) Unauthorized. "
    "https://usage.microsoftazurestack.com/x\n"
    "2026-11-18T09:30:00+01:00 Info [UsageBridge] heartbeat\n";

// Runs the whole pipeline on one log file and renders the report.
std::string Report(const rtest::Loaded& pack, const std::string& log_path) {
  std::vector<std::string> errors;
  const FormatSet formats(LoadFormats(ANALYZER_RULES_DIR "/formats", &errors));
  IngestOptions options;
  options.formats = &formats;
  Matcher matcher(pack.rules);
  const std::vector<InputSummary> inputs = {IngestInput(log_path, options, matcher)};
  Correlate(pack.rules, matcher.data_end(), &matcher.hits());
  const Findings findings = BuildFindings(pack.rules, matcher.hits(), matcher.components(), {});
  const ReportContext context{&pack.rules, &inputs, &findings, "en"};
  const std::string text = RenderJsonReport(context);
  CHECK(text == RenderJsonReport(context));  // rendering twice gives the same bytes
  return text;
}

// Every time in the report: values of keys that name a time, anywhere.
void CollectTimes(const json& v, std::vector<std::string>* out) {
  if (v.is_array())
    for (const auto& e : v) CollectTimes(e, out);
  if (!v.is_object()) return;
  for (const auto& [key, value] : v.items()) {
    if ((key == "time" || key == "start" || key == "end" || key == "first_seen" ||
         key == "last_seen") &&
        value.is_string())
      out->push_back(value.get<std::string>());
    CollectTimes(value, out);
  }
}

TEST_CASE("report_json: a small case carries every field of the contract") {
  const rtest::Loaded pack = rtest::Load({{"usage.json", kPack}});
  REQUIRE_MESSAGE(pack.ok, pack.Errors());
  rtest::TempDir dir;
  const std::string log = dir.Write("AzureBridge/AzS-XRP01/bridge.log", kBridgeLog);
  const std::string text = Report(pack, log);
  CHECK(text.back() == '\n');
  const json r = json::parse(text);

  CHECK(r["schema_version"] == 1);
  CHECK(r["tool"]["name"] == "analyzer");
  CHECK(RE2::FullMatch(r["tool"]["version"].get<std::string>(), R"(\d+\.\d+\.\d+.*)"));
  CHECK(r["tool"]["rules_digest"] == pack.rules.digest);

  REQUIRE(r["inputs"].size() == 1);
  const json& in = r["inputs"][0];
  CHECK(in["path"] == log);
  CHECK(in["sha256"] == Sha256File(log));
  CHECK(RE2::FullMatch(in["sha256"].get<std::string>(), "[0-9a-f]{64}"));
  CHECK(in["entries"] == 0);  // a plain file is the input itself, not an entry in it
  CHECK(in["bytes"] == std::string(kBridgeLog).size());
  CHECK(in["records"] == 3);
  CHECK(in["time_range"]["start"] == "2026-11-18T08:30:00Z");  // 09:30+01:00
  CHECK(in["time_range"]["end"] == "2026-11-18T09:05:00Z");
  REQUIRE(in["inventory"].size() == 1);
  CHECK(in["inventory"][0]["source"] == log);
  CHECK(in["inventory"][0]["status"] == "read");
  CHECK(in["inventory"][0]["records"] == 3);
  CHECK(in["problems"].is_array());

  REQUIRE(r["verdicts"].size() == 2);
  CHECK(r["verdicts"][0] == json{{"error_code", "NetworkError"}, {"status", "not_found"}});
  CHECK(r["verdicts"][1] == json{{"error_code", "Unauthorized"}, {"status", "found"}});

  CHECK(r["notes"] == json::array());
  REQUIRE(r["findings"].size() == 1);
  const json& f = r["findings"][0];
  CHECK(f["rule_id"] == "unauthorized");
  CHECK(f["error_code"] == "Unauthorized");
  CHECK(f["cause"] == "undetermined");
  CHECK(f["severity"] == "high");
  CHECK(f["title"] == "Azure refuses the bridge (Unauthorized)");
  CHECK(f["explanation"] == "The usage service answers 401.");
  CHECK(f["remediation"] == "Register the stamp again.");
  CHECK(f["first_seen"] == "2026-11-18T09:00:00.25Z");
  CHECK(f["last_seen"] == "2026-11-18T09:05:00Z");
  CHECK(f["count"] == 2);
  REQUIRE(f["episodes"].size() == 1);
  CHECK(f["episodes"][0]["start"] == "2026-11-18T09:00:00.25Z");
  CHECK(f["episodes"][0]["end"] == "2026-11-18T09:05:00Z");
  CHECK(f["episodes"][0]["count"] == 2);
  CHECK(f["episodes"][0]["hosts"] == json{"AzS-XRP01"});
  CHECK(f["hosts"] == json{"AzS-XRP01"});
  CHECK(f["components"] == json{"AzureBridge"});
  REQUIRE(f["evidence"].size() == 2);
  const json& e = f["evidence"][0];
  CHECK(e["source"] == log);
  CHECK(e["line"] == 1);
  CHECK(e["time"] == "2026-11-18T09:00:00.25Z");
  CHECK(e["text"].get<std::string>().find("(401) Unauthorized") != std::string::npos);
  CHECK(e["text"].get<std::string>().find("\n   at Microsoft.AzureStack.Bridge.Upload()") !=
        std::string::npos);
  REQUIRE(e["context"].is_array());
  CHECK(e["context"][e["context_index"].get<size_t>()].get<std::string>().rfind(
            "2026-11-18T09:00:00.25Z", 0) == 0);
  CHECK(f["evidence"][1]["line"] == 3);

  std::vector<std::string> times;
  CollectTimes(r, &times);
  CHECK(times.size() >= 10);
  for (const std::string& t : times) {
    CAPTURE(t);
    CHECK(t.back() == 'Z');
    CHECK(ParseUserTime(t).known());
  }
}

TEST_CASE("report_json: the same input gives the same bytes, run after run") {
  const rtest::Loaded pack = rtest::Load({{"usage.json", kPack}});
  REQUIRE_MESSAGE(pack.ok, pack.Errors());
  rtest::TempDir dir;
  const std::string log = dir.Write("AzureBridge/AzS-XRP01/bridge.log", kBridgeLog);
  CHECK(Report(pack, log) == Report(pack, log));
}

TEST_CASE("report_json: no finding still gives empty arrays, and unknown times are null") {
  const rtest::Loaded pack = rtest::Load({{"usage.json", kPack}});
  REQUIRE_MESSAGE(pack.ok, pack.Errors());
  InputSummary missing;
  missing.path = "/nowhere/bundle.zip";
  const std::vector<InputSummary> inputs = {missing};
  const Findings findings = BuildFindings(pack.rules, {}, {}, {});
  const json r = json::parse(RenderJsonReport({&pack.rules, &inputs, &findings, "en"}));
  CHECK(r["findings"] == json::array());
  CHECK(r["notes"] == json::array());
  CHECK(r["inputs"][0]["readable"] == false);
  CHECK(r["inputs"][0]["sha256"].is_null());
  CHECK(r["inputs"][0]["time_range"]["start"].is_null());
  CHECK(r["inputs"][0]["inventory"] == json::array());
  CHECK(r["verdicts"][1] ==
        json{{"error_code", "Unauthorized"},
             {"status", "not_evaluated"},
             {"reason", "no logs of the components it needs were read: AzureBridge"}});
}

}  // namespace
}  // namespace analyzer
