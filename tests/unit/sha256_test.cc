#include "sha256.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>

#include "archive_builder.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace analyzer {
namespace {

constexpr Sha256Engine kEngines[] = {Sha256Engine::kPortable, Sha256Engine::kBest};

const char* Name(Sha256Engine e) { return e == Sha256Engine::kBest ? "kBest" : "kPortable"; }

std::string Digest(std::string_view data, Sha256Engine engine = Sha256Engine::kBest) {
  Sha256 h(engine);
  h.Update(data);
  return h.HexDigest();
}

// `n` bytes that follow no pattern a block function could get right by luck.
std::string RandomBytes(size_t n, std::mt19937& rng) {
  std::uniform_int_distribution<int> byte(0, 255);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(byte(rng));
  return s;
}

// Feeds `data` in pieces of random size, empty ones included, half of them
// short (around the 64-byte block) and half up to the whole input.
std::string DigestInRandomPieces(std::string_view data, Sha256Engine engine, std::mt19937& rng) {
  Sha256 h(engine);
  while (!data.empty()) {
    const size_t limit = rng() % 2 ? 130 : data.size();
    const size_t k = std::uniform_int_distribution<size_t>(0, limit)(rng);
    h.Update(data.substr(0, k));
    data.remove_prefix(std::min(k, data.size()));
  }
  return h.HexDigest();
}

TEST_CASE("sha256: FIPS 180-4 test vectors, with every engine") {
  for (Sha256Engine e : kEngines) {
    CAPTURE(Name(e));
    CHECK(Digest("", e) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(Digest("abc", e) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(Digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", e) ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(Digest("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                 "klmnopqrlmnopqrsmnopqrstnopqrstu",
                 e) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    CHECK(Digest(std::string(1000000, 'a'), e) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }
}

TEST_CASE("sha256: lengths around the padding boundary (55, 56, 64 bytes)") {
  CHECK(Digest(std::string(55, 'x')) ==
        "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072");
  CHECK(Digest(std::string(56, 'x')) ==
        "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e");
  CHECK(Digest(std::string(64, 'x')) ==
        "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c");
}

TEST_CASE("sha256: streaming in uneven pieces gives the one-shot digest") {
  const std::string text = std::string(1000, 'q') + "the end";
  for (size_t piece : {1, 3, 63, 64, 65, 999}) {
    Sha256 h;
    h.Update(std::string_view());  // empty, with a null data()
    for (size_t i = 0; i < text.size(); i += piece)
      h.Update(std::string_view(text).substr(i, piece));
    CHECK_MESSAGE(h.HexDigest() == Digest(text), "piece size " << piece);
  }
}

// The fast path is checked against the portable one, not only against the
// few vectors above: every tail length, and buffered and direct blocks mixed.
TEST_CASE("sha256: kBest in random pieces agrees with kPortable in one piece") {
  MESSAGE("kBest engine on this machine: " << Sha256BestEngineName());
  std::mt19937 rng(20240229);
  for (size_t n = 0; n <= 300; ++n) {
    const std::string data = RandomBytes(n, rng);
    CHECK_MESSAGE(DigestInRandomPieces(data, Sha256Engine::kBest, rng) ==
                      Digest(data, Sha256Engine::kPortable),
                  "length " << n);
  }
  for (size_t n : {4096 + 1, 65536 + 63, (1 << 20) + 17}) {
    const std::string data = RandomBytes(n, rng);
    const std::string portable = Digest(data, Sha256Engine::kPortable);
    CHECK_MESSAGE(Digest(data, Sha256Engine::kBest) == portable, "length " << n);
    CHECK_MESSAGE(DigestInRandomPieces(data, Sha256Engine::kBest, rng) == portable, "length " << n);
    CHECK_MESSAGE(DigestInRandomPieces(data, Sha256Engine::kPortable, rng) == portable,
                  "length " << n);
  }
}

#if defined(__x86_64__) || defined(__i386__)
// Without this, a detection bug would quietly leave every x86 machine on the
// portable path and all the tests above would still pass.
TEST_CASE("sha256: kBest is SHA-NI exactly when CPUID reports SHA and SSE4.1") {
  unsigned eax, ebx, ecx, edx;
  const bool sse41 = __get_cpuid(1, &eax, &ebx, &ecx, &edx) && (ecx & bit_SSE4_1) != 0;
  const bool sha = __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) && (ebx & bit_SHA) != 0;
  CHECK(Sha256BestEngineName() == (sha && sse41 ? "x86 SHA-NI" : "portable"));
}
#endif

TEST_CASE("sha256: Sha256File digests a file, \"\" when it cannot be read") {
  test::TempDir dir;
  const std::string path = dir.Write("abc.txt", "abc");
  CHECK(Sha256File(path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256File(dir.path() + "/missing.txt") == "");
}

TEST_CASE("sha256: Sha256File reads a file of several chunks whole") {
  std::mt19937 rng(7);
  const std::string data = RandomBytes((5 << 19) + 3, rng);  // 2.5 MiB: three reads
  test::TempDir dir;
  CHECK(Sha256File(dir.Write("big.bin", data)) == Digest(data, Sha256Engine::kPortable));
}

}  // namespace
}  // namespace analyzer
