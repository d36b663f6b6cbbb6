#include "junit.h"

#include "junit_xml_text.h"

namespace analyzer {
namespace {

struct Counts {
  uint64_t tests = 0, failures = 0, errors = 0, skipped = 0;
  void Add(const Counts& o) {
    tests += o.tests, failures += o.failures, errors += o.errors, skipped += o.skipped;
  }
};

std::string CountAttributes(const Counts& c) {
  return " tests=\"" + std::to_string(c.tests) + "\" failures=\"" + std::to_string(c.failures) +
         "\" errors=\"" + std::to_string(c.errors) + "\" skipped=\"" + std::to_string(c.skipped) +
         "\"";
}

std::string Attr(const char* name, const std::string& value) {
  return std::string(" ") + name + "=\"" + XmlAttribute(value) + "\"";
}

// The <failure> of one found code: every finding of that code, with its evidence.
std::string Failure(const BundleSummary& b, const std::string& code) {
  std::string message, text;
  Severity worst = Severity::kInfo;
  for (const SummaryFinding& f : b.findings) {
    if (f.error_code != code) continue;
    if (f.severity > worst) worst = f.severity;
    message += (message.empty() ? "" : " ") + DescribeFinding(f);
    text += DescribeFinding(f) + "\n";
    for (const SummaryEvidence& e : f.evidence) text += "  " + DescribeEvidence(e) + "\n";
    if (f.evidence_omitted)
      text += "  (" + std::to_string(f.evidence_omitted) + " more in the report)\n";
  }
  return "      <failure" + Attr("type", SeverityName(worst)) + Attr("message", message) + ">" +
         XmlText(text) + "</failure>\n";
}

std::string Testcase(const BundleSummary& b, const Verdict& v, Counts* c) {
  std::string out = "    <testcase" + Attr("name", v.error_code) + Attr("classname", b.name);
  ++c->tests;
  if (v.status == "found") {
    ++c->failures;
    return out + ">\n" + Failure(b, v.error_code) + "    </testcase>\n";
  }
  if (v.status == "not_evaluated") {
    ++c->skipped;
    return out + ">\n      <skipped" + Attr("message", v.reason) + "/>\n    </testcase>\n";
  }
  return out + "/>\n";
}

std::string Suite(const BundleSummary& b, Counts* total) {
  Counts c;
  std::string cases;
  if (!b.ok) {
    c.tests = c.errors = 1;
    cases = "    <testcase" + Attr("name", "read") + Attr("classname", b.name) + ">\n      <error" +
            Attr("type", "unreadable") + Attr("message", b.error) + ">" + XmlText(b.error) +
            "</error>\n    </testcase>\n";
  } else {
    for (const Verdict& v : b.verdicts) cases += Testcase(b, v, &c);
  }
  total->Add(c);
  std::string out =
      "  <testsuite" + Attr("name", b.name) + CountAttributes(c) + ">\n    <properties>\n";
  out += "      <property name=\"path\"" + Attr("value", b.path) + "/>\n";
  if (!b.sha256.empty())
    out += "      <property name=\"sha256\"" + Attr("value", b.sha256) + "/>\n";
  return out + "    </properties>\n" + cases + "  </testsuite>\n";
}

}  // namespace

std::string RenderJunit(const BatchSummary& summary) {
  Counts total;
  std::string suites;
  for (const BundleSummary& b : summary.bundles) suites += Suite(b, &total);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"analyzer\"" +
         CountAttributes(total) + ">\n" + suites + "</testsuites>\n";
}

}  // namespace analyzer
