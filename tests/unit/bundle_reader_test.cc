#include "bundle_reader.h"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <map>

#include "archive_builder.h"

namespace analyzer {
namespace {

using test::ArchiveBuilder;
using test::ArchiveType;
using test::TempDir;
using namespace std::string_literals;

// An EntrySink that drains every file it is handed and remembers all it saw.
// Sources are kept relative to the temp dir, so assertions stay readable.
class Recorder : public EntrySink {
 public:
  struct File {
    EntryInfo info;
    std::string data;   // the first MiB
    uint64_t bytes = 0;
    std::string error;  // read error, "" when read to the end
  };

  explicit Recorder(const TempDir& dir) : prefix_(dir.path() + "/") {}

  void OnFile(const EntryInfo& info, ByteSource& data) override {
    File f{info, "", 0, ""};
    f.info.source = Relative(info.source);
    std::string buf(1 << 16, '\0');
    for (long k; (k = data.Read(buf.data(), buf.size())) != 0;) {
      if (k < 0) {
        f.error = data.error();
        break;
      }
      if (f.data.size() < (1 << 20)) f.data.append(buf.data(), static_cast<size_t>(k));
      f.bytes += static_cast<uint64_t>(k);
    }
    files.push_back(std::move(f));
  }
  void OnInventory(InventoryItem item) override {
    item.source = Relative(item.source);
    items.push_back(std::move(item));
  }
  void OnProblem(Problem p) override {
    p.source = Relative(p.source);
    problems.push_back(std::move(p));
  }

  // "read" (a file drained to its end), "failed: why" (a file whose read
  // failed), or the inventory status and reason; "" if never seen.
  std::string Status(const std::string& source) const {
    for (const File& f : files)
      if (f.info.source == source) return f.error.empty() ? "read" : "failed: " + f.error;
    for (const InventoryItem& i : items)
      if (i.source == source)
        return std::string(EntryStatusName(i.status)) + (i.reason.empty() ? "" : ": " + i.reason);
    return "";
  }
  const File* FindFile(const std::string& source) const {
    for (const File& f : files)
      if (f.info.source == source) return &f;
    return nullptr;
  }
  const InventoryItem* FindItem(const std::string& source) const {
    for (const InventoryItem& i : items)
      if (i.source == source) return &i;
    return nullptr;
  }
  // Every source seen, with how many times (files and inventory together).
  std::map<std::string, int> Seen() const {
    std::map<std::string, int> seen;
    for (const File& f : files) ++seen[f.info.source];
    for (const InventoryItem& i : items) ++seen[i.source];
    return seen;
  }
  std::string Problems() const {
    std::string out;
    for (const Problem& p : problems) out += p.source + ": " + p.message + "\n";
    return out;
  }

  std::vector<File> files;
  std::vector<InventoryItem> items;
  std::vector<Problem> problems;

