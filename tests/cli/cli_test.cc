// End-to-end tests of the `analyzer` command on the committed sample bundles.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "cli_runner.h"
#include "json_schema.h"

using analyzer_test::ReadFile;
using analyzer_test::RunAnalyzer;
using analyzer_test::RunShell;
using analyzer_test::TempPath;
using nlohmann::json;

namespace {

const std::string kProject = PROJECT_DIR;

std::vector<std::string> Scenarios() {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(kProject + "/samples/expected")) {
    const std::string file = e.path().filename().string();
    const std::string suffix = ".truth.json";
    if (file.size() > suffix.size() && file.compare(file.size() - suffix.size(), suffix.size(), suffix) == 0)
      names.push_back(file.substr(0, file.size() - suffix.size()));
  }
  std::sort(names.begin(), names.end());
  return names;
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string Second(const json& t) { return t.is_string() ? t.get<std::string>().substr(0, 19) + "Z" : "null"; }

// The parts of a finding the ground truth fixes: code, cause, hosts, first
// and last time to the second, and the episodes.
json Essentials(const json& f) {
  json episodes = json::array();
  for (const auto& e : f["episodes"]) episodes.push_back({Second(e["start"]), Second(e["end"])});
  auto hosts = f["hosts"].get<std::vector<std::string>>();
  std::sort(hosts.begin(), hosts.end());
  return {f["error_code"], f["cause"], hosts, Second(f["first_seen"]), Second(f["last_seen"]), episodes};
}

json Scan(const std::string& scenario, const std::string& extra = "") {
  const std::string out = TempPath(scenario + ".json");
  const auto r = RunAnalyzer("scan samples/bundles/" + scenario + ".zip --json " + out + " -q " + extra);
  REQUIRE_MESSAGE(r.status == 0, r.err);
  return json::parse(ReadFile(out));
}

}  // namespace

TEST_CASE("every sample scenario gives exactly its ground truth") {
  const auto scenarios = Scenarios();
  REQUIRE(scenarios.size() >= 10);
  const analyzer::JsonSchema schema(json::parse(ReadFile(kProject + "/rules/schema/report.schema.json")));
  for (const std::string& name : scenarios) {
    CAPTURE(name);
    const json truth = json::parse(ReadFile(kProject + "/samples/expected/" + name + ".truth.json"));
    const json report = Scan(name);
    std::vector<analyzer::SchemaViolation> violations;
    schema.Validate(report, &violations);
    CHECK_MESSAGE(violations.empty(), (violations.empty() ? "" : violations[0].pointer + ": " + violations[0].message));
    json got = json::array(), expected = json::array();
    for (const auto& f : report["findings"]) got.push_back(Essentials(f));
    for (const auto& f : truth["findings"]) {
      json e = f;
      if (!e.contains("episodes")) e["episodes"] = json::array({{{"start", f["first_seen"]}, {"end", f["last_seen"]}}});
      expected.push_back(Essentials(e));
    }
    CHECK(got.dump(1) == expected.dump(1));
  }
}

TEST_CASE("the healthy bundle, full of decoys, gives no finding") {
  const json report = Scan("healthy");
  CHECK(report["findings"].empty());
  for (const auto& v : report["verdicts"]) CHECK(v["status"] == "not_found");
  // The retried-then-succeeded blip is at most a low-severity note.
  for (const auto& n : report["notes"]) CHECK((n["severity"] == "info" || n["severity"] == "low"));
}

TEST_CASE("reports match the reviewed expected files byte for byte") {
  for (const std::string& name : Scenarios()) {
    CAPTURE(name);
    const std::string expected_path = kProject + "/tests/cli/expected/" + name + ".report.json";
    REQUIRE_MESSAGE(std::filesystem::exists(expected_path), "run tests/cli/update_expected.sh");
    const std::string out = TempPath(name + ".bytes.json");
    REQUIRE(RunAnalyzer("scan samples/bundles/" + name + ".zip --json " + out + " -q").status == 0);
    CHECK(ReadFile(out) == ReadFile(expected_path));
  }
}

TEST_CASE("the same input gives a byte-identical report") {
  const std::string a = TempPath("det-a.json"), b = TempPath("det-b.json");
  REQUIRE(RunAnalyzer("scan samples/bundles/mixed.zip samples/bundles/flapping.zip --json " + a + " -q").status == 0);
  REQUIRE(RunAnalyzer("scan samples/bundles/mixed.zip samples/bundles/flapping.zip --json " + b + " -q").status == 0);
  CHECK(ReadFile(a).size() > 1000);
  CHECK(ReadFile(a) == ReadFile(b));
}

TEST_CASE("single- and multi-threaded runs give byte-identical reports") {
  const std::string all = "samples/bundles/mixed.zip samples/bundles/unauthorized-timesync.zip "
                          "samples/bundles/login-credentials.zip";
  const std::string one = TempPath("threads-1.json"), three = TempPath("threads-3.json");
  REQUIRE(RunAnalyzer("scan " + all + " --threads 1 -q --json " + one).status == 0);
  REQUIRE(RunAnalyzer("scan " + all + " --threads 3 -q --json " + three).status == 0);
  CHECK(ReadFile(one).find("\"findings\"") != std::string::npos);
  CHECK(ReadFile(one) == ReadFile(three));
}

