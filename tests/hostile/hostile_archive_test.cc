// Hostile archives: bombs, nesting, unsafe paths, links, truncation, bad
// CRCs, encryption, empty and fake archives, a flood of members. Each case
// puts the real failure log beside the hostile part: the log's finding must
// survive, the hostile part must be reported at its place, and the run must
// stay sane (CheckSane).
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <random>
#include <string_view>

#include "hostile_support.h"

namespace hostile {
namespace {

// The common expectations: sane, the documented status, the finding kept,
// every entry accounted for.
void Expect(const Outcome& o, int status = 0, bool finding = true) {
  INFO(Describe(o));
  CheckSane(o);
  CHECK(o.status == status);
  if (finding) CHECK(HasDnsFinding(o.report));
  if (o.report.is_object()) CheckInventoryContract(o.report);
}

std::string RandomBytes(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(rng());
  return s;
}

TEST_CASE("bomb: a 200 MB member of one byte repeated, beside the real log") {
  Sandbox box;
  const std::string zip = box.Write("bomb.zip", Archive(Format::kZip)
                                                    .File(kBridgePath, BridgeLog())
                                                    .Zeros("AzureBridge/AzS-XRP01/bomb.log", 200 << 20, '0')
                                                    .Build());
  const Outcome o = box.Scan({zip});
  INFO(Describe(o));
  Expect(o);
  CHECK(Reported(o.report, "!/AzureBridge/AzS-XRP01/bomb.log", "failed", "decompression bomb"));
}

TEST_CASE("bomb: the bomb comes first, the real log after it in the same zip") {
  Sandbox box;
  const std::string zip = box.Write("bomb-first.zip", Archive(Format::kZip)
                                                          .Zeros("AzureBridge/AzS-XRP01/bomb.log", 200 << 20, '0')
                                                          .File(kBridgePath, BridgeLog())
                                                          .Build());
  const Outcome o = box.Scan({zip});
  INFO(Describe(o));
  CheckSane(o);
  CHECK(o.status == 0);
  CHECK(Reported(o.report, "!/AzureBridge/AzS-XRP01/bomb.log", "failed", "decompression bomb"));
  // Nothing lost: the member after the bomb is read (its own bytes are honest)
  // or at least listed with the reason it was not.
  const nlohmann::json* after = Item(o.report, std::string("!/") + kBridgePath);
  REQUIRE(after != nullptr);
  if ((*after)["status"] != "read") CHECK_FALSE((*after).value("reason", "").empty());
  CheckInventoryContract(o.report);
}

TEST_CASE("bomb: zip of zips of 200 MB members (nested bomb)") {
  Sandbox box;
  const std::string inner = Archive(Format::kZip).Zeros("AzureBridge/AzS-XRP02/bomb.log", 200 << 20, '0').Build();
  const std::string zip = box.Write("nested-bomb.zip", Archive(Format::kZip)
                                                           .File(kBridgePath, BridgeLog())
                                                           .File("AzureBridge-1.zip", inner)
                                                           .File("AzureBridge-2.zip", inner)
                                                           .Build());
  const Outcome o = box.Scan({zip});
  Expect(o);
  CHECK(Reported(o.report, "AzureBridge-1.zip!/AzureBridge/AzS-XRP02/bomb.log", "failed", "decompression bomb"));
  CHECK(Reported(o.report, "AzureBridge-2.zip!/AzureBridge/AzS-XRP02/bomb.log", "failed", "decompression bomb"));
}

TEST_CASE("bomb: a tar.xz of 1 GB of zeros (ratio far beyond deflate's)") {
  Sandbox box;
  box.Write(kBridgePath, BridgeLog());
  box.Write("AzureBridge/bomb.tar.xz",
            Archive(Format::kTarXz).Zeros("AzureBridge/AzS-XRP02/huge.log", 1ull << 30, 'A').Build());
  const Outcome o = box.Scan({box.Path("")});
  Expect(o);
  CHECK(Reported(o.report, "bomb.tar.xz!/AzureBridge/AzS-XRP02/huge.log", "failed", "decompression bomb"));
}

TEST_CASE("bomb: a .log.gz of 200 MB") {
  Sandbox box;
  box.Write(kBridgePath, BridgeLog());
  box.Write("AzureBridge/AzS-XRP01/old.log.gz", Gzip(std::string(200 << 20, '0')));
  const Outcome o = box.Scan({box.Path("")});
  Expect(o);
  CHECK(Reported(o.report, "old.log.gz", "failed", "decompression bomb"));
}

TEST_CASE("nesting: zip in zip 10 levels deep, beyond --max-depth 8") {
  Sandbox box;
  const std::string deep = NestZip(Archive(Format::kZip).File("AzureBridge/AzS-XRP02/deep.log", BridgeLog()).Build(),
                                   "level.zip", 9);
  const std::string zip = box.Write("deep.zip", Archive(Format::kZip)
                                                    .File(kBridgePath, BridgeLog())
                                                    .File("level.zip", deep)
                                                    .Build());
  const Outcome o = box.Scan({zip});
  Expect(o);
  std::string chain = zip;
  for (int i = 0; i < 8; ++i) chain += "!/level.zip";
  CHECK(Reported(o.report, chain, "skipped", "--max-depth"));
}

TEST_CASE("paths: zip members with '..', absolute and drive-letter paths") {
  Sandbox box;
  const std::string zip = box.Write("paths.zip", Archive(Format::kZipStored)
                                                     .File("../../../../tmp/evil.log", BridgeLog())
                                                     .File("/etc/evil.log", BridgeLog())
                                                     .File("AzureBridge/../../evil.log", BridgeLog())
                                                     .File("C:\\Windows\\evil.log", BridgeLog())
                                                     .File("..\\..\\evil.log", BridgeLog())
                                                     .File(kBridgePath, BridgeLog())
                                                     .Build());
  const Outcome o = box.Scan({zip});
  Expect(o);
  // libarchive turns a zip name's backslashes into slashes.
  for (const char* name : {"!/../../../../tmp/evil.log", "!//etc/evil.log", "!/AzureBridge/../../evil.log",
                           "!/C:/Windows/evil.log", ".zip!/../../evil.log"}) {
    INFO(name);
    CHECK(Reported(o.report, name, "skipped", "unsafe path"));
  }
}

TEST_CASE("links: tar with a symbolic link, a hard link and a FIFO") {
  Sandbox box;
  const std::string tar = box.Write("links.tar", Archive(Format::kTar)
                                                     .File(kBridgePath, BridgeLog())
                                                     .Symlink("AzureBridge/AzS-XRP01/passwd.log", "/etc/passwd")
                                                     .Hardlink("AzureBridge/AzS-XRP01/shadow.log", "/etc/shadow")
                                                     .Fifo("AzureBridge/AzS-XRP01/pipe.log")
                                                     .Build());
  const Outcome o = box.Scan({tar});
  Expect(o);
  CHECK(Reported(o.report, "!/AzureBridge/AzS-XRP01/passwd.log", "skipped", "symbolic link"));
  CHECK(Reported(o.report, "!/AzureBridge/AzS-XRP01/shadow.log", "skipped", "hard link"));
  CHECK(Reported(o.report, "!/AzureBridge/AzS-XRP01/pipe.log", "skipped", "not a regular file"));
}

TEST_CASE("links: a directory input with a link loop and a link out of the input") {
  Sandbox box;
  box.Write(kBridgePath, BridgeLog());
  REQUIRE(::symlink("..", box.Path("AzureBridge/loop").c_str()) == 0);
  REQUIRE(::symlink("/etc/passwd", box.Path("AzureBridge/AzS-XRP01/passwd.log").c_str()) == 0);
  REQUIRE(::symlink("/nonexistent/dangling.log", box.Path("AzureBridge/dangling.log").c_str()) == 0);
  const Outcome o = box.Scan({box.Path("")});
  Expect(o);
  CHECK(Reported(o.report, "AzureBridge/loop", "skipped", "symbolic link"));
  CHECK(Reported(o.report, "AzureBridge/AzS-XRP01/passwd.log", "skipped", "symbolic link"));
  CHECK(Reported(o.report, "AzureBridge/dangling.log", "skipped", "symbolic link"));
}

// A bundle whose real log comes first and whose filler makes up most of the
// bytes, so a cut at 10% leaves the log whole.
std::string CuttableBundle(Format format) {
  return Archive(format)
      .File(kBridgePath, BridgeLog())
      .File("AzureBridge/AzS-XRP01/filler-1.log", RandomBytes(40000, 1))
      .File("AzureBridge/AzS-XRP01/filler-2.log", RandomBytes(40000, 2))
      .File("AzureBridge/AzS-XRP01/filler-3.log", RandomBytes(40000, 3))
      .Build();
}

// `lossy_gzip`: libarchive's gzip filter (3.6) hands out nothing from a
// truncated stream whose first read-ahead it cannot fill (bsdcat says
// "truncated gzip input" and prints nothing, where zcat prints the head):
// then the whole tar.gz is failed with that reason and, as the only input,
// gives status 3. That loss is a known limitation, warned about, not hidden.
void CheckTruncated(Format format, const char* ext, bool lossy_gzip) {
  const std::string whole = CuttableBundle(format);
  for (int percent : {10, 50, 90}) {
    SUBCASE((std::to_string(percent) + "%").c_str()) {
      Sandbox box;
      const std::string path =
          box.Write(std::string("cut-") + std::to_string(percent) + ext, whole.substr(0, whole.size() * percent / 100));
      const Outcome o = box.Scan({path});
      if (lossy_gzip && o.status == 3) {
        INFO(Describe(o));
        CheckSane(o);
        CHECK(Reported(o.report, path, "failed", "truncated gzip input"));
        WARN_MESSAGE(HasDnsFinding(o.report), "known limitation: the head of a truncated tar.gz is lost");
        return;
      }
      Expect(o);
      // The cut is reported on the archive or on the member it fell in.
      bool placed = false;
      for (const auto& p : o.report["inputs"][0]["problems"])
        placed |= p.value("source", "").rfind(path, 0) == 0;
      for (const auto& item : o.report["inputs"][0]["inventory"])
        placed |= item.value("status", "") == "failed" && item.value("source", "").rfind(path, 0) == 0;
      CHECK(placed);
    }
  }
}

TEST_CASE("truncated: zip cut at 10%, 50%, 90%") { CheckTruncated(Format::kZip, ".zip", false); }
TEST_CASE("truncated: tar.gz cut at 10%, 50%, 90%") { CheckTruncated(Format::kTarGz, ".tar.gz", true); }
TEST_CASE("truncated: plain tar cut at 10%, 50%, 90%") { CheckTruncated(Format::kTar, ".tar", false); }

TEST_CASE("crc: a stored zip member with one byte flipped") {
  Sandbox box;
  const std::string other = std::string(2000, 'x') + "CORRUPT-ME" + std::string(2000, 'y') + "\n";
  std::string zip = Archive(Format::kZipStored)
                        .File(kBridgePath, BridgeLog())
                        .File("AzureBridge/AzS-XRP01/other.log", other)
                        .Build();
  const size_t at = zip.find("CORRUPT-ME");
  REQUIRE(at != std::string::npos);
  zip[at] ^= 0x20;
  const std::string path = box.Write("crc.zip", zip);
  const Outcome o = box.Scan({path});
  Expect(o);
  CHECK(Reported(o.report, "!/AzureBridge/AzS-XRP01/other.log", "failed", "CRC"));
}

TEST_CASE("encrypted: a role zip with encrypted members inside a plain bundle") {
  Sandbox box;
  std::string secret;
  try {
    secret = Archive(Format::kZip).Encrypt("s3cret").File("AzureBridge/AzS-XRP02/bridge.log", BridgeLog()).Build();
  } catch (const std::exception& e) {
    MESSAGE("libarchive cannot write encrypted zips here (" << e.what() << "); case skipped");
    return;
  }
  const std::string zip = box.Write("enc.zip", Archive(Format::kZip)
                                                   .File(kBridgePath, BridgeLog())
                                                   .File("AzureBridge-2.zip", secret)
                                                   .Build());
  const Outcome o = box.Scan({zip});
  Expect(o);
  CHECK(Reported(o.report, "AzureBridge-2.zip!/AzureBridge/AzS-XRP02/bridge.log", "failed", "encrypted"));
}

TEST_CASE("empty and fake archives beside the real log, in a directory input") {
  Sandbox box;
  box.Write(kBridgePath, BridgeLog());
  box.Write("zero-bytes.zip", "");
  box.Write("empty.zip", Archive(Format::kZip).Build());
  box.Write("empty.tar", Archive(Format::kTar).Build());
  box.Write("text.zip", "this is not an archive\n");
  box.Write("text.tar.gz", "neither is this\n");
  box.Write("garbage.7z", RandomBytes(5000, 7));
  const Outcome o = box.Scan({box.Path("")});
  Expect(o);
  CHECK(Reported(o.report, "/zero-bytes.zip", "failed", "not a readable archive"));
  CHECK(Reported(o.report, "/text.zip", "failed", "not a readable archive"));
  CHECK(Reported(o.report, "/text.tar.gz", "failed", "not a readable archive"));
  CHECK(Reported(o.report, "/garbage.7z", "failed", "not a readable archive"));
  const nlohmann::json* empty_zip = Item(o.report, "/empty.zip");
  REQUIRE(empty_zip != nullptr);
  CHECK((*empty_zip)["entries"] == 0);
  const nlohmann::json* empty_tar = Item(o.report, "/empty.tar");
  REQUIRE(empty_tar != nullptr);
  CHECK((*empty_tar)["entries"] == 0);
}

TEST_CASE("fake archives nested in a zip") {
  Sandbox box;
  const std::string zip = box.Write("fakes.zip", Archive(Format::kZip)
                                                     .File(kBridgePath, BridgeLog())
                                                     .File("AzureBridge-1.zip", "")
                                                     .File("AzureBridge-2.zip", "PK\x03\x04 not really")
                                                     .File("logs.tar.gz", "\x1f\x8b garbage")
                                                     .Build());
  const Outcome o = box.Scan({zip});
  Expect(o);
  CHECK(Reported(o.report, "!/AzureBridge-1.zip", "failed", "not a readable archive"));
  CHECK(Reported(o.report, "!/AzureBridge-2.zip", "failed", ""));
  CHECK(Reported(o.report, "!/logs.tar.gz", "failed", ""));
}

TEST_CASE("alone: a zero-byte .zip is the only input: nothing read, status 3") {
  Sandbox box;
  const Outcome o = box.Scan({box.Write("zero.zip", "")});
  Expect(o, 3, false);
  CHECK(Reported(o.report, "zero.zip", "failed", "not a readable archive"));
}

TEST_CASE("alone: an empty but valid zip is read (nothing in it), status 0") {
  Sandbox box;
  const Outcome o = box.Scan({box.Write("empty.zip", Archive(Format::kZip).Build())});
  Expect(o, 0, false);
}

std::string Flood(int members) {
  Archive a(Format::kZip);
  a.File(kBridgePath, BridgeLog());
  for (int i = 0; i < members; ++i) a.File("AzureBridge/AzS-XRP01/tiny/" + std::to_string(i) + ".log", "x\n");
  return a.Build();
}

// Built once (a few seconds), for the cases below.
const std::string& Flood100k() {
  static const std::string zip = Flood(100000);
  return zip;
}

size_t Count(std::string_view text, std::string_view part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string_view::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// The inventory of 100 000 members within the time and memory limits.
TEST_CASE("flood: 100 000 tiny members (records --inventory)") {
  Sandbox box;
  const std::string zip = box.Write("flood.zip", Flood100k());
  const Outcome o = box.Run({"records", zip, "--inventory"});
  INFO(Describe(o).substr(0, 3000));
  CheckSane(o);
  CHECK(o.status == 0);
  CHECK(std::count(o.out.begin(), o.out.end(), '\n') == 100002);  // the zip, its 100 001 members
  MESSAGE("records --inventory, 100 000 members: " << o.seconds << " s, " << o.max_rss_kib / 1024 << " MiB");
}

// scan keeps every entry's inventory item (a few hundred bytes each). The
// JSON report lists them all, the zip and its 100 001 members: 60 MB of
// text, streamed (built as a DOM first, it took 400 MB); the HTML report
// lists 5 000 and counts the rest. Both in one run, within 128 MiB.
TEST_CASE("flood: 100 000 tiny members (scan --json --html)") {
  Sandbox box;
  const std::string zip = box.Write("flood.zip", Flood100k());
  const Outcome o =
      box.Run({"scan", zip, "--json", box.OutPath("r.json"), "--html", box.OutPath("r.html")},
              {"r.json", "r.html"});
  INFO(Describe(o).substr(0, 3000));
  CheckSane(o);
  CHECK(o.status == 0);
  MESSAGE("scan --json --html, 100 000 members: " << o.seconds << " s, " << o.max_rss_kib / 1024 << " MiB");
  CHECK(nlohmann::json::accept(o.json));  // valid, checked without building a DOM
  CHECK(o.json.find("\n      \"entries\": 100001,\n") != std::string::npos);
  CHECK(Count(o.json, "\"status\": \"read\"") == 100002);  // the zip and its members
  CHECK(o.json.find("\"error_code\": \"NetworkError\",\n      \"cause\": \"dns\"") !=
        std::string::npos);
  CHECK(Count(o.html, "<tr data-row data-status=") == 5000);
}

TEST_CASE("flood: more members than --max-entries") {
  Sandbox box;
  Archive a(Format::kZip);
  a.File(kBridgePath, BridgeLog());
  for (int i = 0; i < 50; ++i) a.File("tiny/" + std::to_string(i) + ".log", "x\n");
  const Outcome o = box.Scan({box.Write("many.zip", a.Build())}, {"--max-entries", "10"});
  Expect(o);
  CHECK(Reported(o.report, "many.zip", "", "--max-entries"));
}

TEST_CASE("unreadable: a FIFO in a directory input, a FIFO as an input, a path that vanished") {
  Sandbox box;
  box.Write(kBridgePath, BridgeLog());
  REQUIRE(::mkfifo(box.Path("AzureBridge/AzS-XRP01/pipe.log").c_str(), 0600) == 0);
  REQUIRE(::mkfifo(box.Path("../cwd-fifo.log").c_str(), 0600) == 0);
  const Outcome o = box.Scan({box.Path(""), box.Path("../cwd-fifo.log"), box.Path("gone/bridge.log")});
  Expect(o);
  CHECK(Reported(o.report, "AzureBridge/AzS-XRP01/pipe.log", "skipped", "not a regular file"));
  CHECK(Reported(o.report, "cwd-fifo.log", "failed", "not a regular file"));
  CHECK(Reported(o.report, "gone/bridge.log", "failed", "cannot open"));
}

TEST_CASE("unreadable: a file without read permission (needs a non-root user)") {
  if (::geteuid() == 0) {
    MESSAGE("running as root: chmod 000 does not deny reads; covered by the FIFO and vanished-path case");
    return;
  }
  Sandbox box;
  box.Write(kBridgePath, BridgeLog());
  const std::string locked = box.Write("AzureBridge/AzS-XRP01/locked.log", BridgeLog());
  REQUIRE(::chmod(locked.c_str(), 0) == 0);
  const Outcome o = box.Scan({box.Path("")});
  Expect(o);
  CHECK(Reported(o.report, "AzureBridge/AzS-XRP01/locked.log", "failed", "Permission denied"));
}

TEST_CASE("alone: only unreadable inputs: status 3") {
  Sandbox box;
  const Outcome o = box.Scan({box.Path("nothing-here.zip")});
  Expect(o, 3, false);
  CHECK(Reported(o.report, "nothing-here.zip", "failed", "cannot open"));
}

TEST_CASE("names: member names with invalid UTF-8 and control bytes still give a valid report") {
  Sandbox box;
  const std::string zip = box.Write("names.zip", Archive(Format::kZip)
                                                     .File(kBridgePath, BridgeLog())
                                                     .File("AzureBridge/AzS-XRP01/\xff\xfe\x80.log", BridgeLog())
                                                     .File("AzureBridge/AzS-XRP01/tab\there.log", "x\n")
                                                     .Build());
  const Outcome o = box.Scan({zip});
  Expect(o);
  CHECK(o.report["inputs"][0]["inventory"].size() >= 3);
}

}  // namespace
}  // namespace hostile
