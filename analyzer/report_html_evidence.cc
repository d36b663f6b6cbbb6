// Evidence as an engineer reads it in the log: the lines around, the record
// itself marked, and its "!/" source with the line number, ready to copy.
#include "html_escape.h"
#include "report_html_format.h"
#include "report_html_sections.h"
#include "report_html_text.h"

namespace analyzer {
namespace {

void AppendContextLine(const std::string& line, std::string* out) {
  *out += "<span class=\"l\">";
  AppendHtmlEscaped(line, out);
  *out += "</span>";
}

// The record is shown whole (Evidence::text keeps its continuation lines,
// a stack trace for instance) where the context only has its first line.
// Context lines carry no number: records can span several lines, so the
// line numbers around the record are not known.
void AppendRecord(const Evidence& e, std::string* out) {
  *out += "<mark class=\"l hit\" data-ln=\"" + std::to_string(e.line) + "\">";
  AppendHtmlEscaped(e.text, out);
  *out += "</mark>";
}

void AppendLog(const Evidence& e, std::string* out) {
  *out += "<pre class=\"log\">";
  const bool has_context = e.context_index < e.context.size();
  for (size_t i = 0; has_context && i < e.context_index; ++i) AppendContextLine(e.context[i], out);
  AppendRecord(e, out);
  for (size_t i = e.context_index + 1; has_context && i < e.context.size(); ++i)
    AppendContextLine(e.context[i], out);
  *out += "</pre>";
}

}  // namespace

void AppendEvidence(const ReportContext& c, const Evidence& e, std::string* out) {
  const bool cause = e.role == "cause";
  *out += "<figure class=\"ev" + std::string(cause ? " ev-cause" : "") + "\"><figcaption>";
  *out += "<span class=\"role\">" +
          std::string(UiText(cause ? Ui::kRoleCause : Ui::kRoleOccurrence, c.lang)) +
          "</span><code class=\"loc\">";
  AppendHtmlEscaped(e.source, out);
  *out += ":" + std::to_string(e.line) + "</code>" + HtmlTimeTag(e.time) + "<span class=\"host\">" +
          EscapeHtml(e.host) + "</span><span class=\"rule\">" + EscapeHtml(e.rule_id) +
          "</span><button type=\"button\" class=\"copy\" hidden data-done=\"" +
          UiText(Ui::kCopied, c.lang) + "\">" + UiText(Ui::kCopy, c.lang) +
          "</button></figcaption>";
  AppendLog(e, out);
  *out += "</figure>\n";
}

}  // namespace analyzer
