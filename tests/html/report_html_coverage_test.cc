#include "report_html_coverage.h"

#include <doctest/doctest.h>

namespace analyzer {
namespace {

UtcTime At(const char* text) { return ParseUserTime(text); }

InventoryItem File(const char* host, const char* component, const char* first, const char* last) {
  InventoryItem item;
  item.source = std::string("b.zip!/") + host + "/" + component + first;
  item.kind = "file";
  item.format = "iso8601";
  item.host = host;
  item.component = component;
  item.records = 10;
  item.first = At(first);
  item.last = At(last);
  return item;
}

InputSummary Input(std::vector<InventoryItem> items, const char* first, const char* last) {
  InputSummary s;
  s.path = "b.zip";
  s.first = At(first);
  s.last = At(last);
  s.inventory = std::move(items);
  return s;
}

TEST_CASE("report_html_coverage: rotation holes merge, real gaps stay") {
  std::vector<InputSummary> inputs{Input(
      {File("XRP01", "UsageBridge", "2026-11-30T22:30:00Z", "2026-11-30T22:59:50Z"),
       File("XRP01", "UsageBridge", "2026-11-30T23:00:50Z", "2026-11-30T23:59:00Z"),  // 1 min hole
       File("XRP01", "UsageBridge", "2026-12-01T00:40:00Z", "2026-12-01T01:00:00Z"),  // 41 min gap
       File("XRP01", "ECE", "2026-11-30T22:40:00Z", "2026-11-30T23:00:00Z")},
      "2026-11-30T22:00:00Z", "2026-12-01T01:30:00Z")};
  const std::vector<LaneCoverage> lanes = BuildCoverage(inputs, true);
  REQUIRE(lanes.size() == 2);
  CHECK(lanes[0].component == "ECE");
  CHECK(lanes[1].component == "UsageBridge");
  REQUIRE(lanes[1].covered.size() == 2);
  CHECK(lanes[1].covered[0].start == At("2026-11-30T22:30:00Z"));
  CHECK(lanes[1].covered[0].end == At("2026-11-30T23:59:00Z"));
  CHECK(lanes[1].files == 3);
  CHECK(lanes[1].records == 30);

  const TimeSpan span = BundleSpan(inputs);
  const std::vector<TimeSpan> gaps = CoverageGaps(lanes[1].covered, span);
  REQUIRE(gaps.size() == 3);  // before the first file, the hole, after the last
  CHECK(gaps[0].start == At("2026-11-30T22:00:00Z"));
  CHECK(gaps[0].end == At("2026-11-30T22:30:00Z"));
  CHECK(gaps[1].start == At("2026-11-30T23:59:00Z"));
  CHECK(gaps[1].end == At("2026-12-01T00:40:00Z"));
  CHECK(gaps[2].start == At("2026-12-01T01:00:00Z"));

  const std::vector<LaneCoverage> hosts = BuildCoverage(inputs, false);
  REQUIRE(hosts.size() == 1);
  CHECK(hosts[0].components == std::vector<std::string>{"ECE", "UsageBridge"});
  CHECK(hosts[0].files == 4);
}

TEST_CASE("report_html_coverage: untimed, hostless and unread entries cover nothing") {
  InventoryItem untimed = File("XRP01", "ECE", "2026-11-30T22:00:00Z", "2026-11-30T23:00:00Z");
  untimed.first = UtcTime();
  InventoryItem hostless = File("", "ECE", "2026-11-30T22:00:00Z", "2026-11-30T23:00:00Z");
  InventoryItem skipped = File("XRP02", "ECE", "2026-11-30T22:00:00Z", "2026-11-30T23:00:00Z");
  skipped.status = EntryStatus::kSkipped;
  std::vector<InputSummary> inputs{
      Input({untimed, hostless, skipped}, "2026-11-30T22:00:00Z", "2026-11-30T23:00:00Z")};
  CHECK(BuildCoverage(inputs, true).empty());
}

TEST_CASE("report_html_coverage: the bundle span is the union of the inputs") {
  std::vector<InputSummary> inputs{Input({}, "2026-11-30T22:00:00Z", "2026-11-30T23:00:00Z"),
                                   Input({}, "2026-11-30T21:00:00Z", "2026-11-30T22:30:00Z"),
                                   InputSummary()};
  const TimeSpan span = BundleSpan(inputs);
  CHECK(span.start == At("2026-11-30T21:00:00Z"));
  CHECK(span.end == At("2026-11-30T23:00:00Z"));
  CHECK_FALSE(BundleSpan({InputSummary()}).start.known());
}

}  // namespace
}  // namespace analyzer
