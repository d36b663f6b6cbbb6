#include "junit_xml_text.h"

#include <doctest/doctest.h>

using namespace analyzer;

TEST_CASE("markup characters become entity references") {
  CHECK(XmlText("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
  CHECK(XmlAttribute("<x y=\"1\">") == "&lt;x y=&quot;1&quot;&gt;");
}

TEST_CASE("characters XML 1.0 forbids are removed, invalid UTF-8 replaced") {
  CHECK(XmlText(std::string("a\x00"
                            "b\x01\x1b[31mc\x7f",
                            11)) == "ab[31mc\x7f");
  CHECK(XmlText("\xef\xbf\xbe|\xef\xbf\xbf") == "|");  // U+FFFE, U+FFFF
  CHECK(XmlText("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80") ==
        "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
  CHECK(XmlText("a\xff"
                "b") ==
        "a\xef\xbf\xbd"
        "b");                                                                // not UTF-8
  CHECK(XmlText("\xc0\xaf") == "\xef\xbf\xbd\xef\xbf\xbd");                  // overlong '/'
  CHECK(XmlText("\xed\xa0\x80") == "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // a surrogate
  CHECK(XmlText("\xe2\x82") == "\xef\xbf\xbd\xef\xbf\xbd");                  // cut short
}

TEST_CASE("line ends survive in text and in attributes") {
  CHECK(XmlText("a\nb\tc\rd") == "a\nb\tc&#13;d");
  CHECK(XmlAttribute("a\nb\tc\rd") == "a&#10;b&#9;c&#13;d");
}
