// End-to-end tests of `analyzer batch` and `analyzer merge` on the committed
// sample bundles plus three bad or odd inputs made here: a text file named
// broken.zip, a path that does not exist, and an unpacked bundle directory
// with no bridge logs (every code not evaluated). A second copy of
// mixed.zip under another directory makes two inputs share a name.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "batch_test_support.h"
#include "json_schema.h"
#include "xml_check.h"

using nlohmann::json;
using test::DirectoryFiles;
using test::ReadFile;
using test::RunAnalyzer;
using test::TempDir;

namespace {

const char kDirBundle[] = "AzureStackLogs-20261118093000-AZS-ERCS01";

struct Fixture {
  TempDir scratch;
  std::string inputs;  // shell words
  test::RunResult j1, j2;

  Fixture() {
    test::WriteFile(scratch / "in/broken.zip", "this is not a zip archive\n");
    test::WriteFile(scratch / ("in/" + std::string(kDirBundle) + "/Get-AzureStackLog_Output.log"),
                    "2026-11-18T09:30:00Z Starting log collection\n2026-11-18T09:31:00Z Done\n");
    std::filesystem::create_directories(scratch / "in/other");
    std::filesystem::copy_file(std::string(PROJECT_DIR) + "/samples/bundles/mixed.zip",
                               scratch / "in/other/mixed.zip");
    inputs = "samples/bundles '" + scratch / "in/broken.zip" + "' '" + scratch / "in/missing.zip" +
             "' '" + scratch / ("in/" + std::string(kDirBundle)) + "' '" +
             scratch / "in/other/mixed.zip" + "'";
    j1 = Batch("j1", "-j 1");
    j2 = Batch("j2", "-j 2");
  }

  test::RunResult Batch(const std::string& out, const std::string& extra) {
    const std::string dir = scratch / out;
    return RunAnalyzer(scratch, "batch " + inputs + " --out '" + dir + "' --sarif '" + dir +
                                    "/results.sarif' --junit '" + dir + "/results.xml' -q " +
                                    extra);
  }
  std::string Dir(const std::string& name) const { return scratch / name; }
  json Summary(const std::string& name) const {
    return json::parse(ReadFile(Dir(name) + "/summary.json"));
  }

  // Runs the three shards once; returns how many bundles they analyzed.
  size_t Shards() {
    if (shards_done_) return shard_bundles_;
    shards_done_ = true;
    for (int k = 1; k <= 3; ++k) {
      const std::string name = "s" + std::to_string(k);
      const auto r = RunAnalyzer(scratch, "batch " + inputs + " --out '" + Dir(name) +
                                              "' -q --shard " + std::to_string(k) + "/3");
      CHECK_MESSAGE(r.status <= 1, r.err);  // 3 only if a shard held nothing readable
      const json s = Summary(name);
      CHECK(s["shard"]["index"] == k);
      CHECK(s["shard"]["count"] == 3);
      CHECK(s["inputs_total"] == 16);
      shard_bundles_ += s["bundles"].size();
    }
    return shard_bundles_;
  }

 private:
  bool shards_done_ = false;
  size_t shard_bundles_ = 0;
};

Fixture& Shared() {
  static Fixture f;
  return f;
}

const json& BundleNamed(const json& summary, const std::string& name) {
  for (const json& b : summary["bundles"])
    if (b["name"] == name) return b;
  FAIL("no bundle named " << name);
  static const json kNone;
  return kNone;
}

void CheckSameFiles(const std::string& a, const std::string& b) {
  const auto fa = DirectoryFiles(a), fb = DirectoryFiles(b);
  std::vector<std::string> na, nb;
  for (const auto& [k, v] : fa) na.push_back(k);
  for (const auto& [k, v] : fb) nb.push_back(k);
  REQUIRE(na == nb);
  for (const auto& [name, bytes] : fa) {
    INFO("file " << name);
    CHECK(bytes == fb.at(name));
  }
}

}  // namespace

