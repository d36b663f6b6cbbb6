#include "record_reader.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "test_support.h"

namespace analyzer {
namespace {

using namespace std::string_literals;

struct Result {
  InventoryItem item;
  std::vector<test::SavedRecord> records;
  std::vector<Problem> problems;
};

// Reads `data` as the entry `source` ("a.zip!/path/in/zip.log").
Result Read(const std::string& source, std::string_view data, const TimeZone& zone = TimeZone::Utc(),
            const Limits& limits = Limits(), ByteSource* override_source = nullptr) {
  const size_t bang = source.rfind("!/");
  const EntryInfo info{source, bang == std::string::npos ? source : source.substr(bang + 2), 1,
                       static_cast<int64_t>(data.size())};
  MemorySource memory(data);
  RecordReader reader(test::ShippedFormats(), zone, limits);
  test::RecordCollector out;
  Result r;
  r.item = reader.Read(info, override_source ? *override_source : memory, out, &r.problems);
  r.records = out.records;
  return r;
}

// ASCII text as UTF-16LE with a BOM, the way PowerShell's Out-File writes it.
std::string Utf16Le(std::string_view ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) out += c, out += '\0';
  return out;
}

const std::string kXrp01 = "AzureBridge-20261118-1.zip!/AzureBridge/AzS-Xrp01/";
const std::string kBridge = kXrp01 + "AzureBridge.log";

TEST_CASE("record_reader: an exception chain with ---> and 'at' frames is one record") {
  const Result r = Read(kBridge,
      "2026-11-18T09:12:04.1234567Z Error [UsageBridge] Usage upload failed\r\n"
      "System.Net.Http.HttpRequestException: An error occurred while sending the request. ---> "
      "System.Net.WebException: Unable to connect to the remote server ---> "
      "System.Net.Sockets.SocketException: No connection could be made because the target machine "
      "actively refused it 10.0.0.1:443\r\n"
      "   at System.Net.Sockets.Socket.InternalEndConnect(IAsyncResult asyncResult)\r\n"
      "   --- End of inner exception stack trace ---\r\n"
      "   at System.Net.HttpWebRequest.EndGetResponse(IAsyncResult asyncResult)\r\n"
      "2026-11-18T09:12:05Z Information [UsageBridge] Retrying in 30 seconds\r\n");
  REQUIRE(r.records.size() == 2);
  const test::SavedRecord& e = r.records[0];
  CHECK(e.time == "2026-11-18T09:12:04.1234567Z");
  CHECK(e.line == 1);
  CHECK(e.level == "error");
  CHECK(e.component == "AzureBridge");  // the role zip names the component
  CHECK(e.host == "AzS-XRP01");         // from the path, canonical
  CHECK(e.source == kBridge);
  CHECK(e.message == "Usage upload failed");
  CHECK(e.text.find("\r") == std::string::npos);
  CHECK(std::count(e.text.begin(), e.text.end(), '\n') == 4);
  CHECK(e.text.find("\n   at System.Net.HttpWebRequest.EndGetResponse(IAsyncResult asyncResult)") !=
        std::string::npos);
  CHECK(e.text.find("HttpRequestException: An error occurred while sending the request. ---> ") !=
        std::string::npos);
  CHECK(r.records[1].line == 6);
  CHECK(r.records[1].level == "info");
  CHECK(r.records[1].text == "2026-11-18T09:12:05Z Information [UsageBridge] Retrying in 30 seconds");

  CHECK(r.item.status == EntryStatus::kRead);
  CHECK(r.item.format == "iso8601");
  CHECK(r.item.encoding == "utf-8");
  CHECK(r.item.lines == 6);
  CHECK(r.item.records == 2);
  CHECK(r.item.untimed_records == 0);
  CHECK(FormatRfc3339(r.item.first) == "2026-11-18T09:12:04.1234567Z");
  CHECK(FormatRfc3339(r.item.last) == "2026-11-18T09:12:05Z");
  CHECK(r.item.host == "AzS-XRP01");
  CHECK(r.item.component == "AzureBridge");
  CHECK(r.problems.empty());
}

TEST_CASE("record_reader: ECE lines with an inner exception on the next lines") {
  const Result r = Read("AzureBridge/AzS-XRP02/ECE.log",
      "ERROR: [AzureBridge:Upload] Upload failed - 11/18/2026 9:00:00 AM\n"
      " ---> System.Net.WebException: The operation has timed out\n"
      "   at Microsoft.AzureStack.Bridge.Upload()\n"
      "VERBOSE: [AzureBridge:Upload] Done - 11/18/2026 9:00:05 AM\n");
  REQUIRE(r.records.size() == 2);
  CHECK(r.item.format == "ece");
  CHECK(r.records[0].text ==
        "ERROR: [AzureBridge:Upload] Upload failed - 11/18/2026 9:00:00 AM\n"
        " ---> System.Net.WebException: The operation has timed out\n"
        "   at Microsoft.AzureStack.Bridge.Upload()");
  CHECK(r.records[0].message == "Upload failed");
  CHECK(r.records[0].level == "error");
  CHECK(r.records[1].time == "2026-11-18T09:00:05Z");
}

TEST_CASE("record_reader: a file without any timestamp gives one untimed record per line") {
  const Result r = Read(kXrp01 + "notes.txt", "first line\nsecond line\n\n   indented third\n");
  CHECK(r.item.format == "generic");
  REQUIRE(r.records.size() == 3);
  CHECK(r.records[0].text == "first line");
  CHECK(r.records[1].text == "second line");
  CHECK(r.records[2].text == "   indented third");
  CHECK(r.records[2].line == 4);
  for (const auto& rec : r.records) CHECK(rec.time == "");
  CHECK(r.item.records == 3);
  CHECK(r.item.untimed_records == 3);
  CHECK_FALSE(r.item.first.known());
  CHECK_FALSE(r.item.last.known());
}

TEST_CASE("record_reader: lines before the first record stand alone, untimed") {
  const Result r = Read(kBridge,
      "preamble\n"
      "2026-11-18T09:00:00Z Information first\n"
      "   at continuation\n");
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].text == "preamble");
  CHECK(r.records[0].time == "");
  CHECK(r.records[1].text == "2026-11-18T09:00:00Z Information first\n   at continuation");
  CHECK(r.item.untimed_records == 1);
}

