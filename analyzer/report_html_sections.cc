#include "report_html_sections.h"

#include "html_escape.h"
#include "report_html_text.h"

namespace analyzer {

std::string FindingAnchor(bool note, size_t index) {
  return (note ? "note-" : "finding-") + std::to_string(index + 1);
}

const std::vector<InputSummary>& ContextInputs(const ReportContext& context) {
  static const std::vector<InputSummary> kNone;
  return context.inputs != nullptr ? *context.inputs : kNone;
}

const Findings& ContextFindings(const ReportContext& context) {
  static const Findings kNone;
  return context.findings != nullptr ? *context.findings : kNone;
}

std::string CauseText(const ReportContext& context, const std::string& error_code,
                      const std::string& cause) {
  if (context.rules == nullptr) return "";
  const auto code = context.rules->codes.find(error_code);
  if (code == context.rules->codes.end()) return "";
  const auto text = code->second->cause_explanation.find(cause);
  return text == code->second->cause_explanation.end() ? "" : text->second.In(context.lang);
}

std::string JoinEscaped(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + EscapeHtml(items[i]);
  return out;
}

std::string OngoingTag(const Finding& f, const std::string& lang) {
  for (const Episode& e : f.episodes)
    if (e.ongoing)
      return " <span class=\"ongoing\">" + std::string(UiText(Ui::kOngoing, lang)) + "</span>";
  return "";
}

void AppendFact(const char* label, const std::string& value_html, std::string* out) {
  *out += "<div><dt>" + std::string(label) + "</dt><dd>" + value_html + "</dd></div>";
}

void AppendAllClear(const ReportContext& c, std::string* out) {
  bool partial = false;
  for (const Verdict& v : ContextFindings(c).verdicts) partial |= v.status == "not_evaluated";
  *out += partial ? "<p class=\"all-clear partial\">" +
                        std::string(UiText(Ui::kNoIncidentPartial, c.lang))
                  : "<p class=\"all-clear\">" + std::string(UiText(Ui::kNoIncident, c.lang));
  *out += "</p>\n";
}

}  // namespace analyzer
