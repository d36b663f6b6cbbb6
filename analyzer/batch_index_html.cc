#include "batch_index_html.h"

#include <cctype>
#include <cstdio>

#include "html_escape.h"

namespace analyzer {
namespace {

enum class Text {
  kTitle,
  kBundle,
  kStatus,
  kOk,
  kFailed,
  kTimeRange,
  kNotFound,
  kNotEvaluated,
  kBundles,
  kRead,
  kWithErrors,
  kRules,
  kNoReport,
  kRecovered,
  kRecords,
  kHosts
};

std::string T(Text t, const std::string& lang) {
  const bool fr = lang == "fr";
  switch (t) {
    case Text::kTitle:
      return fr ? "Erreurs d'envoi d'usage par bundle" : "Usage errors by bundle";
    case Text::kBundle:
      return "Bundle";
    case Text::kStatus:
      return fr ? "État" : "Status";
    case Text::kOk:
      return fr ? "lu" : "read";
    case Text::kFailed:
      return fr ? "échec" : "failed";
    case Text::kTimeRange:
      return fr ? "Période des journaux" : "Log time range";
    case Text::kNotFound:
      return fr ? "absent" : "not found";
    case Text::kNotEvaluated:
      return fr ? "non évalué" : "not evaluated";
    case Text::kBundles:
      return "bundles";
    case Text::kRead:
      return fr ? "lus" : "read";
    case Text::kWithErrors:
      return fr ? "avec erreurs d'usage" : "with usage errors";
    case Text::kRules:
      return fr ? "règles" : "rules";
    case Text::kNoReport:
      return fr ? "pas de rapport" : "no report";
    case Text::kRecovered:
      return fr ? "rétabli" : "recovered";
    case Text::kRecords:
      return fr ? "enregistrements" : "records";
    case Text::kHosts:
      return fr ? "VM" : "VMs";
  }
  return "";
}

constexpr const char* kStyle =
    ":root{color-scheme:light "
    "dark;--bg:#f4f6f8;--panel:#fff;--fg:#1c2430;--muted:#5b6574;--border:#d8dde4;"
    "--accent:#0a5bb5;--red:#c62828;--red-bg:#fdeceb;--green:#2e7d32;--amber-bg:#fff3df;--grey-bg:#"
    "eef1f4}"
    "@media "
    "(prefers-color-scheme:dark){:root{--bg:#12161b;--panel:#1b2028;--fg:#e4e8ee;--muted:#9ba5b3;"
    "--border:#333b47;--accent:#6db3ff;--red:#ef5350;--red-bg:#3a1e20;--green:#66bb6a;--amber-bg:#"
    "33291a;"
    "--grey-bg:#252b34}}"
    "html{background:var(--bg);color:var(--fg)}body{margin:0 auto;max-width:1400px;padding:16px "
    "24px;"
    "font:14px/1.45 system-ui,-apple-system,\"Segoe "
    "UI\",Roboto,Arial,sans-serif}a{color:var(--accent)}"
    "h1{font-size:20px;margin:0 0 6px}p.meta{color:var(--muted);margin:0 0 14px}"
    "table{border-collapse:collapse;background:var(--panel);width:100%}"
    "th,td{border:1px solid var(--border);padding:6px 8px;text-align:left;vertical-align:top}"
    "thead th{position:sticky;top:0;background:var(--panel)}"
    "td.found{background:var(--red-bg)}td.found b{color:var(--red)}td.ne{background:var(--grey-bg);"
    "color:var(--muted)}td.nf{color:var(--green)}td.failed{background:var(--amber-bg)}"
    ".path,.small{color:var(--muted);font-size:12px;overflow-wrap:anywhere}code{font-size:12px}"
    "time{font-size:12px;white-space:nowrap}"
    "ul{margin:0;padding-left:16px}";

constexpr const char* kPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; "
    "form-action 'none'; base-uri 'none'";

std::string E(const std::string& s) { return EscapeHtml(s); }

// A relative link to a file of the output directory: percent-encoded, so
// no name can become a scheme ("javascript:") or leave the directory.
std::string Href(const std::string& file) {
  std::string out;
  for (unsigned char c : file) {
    if (c < 0x80 && (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')) {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string Hosts(const std::vector<std::string>& hosts) {
  std::string out;
  for (size_t i = 0; i < hosts.size(); ++i) out += (i ? ", " : "") + E(hosts[i]);
  return out;
}

// "2026-11-18 07:11:49Z" in a <time> that keeps the exact instant.
std::string Time(const std::string& rfc3339) {
  if (rfc3339.size() < 19) return "?";
  std::string shown = rfc3339.substr(0, 19) + "Z";
  shown[10] = ' ';
  return "<time datetime=\"" + E(rfc3339) + "\">" + E(shown) + "</time>";
}

std::string Span(const std::string& first, const std::string& last) {
  return Time(first) + " &rarr; " + Time(last);
}

std::string FindingItem(const SummaryFinding& f, bool note, const std::string& lang) {
  return "<li><b>" + E(f.cause) + "</b> (" + E(SeverityName(f.severity)) +
         (note ? ", " + T(Text::kRecovered, lang) : "") + ")<br>" +
         Span(f.first_seen, f.last_seen) + "<br><span class=\"small\">" + Hosts(f.hosts) +
         " &middot; " + std::to_string(f.count) + "&times;</span></li>";
}

std::string Cell(const BundleSummary& b, const std::string& code, const std::string& lang) {
  std::string items;
  for (const SummaryFinding& f : b.findings)
    if (f.error_code == code) items += FindingItem(f, false, lang);
  if (!items.empty()) return "<td class=\"found\"><ul>" + items + "</ul></td>";
  for (const Verdict& v : b.verdicts)
    if (v.error_code == code && v.status == "not_evaluated")
      return "<td class=\"ne\" title=\"" + E(v.reason) + "\">" + T(Text::kNotEvaluated, lang) +
             "</td>";
  for (const SummaryFinding& f : b.notes)
    if (f.error_code == code) items += FindingItem(f, true, lang);
  return "<td class=\"nf\">" + T(Text::kNotFound, lang) +
         (items.empty() ? "" : "<ul>" + items + "</ul>") + "</td>";
}

std::string Row(const BundleSummary& b, const BatchSummary& s) {
  const std::string& lang = s.lang;
  std::string name = E(b.name);
  if (!b.html_report.empty()) name = "<a href=\"" + Href(b.html_report) + "\">" + name + "</a>";
  std::string row = "<tr id=\"b-" + Href(b.name) + "\"><th scope=\"row\">" + name +
                    "<div class=\"path\">" + E(b.path) + "</div></th>";
  if (!b.ok) {
    return row + "<td class=\"failed\">" + T(Text::kFailed, lang) +
           "</td><td class=\"failed\" colspan=\"" + std::to_string(s.error_codes.size() + 1) +
           "\">" + E(b.error) +
           (b.html_report.empty()
                ? " <span class=\"small\">(" + T(Text::kNoReport, lang) + ")</span>"
                : "") +
           "</td></tr>\n";
  }
  row += "<td>" + T(Text::kOk, lang) + "<div class=\"small\">" + std::to_string(b.records) + " " +
         T(Text::kRecords, lang) + "</div></td>";
  for (const std::string& code : s.error_codes) row += Cell(b, code, lang);
  return row + "<td>" + Span(b.first, b.last) + "<div class=\"small\" title=\"" + Hosts(b.hosts) +
         "\">" + std::to_string(b.hosts.size()) + " " + T(Text::kHosts, lang) +
         "</div></td></tr>\n";
}

std::string Meta(const BatchSummary& s) {
  size_t ok = 0, with_errors = 0;
  for (const BundleSummary& b : s.bundles) ok += b.ok, with_errors += !b.findings.empty();
  return "<p class=\"meta\">" + std::to_string(s.bundles.size()) + " " + T(Text::kBundles, s.lang) +
         ": " + std::to_string(ok) + " " + T(Text::kRead, s.lang) + ", " +
         std::to_string(s.bundles.size() - ok) + " " + T(Text::kFailed, s.lang) + ", " +
         std::to_string(with_errors) + " " + T(Text::kWithErrors, s.lang) + ". analyzer " +
         E(s.tool_version) + ", " + T(Text::kRules, s.lang) + " <code>" + E(s.rules_digest) +
         "</code></p>\n";
}

}  // namespace

std::string RenderBatchIndex(const BatchSummary& s) {
  const std::string lang = s.lang == "fr" ? "fr" : "en";
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + lang +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"" +
                    std::string(kPolicy) +
                    "\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"referrer\" "
                    "content=\"no-referrer\">\n"
                    "<meta name=\"generator\" content=\"analyzer " +
                    E(s.tool_version) +
                    "\">\n<link rel=\"icon\" href=\"data:,\">\n"
                    "<title>" +
                    T(Text::kTitle, lang) + "</title>\n<style>" + kStyle +
                    "</style>\n</head>\n<body>\n<h1>" + T(Text::kTitle, lang) + "</h1>\n" + Meta(s);
  out += "<table>\n<thead><tr><th scope=\"col\">" + T(Text::kBundle, lang) +
         "</th><th scope=\"col\">" + T(Text::kStatus, lang) + "</th>";
  for (const std::string& code : s.error_codes) out += "<th scope=\"col\">" + E(code) + "</th>";
  out += "<th scope=\"col\">" + T(Text::kTimeRange, lang) + "</th></tr></thead>\n<tbody>\n";
  for (const BundleSummary& b : s.bundles) out += Row(b, s);
  return out + "</tbody>\n</table>\n</body>\n</html>\n";
}

}  // namespace analyzer
