// BatchIndexHtml: DIR/index.html, the page a person opens first after a
// batch: one row per bundle (sorted by name, linked to its own HTML report),
// one column per usage error code, each cell saying whether the code was
// found there (cause, severity, first and last seen, hosts), not found, or
// not evaluated; failed bundles say why.
//
// Self-contained like the per-bundle report: inline CSS, no script at all,
// and a Content-Security-Policy that forbids every network access. Every
// text from the summary (paths, names, hosts, messages) is escaped
// (html_escape.h); links are relative, percent-encoded file names. Fixed
// texts in summary.lang ("en" or "fr"). Deterministic: the same summary
// gives a byte-identical page.
#pragma once

#include <string>

#include "batch_summary.h"

namespace analyzer {

std::string RenderBatchIndex(const BatchSummary& summary);

}  // namespace analyzer