 private:
  std::string Relative(const std::string& s) const {
    return s.rfind(prefix_, 0) == 0 ? s.substr(prefix_.size()) : s;
  }
  std::string prefix_;
};

// Reads `relative` inside `dir` with `limits`; returns ReadInput's result.
bool ReadInput(const TempDir& dir, const std::string& relative, Recorder& rec,
               const Limits& limits = Limits(), uint64_t* entries = nullptr) {
  BundleReader reader(limits, rec);
  const bool ok = reader.ReadInput(dir.path() + "/" + relative);
  if (entries != nullptr) *entries = reader.entries();
  return ok;
}

// Checks that each source is seen exactly once and that nothing else is.
void CheckSeenOnce(const Recorder& rec, std::vector<std::string> expected) {
  std::map<std::string, int> want;
  for (const auto& s : expected) want[s] = 1;
  const auto seen = rec.Seen();
  for (const auto& [source, n] : seen) CHECK_MESSAGE(want.count(source) == 1, "unexpected: " << source);
  for (const auto& [source, n] : want) CHECK_MESSAGE(seen.count(source) == 1, "missing: " << source);
  for (const auto& [source, n] : seen) CHECK_MESSAGE(n == 1, source << " seen " << n << " times");
}

const std::string kLog = "2026-11-18T09:12:04Z Error [UsageBridge] Usage upload failed\n";

// A bundle as engineers send it: zips inside a zip, three levels deep.
std::string ThreeDeepBundle() {
  const std::string inner = ArchiveBuilder(ArchiveType::kZip).File("AzS-XRP01/bridge.log", kLog).Build();
  const std::string role = ArchiveBuilder(ArchiveType::kZip)
                               .Dir("AzureBridge/")
                               .File("AzureBridge/AzS-XRP01/trace.log", "trace\n")
                               .File("AzureBridge/AzS-XRP01/inner.zip", inner)
                               .Build();
  return ArchiveBuilder(ArchiveType::kZip)
      .File("AzureStackLogs-x/Get-AzureStackLog_Output.log", "VERBOSE: collecting\n")
      .File("AzureStackLogs-x/AzureBridge-1.zip", role)
      .Build();
}

TEST_CASE("bundle_reader: a directory named with trailing slashes gives the same sources") {
  TempDir dir;
  dir.Write("bundle/AzS-XRP01/a.log", kLog);
  dir.Write("bundle/b.zip", ArchiveBuilder(ArchiveType::kZip).File("c.log", kLog).Build());
  Recorder rec(dir);
  CHECK(ReadInput(dir, "bundle//", rec));
  CheckSeenOnce(rec, {"bundle/AzS-XRP01/a.log", "bundle/b.zip", "bundle/b.zip!/c.log"});
}

TEST_CASE("bundle_reader: zips inside zips, three deep, with the \"!/\" chain") {
  TempDir dir;
  dir.Write("bundle.zip", ThreeDeepBundle());
  Recorder rec(dir);
  uint64_t entries = 0;
  CHECK(ReadInput(dir, "bundle.zip", rec, Limits(), &entries));
  const std::string role = "bundle.zip!/AzureStackLogs-x/AzureBridge-1.zip";
  const std::string inner = role + "!/AzureBridge/AzS-XRP01/inner.zip";
  CheckSeenOnce(rec, {"bundle.zip", "bundle.zip!/AzureStackLogs-x/Get-AzureStackLog_Output.log", role,
                      role + "!/AzureBridge/AzS-XRP01/trace.log", inner, inner + "!/AzS-XRP01/bridge.log"});
  const Recorder::File* deepest = rec.FindFile(inner + "!/AzS-XRP01/bridge.log");
  REQUIRE(deepest != nullptr);
  CHECK(deepest->data == kLog);
  CHECK(deepest->info.name == "AzS-XRP01/bridge.log");
  CHECK(deepest->info.depth == 3);
  CHECK(deepest->info.size == static_cast<int64_t>(kLog.size()));
  CHECK(rec.FindFile(role + "!/AzureBridge/AzS-XRP01/trace.log")->info.depth == 2);
  CHECK(rec.FindItem("bundle.zip")->kind == "archive");
  CHECK(rec.FindItem("bundle.zip")->entries == 2);
  CHECK(rec.FindItem(role)->entries == 3);  // the folder counts as a member, not as an entry
  CHECK(rec.Status(inner) == "read");
  CHECK(entries == 5);
  CHECK(rec.problems.empty());
}

TEST_CASE("bundle_reader: split role zips in a collection folder are both read") {
  TempDir dir;
  dir.Write("AzureStackLogs-20261118093000-AZS-ERCS01/AzureBridge-20261118-1.zip",
            ArchiveBuilder(ArchiveType::kZip).File("AzureBridge/AzS-XRP01/a.log", "one\n").Build());
  dir.Write("AzureStackLogs-20261118093000-AZS-ERCS01/AzureBridge-20261118-2.zip",
            ArchiveBuilder(ArchiveType::kZip).File("AzureBridge/AzS-XRP02/b.log", "two\n").Build());
  Recorder rec(dir);
  CHECK(ReadInput(dir, "AzureStackLogs-20261118093000-AZS-ERCS01", rec));
  const std::string folder = "AzureStackLogs-20261118093000-AZS-ERCS01/";
  CheckSeenOnce(rec, {folder + "AzureBridge-20261118-1.zip", folder + "AzureBridge-20261118-2.zip",
                      folder + "AzureBridge-20261118-1.zip!/AzureBridge/AzS-XRP01/a.log",
                      folder + "AzureBridge-20261118-2.zip!/AzureBridge/AzS-XRP02/b.log"});
  CHECK(rec.FindFile(folder + "AzureBridge-20261118-2.zip!/AzureBridge/AzS-XRP02/b.log")->data == "two\n");
}

TEST_CASE("bundle_reader: a tar.gz repack holding a role zip") {
  TempDir dir;
  const std::string role = ArchiveBuilder(ArchiveType::kZip).File("AzureBridge/AzS-XRP01/b.log", kLog).Build();
  dir.Write("bundle.tar.gz", ArchiveBuilder(ArchiveType::kTarGz)
                                 .File("logs/AzureBridge-1.zip", role)
                                 .File("logs/readme.txt", "hello\n")
                                 .Build());
  Recorder rec(dir);
  CHECK(ReadInput(dir, "bundle.tar.gz", rec));
  CheckSeenOnce(rec, {"bundle.tar.gz", "bundle.tar.gz!/logs/AzureBridge-1.zip",
                      "bundle.tar.gz!/logs/AzureBridge-1.zip!/AzureBridge/AzS-XRP01/b.log",
                      "bundle.tar.gz!/logs/readme.txt"});
  CHECK(rec.FindFile("bundle.tar.gz!/logs/AzureBridge-1.zip!/AzureBridge/AzS-XRP01/b.log")->data == kLog);
}

TEST_CASE("bundle_reader: 7z, on its own and nested in a zip") {
  TempDir dir;
  const std::string seven = ArchiveBuilder(ArchiveType::k7z)
                                .File("AzureBridge/AzS-XRP01/b.log", kLog)
                                .File("AzureBridge/AzS-XRP01/c.log", "second\n")
                                .Build();
  REQUIRE(seven.substr(0, 6) == std::string("7z\xBC\xAF\x27\x1C", 6));
  dir.Write("bundle.7z", seven);
  dir.Write("outer.zip", ArchiveBuilder(ArchiveType::kZip).File("AzureBridge-1.7z", seven).Build());

  Recorder rec(dir);
  CHECK(ReadInput(dir, "bundle.7z", rec));
  CHECK(ReadInput(dir, "outer.zip", rec));
  CheckSeenOnce(rec, {"bundle.7z", "bundle.7z!/AzureBridge/AzS-XRP01/b.log",
                      "bundle.7z!/AzureBridge/AzS-XRP01/c.log", "outer.zip", "outer.zip!/AzureBridge-1.7z",
                      "outer.zip!/AzureBridge-1.7z!/AzureBridge/AzS-XRP01/b.log",
                      "outer.zip!/AzureBridge-1.7z!/AzureBridge/AzS-XRP01/c.log"});
  CHECK(rec.FindFile("outer.zip!/AzureBridge-1.7z!/AzureBridge/AzS-XRP01/c.log")->data == "second\n");
}

TEST_CASE("bundle_reader: a single .gz log, on its own and inside a zip") {
  TempDir dir;
  dir.Write("bridge.log.gz", test::Gzip(kLog));
  dir.Write("b.zip", ArchiveBuilder(ArchiveType::kZip).File("AzureBridge/trace.log.gz", test::Gzip("t\n")).Build());
  Recorder rec(dir);
  CHECK(ReadInput(dir, "bridge.log.gz", rec));
  CHECK(ReadInput(dir, "b.zip", rec));
  CheckSeenOnce(rec, {"bridge.log.gz", "bridge.log.gz!/bridge.log", "b.zip", "b.zip!/AzureBridge/trace.log.gz",
                      "b.zip!/AzureBridge/trace.log.gz!/trace.log"});
  CHECK(rec.FindFile("bridge.log.gz!/bridge.log")->data == kLog);
  CHECK(rec.FindFile("bridge.log.gz!/bridge.log")->info.name == "bridge.log");
  CHECK(rec.FindFile("b.zip!/AzureBridge/trace.log.gz!/trace.log")->data == "t\n");
}

TEST_CASE("bundle_reader: a zip in a .gz is streamed, and its nested zip too") {
  TempDir dir;
  const std::string role = ArchiveBuilder(ArchiveType::kZip).File("AzureBridge/AzS-XRP01/b.log", kLog).Build();
  dir.Write("bundle.zip.gz",
            test::Gzip(ArchiveBuilder(ArchiveType::kZip).File("AzureBridge-1.zip", role).Build()));
  Recorder rec(dir);
  CHECK(ReadInput(dir, "bundle.zip.gz", rec));
  CHECK(rec.Status("bundle.zip.gz!/AzureBridge-1.zip!/AzureBridge/AzS-XRP01/b.log") == "read");
  CHECK(rec.FindFile("bundle.zip.gz!/AzureBridge-1.zip!/AzureBridge/AzS-XRP01/b.log")->data == kLog);
  CHECK_MESSAGE(rec.problems.empty(), rec.Problems());
}

TEST_CASE("bundle_reader: a directory input reads files in sorted order and never follows links") {
  TempDir dir;
  dir.Write("bundle/AzureBridge/b.log", "b\n");
  dir.Write("bundle/AzureBridge/a.log", "a\n");
  dir.Write("outside/secret.log", "must not be read\n");
  dir.Symlink("bundle/AzureBridge/link.log", "a.log");
  dir.Symlink("bundle/escape", dir.path() + "/outside");
  dir.Symlink("bundle/dangling.log", "nowhere.log");
  Recorder rec(dir);
  CHECK(ReadInput(dir, "bundle", rec));
  CheckSeenOnce(rec, {"bundle/AzureBridge/a.log", "bundle/AzureBridge/b.log", "bundle/AzureBridge/link.log",
                      "bundle/escape", "bundle/dangling.log"});
  REQUIRE(rec.files.size() == 2);
  CHECK(rec.files[0].info.source == "bundle/AzureBridge/a.log");
  CHECK(rec.files[1].info.source == "bundle/AzureBridge/b.log");
  CHECK(rec.Status("bundle/AzureBridge/link.log") == "skipped: symbolic link: links are never followed");
  CHECK(rec.Status("bundle/escape") == "skipped: symbolic link: links are never followed");
  CHECK(rec.Status("bundle/dangling.log") == "skipped: symbolic link: links are never followed");
}

TEST_CASE("bundle_reader: zip members with '..' or absolute paths are skipped as unsafe") {
  TempDir dir;
  dir.Write("evil.zip", ArchiveBuilder(ArchiveType::kZip)
                            .File("../escape.log", "x\n")
                            .File("/etc/abs.log", "x\n")
                            .File("AzureBridge/../../up.log", "x\n")
                            .File("C:\\Windows\\drive.log", "x\n")
                            .File("AzureBridge/ok..log", "fine\n")
                            .Build());
  Recorder rec(dir);
  CHECK(ReadInput(dir, "evil.zip", rec));
  const std::string unsafe = "skipped: unsafe path (absolute or containing '..'): never followed";
  CHECK(rec.Status("evil.zip!/../escape.log") == unsafe);
  CHECK(rec.Status("evil.zip!//etc/abs.log") == unsafe);
  CHECK(rec.Status("evil.zip!/AzureBridge/../../up.log") == unsafe);
  CHECK(rec.Status("evil.zip!/C:/Windows/drive.log") == unsafe);  // libarchive reads \\ as /
  CHECK(rec.Status("evil.zip!/AzureBridge/ok..log") == "read");
  CHECK(rec.files.size() == 1);
  CHECK(rec.Seen().size() == 6);
}

TEST_CASE("bundle_reader: symbolic and hard links in a tar are skipped, not followed") {
  TempDir dir;
  dir.Write("links.tar", ArchiveBuilder(ArchiveType::kTar)
                             .File("logs/a.log", "a\n")
                             .Symlink("logs/sym.log", "a.log")
                             .Symlink("logs/up.log", "../../etc/passwd")
                             .Hardlink("logs/hard.log", "logs/a.log")
                             .Build());
  Recorder rec(dir);
  CHECK(ReadInput(dir, "links.tar", rec));
  CheckSeenOnce(rec, {"links.tar", "links.tar!/logs/a.log", "links.tar!/logs/sym.log", "links.tar!/logs/up.log",
                      "links.tar!/logs/hard.log"});
  CHECK(rec.Status("links.tar!/logs/a.log") == "read");
  CHECK(rec.Status("links.tar!/logs/sym.log") == "skipped: symbolic link to 'a.log': links are never followed");
  CHECK(rec.Status("links.tar!/logs/up.log") ==
        "skipped: symbolic link to '../../etc/passwd': links are never followed");
  CHECK(rec.Status("links.tar!/logs/hard.log") ==
        "skipped: hard link to 'logs/a.log': links are never followed");
}

TEST_CASE("bundle_reader: a symbolic link inside a zip is skipped") {
  TempDir dir;
  dir.Write("l.zip", ArchiveBuilder(ArchiveType::kZip).File("a.log", "a\n").Symlink("s.log", "/etc/passwd").Build());
  Recorder rec(dir);
  CHECK(ReadInput(dir, "l.zip", rec));
  CHECK(rec.Status("l.zip!/s.log") == "skipped: symbolic link to '/etc/passwd': links are never followed");
  CHECK(rec.Status("l.zip!/a.log") == "read");
}

TEST_CASE("bundle_reader: binary members are skipped with the reason, by name") {
  TempDir dir;
  dir.Write("b.zip", ArchiveBuilder(ArchiveType::kZip)
                         .File("AzS-XRP01/trace.etl", "ETW\0\0\0binary"s)
                         .File("AzS-XRP01/System.EVTX", "ElfFile\0"s)
                         .File("AzS-XRP01/bridge.dmp", "MDMP")
                         .File("AzS-XRP01/ok.log", "ok\n")
                         .Build());
  Recorder rec(dir);
  CHECK(ReadInput(dir, "b.zip", rec));
  CHECK(rec.Status("b.zip!/AzS-XRP01/trace.etl") ==
        "skipped: ETW binary trace (.etl): binary format, not readable as text");
  CHECK(rec.Status("b.zip!/AzS-XRP01/System.EVTX") ==
        "skipped: Windows event log (.evtx): binary format, not readable as text");
  CHECK(rec.Status("b.zip!/AzS-XRP01/bridge.dmp") ==
        "skipped: memory dump (.dmp): binary format, not readable as text");
  CHECK(rec.Status("b.zip!/AzS-XRP01/ok.log") == "read");
}

TEST_CASE("bundle_reader: limit max_depth skips deeper archives and reads the rest") {
  TempDir dir;
  dir.Write("bundle.zip", ThreeDeepBundle());
  Limits limits;
  limits.max_depth = 2;
  Recorder rec(dir);
  CHECK(ReadInput(dir, "bundle.zip", rec, limits));
  const std::string role = "bundle.zip!/AzureStackLogs-x/AzureBridge-1.zip";
  CHECK(rec.Status(role + "!/AzureBridge/AzS-XRP01/inner.zip") ==
        "skipped: archive nested deeper than 2 levels (--max-depth): not opened");
  CHECK(rec.Status(role + "!/AzureBridge/AzS-XRP01/trace.log") == "read");
  CHECK(rec.Status("bundle.zip!/AzureStackLogs-x/Get-AzureStackLog_Output.log") == "read");
  CHECK(rec.Status(role + "!/AzureBridge/AzS-XRP01/inner.zip!/AzS-XRP01/bridge.log") == "");
  CHECK(rec.Seen().size() == 5);
}

TEST_CASE("bundle_reader: limit max_expansion_ratio stops a bomb, the rest is read") {
  TempDir dir;
  // 50 MiB of zeros deflate to ~50 KiB: a ratio near 1000:1, ten times the limit.
  const std::string bomb = ArchiveBuilder(ArchiveType::kZip)
                               .File("zeros.log", std::string(50 << 20, '\0'))
                               .File("after-bomb.log", "abandoned\n")
                               .Build();
  dir.Write("bundle.zip", ArchiveBuilder(ArchiveType::kZipStored)
                              .File("a-first.log", "first\n")
                              .File("bomb.zip", bomb)
                              .File("z-last.log", "last\n")
                              .Build());
  Limits limits;
  limits.max_expansion_ratio = 100;
  Recorder rec(dir);
  CHECK(ReadInput(dir, "bundle.zip", rec, limits));
  const std::string zeros = "bundle.zip!/bomb.zip!/zeros.log";
  REQUIRE(rec.FindFile(zeros) != nullptr);
  CHECK(rec.FindFile(zeros)->bytes < (10u << 20));  // stopped early, not after 50 MiB
  CHECK(rec.Status(zeros).rfind("failed: expansion ratio over 100:1", 0) == 0);
  CHECK(rec.Status(zeros).find("decompression bomb? (--max-expansion-ratio)") != std::string::npos);
  // The bomb's zip was loaded, so each member is read from its own place:
  // leaving the bomb costs nothing, and the members after it are read.
  CHECK(rec.problems.empty());
  CHECK(rec.Status("bundle.zip!/bomb.zip!/after-bomb.log") == "read");
  CHECK(rec.Status("bundle.zip!/a-first.log") == "read");
  CHECK(rec.Status("bundle.zip!/z-last.log") == "read");
  CHECK(rec.Status("bundle.zip!/bomb.zip") == "read");
}

TEST_CASE("bundle_reader: a top-level bomb is caught against the file size") {
  TempDir dir;
  dir.Write("bomb.zip", ArchiveBuilder(ArchiveType::kZip).File("zeros.log", std::string(50 << 20, '\0')).Build());
  Limits limits;
  limits.max_expansion_ratio = 100;
  Recorder rec(dir);
  CHECK(ReadInput(dir, "bomb.zip", rec, limits));
  CHECK(rec.Status("bomb.zip!/zeros.log").rfind("failed: expansion ratio over 100:1", 0) == 0);
  CHECK(rec.FindFile("bomb.zip!/zeros.log")->bytes < (10u << 20));
}

TEST_CASE("bundle_reader: a bomb in a nested zip that must be streamed is caught too") {
  TempDir dir;
  // Inside a .gz the outer zip is read as a stream: its members' sizes are
  // unknown, so the nested zip is streamed rather than loaded.
  const std::string bomb = ArchiveBuilder(ArchiveType::kZip).File("zeros.log", std::string(50 << 20, '\0')).Build();
  dir.Write("bundle.zip.gz", test::Gzip(ArchiveBuilder(ArchiveType::kZip)
                                            .File("bomb.zip", bomb)
                                            .File("z-last.log", "last\n")
                                            .Build()));
  Limits limits;
  limits.max_expansion_ratio = 100;
  Recorder rec(dir);
  CHECK(ReadInput(dir, "bundle.zip.gz", rec, limits));
  INFO(rec.Problems());
  const std::string zeros = "bundle.zip.gz!/bomb.zip!/zeros.log";
  CHECK(rec.Status(zeros).rfind("failed: expansion ratio over 100:1", 0) == 0);
  REQUIRE(rec.FindFile(zeros) != nullptr);
  CHECK(rec.FindFile(zeros)->bytes < (10u << 20));
  CHECK(rec.Status("bundle.zip.gz!/z-last.log") == "read");
}

TEST_CASE("bundle_reader: limit max_total_bytes stops decompressing, what was read is kept") {
  TempDir dir;
  const std::string big(600 << 10, 'x');
  dir.Write("bundle/a.zip", ArchiveBuilder(ArchiveType::kZip)
                                .File("big1.log", big)
                                .File("big2.log", big)
                                .File("small.log", "small\n")
                                .Build());
  dir.Write("bundle/b.zip", ArchiveBuilder(ArchiveType::kZip).File("later.log", "later\n").Build());
  dir.Write("bundle/c-plain.log", "plain\n");
  Limits limits;
  limits.max_total_bytes = 1 << 20;
  Recorder rec(dir);
  CHECK(ReadInput(dir, "bundle", rec, limits));
  CHECK(rec.Status("bundle/a.zip!/big1.log") == "read");
  CHECK(rec.FindFile("bundle/a.zip!/big1.log")->bytes == big.size());
  CHECK(rec.Status("bundle/a.zip!/big2.log").rfind("failed: more than 1048576 bytes decompressed", 0) == 0);
  INFO(rec.Problems());
  REQUIRE(rec.problems.size() == 2);
  CHECK(rec.problems[0].source == "bundle/a.zip!/big2.log");
  CHECK(rec.problems[0].message ==
        "more than 1048576 bytes decompressed for this input (--max-total-bytes); reading stopped");
  CHECK(rec.problems[1].source == "bundle/a.zip");
  CHECK(rec.problems[1].message.rfind("members after big2.log were not read or listed", 0) == 0);
  // Reading stopped: nothing after the limit was opened.
  CHECK(rec.Status("bundle/a.zip!/small.log") == "");
  CHECK(rec.Status("bundle/b.zip") == "");
  CHECK(rec.Status("bundle/c-plain.log") == "");
}

TEST_CASE("bundle_reader: limit max_entries stops counting members, what was read is kept") {
  TempDir dir;
  ArchiveBuilder many(ArchiveType::kZip);
  for (int i = 1; i <= 5; ++i) many.File("f" + std::to_string(i) + ".log", "x\n");
  dir.Write("many.zip", many.Build());
  Limits limits;
  limits.max_entries = 3;
  Recorder rec(dir);
  uint64_t entries = 0;
  CHECK(ReadInput(dir, "many.zip", rec, limits, &entries));
  CheckSeenOnce(rec, {"many.zip", "many.zip!/f1.log", "many.zip!/f2.log", "many.zip!/f3.log"});
  REQUIRE(rec.problems.size() == 1);
  CHECK(rec.problems[0].source == "many.zip!/f4.log");
  CHECK(rec.problems[0].message == "more than 3 entries in this input (--max-entries): the rest is not read");
}

TEST_CASE("bundle_reader: limit max_entries in a directory input") {
  TempDir dir;
  for (const char* f : {"d/1.log", "d/2.log", "d/3.log"}) dir.Write(f, "x\n");
  Limits limits;
  limits.max_entries = 2;
  Recorder rec(dir);
  CHECK(ReadInput(dir, "d", rec, limits));
  CheckSeenOnce(rec, {"d/1.log", "d/2.log"});
  REQUIRE(rec.problems.size() == 1);
  CHECK(rec.problems[0].message == "more than 2 entries in this input (--max-entries): the rest is not read");
}

TEST_CASE("bundle_reader: limit max_in_memory_archive fails a 7z that would have to be loaded") {
  TempDir dir;
  const std::string seven = ArchiveBuilder(ArchiveType::k7z).File("b.log", kLog).Build();
  dir.Write("outer.zip",
            ArchiveBuilder(ArchiveType::kZip).File("AzureBridge-1.7z", seven).File("z.log", "z\n").Build());
  Limits limits;
  limits.max_in_memory_archive = 64;
  Recorder rec(dir);
  CHECK(ReadInput(dir, "outer.zip", rec, limits));
  CHECK(rec.Status("outer.zip!/AzureBridge-1.7z") ==
        "failed: nested archive over 64 bytes must be loaded to be read (--max-in-memory-archive)");
  CHECK(rec.Status("outer.zip!/z.log") == "read");
}

TEST_CASE("bundle_reader: a truncated zip gives what it can and says it ends early") {
  TempDir dir;
  std::string text;
  for (int i = 0; text.size() < 300000; ++i) text += "line " + std::to_string(i * 7919 % 100003) + "\n";
  const std::string zip = ArchiveBuilder(ArchiveType::kZip)
                              .File("a.log", "first\n")
                              .File("b.log", text)
                              .File("c.log", "third\n")
                              .Build();
  dir.Write("cut.zip", zip.substr(0, zip.size() / 2));
  Recorder rec(dir);
  CHECK(ReadInput(dir, "cut.zip", rec));
  INFO(rec.Problems());
  CHECK(rec.Status("cut.zip!/a.log") == "read");
  CHECK(rec.FindFile("cut.zip!/a.log")->data == "first\n");
  CHECK(rec.Status("cut.zip!/b.log").rfind("failed: ", 0) == 0);
  CHECK(rec.Status("cut.zip!/c.log") == "");
  CHECK(rec.Status("cut.zip") == "read");
  REQUIRE(rec.problems.size() == 1);
  CHECK(rec.problems[0].source == "cut.zip");
  CHECK(rec.problems[0].message.rfind("archive ends early (truncated or corrupt) after 2 entries: ", 0) == 0);
}

TEST_CASE("bundle_reader: a file named .zip that is not an archive fails clearly") {
  TempDir dir;
  dir.Write("fake.zip", "this is plain text, not a zip\n");
  Recorder rec(dir);
  CHECK_FALSE(ReadInput(dir, "fake.zip", rec));
  REQUIRE(rec.items.size() == 1);
  CHECK(rec.items[0].kind == "archive");
  CHECK(rec.Status("fake.zip").rfind("failed: not a readable archive: ", 0) == 0);
  CHECK(rec.files.empty());
}

TEST_CASE("bundle_reader: a fake archive nested in a zip fails alone") {
  TempDir dir;
  dir.Write("b.zip", ArchiveBuilder(ArchiveType::kZip).File("fake.zip", "not a zip\n").File("ok.log", "ok\n").Build());
  Recorder rec(dir);
  CHECK(ReadInput(dir, "b.zip", rec));
  CHECK(rec.Status("b.zip!/fake.zip").rfind("failed: not a readable archive", 0) == 0);
  CHECK(rec.Status("b.zip!/ok.log") == "read");
  CHECK(rec.Seen().size() == 3);
}

TEST_CASE("bundle_reader: a missing input fails with the reason") {
  TempDir dir;
  Recorder rec(dir);
  CHECK_FALSE(ReadInput(dir, "missing.zip", rec));
  CHECK(rec.Status("missing.zip") == "failed: cannot open: No such file or directory");
}

TEST_CASE("bundle_reader: inputs that are not regular files") {
  TempDir dir;
  dir.Symlink("dangling.zip", "nowhere.zip");
  dir.Write("real.log", "real\n");
  dir.Symlink("named-link.log", "real.log");
  Recorder rec(dir);
  CHECK_FALSE(ReadInput(dir, "dangling.zip", rec));
  CHECK(rec.Status("dangling.zip") == "failed: dangling symbolic link");
  // A link the user names on the command line is the user's choice: followed.
  CHECK(ReadInput(dir, "named-link.log", rec));
  CHECK(rec.FindFile("named-link.log")->data == "real\n");

  BundleReader reader(Limits(), rec);
  CHECK_FALSE(reader.ReadInput("/dev/null"));
  CHECK(rec.Status("/dev/null") == "failed: not a regular file");
}

TEST_CASE("bundle_reader: a FIFO in a directory input is skipped, not opened") {
  TempDir dir;
  dir.Write("d/a.log", "a\n");
  REQUIRE(::mkfifo((dir.path() + "/d/pipe.log").c_str(), 0600) == 0);
  Recorder rec(dir);
  CHECK(ReadInput(dir, "d", rec));
  CHECK(rec.Status("d/pipe.log") == "skipped: not a regular file");
  CHECK(rec.Status("d/a.log") == "read");
}

TEST_CASE("bundle_reader: an encrypted zip member fails with the reason") {
  std::string zip;
  try {
    test::ArchiveBuilder b(ArchiveType::kZip);
    b.Encrypted("secret").File("AzS-XRP01/secret.log", "hidden\n").File("AzS-XRP01/plain.log", "x\n");
    zip = b.Build();
  } catch (const std::exception& e) {
    MESSAGE("libarchive cannot write encrypted zips here (" << e.what() << "): test skipped");
    return;
  }
  TempDir dir;
  dir.Write("enc.zip", zip);
  Recorder rec(dir);
  CHECK(ReadInput(dir, "enc.zip", rec));
  CHECK(rec.Status("enc.zip!/AzS-XRP01/secret.log") ==
        "failed: encrypted member: cannot be read without its password");
}

TEST_CASE("bundle_reader: a plain text file is an input too") {
  TempDir dir;
  dir.Write("bridge.log", kLog);
  Recorder rec(dir);
  CHECK(ReadInput(dir, "bridge.log", rec));
  REQUIRE(rec.files.size() == 1);
  CHECK(rec.files[0].info.source == "bridge.log");
  CHECK(rec.files[0].info.depth == 0);
  CHECK(rec.files[0].data == kLog);
}

TEST_CASE("bundle_reader: every entry of a mixed bundle is in the inventory exactly once") {
  TempDir dir;
  const std::string role1 = ArchiveBuilder(ArchiveType::kZip)
                                .File("AzureBridge/AzS-XRP01/a.log", kLog)
                                .File("AzureBridge/AzS-XRP01/trace.etl", "ETW\0"s)
                                .Symlink("AzureBridge/AzS-XRP01/link.log", "a.log")
                                .File("AzureBridge/../escape.log", "x\n")
                                .Build();
  const std::string role2 = ArchiveBuilder(ArchiveType::k7z).File("WASPUBLIC/AzS-WASP01/u_ex.log", "w\n").Build();
  dir.Write("AzureStackLogs-x/AzureBridge-1.zip", role1);
  dir.Write("AzureStackLogs-x/WASPUBLIC-1.7z", role2);
  dir.Write("AzureStackLogs-x/broken.zip", "garbage");
  dir.Write("AzureStackLogs-x/Get-AzureStackLog_Output.log", "VERBOSE: done\n");
  dir.Write("AzureStackLogs-x/notes.log.gz", test::Gzip("n\n"));
  Recorder rec(dir);
  CHECK(ReadInput(dir, "AzureStackLogs-x", rec));
  const std::string b = "AzureStackLogs-x/";
  CheckSeenOnce(rec, {b + "AzureBridge-1.zip", b + "AzureBridge-1.zip!/AzureBridge/AzS-XRP01/a.log",
                      b + "AzureBridge-1.zip!/AzureBridge/AzS-XRP01/trace.etl",
                      b + "AzureBridge-1.zip!/AzureBridge/AzS-XRP01/link.log",
                      b + "AzureBridge-1.zip!/AzureBridge/../escape.log", b + "WASPUBLIC-1.7z",
                      b + "WASPUBLIC-1.7z!/WASPUBLIC/AzS-WASP01/u_ex.log", b + "broken.zip",
                      b + "Get-AzureStackLog_Output.log", b + "notes.log.gz", b + "notes.log.gz!/notes.log"});
  for (const InventoryItem& item : rec.items) {
    CAPTURE(item.source);
    CHECK((item.kind == "file" || item.kind == "archive"));
    if (item.status != EntryStatus::kRead) CHECK_FALSE(item.reason.empty());
  }
}

TEST_CASE("bundle_reader: ClassifyMember judges by magic bytes first, then by name") {
  std::string why;
  CHECK(ClassifyMember("x.log", "PK\x03\x04", &why) == MemberKind::kArchive);
  CHECK(ClassifyMember("x.log", "\x1F\x8B\x08", &why) == MemberKind::kCompressedFile);
  CHECK(ClassifyMember("x.tgz", "\x1F\x8B\x08", &why) == MemberKind::kArchive);
  CHECK(ClassifyMember("x.TAR.GZ", "\x1F\x8B\x08", &why) == MemberKind::kArchive);
  CHECK(ClassifyMember("x.zip", "not a zip", &why) == MemberKind::kArchive);
  CHECK(ClassifyMember("X.ETL", "whatever", &why) == MemberKind::kBinary);
  CHECK(why == "ETW binary trace (.etl): binary format, not readable as text");
  CHECK(ClassifyMember("AzS-XRP01/bridge.log", "2026-11-18 text", &why) == MemberKind::kText);
  CHECK(ClassifyMember("README", "text", &why) == MemberKind::kText);
}

}  // namespace
}  // namespace analyzer
