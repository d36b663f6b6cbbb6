#include "rule_examples.h"

#include <doctest/doctest.h>

#include "rule_test_support.h"

namespace analyzer {
namespace {

TEST_CASE("rule_examples: every example of the shipped pack holds") {
  RuleSet rules;
  std::vector<std::string> errors;
  REQUIRE(LoadRuleSet(ANALYZER_RULES_DIR, {}, rtest::kSchema, &rules, &errors));
  const ExampleReport report = RunRuleExamples(rules);
  std::string failures;
  for (const std::string& f : report.failures) failures += f + "\n";
  CHECK_MESSAGE(report.failures.empty(), failures);
  size_t examples = 0;
  for (const Rule* r : rules.rules) examples += r->must_match.size() + r->must_not_match.size();
  CHECK(report.checked == examples);
  CHECK(examples > 40);
}

TEST_CASE("rule_examples: a failing example names the rule, the example and what went wrong") {
  const rtest::Loaded l = rtest::Load({{"t.json", R"json({
  "pack": "t",
  "rules": [
    {"id": "unauth", "kind": "match", "pattern": "\\(401\\) Unauthorized.*?(?P<target>https?://[a-z.]+)",
     "scope": {"components": ["AzureBridge"]},
     "examples": {
       "match": [{"text": "(401) Unauthorized https://usage.example", "fields": {"target": "https://usage.example"}},
                 {"text": "(401) Unauthorized https://usage.example", "fields": {"target": "https://other"}},
                 "Unauthorized requests: 1"],
       "no_match": ["Unauthorized requests: 0",
                    {"text": "(401) Unauthorized https://usage.example", "component": "WAS"},
                    "(401) Unauthorized https://login.example"]}}
  ]
})json"}});
  REQUIRE_MESSAGE(l.ok, l.Errors());
  const ExampleReport report = RunRuleExamples(l.rules);
  CHECK(report.checked == 6);
  const std::string where = l.dir + "/shipped/t.json:4:5: rule \"unauth\": example ";
  REQUIRE(report.failures.size() == 3);
  CHECK(report.failures[0] == where +
                                  "\"(401) Unauthorized https://usage.example\": field target is "
                                  "\"https://usage.example\", expected \"https://other\"");
  CHECK(report.failures[1] == where + "\"Unauthorized requests: 1\" should match but does not");
  CHECK(report.failures[2] ==
        where + "\"(401) Unauthorized https://login.example\" should not match but does");
}

}  // namespace
}  // namespace analyzer
