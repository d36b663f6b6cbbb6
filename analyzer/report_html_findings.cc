// Findings and notes: everything known about each one, evidence included.
// Notes (recovered blips) reuse the same body inside a closed <details>,
// so they stay low-key but complete.
#include "html_escape.h"
#include "report_html_format.h"
#include "report_html_sections.h"
#include "report_html_text.h"

namespace analyzer {
namespace {

void AppendFacts(const ReportContext& c, const Finding& f, std::string* out) {
  const std::string& lang = c.lang;
  *out += "<dl class=\"facts\">";
  AppendFact(UiText(Ui::kSeverity, lang),
             "<span class=\"sev-word\">" + std::string(SeverityText(f.severity, lang)) + "</span>",
             out);
  AppendFact(UiText(Ui::kFirstSeen, lang), HtmlTimeTag(f.first_seen), out);
  AppendFact(UiText(Ui::kLastSeen, lang), HtmlTimeTag(f.last_seen) + OngoingTag(f, lang), out);
  AppendFact(UiText(Ui::kOccurrences, lang), DisplayCount(f.count, lang), out);
  AppendFact(UiText(Ui::kEpisodes, lang), DisplayCount(f.episodes.size(), lang), out);
  AppendFact(UiText(Ui::kHosts, lang), JoinEscaped(f.hosts), out);
  AppendFact(UiText(Ui::kComponents, lang), JoinEscaped(f.components), out);
  AppendFact(UiText(Ui::kRules, lang), "<code>" + JoinEscaped(f.rule_ids) + "</code>", out);
  *out += "</dl>\n";
}

void AppendEpisodeRow(const ReportContext& c, const Episode& e, size_t index, std::string* out) {
  *out += "<tr><td class=\"num\">" + std::to_string(index + 1) + "</td><td>" +
          HtmlTimeTag(e.start) + "</td><td>" + HtmlTimeTag(e.end) +
          (e.ongoing
               ? " <span class=\"ongoing\">" + std::string(UiText(Ui::kOngoing, c.lang)) + "</span>"
               : "") +
          "</td><td class=\"num\">" + DisplayDuration(e.end.ticks - e.start.ticks, c.lang) +
          "</td><td class=\"num\">" + DisplayCount(e.count, c.lang) + "</td><td>" +
          JoinEscaped(e.hosts) + "</td></tr>\n";
}

void AppendEpisodes(const ReportContext& c, const Finding& f, std::string* out) {
  const std::string& lang = c.lang;
  *out += "<h4>" + std::string(UiText(Ui::kEpisodes, lang)) +
          "</h4>\n<table class=\"data compact\"><thead><tr>"
          "<th class=\"num\">#</th><th>" +
          UiText(Ui::kEpisodeStart, lang) + "</th><th>" + UiText(Ui::kEpisodeEnd, lang) +
          "</th><th class=\"num\">" + UiText(Ui::kDuration, lang) + "</th><th class=\"num\">" +
          UiText(Ui::kOccurrences, lang) + "</th><th>" + UiText(Ui::kHosts, lang) +
          "</th></tr></thead><tbody>\n";
  for (size_t i = 0; i < f.episodes.size() && i < kMaxEpisodeRows; ++i)
    AppendEpisodeRow(c, f.episodes[i], i, out);
  *out += "</tbody></table>\n";
  if (f.episodes.size() > kMaxEpisodeRows)
    *out += "<p class=\"omitted\">+" + DisplayCount(f.episodes.size() - kMaxEpisodeRows, lang) +
            " " + UiText(Ui::kEpisodesOmitted, lang) + "</p>\n";
}

void AppendEvidenceList(const ReportContext& c, const Finding& f, std::string* out) {
  *out += "<h4>" + std::string(UiText(Ui::kEvidence, c.lang)) + "</h4>\n";
  for (const Evidence& e : f.evidence) AppendEvidence(c, e, out);
  if (f.evidence_omitted > 0)
    *out += "<p class=\"omitted\">+" + DisplayCount(f.evidence_omitted, c.lang) + " " +
            UiText(Ui::kEvidenceOmitted, c.lang) + "</p>\n";
}

void AppendIncident(const ReportContext& c, const Finding& f, size_t index, std::string* out) {
  *out += "<article class=\"finding sev-" + std::string(SeverityName(f.severity)) + "\" id=\"" +
          FindingAnchor(false, index) + "\"><header><span class=\"badge\">" +
          SeverityText(f.severity, c.lang) + "</span><h3>" + EscapeHtml(f.title) +
          "</h3><span class=\"code\">" + EscapeHtml(f.error_code) + " · " + EscapeHtml(f.cause) +
          "</span></header>\n";
  AppendFindingBody(c, f, out);
  *out += "</article>\n";
}

void AppendNote(const ReportContext& c, const Finding& f, size_t index, std::string* out) {
  *out += "<details class=\"note\" id=\"" + FindingAnchor(true, index) +
          "\"><summary><span class=\"code\">" + EscapeHtml(f.error_code) + " · " +
          EscapeHtml(f.cause) + "</span> " + HtmlTimeTag(f.first_seen) + " · " +
          JoinEscaped(f.hosts) + " · " + UiText(Ui::kOccurrences, c.lang) + " " +
          DisplayCount(f.count, c.lang) + "</summary>\n<h3>" + EscapeHtml(f.title) + "</h3>\n";
  AppendFindingBody(c, f, out);
  *out += "</details>\n";
}

}  // namespace

void AppendFindingBody(const ReportContext& c, const Finding& f, std::string* out) {
  AppendFacts(c, f, out);
  *out += "<h4>" + std::string(UiText(Ui::kExplanation, c.lang)) + "</h4>\n<p>" +
          EscapeHtml(f.explanation) + "</p>\n<div class=\"fix\"><b>" + UiText(Ui::kFix, c.lang) +
          "</b><p>" + EscapeHtml(f.remediation) + "</p></div>\n";
  AppendEpisodes(c, f, out);
  AppendEvidenceList(c, f, out);
}

void AppendFindings(const ReportContext& c, std::string* out) {
  const Findings& findings = ContextFindings(c);
  *out += "<section id=\"findings\" aria-labelledby=\"findings-h\"><h2 id=\"findings-h\">" +
          std::string(UiText(Ui::kFindingsHeading, c.lang)) + "</h2>\n";
  if (findings.incidents.empty()) AppendAllClear(c, out);
  for (size_t i = 0; i < findings.incidents.size(); ++i)
    AppendIncident(c, findings.incidents[i], i, out);
  *out += "</section>\n";
}

void AppendNotes(const ReportContext& c, std::string* out) {
  const Findings& findings = ContextFindings(c);
  *out += "<section id=\"notes\" class=\"notes\" aria-labelledby=\"notes-h\"><h2 id=\"notes-h\">" +
          std::string(UiText(Ui::kNotesHeading, c.lang)) + "</h2>\n<p class=\"intro\">" +
          UiText(Ui::kNotesIntro, c.lang) + "</p>\n";
  if (findings.notes.empty())
    *out += "<p class=\"muted\">" + std::string(UiText(Ui::kNoNotes, c.lang)) + "</p>\n";
  for (size_t i = 0; i < findings.notes.size(); ++i) AppendNote(c, findings.notes[i], i, out);
  *out += "</section>\n";
}

}  // namespace analyzer
