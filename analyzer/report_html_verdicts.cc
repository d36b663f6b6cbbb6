// The first screen: one card per usage error code, then, for each incident,
// the short diagnosis an engineer acts on (cause, when, where, fix).
#include "html_escape.h"
#include "report_html_format.h"
#include "report_html_sections.h"
#include "report_html_text.h"

namespace analyzer {
namespace {

const char* StatusClass(const std::string& status) {
  if (status == "found") return "found";
  if (status == "not_evaluated") return "not-evaluated";
  return "not-found";
}

Ui StatusLabel(const std::string& status) {
  if (status == "found") return Ui::kStatusFound;
  if (status == "not_evaluated") return Ui::kStatusNotEvaluated;
  return Ui::kStatusNotFound;
}

// What a found card says under its status: each cause, linking to its finding.
std::string FoundCauses(const Findings& findings, const std::string& code) {
  std::string out;
  for (size_t i = 0; i < findings.incidents.size(); ++i) {
    const Finding& f = findings.incidents[i];
    if (f.error_code != code) continue;
    out += "<a href=\"#" + FindingAnchor(false, i) + "\">" + EscapeHtml(f.cause) + "</a> ";
  }
  return out;
}

// "Certificate<wbr>Validation<wbr>Error": a narrow card breaks a long code
// between its words rather than mid-word.
std::string CodeWithBreaks(const std::string& code) {
  std::string out;
  const std::string escaped = EscapeHtml(code);
  for (size_t i = 0; i < escaped.size(); ++i) {
    if (i > 0 && escaped[i] >= 'A' && escaped[i] <= 'Z' && escaped[i - 1] >= 'a' &&
        escaped[i - 1] <= 'z')
      out += "<wbr>";
    out.push_back(escaped[i]);
  }
  return out;
}

void AppendCard(const ReportContext& c, const Verdict& v, std::string* out) {
  const std::string& lang = c.lang;
  *out += "<li class=\"verdict " + std::string(StatusClass(v.status)) + "\"><span class=\"code\">" +
          CodeWithBreaks(v.error_code) + "</span><span class=\"status\">" +
          UiText(StatusLabel(v.status), lang) + "</span><span class=\"detail\">";
  if (v.status == "found")
    *out += FoundCauses(ContextFindings(c), v.error_code);
  else if (v.status == "not_evaluated")
    *out += EscapeHtml(v.reason);
  else
    *out += UiText(Ui::kNotFoundDetail, lang);
  *out += "</span></li>\n";
}

void AppendDiagnosis(const ReportContext& c, const Finding& f, size_t index, std::string* out) {
  const std::string& lang = c.lang;
  const std::string cause_text = CauseText(c, f.error_code, f.cause);
  *out += "<article class=\"diagnosis sev-" + std::string(SeverityName(f.severity)) +
          "\"><h3><span class=\"code\">" + EscapeHtml(f.error_code) +
          "</span> <span class=\"cause\">" + EscapeHtml(f.cause) + "</span></h3>\n";
  *out += "<p class=\"cause-text\"><b>" + std::string(UiText(Ui::kCause, lang)) + "</b> " +
          EscapeHtml(cause_text.empty() ? f.title : cause_text) + "</p>\n<dl class=\"facts\">";
  AppendFact(UiText(Ui::kFirstSeen, lang), HtmlTimeTag(f.first_seen), out);
  AppendFact(UiText(Ui::kLastSeen, lang), HtmlTimeTag(f.last_seen) + OngoingTag(f, lang), out);
  AppendFact(UiText(Ui::kDuration, lang),
             DisplayDuration(f.last_seen.ticks - f.first_seen.ticks, lang), out);
  AppendFact(UiText(Ui::kHosts, lang), JoinEscaped(f.hosts), out);
  AppendFact(UiText(Ui::kOccurrences, lang), DisplayCount(f.count, lang), out);
  *out += "</dl>\n<div class=\"fix\"><b>" + std::string(UiText(Ui::kFix, lang)) + "</b><p>" +
          EscapeHtml(f.remediation) + "</p></div>\n<a class=\"more\" href=\"#" +
          FindingAnchor(false, index) + "\">" + UiText(Ui::kSeeEvidence, lang) +
          " →</a></article>\n";
}

}  // namespace

void AppendVerdicts(const ReportContext& c, std::string* out) {
  const Findings& findings = ContextFindings(c);
  *out += "<section id=\"verdicts\" aria-labelledby=\"verdicts-h\"><h2 id=\"verdicts-h\">" +
          std::string(UiText(Ui::kVerdictsHeading, c.lang)) + "</h2>\n<ul class=\"verdicts\">\n";
  for (const Verdict& v : findings.verdicts) AppendCard(c, v, out);
  *out += "</ul>\n";
  if (findings.incidents.empty())
    AppendAllClear(c, out);
  else
    *out += "<h2 class=\"sub\">" + std::string(UiText(Ui::kDiagnosisHeading, c.lang)) + "</h2>\n";
  for (size_t i = 0; i < findings.incidents.size(); ++i)
    AppendDiagnosis(c, findings.incidents[i], i, out);
  if (findings.untimed_hits > 0)
    *out += "<p class=\"remark\">" + std::string(UiText(Ui::kUntimedHits, c.lang)) + ": " +
            DisplayCount(findings.untimed_hits, c.lang) + "</p>\n";
  *out += "</section>\n";
}

}  // namespace analyzer
