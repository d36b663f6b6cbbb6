#include "format_set.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace analyzer {
namespace {

// The name of the shipped format chosen for `path` with these first lines.
std::string Chosen(std::string_view path, const std::vector<std::string>& lines) {
  const LogFormat* f = test::ShippedFormats().Choose(path, lines);
  return f != nullptr ? f->name : "(none)";
}

TEST_CASE("format_set: GlobMatch is case-insensitive, on the base name unless the glob has '/'") {
  CHECK(GlobMatch("*.log", "bridge.log"));
  CHECK(GlobMatch("*.log", "AzureBridge/AzS-XRP01/Bridge.LOG"));
  CHECK(GlobMatch("u_ex*.log", "WAS/AzS-WAS01/U_EX261118.log"));
  CHECK(GlobMatch("*.dtr", "x/trace_1.DTR"));
  CHECK(GlobMatch("file?.txt", "file1.txt"));
  CHECK(GlobMatch("[ab]*.txt", "b-notes.txt"));
  CHECK_FALSE(GlobMatch("*.log", "bridge.log.old"));
  CHECK_FALSE(GlobMatch("u_ex*.log", "logs/u_ex/other.log"));
  CHECK(GlobMatch("*/W3SVC*/*.log", "WASPUBLIC/AzS-WASP01/W3SVC1/u_ex261118.log"));
  CHECK_FALSE(GlobMatch("*/W3SVC*/*.log", "W3SVC1.log"));
}

TEST_CASE("format_set: formats are kept in priority order, then by name") {
  const auto& formats = test::ShippedFormats().formats();
  REQUIRE(formats.size() >= 2);
  for (size_t i = 1; i < formats.size(); ++i) {
    const auto& a = *formats[i - 1];
    const auto& b = *formats[i];
    CHECK((a.priority > b.priority || (a.priority == b.priority && a.name < b.name)));
  }
}

TEST_CASE("format_set: a glob plus recognized lines choose the format") {
  CHECK(Chosen("AzureBridge/AzS-XRP01/deploy.log",
               {"VERBOSE: [AzureBridge:Activate] Starting - 11/18/2026 9:00:00 AM"}) == "ece");
  CHECK(Chosen("AzureBridge/AzS-XRP01/AzsRegistration.log",
               {"2018-12-12.22-54-23: Registration resource was not found"}) == "registration");
  CHECK(Chosen("AzureBridge/AzS-XRP01/bridge.log",
               {"2026-11-18T09:12:04.1234567Z Error [UsageBridge] Upload failed"}) == "iso8601");
  CHECK(Chosen("SF/trace_1.dtr", {"2026-11-18 9:12:04.123,Error,4312,2210,UsageBridge.Upload,failed"}) ==
        "service-fabric-dtr");
  CHECK(Chosen("WAS/AzS-WAS01/W3SVC1/u_ex261118.log",
               {"#Software: Microsoft Internet Information Services 10.0",
                "#Fields: date time s-ip cs-method cs-uri-stem sc-status",
                "2026-11-18 09:12:04 10.0.0.5 GET /subscriptions 401"}) == "iis-w3c");
  CHECK(Chosen("AzureStackLogs-x/Get-AzureStackLog_Output.log",
               {"VERBOSE: 11/18/2026 9:30:05 AM - Collecting logs for role AzureBridge",
                "PS>TerminatingError(Get-AzureStackLog): \"There is not enough space on the disk.\""}) ==
        "get-azurestacklog-output");
}

TEST_CASE("format_set: the format recognizing most first lines wins among glob matches") {
  // Both ece and iso8601 glob *.log; three ISO lines beat one ECE line.
  CHECK(Chosen("mixed.log", {"VERBOSE: [AzureBridge:A] one - 11/18/2026 9:00:00 AM",
                             "2026-11-18T09:00:01Z Information two", "2026-11-18T09:00:02Z Information three",
                             "2026-11-18T09:00:03Z Information four"}) == "iso8601");
}

TEST_CASE("format_set: content is sniffed when no glob matches") {
  CHECK(Chosen("AzureBridge/AzS-XRP01/bridge.etw-text",
               {"2026-11-18T09:12:04Z Warning [UsageBridge] slow", "2026-11-18T09:12:05Z Info ok"}) ==
        "iso8601");
  CHECK(Chosen("deploy.transcript", {"VERBOSE: [AzureBridge:Configure] Retrying - 11/18/2026 12:05:00 PM"}) ==
        "ece");
}

TEST_CASE("format_set: an unknown file falls back to the generic format") {
  CHECK(Chosen("notes.xyz", {"hello", "world"}) == "generic");
  CHECK(Chosen("notes.xyz", {}) == "generic");
  CHECK(Chosen("bridge.log", {"no timestamps in here", "at all"}) == "generic");
}

TEST_CASE("format_set: an empty set chooses nothing") {
  const FormatSet empty;
  CHECK(empty.Choose("a.log", {"2026-11-18T09:12:04Z x"}) == nullptr);
}

}  // namespace
}  // namespace analyzer