TEST_CASE("record_reader: --assume-tz moves local-time lines, not UTC ones") {
  const std::string ece = "VERBOSE: [AzureBridge:Upload] Sent usage - 11/18/2026 10:00:00 AM\n";
  Result r = Read("AzureBridge/AzS-XRP01/ECE.log", ece, TimeZone::FixedOffset(3600));
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].time == "2026-11-18T09:00:00Z");  // 10:00 at +01:00
  CHECK(r.item.zone == "+01:00");
  CHECK(r.item.zone_assumed);

  r = Read("AzureBridge/AzS-XRP01/ECE.log", ece);
  CHECK(r.records[0].time == "2026-11-18T10:00:00Z");
  CHECK(r.item.zone == "UTC");

  // Service Fabric traces are written in UTC whatever the stamp's zone.
  r = Read("SF/trace.dtr", "2026-11-18 10:00:00.5,Error,1,2,UsageBridge.Upload,failed, twice\n",
           TimeZone::FixedOffset(3600));
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].time == "2026-11-18T10:00:00.5Z");
  CHECK(r.records[0].message == "failed, twice");
  CHECK(r.records[0].component == "UsageBridge.Upload");  // no role in the path: the captured one
  CHECK(r.item.zone == "UTC");
  CHECK_FALSE(r.item.zone_assumed);
}

TEST_CASE("record_reader: a binary file is skipped with the reason") {
  const Result r = Read(kXrp01 + "blob.dat", "MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0\xB8\0\0\0"s);
  CHECK(r.item.status == EntryStatus::kSkipped);
  CHECK(r.item.reason == "binary content (not text in any supported encoding)");
  CHECK(r.records.empty());
  CHECK(r.item.records == 0);
}

TEST_CASE("record_reader: a registration log in UTF-16LE with BOM and CRLF") {
  const Result r = Read("AzureBridge/AzS-XRP01/AzsRegistration.log",
      Utf16Le("2018-12-12.22-54-23: Registration resource with matching CloudId property 1b3c was not found\r\n"
              "    + CategoryInfo          : NotSpecified: (:) [], RuntimeException\r\n"
              "2018-12-12.22-54-25: Done\r\n"));
  CHECK(r.item.encoding == "utf-16le-bom");
  CHECK(r.item.format == "registration");
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].time == "2018-12-12T22:54:23Z");
  CHECK(r.records[0].message == "Registration resource with matching CloudId property 1b3c was not found");
  CHECK(r.records[0].text.find("\n    + CategoryInfo") != std::string::npos);
  CHECK(r.records[1].time == "2018-12-12T22:54:25Z");
  CHECK(r.item.invalid_sequences == 0);
}

TEST_CASE("record_reader: UTF-16LE without BOM is detected and read") {
  const std::string with_bom = Utf16Le("2018-12-12.22-54-23: no BOM here\r\n");
  const Result r = Read("AzureBridge/AzS-XRP01/AzsRegistration.log", with_bom.substr(2));
  CHECK(r.item.encoding == "utf-16le");
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].text == "2018-12-12.22-54-23: no BOM here");
}

