#include "literal_scanner.h"

#include <algorithm>
#include <random>

#include <doctest/doctest.h>

namespace analyzer {
namespace {

std::string Lowered(std::string s) {
  for (char& c : s) if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
  return s;
}

// The definition: every literal found by a plain search of the lowered text.
std::vector<int> NaiveFind(const std::vector<std::string>& literals, std::string_view text) {
  const std::string lowered = Lowered(std::string(text));
  std::vector<int> found;
  for (size_t i = 0; i < literals.size(); ++i) {
    const std::string& l = literals[i];
    const bool always = l.size() < 4 || std::any_of(l.begin(), l.end(), [](char c) { return c & 0x80; });
    if (always || lowered.find(l) != std::string::npos) found.push_back(static_cast<int>(i));
  }
  return found;
}

}  // namespace

TEST_CASE("LiteralScanner finds literals ignoring ASCII case, anywhere in the text") {
  LiteralScanner scanner({"upload succeeded", "aadsts", "(401) unauthorized", "error"});
  std::vector<int> found;
  scanner.Scan("2026-11-18 AADSTS700024: client assertion", &found);
  CHECK(found == std::vector<int>{1});
  scanner.Scan("The remote server returned an error: (401) Unauthorized.", &found);
  CHECK(found == std::vector<int>{2, 3});
  scanner.Scan("Usage upload SUCCEEDED", &found);
  CHECK(found == std::vector<int>{0});
  scanner.Scan("nothing to see", &found);
  CHECK(found.empty());
  scanner.Scan("", &found);
  CHECK(found.empty());
  // At the very end of a text longer than one 32-byte step, and cut short.
  scanner.Scan(std::string(61, 'x') + "error", &found);
  CHECK(found == std::vector<int>{3});
  scanner.Scan(std::string(61, 'x') + "erro", &found);
  CHECK(found.empty());
}

TEST_CASE("LiteralScanner reports literals it cannot fold in every text") {
  LiteralScanner scanner({"\xc3\xa9tat", "abc", "refused"});
  std::vector<int> found;
  scanner.Scan("connection refused", &found);
  CHECK(found == std::vector<int>{0, 1, 2});
}

TEST_CASE("LiteralScanner: AVX2 and scalar loops agree with a plain search on random texts") {
  std::mt19937 rng(7);
  const std::string alphabet = "abcdeABCDE (:)0123\n\xc3";
  auto random_string = [&](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
    return s;
  };
  for (int round = 0; round < 40; ++round) {
    std::vector<std::string> literals;
    const int count = 1 + static_cast<int>(rng() % 60);
    for (int i = 0; i < count; ++i) literals.push_back(Lowered(random_string(3 + rng() % 5)));
    LiteralScanner fast(literals), scalar(literals);
    scalar.ForceScalar();
    std::vector<int> a, b;
    for (int t = 0; t < 50; ++t) {
      const std::string text = random_string(rng() % 200);
      const std::vector<int> want = NaiveFind(literals, text);
      fast.Scan(text, &a);
      scalar.Scan(text, &b);
      REQUIRE(a == want);
      REQUIRE(b == want);
    }
  }
}

TEST_CASE("LiteralScanner: many literals on one key agree with a plain search") {
  std::mt19937 rng(11);
  const std::string alphabet = "abAB01 z";
  auto random_string = [&](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
    return s;
  };
  for (int round = 0; round < 20; ++round) {
    // All keyed on "zzzz" (the rarest bytes), told apart by what follows.
    std::vector<std::string> literals;
    for (int i = 0; i < 40; ++i) literals.push_back(Lowered(random_string(rng() % 3) + "zzzz" + random_string(2 + rng() % 3)));
    LiteralScanner fast(literals), scalar(literals);
    scalar.ForceScalar();
    std::vector<int> a, b;
    for (int t = 0; t < 50; ++t) {
      std::string text = random_string(rng() % 100);
      const std::string& planted = literals[rng() % literals.size()];
      text.insert(rng() % (text.size() + 1), rng() % 2 ? planted : std::string("ZZZZ") + random_string(3));
      const std::vector<int> want = NaiveFind(literals, text);
      fast.Scan(text, &a);
      scalar.Scan(text, &b);
      REQUIRE(a == want);
      REQUIRE(b == want);
    }
  }
}

TEST_CASE("LiteralScanner copes with many literals sharing a prefix") {
  std::vector<std::string> literals;
  for (int i = 0; i < 500; ++i) literals.push_back("synthetic marker " + std::to_string(10000 + i));
  LiteralScanner scanner(literals);
  std::vector<int> found;
  scanner.Scan("... SYNTHETIC MARKER 10421 refused", &found);
  CHECK(found == std::vector<int>{421});
}

}  // namespace analyzer
