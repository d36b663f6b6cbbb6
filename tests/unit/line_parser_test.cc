#include "line_parser.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace analyzer {
namespace {

const LogFormat& Shipped(const std::string& name) {
  const LogFormat* found = nullptr;
  for (const auto& f : test::ShippedFormats().formats())
    if (f->name == name) found = f.get();
  REQUIRE_MESSAGE(found != nullptr, "no shipped format named " << name);
  return *found;
}

std::string Time(const ParsedLine& p) { return p.time.known() ? FormatRfc3339(p.time) : ""; }

TEST_CASE("line_parser: NormalizeLevel maps Windows, .NET and IIS spellings") {
  CHECK(NormalizeLevel("Error") == "error");
  CHECK(NormalizeLevel("ERR") == "error");
  CHECK(NormalizeLevel("Warning") == "warning");
  CHECK(NormalizeLevel("WARN") == "warning");
  CHECK(NormalizeLevel("Informational") == "info");
  CHECK(NormalizeLevel("Information") == "info");
  CHECK(NormalizeLevel("VERBOSE") == "verbose");
  CHECK(NormalizeLevel("Debug") == "verbose");
  CHECK(NormalizeLevel("Critical") == "critical");
  CHECK(NormalizeLevel("Fatal") == "critical");
  CHECK(NormalizeLevel("") == "");
  CHECK(NormalizeLevel("Errors") == "");
  CHECK(NormalizeLevel("Notice") == "");
}

TEST_CASE("line_parser: a regex format gives fields as spans and the time") {
  const LogFormat& dtr = Shipped("service-fabric-dtr");
  LineParser parser(dtr, TimeZone::FixedOffset(3600));
  const std::string line = "2026-11-18 9:12:04.123,Error,4312,2210,UsageBridge.Upload,failed, batch \"b-1\"";
  ParsedLine p;
  parser.Parse(line, &p);
  CHECK(p.starts_record);
  CHECK(p.has_timestamp);
  CHECK(Time(p) == "2026-11-18T09:12:04.123Z");  // .dtr is UTC whatever is assumed
  CHECK(p.level.In(line) == "Error");
  CHECK(p.component.In(line) == "UsageBridge.Upload");
  CHECK(p.message.In(line) == "failed, batch \"b-1\"");
  CHECK(p.host.empty());
  CHECK(parser.zone_name() == "UTC");
  CHECK_FALSE(parser.zone_assumed());

  parser.Parse("   at System.Net.HttpWebRequest.EndGetResponse(IAsyncResult asyncResult)", &p);
  CHECK_FALSE(p.starts_record);
  CHECK_FALSE(p.has_timestamp);
}

TEST_CASE("line_parser: an unparsable timestamp still starts a record, untimed, and is counted") {
  const LogFormat& dtr = Shipped("service-fabric-dtr");
  LineParser parser(dtr, TimeZone::Utc());
  ParsedLine p;
  parser.Parse("2026-13-45 9:12:04,Error,1,2,X,month 13", &p);
  CHECK(p.starts_record);
  CHECK(p.has_timestamp);
  CHECK_FALSE(p.time.known());
  CHECK(parser.unparsed_timestamps() == 1);
}

TEST_CASE("line_parser: assumed-zone formats take the given zone") {
  LineParser parser(Shipped("ece"), TimeZone::FixedOffset(-5 * 3600));
  ParsedLine p;
  parser.Parse("VERBOSE: [AzureBridge:Upload] Sent - 11/18/2026 4:12:04 AM", &p);
  CHECK(Time(p) == "2026-11-18T09:12:04Z");
  CHECK(parser.zone_name() == "-05:00");
  CHECK(parser.zone_assumed());
}

TEST_CASE("line_parser: W3C columns follow the latest #Fields: header") {
  LineParser parser(Shipped("iis-w3c"), TimeZone::Utc());
  ParsedLine p;
  parser.Parse("2026-11-18 09:12:04 GET / 200", &p);
  CHECK_FALSE(p.starts_record);  // no header yet: not W3C data

  parser.Parse("#Fields: date time s-computername cs-method sc-status", &p);
  CHECK(p.directive);
  CHECK_FALSE(p.starts_record);
  std::string line = "2026-11-18 09:12:04 AzS-WAS01 GET 503";
  parser.Parse(line, &p);
  CHECK(p.starts_record);
  CHECK(Time(p) == "2026-11-18T09:12:04Z");
  CHECK(p.status_level == "error");
  CHECK(p.host.In(line) == "AzS-WAS01");

  // A new header (IIS restarts write one) moves the columns.
  parser.Parse("#Fields: sc-status date time", &p);
  line = "404 2026-11-18 10:00:00";
  parser.Parse(line, &p);
  CHECK(Time(p) == "2026-11-18T10:00:00Z");
  CHECK(p.status_level == "warning");
  CHECK(p.host.empty());

  parser.Parse("#Software: Microsoft Internet Information Services 10.0", &p);
  CHECK(p.directive);
}

}  // namespace
}  // namespace analyzer

namespace analyzer {

TEST_CASE("line_parser: a line opening with a timestamp starts a record in both paths, even when the head does not match") {
  const LogFormat& dtr = Shipped("service-fabric-dtr");
  const std::string odd = "2026-11-18 09:12:04.123 Error without the comma fields";
  for (bool want_fields : {true, false}) {
    CAPTURE(want_fields);
    LineParser parser(dtr, TimeZone::Utc(), want_fields);
    ParsedLine p;
    parser.Parse(odd, &p);
    CHECK(p.starts_record);
    CHECK(Time(p) == "2026-11-18T09:12:04.123Z");
    CHECK(p.level.empty());
    parser.Parse(" ---> System.Net.WebException: The operation has timed out", &p);
    CHECK_FALSE(p.starts_record);
    // A head that matches with an unparsable time still starts a record.
    parser.Parse("2026-19-48 99:12:04.123,Error,1,2,UsageBridge,x", &p);
    CHECK(p.starts_record);
    CHECK_FALSE(p.time.known());
    CHECK(parser.unparsed_timestamps() == 1);
  }
}

}  // namespace analyzer
