// Junit: a batch's roll-up as JUnit XML, the test report format CI systems
// (GitLab, Jenkins, Azure Pipelines, GitHub test reporters) display:
//   <testsuites>            one per run, with the totals
//     <testsuite name=BUNDLE>   one per bundle, sorted by name
//       <testcase name=CODE classname=BUNDLE>   one per error code of the verdicts
//         found          -> <failure type=SEVERITY message=...>the findings and evidence</failure>
//         not_evaluated  -> <skipped message=why/>
//         not_found      -> passes (empty testcase)
//     a bundle that could not be read: one testcase "read" with <error>.
// Counts (tests, failures, errors, skipped) are on every suite and on the
// root. Every text is escaped for XML 1.0 (junit_xml_text.h). No time or
// timestamp attribute: the same summary gives a byte-identical file.
#pragma once

#include <string>

#include "batch_summary.h"

namespace analyzer {

std::string RenderJunit(const BatchSummary& summary);

}  // namespace analyzer