TEST_CASE("batch writes a report pair per bundle and the roll-up") {
  Fixture& f = Shared();
  REQUIRE_MESSAGE(f.j1.status == 0, f.j1.err);
  const json s = f.Summary("j1");
  CHECK(s["kind"] == "analyzer-batch-summary");
  CHECK(s["shard"].is_null());
  CHECK(s["inputs_total"] == 16);  // 12 samples, broken, missing, the directory, the copy of mixed
  CHECK(s["totals"]["bundles"] == 16);
  CHECK(s["totals"]["failed"] == 2);
  std::vector<std::string> names;
  for (const json& b : s["bundles"]) names.push_back(b["name"]);
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
  // Two inputs named mixed: both get a hash of their path, none keeps the bare name.
  CHECK(std::count_if(names.begin(), names.end(), [](const std::string& n) {
          return std::regex_match(n, std::regex("mixed-[0-9a-f]{8}"));
        }) == 2);
  CHECK(std::find(names.begin(), names.end(), "mixed") == names.end());
  for (const json& b : s["bundles"]) {
    INFO(b["name"]);
    if (b["reports"].is_null()) continue;
    CHECK(std::filesystem::exists(f.Dir("j1") + "/" + b["reports"]["json"].get<std::string>()));
    CHECK(std::filesystem::exists(f.Dir("j1") + "/" + b["reports"]["html"].get<std::string>()));
  }
  const json& dns = BundleNamed(s, "network-dns");
  CHECK(dns["status"] == "ok");
  CHECK(dns["sha256"].get<std::string>().size() == 64);
  REQUIRE(dns["findings"].size() == 1);
  CHECK(dns["findings"][0]["error_code"] == "NetworkError");
  CHECK(dns["findings"][0]["cause"] == "dns");
  CHECK(!dns["findings"][0]["evidence"].empty());
  const json& dir = BundleNamed(s, kDirBundle);
  CHECK(dir["status"] == "ok");
  for (const json& v : dir["verdicts"]) CHECK(v["status"] == "not_evaluated");
}

TEST_CASE("batch -j 1 and -j 2 write byte-identical output directories") {
  Fixture& f = Shared();
  REQUIRE_MESSAGE(f.j1.status == 0, f.j1.err);
  REQUIRE_MESSAGE(f.j2.status == 0, f.j2.err);
  CheckSameFiles(f.Dir("j1"), f.Dir("j2"));
}

TEST_CASE("three shards and a merge give the roll-up of a single run") {
  Fixture& f = Shared();
  CHECK(f.Shards() == 16);  // every input in exactly one shard
  const std::string m = f.Dir("merged");
  const auto r = RunAnalyzer(f.scratch, "merge '" + f.Dir("s3") + "' '" + f.Dir("s1") + "' '" +
                                            f.Dir("s2") + "' --out '" + m + "' --sarif '" + m +
                                            "/results.sarif' --junit '" + m + "/results.xml' -q");
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CheckSameFiles(f.Dir("j1"), m);
}

TEST_CASE("merge refuses an incomplete or doubled set of shards") {
  Fixture& f = Shared();
  f.Shards();
  const auto missing = RunAnalyzer(
      f.scratch, "merge '" + f.Dir("s1") + "' '" + f.Dir("s2") + "' --out '" + f.Dir("bad") + "'");
  CHECK(missing.status == 2);
  CHECK(missing.err.find("shard 3/3 is missing") != std::string::npos);
  const auto twice =
      RunAnalyzer(f.scratch, "merge '" + f.Dir("s1") + "' '" + f.Dir("s1") + "' '" + f.Dir("s2") +
                                 "' '" + f.Dir("s3") + "' --out '" + f.Dir("bad") + "'");
  CHECK(twice.status == 2);
  CHECK(twice.err.find("given twice") != std::string::npos);
  const auto mixed = RunAnalyzer(
      f.scratch, "merge '" + f.Dir("s1") + "' '" + f.Dir("j1") + "' --out '" + f.Dir("bad") + "'");
  CHECK(mixed.status == 2);
  const auto none =
      RunAnalyzer(f.scratch, "merge '" + f.scratch / "in" + "' --out '" + f.Dir("bad") + "'");
  CHECK(none.status == 2);
}

