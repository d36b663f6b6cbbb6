// Sarif: a batch's roll-up as SARIF 2.1.0, the static-analysis results
// format code-scanning services (GitHub, Azure DevOps) ingest. One run:
//   tool.driver      name, version, and one rule per reporting rule of the
//                    packs: id = rule id, shortDescription = the error
//                    code's title, fullDescription = the rule's description,
//                    help.text = its remediation, defaultConfiguration.level.
//   results          one per finding (incident) of every bundle, sorted by
//                    bundle then as in the report: ruleId/ruleIndex, level
//                    (critical, high -> error; medium -> warning; low, info
//                    -> note), message = bundle, code, cause, title, first
//                    and last seen, hosts; the location is the first
//                    evidence line: artifactLocation.uri = its "!/" source
//                    (percent-encoded where a URI needs it), region.startLine.
//                    Recovered blips (notes) are not results.
//   invocations      one; a bundle that could not be read is an error
//                    notification (descriptor "bundle-unreadable") naming
//                    it, and executionSuccessful is false.
//   artifacts        every bundle, with its SHA-256.
// Deterministic: the same summary gives a byte-identical file.
#pragma once

#include <string>
#include <string_view>

#include "batch_summary.h"

namespace analyzer {

std::string RenderSarif(const BatchSummary& summary);

// A path or "!/" source as a URI reference: bytes other than unreserved
// characters, sub-delimiters, '/', '@' are percent-encoded (':' too, so a
// first segment is never read as a scheme).
std::string SarifUri(std::string_view path);

// "error", "warning" or "note".
const char* SarifLevel(Severity s);

}  // namespace analyzer