TEST_CASE("record_reader: an empty file is read, with no records") {
  const Result r = Read(kXrp01 + "empty.log", "");
  CHECK(r.item.status == EntryStatus::kRead);
  CHECK(r.item.records == 0);
  CHECK(r.item.lines == 0);
  CHECK(r.records.empty());
}

TEST_CASE("record_reader: IIS W3C logs: directives are no records, the level follows sc-status") {
  const Result r = Read("WASPUBLIC-1.zip!/WASPUBLIC/AzS-WASP01/W3SVC1/u_ex261118.log",
      "#Software: Microsoft Internet Information Services 10.0\r\n"
      "#Fields: date time s-computername cs-method cs-uri-stem sc-status\r\n"
      "2026-11-18 09:12:04 azs-wasp01 GET /subscriptions 401\r\n"
      "2026-11-18 09:12:05 azs-wasp01 GET /health 200\r\n");
  CHECK(r.item.format == "iis-w3c");
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].level == "warning");
  CHECK(r.records[0].host == "AzS-WASP01");
  CHECK(r.records[0].component == "WASPUBLIC");
  CHECK(r.records[0].line == 3);
  CHECK(r.records[1].level == "info");
  CHECK(r.records[1].time == "2026-11-18T09:12:05Z");
}

TEST_CASE("record_reader: invalid bytes are replaced and counted in the inventory") {
  const Result r = Read(kBridge, "2026-11-18T09:00:00Z Information caf\xE9 ok\n");
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].text == "2026-11-18T09:00:00Z Information caf\xEF\xBF\xBD ok");
  CHECK(r.item.invalid_sequences == 1);
}

TEST_CASE("record_reader: a line over --max-line-bytes is cut and reported, the next one read") {
  Limits limits;
  limits.max_line_bytes = 40;
  const Result r = Read(kBridge,
      "2026-11-18T09:00:00Z Information " + std::string(100, 'x') + "\n"
      "2026-11-18T09:00:01Z Information next\n", TimeZone::Utc(), limits);
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].text.size() == 40);
  CHECK(r.records[1].text == "2026-11-18T09:00:01Z Information next");
  CHECK(r.item.lines_cut == 1);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].source == kBridge);
  CHECK(r.problems[0].message == "1 line(s) longer than 40 bytes were cut (--max-line-bytes)");
}

TEST_CASE("record_reader: a record over --max-record-bytes is cut and counted") {
  Limits limits;
  limits.max_record_bytes = 100;
  std::string text = "2026-11-18T09:00:00Z Error first\n";
  for (int i = 0; i < 20; ++i) text += "   at Frame" + std::to_string(i) + "()\n";
  text += "2026-11-18T09:00:01Z Information second\n";
  const Result r = Read(kBridge, text, TimeZone::Utc(), limits);
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].text.size() <= 100);
  CHECK(r.records[0].text.rfind("2026-11-18T09:00:00Z Error first\n   at Frame0()", 0) == 0);
  CHECK(r.records[1].text == "2026-11-18T09:00:01Z Information second");
  CHECK(r.item.records_cut == 1);
}

TEST_CASE("record_reader: a read error fails the entry and keeps the records before it") {
  std::string text;
  int lines = 0;
  while (text.size() < (80 << 10)) {  // past the 64 KiB sniffed head
    text += "2026-11-18T09:00:00Z Information line " + std::to_string(++lines) + "\n";
  }
  test::FailingSource failing(text);
  const Result r = Read(kBridge, text, TimeZone::Utc(), Limits(), &failing);
  CHECK(r.item.status == EntryStatus::kFailed);
  CHECK(r.item.reason == "read error after " + std::to_string(lines) +
                             " lines: disk on fire (records before it were kept)");
  CHECK(r.records.size() == static_cast<size_t>(lines));
}

TEST_CASE("record_reader: an error while sniffing fails the entry with the reason") {
  test::FailingSource failing("2026-11-18T09:00:00Z Information short\n");
  const Result r = Read(kBridge, "", TimeZone::Utc(), Limits(), &failing);
  CHECK(r.item.status == EntryStatus::kFailed);
  CHECK(r.item.reason == "cannot read: disk on fire");
  CHECK(r.records.empty());
}

TEST_CASE("record_reader: with no format loaded the entry fails, not the program") {
  const FormatSet none;
  RecordReader reader(none, TimeZone::Utc(), Limits());
  MemorySource src("2026-11-18T09:00:00Z x\n");
  test::RecordCollector out;
  std::vector<Problem> problems;
  const InventoryItem item = reader.Read({"a.log", "a.log", 0, -1}, src, out, &problems);
  CHECK(item.status == EntryStatus::kFailed);
  CHECK(item.reason == "no log format loaded");
}

}  // namespace
}  // namespace analyzer
