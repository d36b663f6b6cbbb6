#include "json_text.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>

namespace analyzer {
namespace {

std::string Quoted(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

std::string Hex(std::string_view s) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) out += std::string{kHex[c >> 4], kHex[c & 0xF], ' '};
  return out;
}

// What nlohmann::json writes for `s` (as the report did when it was a
// DOM), with the DEL and C1 escapes we add on top.
std::string NlohmannQuoted(const std::string& s) {
  std::string out =
      nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  EscapeJsonControls(&out);
  return out;
}

// U+009B, CSI: ESC [ in one character (UTF-8 C2 9B).
const std::string kCsi = "\xc2\x9b";

TEST_CASE("AppendJsonString: terminal escape sequences never pass raw") {
  // ESC [ 2 J clears the screen; CSI 2 J too.
  CHECK(Quoted("a\x1b[2Jb") == R"("a\u001b[2Jb")");
  CHECK(Quoted("a" + kCsi + "2Jb") == R"("a\u009b2Jb")");
  CHECK(Quoted("\xc2\x80\xc2\x9f\x7f") == R"("\u0080\u009f\u007f")");
  CHECK(Quoted(std::string_view("\x07\x00", 2)) == R"("\u0007\u0000")");
}

TEST_CASE("AppendJsonString: escapes as nlohmann::json does") {
  CHECK(Quoted("q\"b\\") == R"("q\"b\\")");
  CHECK(Quoted("\b\f\n\r\t") == R"("\b\f\n\r\t")");
  CHECK(Quoted("\x1f") == R"("\u001f")");
  // Non-ASCII text stays UTF-8, U+00A0 (C2 A0, right after the C1 range) included.
  CHECK(Quoted("é\xc2\xa0€😀") == "\"é\xc2\xa0€😀\"");
}

TEST_CASE("AppendJsonString: invalid UTF-8 becomes U+FFFD, one per maximal ill-formed subpart") {
  const std::string r = "\xEF\xBF\xBD";
  CHECK(Quoted("a\xff") == "\"a" + r + "\"");
  CHECK(Quoted("\xe2\x82") == "\"" + r + "\"");                      // cut at the end
  CHECK(Quoted("\xe2\x82z") == "\"" + r + "z\"");                    // cut before ASCII
  CHECK(Quoted("\xe0\x80\x80") == "\"" + r + r + r + "\"");          // overlong
  CHECK(Quoted("\xed\xa0\x80") == "\"" + r + r + r + "\"");          // a UTF-16 surrogate
  CHECK(Quoted("\xf4\x90\x80\x80") == "\"" + r + r + r + r + "\"");  // past U+10FFFF
  CHECK(Quoted("\xc2" + kCsi) == "\"" + r + "\\u009b\"");  // the breaking byte starts anew
}

// The report used to be nlohmann's dump of a DOM; the streamed report must
// give the same bytes for any string, however broken.
TEST_CASE("AppendJsonString: same bytes as nlohmann's dump for random byte strings") {
  const unsigned char alphabet[] = {'a', '"', '\\', 0x00, 0x08, 0x0c, 0x1b, 0x7f, 0x80, 0x8f,
                                    0x9b, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xc3, 0xdf, 0xe0, 0xe2,
                                    0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff};
  std::mt19937 random(20261118);
  std::uniform_int_distribution<size_t> length(0, 10), pick(0, sizeof alphabet - 1);
  for (int n = 0; n < 50000; ++n) {
    std::string s;
    for (size_t i = length(random); i > 0; --i)
      s.push_back(static_cast<char>(alphabet[pick(random)]));
    INFO("bytes: " << Hex(s));
    REQUIRE(Quoted(s) == NlohmannQuoted(s));
  }
}

TEST_CASE("EscapeJsonControls: rewrites DEL and C1 in a dumped text, leaves the rest") {
  std::string clean = "{\"a\": \"é\xc2\xa0\"}";
  const std::string before = clean;
  EscapeJsonControls(&clean);
  CHECK(clean == before);
  std::string text = "{\"t\": \"" + kCsi + "2J\x7f\"}";
  EscapeJsonControls(&text);
  CHECK(text == R"({"t": "\u009b2J\u007f"})");
  CHECK(nlohmann::json::parse(text)["t"] == kCsi + "2J\x7f");
}

TEST_CASE("AppendJsonTime: RFC 3339 or null") {
  std::string out;
  AppendJsonTime(&out, UtcTime());
  CHECK(out == "null");
}

}  // namespace
}  // namespace analyzer
