// HtmlSections: the parts of the HTML report, for report_html*.cc only.
// RenderHtmlReport() (report_html.h) puts them in order: verdicts, timeline,
// findings, notes, inventory. Each appends one <section> to *out and escapes
// every text that comes from the logs or the command line.
#pragma once

#include <string>
#include <vector>

#include "report_json.h"

namespace analyzer {

// Caps that keep the page small however big the bundle is.
constexpr size_t kMaxInventoryRows = 5000;  // entries listed, over all inputs
constexpr size_t kMaxProblemRows = 1000;    // problems listed per input
constexpr size_t kMaxEpisodeRows = 200;     // episodes listed per finding
constexpr size_t kMaxTimelineLanes = 40;
constexpr size_t kMaxTimelineMarks = 2000;

// The id a finding's <article> carries: "finding-1" for incidents[0],
// "note-1" for notes[0]. Built from positions only, never from log text.
std::string FindingAnchor(bool note, size_t index);

// The context's inputs and findings, or empty ones when they are null.
const std::vector<InputSummary>& ContextInputs(const ReportContext& context);
const Findings& ContextFindings(const ReportContext& context);

// The cause's own explanation from the rule packs ("The endpoint name does
// not resolve."), or "" when the packs do not describe it.
std::string CauseText(const ReportContext& context, const std::string& error_code,
                      const std::string& cause);

// Shared pieces of markup.
std::string JoinEscaped(const std::vector<std::string>& items);  // "a, b", escaped
// " <span class=ongoing>…</span>" when an episode of `f` is still failing at
// the end of the data, else "".
std::string OngoingTag(const Finding& f, const std::string& lang);
// <div><dt>label</dt><dd>value</dd></div>; `label` is catalog text,
// `value_html` must already be escaped.
void AppendFact(const char* label, const std::string& value_html, std::string* out);
// The "no usage error found" banner; amber, and saying so, when some codes
// could not be evaluated, since then "nothing found" proves less.
void AppendAllClear(const ReportContext& context, std::string* out);

void AppendVerdicts(const ReportContext& context, std::string* out);
void AppendTimeline(const ReportContext& context, std::string* out);
void AppendFindings(const ReportContext& context, std::string* out);
void AppendNotes(const ReportContext& context, std::string* out);
void AppendInventory(const ReportContext& context, std::string* out);

// One finding's details (facts, explanation, fix, episodes, evidence),
// shared by the findings and the notes sections.
void AppendFindingBody(const ReportContext& context, const Finding& finding, std::string* out);

// One evidence line as a <figure>: where it comes from, then its context
// lines with the matched record (all its lines) highlighted.
void AppendEvidence(const ReportContext& context, const Evidence& evidence, std::string* out);

}  // namespace analyzer
