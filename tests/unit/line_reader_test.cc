#include "line_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace analyzer {
namespace {

using namespace std::string_literals;

// Every line read from `src`.
std::vector<std::string> Lines(ByteSource& src, Encoding e = Encoding::kUtf8, uint64_t max = 1 << 20) {
  LineReader reader(src, e, max);
  std::vector<std::string> lines;
  std::string_view line;
  while (reader.Next(&line)) lines.emplace_back(line);
  return lines;
}

std::vector<std::string> Lines(std::string_view text, uint64_t max = 1 << 20) {
  MemorySource src(text);
  return Lines(src, Encoding::kUtf8, max);
}

using V = std::vector<std::string>;

TEST_CASE("line_reader: LF, CRLF and a last line without newline") {
  CHECK(Lines("a\nb\n") == V{"a", "b"});
  CHECK(Lines("a\r\nb\r\n") == V{"a", "b"});
  CHECK(Lines("a\r\nb\nc") == V{"a", "b", "c"});
  CHECK(Lines("last without newline\r") == V{"last without newline"});
  CHECK(Lines("a\n\n\r\nb\n") == V{"a", "", "", "b"});
  CHECK(Lines("\n") == V{""});
  CHECK(Lines("") == V{});
  CHECK(Lines("a\rb\n") == V{"a\rb"});  // a lone CR is text, not a line end
}

TEST_CASE("line_reader: line numbers and bytes read") {
  MemorySource src("one\r\ntwo\nthree");
  LineReader reader(src, Encoding::kUtf8, 100);
  std::string_view line;
  REQUIRE(reader.Next(&line));
  CHECK(line == "one");
  CHECK(reader.line_number() == 1);
  REQUIRE(reader.Next(&line));
  REQUIRE(reader.Next(&line));
  CHECK(line == "three");
  CHECK(reader.line_number() == 3);
  CHECK_FALSE(reader.Next(&line));
  CHECK(reader.bytes_read() == 14);
  CHECK(reader.lines_cut() == 0);
  CHECK_FALSE(reader.failed());
}

TEST_CASE("line_reader: input trickling in one byte at a time gives the same lines") {
  const std::string text = "VERBOSE: h\xC3\xA9llo\r\nsecond\n\nfourth\r\n";
  test::TrickleSource src(text, 1);
  CHECK(Lines(src) == V{"VERBOSE: h\xC3\xA9llo", "second", "", "fourth"});
}

TEST_CASE("line_reader: UTF-16LE with BOM and CRLF is decoded before splitting") {
  const std::string text = "\xFF\xFE" "a\0\r\0\n\0" "\xE9\0\r\0\n\0" "z\0"s;
  test::TrickleSource src(text, 3);
  CHECK(Lines(src, Encoding::kUtf16LeBom) == V{"a", "\xC3\xA9", "z"});
}

TEST_CASE("line_reader: a line over the limit is cut, counted, and the next line is intact") {
  MemorySource src("0123456789abcdef\nnext\n");
  LineReader reader(src, Encoding::kUtf8, 8);
  std::string_view line;
  REQUIRE(reader.Next(&line));
  CHECK(line == "01234567");
  CHECK(reader.lines_cut() == 1);
  CHECK(reader.line_number() == 1);
  REQUIRE(reader.Next(&line));
  CHECK(line == "next");
  CHECK(reader.line_number() == 2);
  CHECK_FALSE(reader.Next(&line));
  CHECK(reader.lines_cut() == 1);
}

TEST_CASE("line_reader: the cut also works when the long line arrives in small pieces") {
  const std::string text = std::string(100, 'x') + "\r\nshort\n" + std::string(50, 'y');
  test::TrickleSource src(text, 7);
  LineReader reader(src, Encoding::kUtf8, 10);
  std::vector<std::string> lines;
  std::string_view line;
  while (reader.Next(&line)) lines.emplace_back(line);
  CHECK(lines == V{std::string(10, 'x'), "short", std::string(10, 'y')});
  CHECK(reader.lines_cut() == 2);
  CHECK(reader.line_number() == 3);
}

TEST_CASE("line_reader: a line exactly at the limit is not cut, with LF or CRLF") {
  for (const char* eol : {"\n", "\r\n"}) {
    const std::string text = "01234567" + std::string(eol) + "next" + eol;
    for (size_t step : {1, 3, 100}) {
      test::TrickleSource src(text, step);
      LineReader reader(src, Encoding::kUtf8, 8);
      std::vector<std::string> lines;
      std::string_view line;
      while (reader.Next(&line)) lines.emplace_back(line);
      CHECK_MESSAGE((lines == V{"01234567", "next"}), "step " << step);
      CHECK_MESSAGE(reader.lines_cut() == 0, "eol " << (eol[0] == '\r' ? "CRLF" : "LF") << ", step " << step);
    }
  }
}

TEST_CASE("line_reader: a last line without newline is cut at the limit too") {
  for (size_t step : {1, 100}) {
    test::TrickleSource long_tail("ok\n012345678", step);
    LineReader reader(long_tail, Encoding::kUtf8, 8);
    std::string_view line;
    REQUIRE(reader.Next(&line));
    REQUIRE(reader.Next(&line));
    CHECK(line == "01234567");
    CHECK(reader.lines_cut() == 1);
    CHECK_FALSE(reader.Next(&line));
  }
  MemorySource with_cr("01234567\r");
  LineReader reader(with_cr, Encoding::kUtf8, 8);
  std::string_view line;
  REQUIRE(reader.Next(&line));
  CHECK(line == "01234567");
  CHECK(reader.lines_cut() == 0);
}

TEST_CASE("line_reader: a cut never splits a UTF-8 character") {
  // Five 'é' (2 bytes each) with a limit of 5 bytes: two characters fit.
  CHECK(Lines("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\nok\n", 5) == V{"\xC3\xA9\xC3\xA9", "ok"});
}

TEST_CASE("line_reader: a read error stops the reader and says why") {
  test::FailingSource src("complete line\npartial");
  LineReader reader(src, Encoding::kUtf8, 100);
  std::string_view line;
  REQUIRE(reader.Next(&line));
  CHECK(line == "complete line");
  CHECK_FALSE(reader.Next(&line));
  CHECK(reader.failed());
  CHECK(reader.error() == "disk on fire");
}

TEST_CASE("line_reader: invalid sequences are counted through the reader") {
  MemorySource src("ok\nbad \xFF here\n");
  LineReader reader(src, Encoding::kUtf8, 100);
  std::string_view line;
  while (reader.Next(&line)) {
  }
  CHECK(reader.invalid_sequences() == 1);
}

}  // namespace
}  // namespace analyzer
