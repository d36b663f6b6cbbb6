#include "zip_directory.h"

#include <doctest/doctest.h>

#include <atomic>
#include <memory>
#include <thread>

#include "archive_builder.h"
#include "inflate_source.h"
#include "random_access.h"
#include "zip_bytes.h"

namespace analyzer {
namespace {

using test::ArchiveBuilder;
using test::ArchiveType;
using test::ZipBytes;
using test::ZipMember;
using namespace std::string_literals;

std::shared_ptr<const RandomAccess> InMemory(std::string bytes) {
  return std::make_shared<MemoryRange>(std::make_shared<const std::string>(std::move(bytes)));
}

ZipDirectory Parse(const std::string& zip, uint64_t max_entries = 1000) {
  return ZipDirectory::Parse(*InMemory(zip), max_entries);
}

// Every member of `zip` read through ResolveData and ZipMemberSource,
// name -> data; a member that fails maps to "error: why".
std::map<std::string, std::string> OurMembers(std::shared_ptr<const RandomAccess> zip,
                                              const ZipDirectory& dir) {
  std::map<std::string, std::string> members;
  for (const ZipEntry& e : dir.entries()) {
    if (e.is_directory()) continue;
    std::string why, data;
    uint64_t offset = 0;
    std::unique_ptr<ZipMemberSource> src;
    if (dir.ResolveData(*zip, e, &offset, &why))
      src = ZipMemberSource::Open(zip, e, offset, Limits(), nullptr, &why);
    if (src && !ReadUpTo(*src, SIZE_MAX, &data)) why = src->error();
    members[e.name] = src && why.empty() ? data : "error: " + why;
  }
  return members;
}

std::string LogText(size_t lines) {
  std::string s;
  for (size_t i = 0; i < lines; ++i)
    s += "2025-03-01T10:" + std::to_string(i % 60) + ":00Z AzS-XRP01 bridge: request " +
         std::to_string(i * 7919 % 100003) + " done\n";
  return s;
}

TEST_CASE("RandomAccess: memory and file ranges, slices, bounds") {
  const std::string bytes = "0123456789abcdef";
  const MemoryRange memory(std::make_shared<const std::string>(bytes));
  std::string error;
  char buf[8] = {};
  CHECK(memory.size() == 16);
  REQUIRE(memory.ReadAt(10, buf, 6, &error));
  CHECK(std::string(buf, 6) == "abcdef");
  CHECK_FALSE(memory.ReadAt(11, buf, 6, &error));
  CHECK(error.find("outside") != std::string::npos);
  CHECK_FALSE(memory.ReadAt(UINT64_MAX, buf, 2, &error));  // no wrap-around

  auto slice = memory.Slice(4, 8, &error);  // "456789ab"
  REQUIRE(slice);
  auto inner = slice->Slice(2, 4, &error);  // "6789"
  REQUIRE(inner);
  slice.reset();  // the inner range keeps the buffer alive
  REQUIRE(inner->ReadAt(0, buf, 4, &error));
  CHECK(std::string(buf, 4) == "6789");
  CHECK_FALSE(inner->ReadAt(1, buf, 4, &error));
  CHECK_FALSE(memory.Slice(10, 7, &error));
  CHECK_FALSE(memory.Slice(UINT64_MAX, 2, &error));

  test::TempDir dir;
  const std::string path = dir.Write("bytes.bin", bytes);
  auto file = FileRange::Open(path, &error);
  REQUIRE(file);
  CHECK(file->size() == 16);
  auto file_slice = file->Slice(8, 8, &error);
  file.reset();  // the slice keeps the descriptor open
  REQUIRE(file_slice);
  REQUIRE(file_slice->ReadAt(2, buf, 6, &error));
  CHECK(std::string(buf, 6) == "abcdef");
  CHECK_FALSE(file_slice->ReadAt(3, buf, 6, &error));

  CHECK_FALSE(FileRange::Open(dir.Symlink("link.bin", path), &error));
  CHECK(error.find("symbolic link") != std::string::npos);
  CHECK_FALSE(FileRange::Open(dir.path(), &error));
  CHECK(error.find("not a regular file") != std::string::npos);
  CHECK_FALSE(FileRange::Open(dir.path() + "/missing", &error));
}

TEST_CASE("ZipDirectory: a zip written by libarchive, deflated and stored") {
  const std::string text = LogText(2000);
  for (ArchiveType type : {ArchiveType::kZip, ArchiveType::kZipStored}) {
    const std::string zip = ArchiveBuilder(type)
                                .Dir("AzureBridge/")
                                .File("AzureBridge/AzS-XRP01/bridge.log", text)
                                .File("AzureBridge/empty.log", "")
                                .File("AzureBridge/small.log", "one line\n")
                                .Build();
    auto ra = InMemory(zip);
    const ZipDirectory dir = ZipDirectory::Parse(*ra, 1000);
    REQUIRE_MESSAGE(dir.ok(), dir.error());
    REQUIRE(dir.entries().size() == 4);
    CHECK(dir.entries()[0].is_directory());
    const ZipEntry& log = dir.entries()[1];
    CHECK(log.name == "AzureBridge/AzS-XRP01/bridge.log");
    CHECK(log.method == (type == ArchiveType::kZip ? 8 : 0));
    CHECK(log.uncompressed_size == text.size());
    CHECK(log.crc32 == test::Crc32(text));
    CHECK_FALSE(log.encrypted());
    CHECK(dir.comment().empty());
    CHECK_FALSE(dir.zip64());
    CHECK(OurMembers(ra, dir) == test::LibarchiveMembers(zip));
  }
}

TEST_CASE("ZipDirectory: hand-made zip, mixed methods, UTF-8 names, comment, lookup") {
  const std::string zip =
      ZipBytes()
          .Add({"stored.log", "as is\n", 0})
          .Add({"deflated.log", LogText(500)})
          .Add(ZipMember("Journal/\xc3\xa9v\xc3\xa9nements.log", "utf-8\n").Flags(1 << 11))
          .Add({"dup.log", "first\n", 0})
          .Add({"dup.log", "second\n", 0})
          .Comment("bundle made on AzS-ERCS01")
          .Build();
  auto ra = InMemory(zip);
  const ZipDirectory dir = ZipDirectory::Parse(*ra, 1000);
  REQUIRE_MESSAGE(dir.ok(), dir.error());
  REQUIRE(dir.entries().size() == 5);
  CHECK(dir.comment() == "bundle made on AzS-ERCS01");
  CHECK(dir.entries()[0].method == 0);
  CHECK(dir.entries()[1].method == 8);
  CHECK(dir.entries()[2].utf8());
  CHECK(dir.entries()[2].name == "Journal/\xc3\xa9v\xc3\xa9nements.log");
  const auto ours = OurMembers(ra, dir);
  CHECK(ours.at("deflated.log") == LogText(500));
  CHECK(ours.at("stored.log") == "as is\n");

  size_t index = 99;
  CHECK(dir.Find("deflated.log", &index) == ZipDirectory::Lookup::kFound);
  CHECK(index == 1);
  CHECK(dir.Find("dup.log", &index) == ZipDirectory::Lookup::kAmbiguous);
  CHECK(dir.Find("nope.log", &index) == ZipDirectory::Lookup::kMissing);
}

TEST_CASE("ZipDirectory: comments that hold an end signature, or trailing junk") {
  const std::string fake_end = "PK\x05\x06"s + std::string(18, '\0');
  const std::string zip = ZipBytes().Add({"a.log", "a\n", 0}).Comment("x" + fake_end + "y").Build();
  ZipDirectory dir = Parse(zip);
  REQUIRE_MESSAGE(dir.ok(), dir.error());
  CHECK(dir.comment() == "x" + fake_end + "y");
  CHECK(dir.entries().size() == 1);

  dir = Parse(ZipBytes().Add({"a.log", "a\n", 0}).Build() + "junk");
  REQUIRE_MESSAGE(dir.ok(), dir.error());
  CHECK(dir.entries().size() == 1);
}

TEST_CASE("ZipDirectory: empty zip") {
  for (const std::string& zip : {ArchiveBuilder(ArchiveType::kZip).Build(), ZipBytes().Build()}) {
    const ZipDirectory dir = Parse(zip);
    REQUIRE_MESSAGE(dir.ok(), dir.error());
    CHECK(zip.size() == 22);
    CHECK(dir.entries().empty());
  }
}

TEST_CASE("ZipDirectory: ZIP64 end records and extra fields") {
  const std::string big = LogText(300);
  const std::string zip = ZipBytes()
                              .Add(ZipMember("a.log", "stored\n", 0).Zip64())
                              .Add(ZipMember("b.log", big).Zip64())
                              .Add({"c.log", "plain\n", 0})
                              .Comment("z64")
                              .Zip64()
                              .Build();
  auto ra = InMemory(zip);
  const ZipDirectory dir = ZipDirectory::Parse(*ra, 1000);
  REQUIRE_MESSAGE(dir.ok(), dir.error());
  CHECK(dir.zip64());
  CHECK(dir.comment() == "z64");
  REQUIRE(dir.entries().size() == 3);
  CHECK(dir.entries()[1].uncompressed_size == big.size());
  CHECK(dir.entries()[1].local_header_offset > 0);
  CHECK(OurMembers(ra, dir) == test::LibarchiveMembers(zip));
}

TEST_CASE("ZipDirectory: libarchive's forced ZIP64") {
  std::string zip;
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  archive_write_set_options(a, "zip:zip64");
  archive_write_set_bytes_in_last_block(a, 1);
  test::OpenWriterOnString(a, &zip);
  for (const char* name : {"one.log", "two.log"}) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name);
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    const std::string data = LogText(100) + name;
    archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
    archive_write_header(a, e);
    archive_write_data(a, data.data(), data.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  auto ra = InMemory(zip);
  const ZipDirectory dir = ZipDirectory::Parse(*ra, 1000);
  REQUIRE_MESSAGE(dir.ok(), dir.error());
  CHECK(dir.zip64());  // the ZIP64 end records; its directory fields stay 32-bit
  CHECK(dir.entries().size() == 2);
  CHECK(OurMembers(ra, dir) == test::LibarchiveMembers(zip));
}

TEST_CASE("ZipDirectory: a zip stored inside a zip, read through a slice") {
  const std::string text = LogText(3000);
  const std::string inner = ArchiveBuilder(ArchiveType::kZip)
                                .File("AzS-XRP01/bridge.log", text)
                                .File("AzS-XRP01/other.log", "other\n")
                                .Build();
  const std::string outer = ArchiveBuilder(ArchiveType::kZipStored)
                                .File("readme.txt", "hello\n")
                                .File("AzureBridge-1.zip", inner)
                                .Build();
  test::TempDir tmp;
  std::string error;
  std::shared_ptr<const RandomAccess> file =
      FileRange::Open(tmp.Write("bundle.zip", outer), &error);
  REQUIRE(file);
  const ZipDirectory dir = ZipDirectory::Parse(*file, 1000);
  REQUIRE_MESSAGE(dir.ok(), dir.error());
  size_t index = 0;
  REQUIRE(dir.Find("AzureBridge-1.zip", &index) == ZipDirectory::Lookup::kFound);
  const ZipEntry& member = dir.entries()[index];
  REQUIRE(member.method == 0);
  uint64_t offset = 0;
  REQUIRE_MESSAGE(dir.ResolveData(*file, member, &offset, &error), error);
  std::shared_ptr<const RandomAccess> slice = file->Slice(offset, member.compressed_size, &error);
  REQUIRE(slice);
  const ZipDirectory inner_dir = ZipDirectory::Parse(*slice, 1000);
  REQUIRE_MESSAGE(inner_dir.ok(), inner_dir.error());
  CHECK(OurMembers(slice, inner_dir) == test::LibarchiveMembers(inner));

  // Two threads inflating members of the same slice at once.
  std::string a, b;
  auto read = [&](size_t i, std::string* out) {
    const ZipEntry& e = inner_dir.entries()[i];
    std::string why;
    uint64_t at = 0;
    if (!inner_dir.ResolveData(*slice, e, &at, &why)) return;
    auto src = ZipMemberSource::Open(slice, e, at, Limits(), nullptr, &why);
    if (src) ReadUpTo(*src, SIZE_MAX, out);
  };
  std::thread t1(read, 0, &a), t2(read, 1, &b);
  t1.join(), t2.join();
  CHECK(a == text);
  CHECK(b == "other\n");
}

TEST_CASE("ZipDirectory: truncated at every offset: a clear error, never a crash") {
  const std::string zip = ZipBytes()
                              .Add(ZipMember("a.log", LogText(20)).Zip64())
                              .Add({"b.log", "stored\n", 0})
                              .Comment("c")
                              .Zip64()
                              .Build();
  for (size_t cut = 0; cut < zip.size(); ++cut) {
    INFO("cut at ", cut);
    const ZipDirectory dir = Parse(zip.substr(0, cut));
    CHECK_FALSE(dir.ok());
    CHECK_FALSE(dir.error().empty());
    CHECK(dir.entries().empty());
  }
  CHECK(Parse(zip.substr(0, 10)).error().find("too short") != std::string::npos);
  CHECK(Parse(std::string(100, 'x')).error().find("no end of central directory") !=
        std::string::npos);
}

TEST_CASE("ZipDirectory: every byte changed: an error or the right data, never a crash") {
  const std::string text = LogText(30);
  const std::string zip = ZipBytes()
                              .Add(ZipMember("a.log", text).Zip64())
                              .Add({"b.log", "stored\n", 0})
                              .Zip64()
                              .Build();
  for (size_t i = 0; i < zip.size(); ++i) {
    for (char delta : {'\x01', '\x80', '\xff'}) {
      std::string bad = zip;
      bad[i] = static_cast<char>(bad[i] + delta);
      auto ra = InMemory(bad);
      const ZipDirectory dir = ZipDirectory::Parse(*ra, 1000);
      if (!dir.ok()) continue;
      for (const auto& member : OurMembers(ra, dir)) {  // no bindings: INFO captures
        const std::string& data = member.second;
        INFO("byte ", i, " member ", member.first, ": ", data.substr(0, 200));
        CHECK((data.rfind("error: ", 0) == 0 || data == text || data == "stored\n"));
      }
    }
  }
}

TEST_CASE("ZipDirectory: lying counts, offsets and sizes") {
  SUBCASE("entry count bigger than the directory can hold") {
    std::string zip = ZipBytes().Add({"a.log", "a\n", 0}).Build();
    zip[zip.size() - 12] = zip[zip.size() - 14] = '\x40';  // 64 entries in a 51-byte directory
    CHECK(Parse(zip).error().find("can hold") != std::string::npos);
  }
  SUBCASE("entry count smaller than the directory holds") {
    std::string zip = ZipBytes().Add({"a.log", "a\n", 0}).Add({"b.log", "b\n", 0}).Build();
    zip[zip.size() - 12] = zip[zip.size() - 14] = '\x01';
    CHECK(Parse(zip).error().find("bytes left") != std::string::npos);
  }
  SUBCASE("local header offset past the end") {
    const std::string zip =
        ZipBytes().Add(ZipMember("a.log", "a\n", 0).LocalHeaderOffset(1u << 30)).Build();
    CHECK(Parse(zip).error().find("runs into the central directory") != std::string::npos);
  }
  SUBCASE("compressed size past the directory") {
    const std::string zip =
        ZipBytes()
            .Add(ZipMember("a.log", "a\n", 0).CompressedSize(4000).UncompressedSize(4000))
            .Build();
    CHECK(Parse(zip).error().find("runs into the central directory") != std::string::npos);
  }
  SUBCASE("ZIP64 sizes that wrap around") {
    const std::string zip = ZipBytes()
                                .Add(ZipMember("a.log", "a\n", 0)
                                         .Zip64()
                                         .CompressedSize(UINT64_MAX - 10)
                                         .UncompressedSize(UINT64_MAX - 10))
                                .Zip64()
                                .Build();
    CHECK_FALSE(Parse(zip).ok());
  }
  SUBCASE("two members sharing their bytes") {
    const std::string zip = ZipBytes()
                                .Add({"a.log", LogText(50)})
                                .Add(ZipMember("b.log", LogText(50)).LocalHeaderOffset(0))
                                .Build();
    CHECK(Parse(zip).error().find("overlap") != std::string::npos);
  }
  SUBCASE("bytes before the first member") {
    const std::string zip = "MZ stub" + ZipBytes().Add({"a.log", "a\n", 0}).Build();
    CHECK(Parse(zip).error().find("bytes before the first member") != std::string::npos);
  }
  SUBCASE("split over several disks") {
    std::string zip = ZipBytes().Add({"a.log", "a\n", 0}).Build();
    zip[zip.size() - 18] = '\x01';
    CHECK(Parse(zip).error().find("several disks") != std::string::npos);
  }
  SUBCASE("ZIP64 extra field missing") {
    std::string zip = ZipBytes().Add({"a.log", "a\n", 0}).Build();
    const size_t central = zip.find("PK\x01\x02"s);
    for (size_t i = 20; i < 28; ++i) zip[central + i] = '\xff';  // both sizes all ones
    CHECK(Parse(zip).error().find("no ZIP64 extra field") != std::string::npos);
  }
  SUBCASE("ZIP64 locator pointing nowhere") {
    std::string zip = ZipBytes().Add({"a.log", "a\n", 0}).Zip64().Build();
    zip[zip.size() - 22 - 20 + 15] = '\x7f';  // high byte of the record's offset
    CHECK(Parse(zip).error().find("locator") != std::string::npos);
  }
}

TEST_CASE("ZipDirectory: entry limit, and 100 000 entries") {
  ZipBytes many;
  for (int i = 0; i < 100000; ++i) many.Add({"f" + std::to_string(i), "", 0});
  const std::string zip = ZipBytes(many).Zip64().Build();
  const ZipDirectory dir = Parse(zip, 100000);
  REQUIRE_MESSAGE(dir.ok(), dir.error());
  CHECK(dir.entries().size() == 100000);
  size_t index = 0;
  REQUIRE(dir.Find("f99999", &index) == ZipDirectory::Lookup::kFound);
  CHECK(index == 99999);
  const ZipDirectory limited = Parse(zip, 99999);
  CHECK_FALSE(limited.ok());
  CHECK(limited.error().find("--max-entries") != std::string::npos);
  // Without ZIP64 the count does not fit in 16 bits and wraps: caught, not
  // read as 34 464 members.
  CHECK(Parse(many.Build(), 100000).error().find("wrapped") != std::string::npos);
}

TEST_CASE("ZipDirectory::ResolveData: local header checks") {
  const std::string good =
      ZipBytes().Add({"a.log", "data\n", 0}).Add({"b.log", "more\n", 0}).Build();
  auto check = [](const std::string& zip, const char* expected) {
    auto ra = InMemory(zip);
    const ZipDirectory dir = ZipDirectory::Parse(*ra, 10);
    REQUIRE_MESSAGE(dir.ok(), dir.error());
    uint64_t offset = 0;
    std::string error;
    const bool ok = dir.ResolveData(*ra, dir.entries()[0], &offset, &error);
    if (expected == nullptr) {
      CHECK_MESSAGE(ok, error);
      CHECK(offset == 30 + 5);
    } else {
      CHECK_FALSE(ok);
      CHECK_MESSAGE(error.find(expected) != std::string::npos, error);
    }
  };
  check(good, nullptr);
  std::string bad = good;
  bad[0] = 'X';
  check(bad, "no local header");
  bad = good;
  bad[8] = 8;  // method
  check(bad, "disagree on the method");
  bad = good;
  bad[30] = 'z';  // name
  check(bad, "disagree on the name");
  bad = good;
  bad[28] = '\x30';  // extra length: data pushed into the next member... and beyond
  bad[29] = '\x7f';
  check(bad, "runs into the central directory");
}

}  // namespace
}  // namespace analyzer