TEST_CASE("an unreadable bundle is listed as failed in every output; the others go on") {
  Fixture& f = Shared();
  const json s = f.Summary("j1");
  for (const char* name : {"broken", "missing"}) {
    INFO(name);
    const json& b = BundleNamed(s, name);
    CHECK(b["status"] == "failed");
    CHECK(!b["error"].get<std::string>().empty());
    CHECK(b["findings"].empty());
  }
  CHECK(BundleNamed(s, "missing")["error"].get<std::string>().find("No such file") !=
        std::string::npos);
  CHECK(s["totals"]["ok"] == 14);

  const std::string index = ReadFile(f.Dir("j1") + "/index.html");
  CHECK(index.find("not a readable archive") != std::string::npos);
  CHECK(index.find("<tr id=\"b-broken\">") != std::string::npos);
  CHECK(index.find("<tr id=\"b-missing\">") != std::string::npos);

  const json sarif = json::parse(ReadFile(f.Dir("j1") + "/results.sarif"));
  const json& inv = sarif["runs"][0]["invocations"][0];
  CHECK(inv["executionSuccessful"] == false);
  REQUIRE(inv["toolExecutionNotifications"].size() == 2);
  CHECK(inv["toolExecutionNotifications"][0]["message"]["text"].get<std::string>().find("broken") !=
        std::string::npos);
  CHECK(inv["toolExecutionNotifications"][1]["message"]["text"].get<std::string>().find(
            "missing") != std::string::npos);

  std::string error;
  const auto junit = test::ParseXml(ReadFile(f.Dir("j1") + "/results.xml"), &error);
  REQUIRE_MESSAGE(junit, error);
  std::set<std::string> errored;
  for (const auto* suite : junit->FindAll("testsuite"))
    if (!suite->FindAll("error").empty()) errored.insert(suite->Attr("name"));
  CHECK(errored == std::set<std::string>{"broken", "missing"});
}

TEST_CASE("the exit status follows --fail-on and says when nothing could be read") {
  Fixture& f = Shared();
  const std::string bad =
      "'" + f.scratch / "in/broken.zip" + "' '" + f.scratch / "in/missing.zip" + "'";
  CHECK(RunAnalyzer(f.scratch, "batch samples/bundles/healthy.zip --out '" + f.Dir("x1") +
                                   "' -q --fail-on high")
            .status == 0);
  CHECK(RunAnalyzer(f.scratch,
                    "batch samples/bundles/mixed.zip --out '" + f.Dir("x2") + "' -q --fail-on high")
            .status == 1);
  CHECK(RunAnalyzer(f.scratch, "batch samples/bundles/mixed.zip " + bad + " --out '" + f.Dir("x3") +
                                   "' -q --fail-on critical")
            .status == 0);
  CHECK(RunAnalyzer(f.scratch, "batch " + bad + " --out '" + f.Dir("x4") + "' -q").status == 3);
  CHECK(RunAnalyzer(f.scratch, "batch samples/bundles --out '" + f.Dir("x5") + "' --shard 4/3")
            .status == 2);
  CHECK(RunAnalyzer(f.scratch, "batch samples/bundles").status == 2);  // no --out
  CHECK(RunAnalyzer(f.scratch,
                    "batch '@" + f.scratch / "no-such-list.txt" + "' --out '" + f.Dir("x6") + "'")
            .status == 2);
  // The merged roll-up gives the same status as the run it stands for.
  CHECK(RunAnalyzer(f.scratch,
                    "merge '" + f.Dir("x2") + "' --out '" + f.Dir("x7") + "' -q --fail-on high")
            .status == 1);
}

TEST_CASE("inputs: quoted globs, @lists with comments, duplicates kept once") {
  Fixture& f = Shared();
  test::WriteFile(
      f.scratch / "list.txt",
      "# bundles for the nightly run\n\nsamples/bundles/timeout.zip\n  samples/bundles/n*.zip  \n"
      "samples/bundles/timeout.zip\n");
  const auto r =
      RunAnalyzer(f.scratch, "batch '@" + f.scratch / "list.txt" +
                                 "' 'samples/bundles/m*.zip' --out '" + f.Dir("g") + "' -q");
  REQUIRE_MESSAGE(r.status == 0, r.err);
  std::vector<std::string> names;
  const json summary = f.Summary("g");
  for (const json& b : summary["bundles"]) names.push_back(b["name"]);
  CHECK(names == std::vector<std::string>{"mixed", "network-dns", "network-proxy",
                                          "network-refused", "timeout"});
}

