#include "html_escape.h"

#include <doctest/doctest.h>

namespace analyzer {
namespace {

TEST_CASE("html_escape: the five markup characters become references") {
  CHECK(EscapeHtml("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &#39; f");
  CHECK(EscapeHtml("<script>alert(1)</script><img src=x onerror=alert(2)>") ==
        "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;");
  CHECK(EscapeHtml("&amp;") ==
        "&amp;amp;");  // already-escaped text is escaped again, never trusted
}

TEST_CASE("html_escape: valid UTF-8, tabs and line breaks pass through") {
  CHECK(EscapeHtml("Période — 6 666 € 🙂") == "Période — 6 666 € 🙂");
  CHECK(EscapeHtml("a\tb\r\nc") == "a\tb\r\nc");
}

TEST_CASE("html_escape: controls and invalid UTF-8 become U+FFFD") {
  const std::string r = "\xEF\xBF\xBD";
  CHECK(EscapeHtml(std::string("a\0b", 3)) == "a" + r + "b");
  CHECK(EscapeHtml("\x1b[31m") == r + "[31m");
  CHECK(EscapeHtml("\x7f") == r);
  CHECK(EscapeHtml("\xC2\x85") == r);                      // C1 NEL
  CHECK(EscapeHtml("\xC0\xBC") == r + r);                  // overlong '<'
  CHECK(EscapeHtml("\xED\xA0\x80") == r + r + r);          // surrogate
  CHECK(EscapeHtml("\xF4\x90\x80\x80") == r + r + r + r);  // past U+10FFFF
  CHECK(EscapeHtml("caf\xE9") == "caf" + r);               // Latin-1, not UTF-8
  CHECK(EscapeHtml("\xE2\x82") == r + r);                  // cut sequence
}

TEST_CASE("html_escape: AppendHtmlEscaped appends") {
  std::string out = "<b>";
  AppendHtmlEscaped("1 < 2", &out);
  CHECK(out == "<b>1 &lt; 2");
}

}  // namespace
}  // namespace analyzer