TEST_CASE("records prints the expected JSON Lines") {
  const auto r = RunAnalyzer(
      "records samples/bundles/network-dns.zip --from 2026-11-18T07:00:00Z --to 2026-11-18T07:06:00Z");
  REQUIRE(r.status == 0);
  CHECK(r.out == ReadFile(kProject + "/tests/cli/expected/network-dns.records.jsonl"));
  size_t lines = 0;
  for (size_t p = 0; (p = r.out.find('\n', p)) != std::string::npos; ++p) {
    ++lines;
  }
  CHECK(lines > 10);
}

TEST_CASE("the inventory lists every entry, binary ones as skipped with a reason") {
  const json report = Scan("network-dns");
  const json& inventory = report["inputs"][0]["inventory"];
  size_t skipped = 0;
  for (const auto& item : inventory) {
    if (item["status"] == "skipped") {
      ++skipped;
      CHECK(item["reason"].get<std::string>().find("binary") != std::string::npos);
    }
  }
  CHECK(skipped >= 2);  // .etl and .evtx members
  const auto listed = RunAnalyzer("records --inventory samples/bundles/network-dns.zip");
  REQUIRE(listed.status == 0);
  CHECK(std::count(listed.out.begin(), listed.out.end(), '\n') == static_cast<long>(inventory.size()));
}

TEST_CASE("exit statuses follow the documented contract") {
  CHECK(RunAnalyzer("scan samples/bundles/network-dns.zip -q --fail-on high").status == 1);
  CHECK(RunAnalyzer("scan samples/bundles/healthy.zip -q --fail-on low").status == 0);
  CHECK(RunAnalyzer("scan samples/bundles/network-dns.zip -q").status == 0);
  const auto missing = RunAnalyzer("scan /nonexistent/bundle.zip -q");
  CHECK(missing.status == 3);
  CHECK(RunAnalyzer("scan samples/bundles/healthy.zip --lang de").status == 2);
  CHECK(RunAnalyzer("frobnicate").status == 2);
}

TEST_CASE("rules test passes on the shipped pack and fails on a broken one") {
  const auto ok = RunAnalyzer("rules test");
  CHECK_MESSAGE(ok.status == 0, ok.out);
  CHECK(ok.out.find(" 0 failed") != std::string::npos);
  const std::string dir = TempPath("broken-pack");
  std::filesystem::create_directories(dir);
  WriteFile(dir + "/broken.json",
            R"({"pack": "broken", "rules": [{"id": "b1", "kind": "match", "pattern": "x+",
                "examples": {"match": ["y"], "no_match": ["z"]}}]})");
  const auto failed = RunAnalyzer("rules test --rules " + dir);
  CHECK(failed.status == 1);
  CHECK(failed.out.find("broken.json:1:") != std::string::npos);
  WriteFile(dir + "/broken.json",
            R"({"pack": "broken", "rules": [{"id": "b1", "kind": "match", "pattern": "(?<=a)x",
                "examples": {"match": ["ax"], "no_match": ["z"]}}]})");
  const auto lint = RunAnalyzer("rules lint --rules " + dir);
  CHECK(lint.status == 2);
  CHECK(lint.err.find("broken.json:1:") != std::string::npos);
  CHECK(lint.err.find("look-around") != std::string::npos);
  CHECK(RunAnalyzer("scan samples/bundles/healthy.zip -q --rules " + dir).status == 2);
}

TEST_CASE("--lang fr gives the seed's French remediation") {
  const json report = Scan("network-proxy", "--lang fr");
  REQUIRE(report["findings"].size() == 1);
  CHECK(report["findings"][0]["remediation"].get<std::string>().find("proxy") != std::string::npos);
  CHECK(report["findings"][0]["title"].get<std::string>().find("Le pont") != std::string::npos);
}

TEST_CASE("the sample generator is deterministic and the committed samples are current") {
  const std::string generator = GENERATOR_BIN;
  if (generator.empty()) {
    MESSAGE("sample generator not built: skipped");
    return;
  }
  for (const char* name : {"network-dns", "healthy"}) {
    CAPTURE(name);
    const std::string a = TempPath(std::string(name) + ".gen-a.zip"), b = TempPath(std::string(name) + ".gen-b.zip");
    REQUIRE(RunShell("'" + generator + "' --scenario " + name + " --out " + a).status == 0);
    REQUIRE(RunShell("'" + generator + "' --scenario " + name + " --out " + b).status == 0);
    CHECK(ReadFile(a) == ReadFile(b));
    CHECK(ReadFile(a) == ReadFile(kProject + "/samples/bundles/" + name + ".zip"));
  }
}
