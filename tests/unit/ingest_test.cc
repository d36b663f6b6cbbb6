#include "ingest.h"

#include <doctest/doctest.h>

#include <map>

#include "archive_builder.h"
#include "sha256.h"
#include "test_support.h"

namespace analyzer {
namespace {

using test::ArchiveBuilder;
using test::ArchiveType;
using namespace std::string_literals;

struct Ingested {
  InputSummary summary;
  std::vector<test::SavedRecord> records;
};

Ingested Ingest(const std::string& path, const TimeZone& zone = TimeZone::Utc(),
                const Limits& limits = Limits()) {
  IngestOptions options{&test::ShippedFormats(), zone, limits};
  test::RecordCollector out;
  Ingested r;
  r.summary = IngestInput(path, options, out);
  r.records = out.records;
  return r;
}

const InventoryItem* Find(const InputSummary& s, const std::string& source) {
  for (const InventoryItem& i : s.inventory)
    if (i.source == source) return &i;
  return nullptr;
}

// A collection folder with a role split across two zips, zipped again.
std::string SplitRoleBundle() {
  const std::string part1 =
      ArchiveBuilder(ArchiveType::kZip)
          .File("AzureBridge/AzS-Xrp01/AzureBridge.log",
                "2026-11-18T09:12:04Z Error [UsageBridge] Usage upload failed\r\n"
                "   at Microsoft.AzureStack.UsageBridge.Upload()\r\n")
          .File("AzureBridge/AzS-Xrp01/trace.etl", "\0\0binary"s)
          .Build();
  const std::string part2 = ArchiveBuilder(ArchiveType::kZip)
                                .File("AzureBridge/s12r0405-xrp02/AzureBridge.log",
                                      "2026-11-18T09:30:00Z Information [UsageBridge] Upload ok\n")
                                .Build();
  return ArchiveBuilder(ArchiveType::kZip)
      .File("AzureStackLogs-20261118093000-AZS-ERCS01/AzureBridge-20261118-1.zip", part1)
      .File("AzureStackLogs-20261118093000-AZS-ERCS01/AzureBridge-20261118-2.zip", part2)
      .File("AzureStackLogs-20261118093000-AZS-ERCS01/Get-AzureStackLog_Output.log",
            "VERBOSE: 11/18/2026 9:40:00 AM - Collecting logs for role AzureBridge\r\n")
      .Build();
}

TEST_CASE("ingest: a bundle becomes one record stream with host and role per record") {
  test::TempDir dir;
  const std::string path = dir.Write("bundle.zip", SplitRoleBundle());
  const Ingested r = Ingest(path);
  REQUIRE(r.records.size() == 3);
  // Entries in bundle order: part 1, part 2, then the collection log.
  CHECK(r.records[0].host == "AzS-XRP01");
  CHECK(r.records[0].component == "AzureBridge");
  CHECK(r.records[0].text ==
        "2026-11-18T09:12:04Z Error [UsageBridge] Usage upload failed\n"
        "   at Microsoft.AzureStack.UsageBridge.Upload()");
  CHECK(r.records[1].host == "s12r0405-XRP02");
  CHECK(r.records[1].component == "AzureBridge");  // "-2.zip" is the same role
  CHECK(r.records[2].host == "AzS-ERCS01");        // only the collection folder names a VM
  CHECK(r.records[2].time == "2026-11-18T09:40:00Z");
  CHECK(r.records[1].source == path +
                                   "!/AzureStackLogs-20261118093000-AZS-ERCS01/AzureBridge-20261118-2.zip!/"
                                   "AzureBridge/s12r0405-xrp02/AzureBridge.log");

  const InputSummary& s = r.summary;
  CHECK(s.readable);
  CHECK(s.records == 3);
  CHECK(s.entries == 6);
  CHECK(FormatRfc3339(s.first) == "2026-11-18T09:12:04Z");
  CHECK(FormatRfc3339(s.last) == "2026-11-18T09:40:00Z");
  CHECK(s.sha256 == Sha256File(path));
  CHECK(s.sha256.size() == 64);
  CHECK(s.problems.empty());
}

TEST_CASE("ingest: every entry is in the inventory exactly once, sorted by source") {
  test::TempDir dir;
  const std::string path = dir.Write("bundle.zip", SplitRoleBundle());
  const InputSummary s = Ingest(path).summary;
  std::map<std::string, int> seen;
  for (const InventoryItem& i : s.inventory) ++seen[i.source];
  const std::string folder = path + "!/AzureStackLogs-20261118093000-AZS-ERCS01/";
  const std::vector<std::string> expected = {
      path,
      folder + "AzureBridge-20261118-1.zip",
      folder + "AzureBridge-20261118-1.zip!/AzureBridge/AzS-Xrp01/AzureBridge.log",
      folder + "AzureBridge-20261118-1.zip!/AzureBridge/AzS-Xrp01/trace.etl",
      folder + "AzureBridge-20261118-2.zip",
      folder + "AzureBridge-20261118-2.zip!/AzureBridge/s12r0405-xrp02/AzureBridge.log",
      folder + "Get-AzureStackLog_Output.log"};
  CHECK(seen.size() == expected.size());
  for (const std::string& source : expected) CHECK_MESSAGE(seen[source] == 1, source);
  for (size_t i = 1; i < s.inventory.size(); ++i) CHECK(s.inventory[i - 1].source < s.inventory[i].source);

  const InventoryItem* log = Find(s, folder + "AzureBridge-20261118-1.zip!/AzureBridge/AzS-Xrp01/AzureBridge.log");
  REQUIRE(log != nullptr);
  CHECK(log->status == EntryStatus::kRead);
  CHECK(log->kind == "file");
  CHECK(log->format == "iso8601");
  CHECK(log->host == "AzS-XRP01");
  CHECK(log->component == "AzureBridge");
  CHECK(log->lines == 2);
  CHECK(log->records == 1);
  const InventoryItem* etl = Find(s, folder + "AzureBridge-20261118-1.zip!/AzureBridge/AzS-Xrp01/trace.etl");
  REQUIRE(etl != nullptr);
  CHECK(etl->status == EntryStatus::kSkipped);
  CHECK(etl->reason == "ETW binary trace (.etl): binary format, not readable as text");
}

TEST_CASE("ingest: --assume-tz applies to local-time logs of the bundle") {
  test::TempDir dir;
  const std::string path = dir.Write("AzureBridge/AzS-XRP01/ECE.log",
                                     "VERBOSE: [AzureBridge:Upload] Sent - 11/18/2026 10:00:00 AM\n");
  const Ingested r = Ingest(dir.path(), TimeZone::FixedOffset(3600));
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].time == "2026-11-18T09:00:00Z");
  CHECK(r.summary.sha256 == "");  // directories have no digest
  REQUIRE(r.summary.inventory.size() == 1);
  CHECK(r.summary.inventory[0].zone == "+01:00");
  CHECK(r.summary.inventory[0].zone_assumed);
}

