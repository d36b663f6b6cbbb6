// Terminal and HTML safety: escape sequences in log lines, member names,
// input paths and rule file names never reach stdout or stderr raw, and
// markup in them never reaches the HTML report unescaped.
#include <doctest/doctest.h>

#include "hostile_support.h"

namespace hostile {
namespace {

// ESC and BEL start every dangerous sequence (CSI, OSC); C1 CSI (U+009B)
// is one too on some terminals. `json_stdout`: stdout is JSON, where U+009B
// is a legal character of a string (ESC and BEL are still escaped).
void CheckNoRawControls(const Outcome& o, const char* what, bool json_stdout = false) {
  INFO(what << ": " << Describe(o));
  CheckSane(o);
  for (const std::string* stream : {&o.out, &o.err}) {
    CHECK(stream->find('\x1b') == std::string::npos);
    CHECK(stream->find('\x07') == std::string::npos);
    if (stream == &o.err || !json_stdout) CHECK(stream->find("\xc2\x9b") == std::string::npos);
  }
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
  CheckNoRawControls(box.Run({"scan", zip, "--json", "-"}), "scan --json -", true);
  CheckNoRawControls(box.Run({"records", zip}), "records", true);
  CheckNoRawControls(box.Run({"records", zip, "--inventory"}), "records --inventory", true);
  CheckNoRawControls(box.Run({"scan", zip, "--from", kEvil}), "scan --from <evil>");
  CheckNoRawControls(box.Run({"scan", zip, "--assume-tz", kEvil}), "scan --assume-tz <evil>");
  CheckNoRawControls(box.Run({"scan", zip, "--episode-gap", kEvil}), "scan --episode-gap <evil>");
  CheckNoRawControls(box.Run({"scan", box.Path(std::string(kEvil) + ".zip")}), "scan <missing evil path>");
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
