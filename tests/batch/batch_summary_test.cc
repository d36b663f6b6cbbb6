#include "batch_summary.h"

#include <doctest/doctest.h>

#include "batch_merge.h"
#include "batch_summary_json.h"

using namespace analyzer;

namespace {

BundleSummary Bundle(const std::string& name, bool ok) {
  BundleSummary b;
  b.name = name;
  b.path = "in/" + name + ".zip";
  b.ok = ok;
  if (!ok) {
    b.error = "in/" + name + ".zip: not a readable archive";
    return b;
  }
  b.sha256 = std::string(64, 'a');
  b.json_report = name + ".json";
  b.html_report = name + ".html";
  b.entries = 3, b.entries_read = 2, b.entries_skipped = 1, b.records = 42, b.bytes = 1000;
  b.first = "2026-11-18T06:00:00.1234567Z";
  b.last = "2026-11-18T09:00:00Z";
  b.hosts = {"AzS-XRP01", "AzS-XRP02"};
  b.verdicts = {{"LoginError", "not_evaluated", "no logs"}, {"NetworkError", "found", ""}};
  SummaryFinding f;
  f.rule_id = "NetworkError.dns";
  f.error_code = "NetworkError";
  f.cause = "dns";
  f.title = "The usage endpoint cannot be reached \"<here>\"";
  f.first_seen = b.first;
  f.last_seen = b.last;
  f.count = 3, f.episodes = 1, f.ongoing = true;
  f.hosts = {"AzS-XRP01"};
  f.evidence = {{"in/" + name + ".zip!/a.log", 12, "", "AzS-XRP01", "occurrence", "usage.fail.dns",
                 "line\twith\x01 ctl"}};
  b.findings = {f};
  f.severity = Severity::kInfo;
  b.notes = {f};
  return b;
}

BatchSummary Part(uint64_t k, uint64_t n, std::vector<BundleSummary> bundles) {
  BatchSummary s;
  s.tool_version = "0.1.0";
  s.rules_digest = "sha256:00";
  s.error_codes = {"LoginError", "NetworkError"};
  s.rules = {{"NetworkError.dns", "NetworkError", "dns", Severity::kHigh, "t", "d", "r"},
             {"Unauthorized.x", "Unauthorized", "", Severity::kMedium, "t2", "d2", "r2"}};
  s.sharded = n > 0;
  s.shard = {k, n};
  s.inputs_total = 3;
  s.bundles = std::move(bundles);
  return s;
}

}  // namespace

TEST_CASE("a summary reads back as it was written") {
  const BatchSummary s = Part(2, 3, {Bundle("a", true), Bundle("b", false)});
  const std::string text = RenderSummaryJson(s);
  BatchSummary back;
  std::string error;
  REQUIRE_MESSAGE(ParseSummaryJson(text, "summary.json", &back, &error), error);
  CHECK(RenderSummaryJson(back) == text);
  CHECK(back.shard.index == 2);
  CHECK(back.bundles[0].notes[0].severity == Severity::kInfo);
  CHECK(back.bundles[1].json_report.empty());
  CHECK(text.find("\"worst_severity\": \"high\"") != std::string::npos);
}

TEST_CASE("a file that is not a summary is refused with its name") {
  BatchSummary s;
  std::string error;
  CHECK_FALSE(ParseSummaryJson("{", "x/summary.json", &s, &error));
  CHECK(error.rfind("x/summary.json: ", 0) == 0);
  CHECK_FALSE(ParseSummaryJson("{\"schema_version\": 1}", "r.json", &s, &error));
  CHECK(error.find("not a batch summary") != std::string::npos);
  std::string text = RenderSummaryJson(Part(1, 1, {Bundle("a", true)}));
  text.replace(text.find("\"records\": 42"), 13, "\"records\": \"many\"");
  CHECK_FALSE(ParseSummaryJson(text, "r.json", &s, &error));
}

TEST_CASE("merging shards gives one summary sorted by name, shard-free") {
  std::vector<BatchSummary> parts = {Part(2, 2, {Bundle("c", true)}),
                                     Part(1, 2, {Bundle("b", false), Bundle("a", true)})};
  BatchSummary merged;
  std::string error;
  REQUIRE_MESSAGE(MergeSummaries(parts, {"s2", "s1"}, &merged, &error), error);
  CHECK_FALSE(merged.sharded);
  REQUIRE(merged.bundles.size() == 3);
  CHECK(merged.bundles[0].name == "a");
  CHECK(merged.bundles[2].name == "c");
  CHECK(merged.inputs_total == 3);
  // ...the same text as the summary of one run over the three.
  BatchSummary single = Part(1, 0, {Bundle("a", true), Bundle("b", false), Bundle("c", true)});
  single.sharded = false;
  single.shard = ShardSpec();
  CHECK(RenderSummaryJson(merged) == RenderSummaryJson(single));
}

TEST_CASE("merge refuses what a single run would not give") {
  BatchSummary out;
  std::string error;
  CHECK_FALSE(MergeSummaries({Part(1, 2, {Bundle("a", true)})}, {"s1"}, &out, &error));
  CHECK(error == "shard 2/2 is missing");
  CHECK_FALSE(MergeSummaries({Part(1, 2, {Bundle("a", true)}), Part(1, 2, {Bundle("b", true)})},
                             {"x", "y"}, &out, &error));
  CHECK(error.find("given twice") != std::string::npos);
  BatchSummary other = Part(2, 2, {Bundle("b", true), Bundle("c", true)});
  other.rules_digest = "sha256:ff";
  CHECK_FALSE(MergeSummaries({Part(1, 2, {Bundle("a", true)}), other}, {"x", "y"}, &out, &error));
  CHECK(error.find("rules") != std::string::npos);
  CHECK_FALSE(MergeSummaries(
      {Part(1, 2, {Bundle("a", true)}), Part(2, 2, {Bundle("a", true), Bundle("b", true)})},
      {"x", "y"}, &out, &error));
  CHECK(error.find("appears twice") != std::string::npos);
  CHECK_FALSE(MergeSummaries({Part(1, 2, {Bundle("a", true)}), Part(2, 2, {Bundle("b", true)})},
                             {"x", "y"}, &out, &error));
  CHECK(error.find("the batch had 3") != std::string::npos);
  BundleSummary evil = Bundle("e", true);
  evil.html_report = "../../etc/passwd";
  CHECK_FALSE(MergeSummaries({Part(1, 0, {evil})}, {"x"}, &out, &error));
}
