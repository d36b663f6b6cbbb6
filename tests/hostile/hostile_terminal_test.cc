// Terminal and HTML safety: escape sequences in log lines, member names,
// input paths and rule file names never reach stdout or stderr raw, and
// markup in them never reaches the HTML report unescaped.
#include <doctest/doctest.h>

#include "hostile_support.h"

namespace hostile {
namespace {

// ESC and BEL start every dangerous sequence (CSI, OSC); C1 CSI (U+009B)
// is one too on some terminals. JSON on stdout (records, scan --json -) is
// no exception: a string may legally hold U+009B raw, but we write it
// \u009b, as every C0 and C1 control.
bool HasRawControls(std::string_view s) {
  return s.find('\x1b') != std::string::npos || s.find('\x07') != std::string::npos ||
         s.find("\xc2\x9b") != std::string::npos;
}

void CheckNoRawControls(const Outcome& o, const char* what) {
  INFO(what << ": " << Describe(o));
  CheckSane(o);
  CHECK_FALSE(HasRawControls(o.out));
  CHECK_FALSE(HasRawControls(o.err));
}

// JSON that carried kEvil: every control as a \u escape, the text intact.
void CheckEscapedJson(std::string_view json, const char* what) {
  INFO(what);
  CHECK_FALSE(HasRawControls(json));
  CHECK(json.find(R"(\u001b[31mRED\u001b]0;pwned title\u0007\u009b2J)") != std::string::npos);
}

const char* kEvil = "\x1b[31mRED\x1b]0;pwned title\x07\xc2\x9b" "2J";

std::string EvilBundle(const Sandbox& box) {
  std::string log = BridgeLog();
  log.insert(log.find("Usage upload"), kEvil);
  const std::string corrupt = "PK\x03\x04 broken";
  return box.Write("\x1b[1mbundle\x1b[0m.zip",
                   Archive(Format::kZip)
                       .File(kBridgePath, log)
                       .File(std::string("AzureBridge/AzS-XRP01/") + kEvil + ".log", BridgeLog())
                       .File(std::string("AzureBridge/") + kEvil + ".zip", corrupt)
                       .File(std::string("AzureBridge/") + kEvil + ".etl", "binary")
                       .Build());
}

TEST_CASE("terminal: escape sequences in lines, member names and paths are never printed raw") {
  Sandbox box;
  const std::string zip = EvilBundle(box);
  const Outcome scan = box.Scan({zip});
  CheckNoRawControls(scan, "scan");
  CHECK(scan.status == 0);
  CHECK(HasDnsFinding(scan.report));
  CheckEscapedJson(scan.json, "scan --json FILE");
  const Outcome to_stdout = box.Run({"scan", zip, "--json", "-"});
  CheckNoRawControls(to_stdout, "scan --json -");
  CheckEscapedJson(to_stdout.out, "scan --json -");
  const Outcome records = box.Run({"records", zip});
  CheckNoRawControls(records, "records");
  CheckEscapedJson(records.out, "records");
  const Outcome inventory = box.Run({"records", zip, "--inventory"});
  CheckNoRawControls(inventory, "records --inventory");
  CheckEscapedJson(inventory.out, "records --inventory");
  CheckNoRawControls(box.Run({"scan", zip, "--from", kEvil}), "scan --from <evil>");
  CheckNoRawControls(box.Run({"scan", zip, "--assume-tz", kEvil}), "scan --assume-tz <evil>");
  CheckNoRawControls(box.Run({"scan", zip, "--episode-gap", kEvil}), "scan --episode-gap <evil>");
  CheckNoRawControls(box.Run({"scan", box.Path(std::string(kEvil) + ".zip")}), "scan <missing evil path>");
}

TEST_CASE("terminal: batch and merge never print escape sequences from paths, names or flags") {
  Sandbox box;
  const std::string zip = EvilBundle(box);
  const std::string missing = box.Path(std::string(kEvil) + ".zip");
  const std::string failed = "b/__31mRED__0_pwned_title___2J";  // the bundle's name, made safe
  const Outcome batch = box.Run({"batch", missing, "--out", box.OutPath("b")},
                                {"b", "b/summary.json", "b/index.html", failed + ".json", failed + ".html"});
  CheckNoRawControls(batch, "batch <missing evil path>");
  CHECK(batch.status == 3);
  CheckNoRawControls(box.Run({"batch", zip, "--out", box.OutPath("b"), "--episode-gap", kEvil}),
                     "batch --episode-gap <evil>");
  CheckNoRawControls(box.Run({"batch", zip, "--out", zip + "/" + kEvil}), "batch --out <under a file>");
  CheckNoRawControls(box.Run({"batch", zip, "--out", box.OutPath("b"), "--shard", kEvil}),
                     "batch --shard <evil>");
  CheckNoRawControls(box.Run({"merge", missing, "--out", box.OutPath("m")}), "merge <missing evil dir>");
  CheckNoRawControls(box.Run({"merge", box.Path(""), "--out", box.OutPath("m"), "--fail-on", kEvil}),
                     "merge --fail-on <evil>");
}

// summary.json carries evidence lines: no raw control there either
// (nlohmann's dump escapes C0 only), nor in SARIF.
TEST_CASE("terminal: the batch's JSON outputs escape C1 controls too") {
  Sandbox box;
  const std::string zip = EvilBundle(box);
  Outcome o = box.Run({"batch", zip, "--out", box.OutPath("b"), "--sarif", box.OutPath("r.sarif"), "-q"},
                      {"b", "b/summary.json", "b/index.html", "b/__1mbundle__0m.json",
                       "b/__1mbundle__0m.html", "r.sarif"});
  CheckNoRawControls(o, "batch --sarif");
  CHECK(o.status == 0);
  CheckEscapedJson(o.files["b/__1mbundle__0m.json"], "batch: the bundle's report");
  CheckEscapedJson(o.files["b/summary.json"], "batch: summary.json");
  CHECK_FALSE(HasRawControls(o.files["r.sarif"]));
}

TEST_CASE("terminal: rule and format files whose names or texts hold escape sequences") {
  Sandbox box;
  box.Write(kBridgePath, BridgeLog());
  box.Write(std::string("rules/") + kEvil + ".json", "{ \"pack\": \"x\", \"rules\": [ {\"id\": \"\\u001b[31m\"} ] }\n");
  box.Write(std::string("rules/formats/") + kEvil + ".json", "{ broken \x1b[31m\n");
  const Outcome lint = box.Run({"rules", "lint", "--rules", box.Path("rules")});
  CheckNoRawControls(lint, "rules lint");
  CHECK(lint.status == 2);
  const Outcome scan = box.Run({"scan", box.Path("AzureBridge"), "--rules", box.Path("rules")});
  CheckNoRawControls(scan, "scan --rules");
  CHECK(scan.status == 2);
}

TEST_CASE("terminal: a valid rule pack whose pattern holds an escape sequence is listed escaped") {
  Sandbox box;
  box.Write("rules/evil.json",
            "{\"pack\": \"evil\", \"rules\": [{\"id\": \"x.evil\", \"kind\": \"match\","
            " \"pattern\": \"boom\\u001b\\\\[31m refused\","
            " \"examples\": {\"match\": [\"boom\\u001b[31m refused\"], \"no_match\": [\"nothing\"]}}]}\n");
  const Outcome needles = box.Run({"rules", "needles", "--rules", box.Path("rules")});
  CHECK(needles.status == 0);
  CHECK(needles.out.find("boom\\x1b[31m refused") != std::string::npos);
  CheckNoRawControls(needles, "rules needles");
  const Outcome list = box.Run({"rules", "list", "--rules", box.Path("rules")});
  CHECK(list.status == 0);
  CheckNoRawControls(list, "rules list");
}

TEST_CASE("html: markup in log lines and member names is escaped") {
  Sandbox box;
  std::string log = BridgeLog();
  log.insert(log.find("Usage upload"), "<script>alert(1)</script><img src=x onerror=alert(2)>");
  const std::string zip = box.Write("html.zip", Archive(Format::kZip)
                                                    .File(kBridgePath, log)
                                                    .File("AzureBridge/AzS-XRP01/<script>alert(3)<", "x\n")
                                                    .File("AzureBridge/\"><script>alert(4)<.zip", "broken")
                                                    .Build());
  const Outcome o = box.Run({"scan", zip, "--html", box.OutPath("r.html"), "--json", box.OutPath("r.json")},
                            {"r.html", "r.json"});
  INFO(Describe(o));
  CheckSane(o);
  CHECK(o.status == 0);
  CHECK(HasDnsFinding(o.report));
  REQUIRE_FALSE(o.html.empty());
  for (const char* raw : {"<script>alert", "<img src=x", "\"><script>"}) {
    INFO(raw);
    CHECK(o.html.find(raw) == std::string::npos);
  }
  CHECK(o.html.find("&lt;script&gt;alert(1)") != std::string::npos);
}

}  // namespace
}  // namespace hostile