TEST_CASE("ingest: limit max_line_bytes cuts a line, reports it, and reads the rest") {
  test::TempDir dir;
  const std::string path = dir.Write(
      "b.zip", ArchiveBuilder(ArchiveType::kZip)
                   .File("AzS-XRP01/a.log", "2026-11-18T09:00:00Z Information " + std::string(5000, 'x') + "\n" +
                                                "2026-11-18T09:00:01Z Information after\n")
                   .File("AzS-XRP01/b.log", "2026-11-18T09:00:02Z Information other file\n")
                   .Build());
  Limits limits;
  limits.max_line_bytes = 1000;
  const Ingested r = Ingest(path, TimeZone::Utc(), limits);
  REQUIRE(r.records.size() == 3);
  CHECK(r.records[0].text.size() == 1000);
  CHECK(r.records[1].text == "2026-11-18T09:00:01Z Information after");
  CHECK(r.records[2].text == "2026-11-18T09:00:02Z Information other file");
  REQUIRE(r.summary.problems.size() == 1);
  CHECK(r.summary.problems[0].source == path + "!/AzS-XRP01/a.log");
  CHECK(r.summary.problems[0].message == "1 line(s) longer than 1000 bytes were cut (--max-line-bytes)");
  CHECK(Find(r.summary, path + "!/AzS-XRP01/a.log")->lines_cut == 1);
}

TEST_CASE("ingest: a text-named member with binary content is skipped, the rest read") {
  test::TempDir dir;
  const std::string path = dir.Write("b.zip", ArchiveBuilder(ArchiveType::kZip)
                                                  .File("a.log", "MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF"s)
                                                  .File("b.log", "2026-11-18T09:00:00Z Information ok\n")
                                                  .Build());
  const Ingested r = Ingest(path);
  CHECK(r.records.size() == 1);
  const InventoryItem* a = Find(r.summary, path + "!/a.log");
  REQUIRE(a != nullptr);
  CHECK(a->status == EntryStatus::kSkipped);
  CHECK(a->reason == "binary content (not text in any supported encoding)");
}

TEST_CASE("ingest: failed entries are problems too, and a missing input is unreadable") {
  test::TempDir dir;
  Ingested r = Ingest(dir.Write("fake.zip", "not a zip"));
  CHECK_FALSE(r.summary.readable);
  REQUIRE(r.summary.problems.size() == 1);
  CHECK(r.summary.problems[0].message.rfind("not a readable archive", 0) == 0);

  r = Ingest(dir.path() + "/missing.zip");
  CHECK_FALSE(r.summary.readable);
  CHECK(r.summary.sha256 == "");
  REQUIRE(r.summary.inventory.size() == 1);
  CHECK(r.summary.inventory[0].status == EntryStatus::kFailed);
  CHECK(r.summary.inventory[0].reason == "cannot open: No such file or directory");
  CHECK(r.records.empty());
}

}  // namespace
}  // namespace analyzer
