#include "report_html_format.h"

#include <doctest/doctest.h>

#include "report_html_text.h"

namespace analyzer {
namespace {

UtcTime At(const char* text) { return ParseUserTime(text); }

TEST_CASE("report_html_format: times are UTC, without the fraction") {
  CHECK(DisplayTime(At("2026-11-30T22:51:48.394Z")) == "2026-11-30 22:51:48");
  CHECK(DisplayTime(UtcTime()) == "–");
  CHECK(DisplayClock(At("2026-11-30T22:51:48Z"), false) == "22:51");
  CHECK(DisplayClock(At("2026-11-30T22:51:48Z"), true) == "2026-11-30 22:51");
  CHECK(HtmlTimeTag(At("2026-11-30T22:51:48.394Z")) ==
        "<time datetime=\"2026-11-30T22:51:48.394Z\">2026-11-30 22:51:48</time>");
}

TEST_CASE("report_html_format: a time range repeats the date only when it changes") {
  CHECK(DisplayTimeRange(At("2026-11-30T22:00:00Z"), At("2026-11-30T23:10:05Z")) ==
        "2026-11-30 22:00:00 → 23:10:05");
  CHECK(DisplayTimeRange(At("2026-11-30T22:00:00Z"), At("2026-12-01T01:29:57Z")) ==
        "2026-11-30 22:00:00 → 2026-12-01 01:29:57");
}

TEST_CASE("report_html_format: durations, counts and sizes per language") {
  CHECK(DisplayDuration(45 * kTicksPerSecond, "en") == "45 s");
  CHECK(DisplayDuration(32 * 60 * kTicksPerSecond, "en") == "32 min");
  CHECK(DisplayDuration((3 * 3600 + 29 * 60) * kTicksPerSecond, "en") == "3 h 29 min");
  CHECK(DisplayDuration((2 * 86400 + 3 * 3600) * kTicksPerSecond, "en") == "2 d 3 h");
  CHECK(DisplayDuration((2 * 86400 + 3 * 3600) * kTicksPerSecond, "fr") == "2 j 3 h");
  CHECK(DisplayDuration(-5, "en") == "0 s");
  CHECK(DisplayCount(6666, "en") == "6,666");
  CHECK(DisplayCount(1234567, "fr") ==
        "1\xE2\x80\xAF"
        "234\xE2\x80\xAF"
        "567");
  CHECK(DisplayCount(999, "en") == "999");
  CHECK(DisplayBytes(812, "en") == "812 B");
  CHECK(DisplayBytes(1793090, "en") == "1.7 MiB");
  CHECK(DisplayBytes(1793090, "fr") == "1,7 Mio");
  CHECK(DisplayBytes(uint64_t{1} << 30, "en") == "1.0 GiB");
}

TEST_CASE("report_html_format: FillIn replaces every placeholder") {
  CHECK(FillIn("{shown} of {total}, {shown}", "shown", "3") == "3 of {total}, 3");
}

TEST_CASE("report_html_text: every fixed text exists in English and French") {
  for (int i = 0; i < static_cast<int>(Ui::kCount); ++i) {
    CAPTURE(i);
    CHECK(std::string(UiText(static_cast<Ui>(i), "en")) != "");
    CHECK(std::string(UiText(static_cast<Ui>(i), "fr")) != "");
  }
  CHECK(std::string(UiText(Ui::kFindingsHeading, "fr")) == "Constats");
  CHECK(std::string(UiText(Ui::kFindingsHeading, "de")) == "Findings");  // anything else is English
  CHECK(std::string(SeverityText(Severity::kHigh, "fr")) == "élevée");
  CHECK(std::string(EntryStatusText(EntryStatus::kSkipped, "fr")) == "ignorée");
}

}  // namespace
}  // namespace analyzer
