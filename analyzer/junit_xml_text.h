// JunitXmlText: untrusted text (log lines, member names, paths) made safe
// for an XML 1.0 document, as element content or as a double-quoted
// attribute value.
//
// Escapes & < > " ' as entity references. Characters XML 1.0 forbids
// (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF) are removed, so
// a parser never rejects the file; bytes that are not valid UTF-8 become
// U+FFFD. In attributes, tab, LF and CR are written as character
// references so that parsers keep them (they would turn them into spaces).
#pragma once

#include <string>
#include <string_view>

namespace analyzer {

// Appends to *out. Linear in the input.
void AppendXmlText(std::string_view text, std::string* out);
void AppendXmlAttribute(std::string_view text, std::string* out);

std::string XmlText(std::string_view text);
std::string XmlAttribute(std::string_view text);

}  // namespace analyzer
