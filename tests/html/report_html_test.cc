#include "report_html.h"

#include <doctest/doctest.h>

#include "report_html_sections.h"
#include "sha256.h"

namespace analyzer {
namespace {

const std::string kPayload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
const std::string kEscapedPayload =
    "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;";

UtcTime At(const char* text) { return ParseUserTime(text); }

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

InventoryItem LogFile(const std::string& source) {
  InventoryItem item;
  item.source = source;
  item.kind = "file";
  item.bytes = 4096;
  item.format = "iso8601";
  item.encoding = "utf-8";
  item.zone = "UTC";
  item.zone_assumed = true;
  item.host = "AzS-XRP01";
  item.component = "UsageBridge";
  item.lines = item.records = 12;
  item.first = At("2026-11-18T07:00:00Z");
  item.last = At("2026-11-18T07:30:00Z");
  return item;
}

InputSummary Input() {
  InputSummary s;
  s.path = "bundle.zip";
  s.sha256 = "00ff";
  s.readable = true;
  s.entries = 3;
  s.records = 24;
  s.first = At("2026-11-18T07:00:00Z");
  s.last = At("2026-11-18T07:30:00Z");
  s.inventory.push_back(LogFile("bundle.zip!/AzureBridge/AzS-XRP01/x.log"));
  s.inventory.push_back(LogFile("bundle.zip!/AzureBridge/AzS-XRP01/" + kPayload + ".log"));
  InventoryItem skipped;
  skipped.source = "bundle.zip!/AzureBridge/AzS-XRP01/\"'><b>.etl";
  skipped.status = EntryStatus::kSkipped;
  skipped.kind = "file";
  skipped.reason = "ETW binary trace (.etl): binary format, not readable as text " + kPayload;
  s.inventory.push_back(skipped);
  s.problems.push_back({"bundle.zip!/AzureBridge/AzS-XRP01/x.log:3", "line cut " + kPayload});
  return s;
}

Finding Incident() {
  Finding f;
  f.rule_id = "NetworkError.dns";
  f.rule_ids = {"NetworkError.dns"};
  f.error_code = "NetworkError";
  f.cause = "dns";
  f.title = "The bridge cannot send usage data to Azure (NetworkError)";
  f.explanation = "The endpoint name does not resolve.";
  f.remediation = "Check the DNS servers used by the XRP VMs.";
  f.first_seen = At("2026-11-18T07:01:18Z");
  f.last_seen = At("2026-11-18T07:05:18Z");
  f.count = 2;
  f.hosts = {"AzS-XRP01", "evil" + kPayload};
  f.components = {"UsageBridge"};
  Episode e{f.first_seen, f.last_seen, 2, f.hosts, false};
  f.episodes.push_back(e);
  Evidence ev;
  ev.source = "bundle.zip!/AzureBridge/AzS-XRP01/" + kPayload + ".log";
  ev.line = 3;
  ev.time = f.first_seen;
  ev.host = "AzS-XRP01";
  ev.role = "occurrence";
  ev.rule_id = f.rule_id;
  ev.text = "2026-11-18T07:01:18Z Error The remote name could not be resolved " + kPayload +
            "\n   at Frame()";
  ev.context = {"2026-11-18T07:01:00Z Warning " + kPayload,
                "2026-11-18T07:01:18Z Error The remote name",
                "2026-11-18T07:09:00Z Information \"'><svg onload=alert(3)>"};
  ev.context_index = 1;
  f.evidence.push_back(ev);
  f.evidence_omitted = 7;
  return f;
}

struct Fixture {
  RuleSet rules;
  std::vector<InputSummary> inputs{Input()};
  Findings findings;
  Fixture() {
    rules.digest = "sha256:0123456789abcdef0123456789abcdef";
    findings.incidents.push_back(Incident());
    Finding note = Incident();
    note.cause = "unreachable";
    note.severity = Severity::kInfo;
    findings.notes.push_back(note);
    findings.verdicts = {{"LoginError", "not_found", ""},
                         {"NetworkError", "found", ""},
                         {"Unauthorized", "not_evaluated",
                          "no logs of the components it needs were read: " + kPayload}};
  }
  std::string Render(const std::string& lang = "en") const {
    return RenderHtmlReport(ReportContext{&rules, &inputs, &findings, lang});
  }
};

std::string Base64(const std::string& hex) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string bytes, out;
  for (size_t i = 0; i < hex.size(); i += 2)
    bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t v = static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size())
      v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    if (i + 2 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[v >> 18 & 63];
    out += kAlphabet[v >> 12 & 63];
    out += i + 1 < bytes.size() ? kAlphabet[v >> 6 & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[v & 63] : '=';
  }
  return out;
}

TEST_CASE("report_html: log text reaches the page only escaped") {
  const std::string html = Fixture().Render();
  CHECK(html.find(kPayload) == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<svg onload") == std::string::npos);
  CHECK(html.find("'><b>") == std::string::npos);
  CHECK(html.find("alert(1)</script>") == std::string::npos);
  CHECK(Count(html, "<script") == 1);  // the page's own
  // In evidence text and context, the inventory source, the skipped reason,
  // the problem, the verdict reason, the hosts (SVG <title> included).
  CHECK(Count(html, kEscapedPayload) >= 8);
  CHECK(html.find("&quot;&#39;&gt;&lt;svg onload=alert(3)&gt;") != std::string::npos);
  CHECK(html.find("&quot;&#39;&gt;&lt;b&gt;.etl") != std::string::npos);
  const size_t svg = html.find("<svg class=\"tl\""), svg_end = html.find("</svg>");
  REQUIRE(svg != std::string::npos);
  CHECK(html.substr(svg, svg_end - svg).find("evil" + kEscapedPayload) != std::string::npos);
}

TEST_CASE("report_html: a strict CSP allows only the page's own script") {
  const std::string html = Fixture().Render();
  const size_t meta = html.find(
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; script-src 'sha256-");
  REQUIRE(meta != std::string::npos);
  CHECK(meta < html.find("<style>"));
  CHECK(html.find("img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'\">") !=
        std::string::npos);
  const size_t open = html.find("<script>") + 8, close = html.find("</script>");
  Sha256 digest;
  digest.Update(html.substr(open, close - open));
  CHECK(html.find("script-src 'sha256-" + Base64(digest.HexDigest()) + "'") != std::string::npos);
}

TEST_CASE("report_html: nothing points outside the page") {
  const std::string html = Fixture().Render();
  CHECK(html.find(" src=\"") == std::string::npos);
  CHECK(html.find("url(http") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  for (size_t at = html.find(" href=\""); at != std::string::npos;
       at = html.find(" href=\"", at + 1)) {
    const std::string target = html.substr(at + 7, 6);
    CAPTURE(target);
    CHECK((target[0] == '#' || target == "data:,"));
  }
}

TEST_CASE("report_html: fixed title, sections in order, anchors from positions") {
  const std::string html = Fixture().Render();
  CHECK(html.find("<title>Azure Stack Hub usage analysis</title>") != std::string::npos);
  CHECK(Count(html, "<title>Azure") == 1);
  const size_t verdicts = html.find("id=\"verdicts\""), timeline = html.find("id=\"timeline\""),
               findings = html.find("id=\"findings\""), notes = html.find("id=\"notes\""),
               inventory = html.find("id=\"inventory\"");
  CHECK(verdicts < timeline);
  CHECK(timeline < findings);
  CHECK(findings < notes);
  CHECK(notes < inventory);
  CHECK(inventory != std::string::npos);
  CHECK(html.find("<article class=\"finding sev-high\" id=\"finding-1\">") != std::string::npos);
  CHECK(html.find("<details class=\"note\" id=\"note-1\">") != std::string::npos);
  CHECK(html.find("<a class=\"mark inc\" href=\"#finding-1\"><title>") != std::string::npos);
  CHECK(html.find("<a class=\"mark note\" href=\"#note-1\"><title>") != std::string::npos);
  CHECK(html.find("<mark class=\"l hit\" data-ln=\"3\">") != std::string::npos);
  CHECK(html.find("verdict not-evaluated") != std::string::npos);
  const std::string body =
      html.substr(html.find("<body>"), html.find("<script>") - html.find("<body>"));
  for (const std::string tag :
       {"section", "article", "details", "svg", "table", "figure", "pre", "dl", "a"})
    CHECK_MESSAGE(Count(body, "<" + tag + " ") + Count(body, "<" + tag + ">") ==
                      Count(body, "</" + tag + ">"),
                  tag);
}

TEST_CASE("report_html: French texts and the same bytes every time") {
  const Fixture fixture;
  const std::string fr = fixture.Render("fr");
  CHECK(fr.find("<html lang=\"fr\">") != std::string::npos);
  CHECK(fr.find("<title>Analyse de l’utilisation Azure Stack Hub</title>") != std::string::npos);
  CHECK(fr.find(">Constats<") != std::string::npos);
  CHECK(fr.find(">Findings<") == std::string::npos);
  CHECK(fixture.Render("fr") == fr);
  CHECK(fixture.Render() == fixture.Render());
}

TEST_CASE("report_html: the inventory is capped, skipped and failed entries first") {
  Fixture fixture;
  InputSummary& s = fixture.inputs[0];
  for (size_t i = 0; i < kMaxInventoryRows + 500; ++i)
    s.inventory.push_back(LogFile("bundle.zip!/many/" + std::to_string(i) + ".log"));
  InventoryItem failed;
  failed.source = "bundle.zip!/last-but-failed.zip";
  failed.status = EntryStatus::kFailed;
  failed.kind = "archive";
  failed.reason = "truncated archive";
  s.inventory.push_back(failed);
  const std::string html = fixture.Render();
  CHECK(Count(html, "<tr data-row data-status=") == kMaxInventoryRows);
  CHECK(html.find("last-but-failed.zip") != std::string::npos);
  CHECK(html.find("truncated archive") != std::string::npos);
  CHECK(html.find("+504 more entries not shown") != std::string::npos);  // 5,504 entries in all
  CHECK(html.size() < 3'000'000);
}

TEST_CASE("report_html: 'nothing found' says so when codes could not be evaluated") {
  Fixture fixture;
  fixture.findings.incidents.clear();
  CHECK(fixture.Render().find(
            "<p class=\"all-clear partial\">No usage error found in the logs read, but") !=
        std::string::npos);
  fixture.findings.verdicts.pop_back();  // the not_evaluated one
  const std::string html = fixture.Render();
  CHECK(html.find("<p class=\"all-clear\">No usage error found in these logs.</p>") !=
        std::string::npos);
  CHECK(html.find("all-clear partial") == std::string::npos);
}

TEST_CASE("report_html: empty context renders a complete page") {
  const std::vector<InputSummary> inputs;
  const Findings findings;
  const std::string html = RenderHtmlReport(ReportContext{nullptr, &inputs, &findings, "en"});
  CHECK(html.find("</html>") != std::string::npos);
  CHECK(html.find("No record with a time was read") != std::string::npos);
  CHECK(RenderHtmlReport(ReportContext{}).find("</html>") != std::string::npos);
}

}  // namespace
}  // namespace analyzer
