// ReportHtml: the HTML report, one self-contained file an engineer triages
// from: verdict per usage error code with cause, time, hosts and fix first;
// then a timeline (SVG) of the episodes over each host's log coverage; the
// findings with their evidence; the notes; the inventory of every entry.
//
//   ReportContext context{&rules, &inputs, &findings, "fr"};
//   WriteFile("report.html", RenderHtmlReport(context));
//
// The page loads nothing: CSS, script and SVG are inline, and its
// Content-Security-Policy forbids every network access and allows only its
// own script (by hash). Every text that comes from the logs, the bundle or
// the command line is escaped, in attributes and SVG <title>s too; the
// <title> of the page is fixed text. It reads fine with JavaScript off
// (the script only adds copy buttons, a filter and <details> opening), in
// print, and in light or dark mode; its fixed texts are in `context.lang`
// ("en" or "fr"; finding texts arrive already localized).
//
// Deterministic: the same context gives a byte-identical page (no clock, no
// random ids). Size stays bounded for any bundle: evidence is capped by the
// findings, and the inventory lists at most kMaxInventoryRows entries
// (report_html_sections.h), counting the rest.
#pragma once

#include <string>

#include "report_json.h"

namespace analyzer {

// The page as UTF-8 text. `context.rules` may be null (causes are then
// shown by name only); null inputs or findings render as empty.
std::string RenderHtmlReport(const ReportContext& context);

}  // namespace analyzer
