#include "text_decoder.h"

#include <doctest/doctest.h>

#include <string>

namespace analyzer {
namespace {

using namespace std::string_literals;  // "...\0..."s keeps embedded NULs

const std::string kFffd = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

struct Decoded {
  std::string text;
  uint64_t invalid = 0;
};

// Decodes `in` fed in pieces of `piece` bytes, then finishes.
Decoded DecodeAll(Encoding e, std::string_view in, size_t piece = std::string::npos) {
  TextDecoder d(e);
  Decoded out;
  for (size_t i = 0; i < in.size(); i += piece) d.Decode(in.substr(i, piece), &out.text);
  d.Finish(&out.text);
  out.invalid = d.invalid_sequences();
  return out;
}

// Decodes `in` cut in two at every position; each must equal the whole decode.
void CheckEverySplit(Encoding e, const std::string& in) {
  const Decoded whole = DecodeAll(e, in);
  for (size_t cut = 0; cut <= in.size(); ++cut) {
    TextDecoder d(e);
    std::string text;
    d.Decode(std::string_view(in).substr(0, cut), &text);
    d.Decode(std::string_view(in).substr(cut), &text);
    d.Finish(&text);
    CHECK_MESSAGE(text == whole.text, "cut at byte " << cut);
    CHECK_MESSAGE(d.invalid_sequences() == whole.invalid, "cut at byte " << cut);
  }
  CHECK(DecodeAll(e, in, 1).text == whole.text);
}

TEST_CASE("text_decoder: UTF-8 without BOM passes through") {
  CHECK(DetectEncoding("VERBOSE: h\xC3\xA9llo") == Encoding::kUtf8);
  const Decoded d = DecodeAll(Encoding::kUtf8, "h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80");
  CHECK(d.text == "h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80");
  CHECK(d.invalid == 0);
  CHECK(DecodeAll(Encoding::kUtf8, "").text == "");
}

TEST_CASE("text_decoder: UTF-8 with BOM drops the BOM, even cut across chunks") {
  CHECK(DetectEncoding("\xEF\xBB\xBFhi") == Encoding::kUtf8Bom);
  CHECK(DecodeAll(Encoding::kUtf8Bom, "\xEF\xBB\xBFhi\n").text == "hi\n");
  CHECK(DecodeAll(Encoding::kUtf8Bom, "\xEF\xBB\xBFhi\n", 1).text == "hi\n");
  CHECK(DecodeAll(Encoding::kUtf8, "\xEF\xBB\xBFhi").text == "hi");
  // Only a leading BOM is dropped: U+FEFF later on is text.
  CHECK(DecodeAll(Encoding::kUtf8Bom, "\xEF\xBB\xBF" "a\xEF\xBB\xBF").text == "a\xEF\xBB\xBF");
}

TEST_CASE("text_decoder: UTF-16LE with BOM (PowerShell Out-File)") {
  const std::string in = "\xFF\xFE" "2\0" "0\0" ":\0" " \0" "\xE9\0" "\r\0\n\0"s;
  CHECK(DetectEncoding(in) == Encoding::kUtf16LeBom);
  const Decoded d = DecodeAll(Encoding::kUtf16LeBom, in);
  CHECK(d.text == "20: \xC3\xA9\r\n");
  CHECK(d.invalid == 0);
}

TEST_CASE("text_decoder: UTF-16LE without BOM is detected from the zero bytes") {
  const std::string in = "2\0" "0\0" "1\0" "8\0" "-\0" "1\0" "2\0" ":\0" " \0" "o\0" "k\0"s;
  CHECK(DetectEncoding(in) == Encoding::kUtf16LeNoBom);
  CHECK(DecodeAll(Encoding::kUtf16LeNoBom, in).text == "2018-12: ok");
}

TEST_CASE("text_decoder: UTF-16BE with BOM, and without") {
  const std::string in = "\xFE\xFF" "\0h" "\0i" "\x20\xAC"s;
  CHECK(DetectEncoding(in) == Encoding::kUtf16BeBom);
  CHECK(DecodeAll(Encoding::kUtf16BeBom, in).text == "hi\xE2\x82\xAC");
  CHECK(DetectEncoding("\0h\0e\0l\0l\0o"s) == Encoding::kUtf16BeNoBom);
}

TEST_CASE("text_decoder: a surrogate pair becomes one 4-byte UTF-8 character") {
  // U+1F600 is D83D DE00.
  CHECK(DecodeAll(Encoding::kUtf16LeBom, "\xFF\xFE" "\x3D\xD8\x00\xDE"s).text == "\xF0\x9F\x98\x80");
  CHECK(DecodeAll(Encoding::kUtf16BeBom, "\xFE\xFF" "\xD8\x3D\xDE\x00"s).text == "\xF0\x9F\x98\x80");
}

TEST_CASE("text_decoder: invalid UTF-8 becomes U+FFFD, counted, never dropped") {
  Decoded d = DecodeAll(Encoding::kUtf8, "a\xFF" "b");
  CHECK(d.text == "a" + kFffd + "b");
  CHECK(d.invalid == 1);

  d = DecodeAll(Encoding::kUtf8, "caf\xE9 ok");  // Windows-1252 'é'
  CHECK(d.text == "caf" + kFffd + " ok");
  CHECK(d.invalid == 1);

  d = DecodeAll(Encoding::kUtf8, "\xC0\xAF");  // overlong '/': two bad bytes
  CHECK(d.text == kFffd + kFffd);
  CHECK(d.invalid == 2);

  d = DecodeAll(Encoding::kUtf8, "\xED\xA0\x80!");  // a surrogate encoded in UTF-8
  CHECK(d.text == kFffd + kFffd + kFffd + "!");
  CHECK(d.invalid == 3);

  d = DecodeAll(Encoding::kUtf8, "\xF4\x90\x80\x80");  // past U+10FFFF
  CHECK(d.invalid == 4);

  d = DecodeAll(Encoding::kUtf8, "end\xE2\x82");  // cut at the end of the file
  CHECK(d.text == "end" + kFffd);
  CHECK(d.invalid == 1);

  d = DecodeAll(Encoding::kUtf8, "\xE2\x82" "A");  // an incomplete sequence before ASCII
  CHECK(d.text.substr(d.text.size() - 1) == "A");
  CHECK(d.text.substr(0, 3) == kFffd);
  CHECK(d.invalid >= 1);
}

TEST_CASE("text_decoder: UTF-8 sequences cut across chunk boundaries") {
  CheckEverySplit(Encoding::kUtf8, "a\xC3\xA9" "b\xE2\x82\xAC" "c\xF0\x9F\x98\x80" "d");
  CheckEverySplit(Encoding::kUtf8Bom, "\xEF\xBB\xBF\xC3\xA9\xE2\x82\xAC");
  CheckEverySplit(Encoding::kUtf8, "x\xFF\xE2\x82" "y\xC3");  // invalid ones too
  CHECK(DecodeAll(Encoding::kUtf8, "\xF0\x9F\x98\x80", 1).invalid == 0);
}

TEST_CASE("text_decoder: UTF-16 units and surrogate pairs cut across chunk boundaries") {
  CheckEverySplit(Encoding::kUtf16LeBom, "\xFF\xFE" "a\0" "\xE9\0" "\x3D\xD8\x00\xDE" "z\0"s);
  CheckEverySplit(Encoding::kUtf16BeBom, "\xFE\xFF" "\0a" "\xD8\x3D\xDE\x00" "\0z"s);
  CheckEverySplit(Encoding::kUtf16LeNoBom, "a\0" "\x00\xDE" "b\0" "c"s);
}

TEST_CASE("text_decoder: an odd byte count ends with one U+FFFD") {
  const Decoded d = DecodeAll(Encoding::kUtf16LeBom, "\xFF\xFE" "h\0" "i"s);
  CHECK(d.text == "h" + kFffd);
  CHECK(d.invalid == 1);
}

TEST_CASE("text_decoder: lone surrogates become U+FFFD and the text around them stays") {
  // High surrogate followed by a plain character.
  Decoded d = DecodeAll(Encoding::kUtf16LeBom, "\xFF\xFE" "\x3D\xD8" "a\0"s);
  CHECK(d.text == kFffd + "a");
  CHECK(d.invalid == 1);
  // Low surrogate with no high one before it.
  d = DecodeAll(Encoding::kUtf16LeBom, "\xFF\xFE" "a\0" "\x00\xDE" "b\0"s);
  CHECK(d.text == "a" + kFffd + "b");
  CHECK(d.invalid == 1);
  // Two high surrogates, then a low one: the first is lone, the second pairs.
  d = DecodeAll(Encoding::kUtf16LeBom, "\xFF\xFE" "\x3D\xD8" "\x3D\xD8" "\x00\xDE"s);
  CHECK(d.text == kFffd + "\xF0\x9F\x98\x80");
  CHECK(d.invalid == 1);
  // A high surrogate at the very end.
  d = DecodeAll(Encoding::kUtf16LeBom, "\xFF\xFE" "a\0" "\x3D\xD8"s);
  CHECK(d.text == "a" + kFffd);
  CHECK(d.invalid == 1);
}

TEST_CASE("text_decoder: EncodingName names each encoding") {
  CHECK(std::string(EncodingName(Encoding::kUtf8)) == "utf-8");
  CHECK(std::string(EncodingName(Encoding::kUtf8Bom)) == "utf-8-bom");
  CHECK(std::string(EncodingName(Encoding::kUtf16LeBom)) == "utf-16le-bom");
  CHECK(std::string(EncodingName(Encoding::kUtf16BeBom)) == "utf-16be-bom");
  CHECK(std::string(EncodingName(Encoding::kUtf16LeNoBom)) == "utf-16le");
  CHECK(std::string(EncodingName(Encoding::kUtf16BeNoBom)) == "utf-16be");
}

TEST_CASE("text_decoder: LooksBinary tells data from text") {
  CHECK_FALSE(LooksBinary("VERBOSE: [AzureBridge:Start] ok - 8/22/2017 1:20:53 AM\r\n", Encoding::kUtf8));
  CHECK_FALSE(LooksBinary("caf\xE9 cr\xE8me br\xFBl\xE9\x65 is a dessert of some renown\n", Encoding::kUtf8));
  CHECK_FALSE(LooksBinary("\xFF\xFE" "o\0k\0\r\0\n\0"s, Encoding::kUtf16LeBom));
  CHECK(LooksBinary("MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0"s, Encoding::kUtf8));
  CHECK(LooksBinary("\x01\x02\x03\x04\x05\x06\x07\x08\x0E\x0F\x10\x11", Encoding::kUtf8));
  CHECK(LooksBinary("\xFF\xFE\xFF\xFE\xC0\xC1\xF8\xF9\xFA\xFB\x80\x81\x82\x83", Encoding::kUtf8));
}

}  // namespace
}  // namespace analyzer