TEST_CASE("SARIF 2.1.0: required structure, and the schema when it is at hand") {
  Fixture& f = Shared();
  const json sarif = json::parse(ReadFile(f.Dir("j1") + "/results.sarif"));
  CHECK(sarif["version"] == "2.1.0");
  CHECK(sarif["$schema"].is_string());
  REQUIRE(sarif["runs"].size() == 1);
  const json& run = sarif["runs"][0];
  const json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "analyzer");
  std::vector<std::string> rule_ids;
  for (const json& rule : driver["rules"]) {
    CHECK(rule["id"].is_string());
    CHECK(!rule["shortDescription"]["text"].get<std::string>().empty());
    CHECK(rule["help"]["text"].is_string());
    rule_ids.push_back(rule["id"]);
  }
  REQUIRE(!rule_ids.empty());
  const std::set<std::string> levels{"none", "note", "warning", "error"};
  const std::regex uri_reference("[A-Za-z0-9\\-._~!$&'()*+,;=/@%]*");
  size_t findings = 0;
  const json summary = f.Summary("j1");
  for (const json& b : summary["bundles"]) findings += b["findings"].size();
  REQUIRE(run["results"].size() == findings);
  for (const json& r : run["results"]) {
    CHECK(!r["message"]["text"].get<std::string>().empty());
    CHECK(levels.count(r["level"].get<std::string>()));
    REQUIRE(r["ruleIndex"].get<size_t>() < rule_ids.size());
    CHECK(rule_ids[r["ruleIndex"].get<size_t>()] == r["ruleId"]);
    REQUIRE(r["locations"].size() == 1);
    const json& loc = r["locations"][0]["physicalLocation"];
    const std::string uri = loc["artifactLocation"]["uri"];
    CHECK(std::regex_match(uri, uri_reference));
    CHECK(uri.find(".zip!/") != std::string::npos);
    CHECK(loc["region"]["startLine"].get<int64_t>() >= 1);
  }
  // The official schema cannot be downloaded here; validate against it when
  // it is vendored next to this file or named by $SARIF_SCHEMA.
  std::string schema_path = std::string(PROJECT_DIR) + "/tests/batch/sarif-schema-2.1.0.json";
  if (const char* env = std::getenv("SARIF_SCHEMA")) schema_path = env;
  if (!std::filesystem::exists(schema_path)) {
    MESSAGE("SARIF schema not available (" << schema_path << "): structural checks only");
    return;
  }
  analyzer::JsonSchema schema(json::parse(ReadFile(schema_path)));
  std::vector<analyzer::SchemaViolation> violations;
  schema.Validate(sarif, &violations);
  for (const auto& v : violations) FAIL_CHECK(std::string(v.pointer + ": " + v.message));
  CHECK(violations.empty());
}

TEST_CASE("JUnit XML is well-formed, with the expected counts") {
  Fixture& f = Shared();
  std::string error;
  const auto root = test::ParseXml(ReadFile(f.Dir("j1") + "/results.xml"), &error);
  REQUIRE_MESSAGE(root, error);
  CHECK(root->name == "testsuites");
  // Expected, from the summary: a testcase per bundle and code, one per failed bundle.
  const json s = f.Summary("j1");
  size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  for (const json& b : s["bundles"]) {
    if (b["status"] == "failed") {
      ++tests, ++errors;
      continue;
    }
    for (const json& v : b["verdicts"]) {
      ++tests;
      failures += v["status"] == "found";
      skipped += v["status"] == "not_evaluated";
    }
  }
  CHECK(errors == 2);
  CHECK(skipped == 5);  // the directory bundle without bridge logs
  CHECK(root->Attr("tests") == std::to_string(tests));
  CHECK(root->Attr("failures") == std::to_string(failures));
  CHECK(root->Attr("errors") == std::to_string(errors));
  CHECK(root->Attr("skipped") == std::to_string(skipped));
  CHECK(root->FindAll("testcase").size() == tests);
  CHECK(root->FindAll("failure").size() == failures);
  CHECK(root->FindAll("error").size() == errors);
  CHECK(root->FindAll("skipped").size() == skipped);
  CHECK(root->FindAll("testsuite").size() == s["bundles"].size());
  for (const auto* suite : root->FindAll("testsuite")) {
    INFO(suite->Attr("name"));
    CHECK(suite->Attr("tests") == std::to_string(suite->FindAll("testcase").size()));
    CHECK(suite->Attr("failures") == std::to_string(suite->FindAll("failure").size()));
  }
  // A failure carries its evidence.
  const auto failures_found = root->FindAll("failure");
  REQUIRE(!failures_found.empty());
  CHECK(failures_found[0]->text.find(".zip!/") != std::string::npos);
}

TEST_CASE("no progress line when stderr is not a terminal; totals on stdout unless -q") {
  Fixture& f = Shared();
  const auto r =
      RunAnalyzer(f.scratch, "batch samples/bundles/mixed.zip samples/bundles/healthy.zip --out '" +
                                 f.Dir("p") + "' -j 2");
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(r.err.find('\r') == std::string::npos);
  CHECK(r.err.empty());
  CHECK(r.out.find("2 bundle(s): 2 read, 0 failed, 1 with usage errors") != std::string::npos);
  const auto q =
      RunAnalyzer(f.scratch, "batch samples/bundles/mixed.zip --out '" + f.Dir("q") + "' -q");
  CHECK(q.out.empty());
  CHECK(q.err.empty());
}
