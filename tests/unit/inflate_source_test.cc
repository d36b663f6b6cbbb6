#include "inflate_source.h"

#include <doctest/doctest.h>

#include <atomic>
#include <memory>
#include <random>

#include "archive_builder.h"
#include "random_access.h"
#include "zip_bytes.h"
#include "zip_directory.h"

namespace analyzer {
namespace {

using test::ZipBytes;
using test::ZipMember;
using namespace std::string_literals;

// A zip in memory, its directory, and sources over its members.
struct Zip {
  explicit Zip(std::string bytes)
      : range(std::make_shared<MemoryRange>(std::make_shared<const std::string>(std::move(bytes)))),
        dir(ZipDirectory::Parse(*range, 1000)) {
    REQUIRE_MESSAGE(dir.ok(), dir.error());
  }

  // A source over member `i`, or null with the reason in `*why`.
  std::unique_ptr<ZipMemberSource> Open(size_t i, std::string* why, const Limits& limits = Limits(),
                                        std::atomic<uint64_t>* total = nullptr) const {
    uint64_t offset = 0;
    if (!dir.ResolveData(*range, dir.entries().at(i), &offset, why)) return nullptr;
    return ZipMemberSource::Open(range, dir.entries().at(i), offset, limits, total, why);
  }

  std::shared_ptr<const RandomAccess> range;
  ZipDirectory dir;
};

// Reads `src` to its end, `chunk` bytes at a time. On error, returns what
// came before it and sets `*error`.
std::string Drain(ByteSource& src, size_t chunk, std::string* error) {
  std::string data, buf(chunk, '\0');
  for (long k; (k = src.Read(buf.data(), chunk)) != 0;) {
    if (k < 0) return *error = src.error(), data;
    data.append(buf.data(), static_cast<size_t>(k));
  }
  return data;
}

// Log-like lines with enough variety that the deflated form spans several
// 256 KiB input chunks.
std::string NoisyLog(size_t bytes) {
  std::mt19937 rng(42);
  std::string s;
  while (s.size() < bytes) {
    s += "2025-03-01T10:00:00." + std::to_string(rng() % 1000000) + "Z AzS-XRP01 request " +
         std::to_string(rng()) + " took " + std::to_string(rng() % 5000) + " ms\n";
  }
  return s;
}

TEST_CASE("ZipMemberSource: stored and deflated members, any read size") {
  const std::string big = NoisyLog(3 << 20);
  const Zip zip(ZipBytes()
                    .Add({"stored.log", "stored bytes\n", 0})
                    .Add({"deflated.log", big})
                    .Add({"empty-stored.log", "", 0})
                    .Add({"empty-deflated.log", ""})
                    .Build());
  CHECK(zip.dir.entries()[1].compressed_size > (512u << 10));  // several input chunks
  const std::string expected[] = {"stored bytes\n", big, "", ""};
  for (size_t chunk : {size_t{1}, size_t{7}, size_t{4096}, size_t{1} << 20}) {
    for (size_t i = 0; i < 4; ++i) {
      if (chunk == 1 && i == 1) continue;  // 3 MB a byte at a time: slow, and nothing new
      INFO("member ", i, " chunk ", chunk);
      std::string why, error;
      auto src = zip.Open(i, &why);
      REQUIRE_MESSAGE(src, why);
      CHECK(Drain(*src, chunk, &error) == expected[i]);
      CHECK(error.empty());
      CHECK(src->produced() == expected[i].size());
      char c;
      CHECK(src->Read(&c, 1) == 0);  // still the end
    }
  }
}

TEST_CASE("ZipMemberSource: the data of every member equals libarchive's") {
  const std::string zip_bytes = test::ArchiveBuilder(test::ArchiveType::kZip)
                                    .File("a/big.log", NoisyLog(1 << 20))
                                    .File("a/small.log", "small\n")
                                    .Build();
  const Zip zip(zip_bytes);
  const auto expected = test::LibarchiveMembers(zip_bytes);
  for (size_t i = 0; i < zip.dir.entries().size(); ++i) {
    std::string why, error;
    auto src = zip.Open(i, &why);
    REQUIRE_MESSAGE(src, why);
    CHECK(Drain(*src, 65536, &error) == expected.at(zip.dir.entries()[i].name));
    CHECK(error.empty());
  }
}

TEST_CASE("ZipMemberSource: corrupt members") {
  const std::string text = NoisyLog(100000);
  std::string why, error;

  SUBCASE("stored CRC-32 wrong") {
    const Zip zip(ZipBytes().Add(ZipMember("a.log", text).Crc(0x12345678)).Build());
    auto src = zip.Open(0, &why);
    REQUIRE(src);
    Drain(*src, 65536, &error);
    CHECK(error.find("CRC-32 mismatch (member is corrupt)") != std::string::npos);
    char c;
    CHECK(src->Read(&c, 1) == -1);  // keeps failing
    CHECK_FALSE(src->bomb());
  }
  SUBCASE("a byte of stored data changed") {
    std::string bytes = ZipBytes().Add({"a.log", text, 0}).Build();
    bytes[30 + 5 + 1000] ^= 0x20;
    const Zip zip(bytes);
    auto src = zip.Open(0, &why);
    REQUIRE(src);
    Drain(*src, 65536, &error);
    CHECK(error.find("CRC-32 mismatch") != std::string::npos);
  }
  SUBCASE("a byte of deflate data changed, anywhere") {
    const std::string good = ZipBytes().Add({"a.log", text}).Build();
    const Zip probe(good);
    const uint64_t csize = probe.dir.entries()[0].compressed_size;
    for (uint64_t i = 0; i < csize; i += 97) {
      std::string bad = good;
      bad[35 + i] ^= 0x01;
      const Zip zip(bad);
      auto src = zip.Open(0, &why);
      REQUIRE(src);
      error.clear();
      const std::string out = Drain(*src, 65536, &error);
      // Unnoticed only if the bit was unused (padding) and the data is intact.
      CHECK_MESSAGE((!error.empty() || out == text), "byte ", i, " changed unnoticed");
    }
  }
  SUBCASE("invalid block type") {
    // BFINAL set, BTYPE 11 (reserved), written as is and then labelled deflate.
    std::string bytes = ZipBytes().Add({"a.log", "\x07\x00\x00\x00"s, 0}).Build();
    bytes[8] = 8;                               // local header: deflate
    bytes[bytes.find("PK\x01\x02"s) + 10] = 8;  // central directory: deflate
    const Zip patched(bytes);
    auto src = patched.Open(0, &why);
    REQUIRE_MESSAGE(src, why);
    Drain(*src, 65536, &error);
    CHECK(error.find("ISA-L: invalid block header") != std::string::npos);
  }
  SUBCASE("deflate data cut short") {
    const Zip probe(ZipBytes().Add({"a.log", text}).Build());
    const uint64_t csize = probe.dir.entries()[0].compressed_size;
    const Zip zip(ZipBytes().Add(ZipMember("a.log", text).CompressedSize(csize / 2)).Build());
    auto src = zip.Open(0, &why);
    REQUIRE(src);
    const std::string out = Drain(*src, 65536, &error);
    CHECK(error.find("ends before its last block") != std::string::npos);
    CHECK(out.size() < text.size());
  }
  SUBCASE("declared size too small") {
    const Zip zip(ZipBytes().Add(ZipMember("a.log", text).UncompressedSize(1000)).Build());
    auto src = zip.Open(0, &why);
    REQUIRE(src);
    Drain(*src, 65536, &error);
    CHECK(error.find("more data than the 1000 bytes") != std::string::npos);
  }
  SUBCASE("declared size too large") {
    const Zip zip(
        ZipBytes().Add(ZipMember("a.log", text).UncompressedSize(text.size() + 1)).Build());
    auto src = zip.Open(0, &why);
    REQUIRE(src);
    CHECK(Drain(*src, 65536, &error) == text);
    CHECK(error.find("member ends after") != std::string::npos);
  }
}

TEST_CASE("ZipMemberSource: decompression bomb") {
  const Zip zip(ZipBytes().Add({"zeros.log", std::string(50 << 20, '\0')}).Build());
  Limits limits;
  limits.max_expansion_ratio = 100;
  std::string why, error;
  auto src = zip.Open(0, &why, limits);
  REQUIRE(src);
  const std::string out = Drain(*src, 1 << 16, &error);
  CHECK(src->bomb());
  CHECK(error.find("decompression bomb") != std::string::npos);
  CHECK(error.find("--max-expansion-ratio") != std::string::npos);
  // Stopped soon after 100 x the compressed size, not at 50 MB.
  CHECK(out.size() <= 100 * zip.dir.entries()[0].compressed_size + (1 << 16));

  // The same member is fine under a ratio it does not reach (zeros deflate
  // at about 1030:1, deflate's ceiling).
  limits.max_expansion_ratio = 1100;
  src = zip.Open(0, &why, limits);
  error.clear();
  CHECK(Drain(*src, 1 << 20, &error).size() == 50u << 20);
  CHECK(error.empty());
}

TEST_CASE("ZipMemberSource: total bytes shared by two sources") {
  const std::string mb(1 << 20, 'x');
  const Zip zip(ZipBytes().Add({"a.log", mb}).Add({"b.log", mb, 0}).Build());
  Limits limits;
  limits.max_total_bytes = (3 << 20) / 2;
  std::atomic<uint64_t> total{0};
  std::string why, error;
  auto a = zip.Open(0, &why, limits, &total);
  auto b = zip.Open(1, &why, limits, &total);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(Drain(*a, 1 << 16, &error) == mb);
  CHECK(error.empty());
  Drain(*b, 1 << 16, &error);
  CHECK(b->bomb());
  CHECK(error.find("--max-total-bytes") != std::string::npos);
  CHECK(total.load() > limits.max_total_bytes);
}

TEST_CASE("ZipMemberSource: what it refuses, so the caller falls back") {
  std::string why;
  SUBCASE("bzip2") {
    const Zip zip(ZipBytes().Add({"a.log", "BZh91AY&SY", 12}).Build());
    CHECK_FALSE(zip.Open(0, &why));
    CHECK(why.find("method 12 (bzip2)") != std::string::npos);
  }
  SUBCASE("encryption flag") {
    const Zip zip(ZipBytes().Add(ZipMember("a.log", "secret", 0).Flags(1)).Build());
    CHECK_FALSE(zip.Open(0, &why));
    CHECK(why == "member is encrypted");
  }
  SUBCASE("a zip encrypted by libarchive") {
    std::string bytes;
    try {
      bytes = test::ArchiveBuilder(test::ArchiveType::kZip)
                  .File("a.log", "secret\n")
                  .Encrypted("pw")
                  .Build();
    } catch (const std::exception&) {
      return;  // libarchive built without crypto
    }
    const Zip zip(bytes);
    CHECK_FALSE(zip.Open(0, &why));
    CHECK(why == "member is encrypted");
  }
  SUBCASE("stored with two sizes") {
    const Zip zip(ZipBytes().Add(ZipMember("a.log", "abc", 0).UncompressedSize(10)).Build());
    CHECK_FALSE(zip.Open(0, &why));
    CHECK(why.find("sizes differ") != std::string::npos);
  }
  SUBCASE("data outside the range") {
    const Zip zip(ZipBytes().Add({"a.log", "abc", 0}).Build());
    CHECK_FALSE(ZipMemberSource::Open(zip.range, zip.dir.entries()[0], zip.range->size() - 1,
                                      Limits(), nullptr, &why));
    CHECK(why.find("past the end") != std::string::npos);
  }
}

}  // namespace
}  // namespace analyzer
