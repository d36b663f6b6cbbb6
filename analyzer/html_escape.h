// HtmlEscape: makes untrusted text (log lines, member names, paths) safe to
// place in HTML or SVG, as element content or as a quoted attribute value.
//
//   out += "<td title=\"" + EscapeHtml(item.source) + "\">";
//
// Escapes & < > " ' as character references, so one function serves text
// and attributes (single- or double-quoted) alike. Also replaces, with
// U+FFFD, what a browser would otherwise reinterpret or refuse: invalid
// UTF-8 (member names need not be UTF-8) and C0/C1 control characters other
// than tab, line feed and carriage return. Never use the result inside a
// <script> or <style> element, an unquoted attribute, or a URL: the report
// puts log text in none of those.
#pragma once

#include <string>
#include <string_view>

namespace analyzer {

// Appends the escaped form of `text` to *out. Linear in the input.
void AppendHtmlEscaped(std::string_view text, std::string* out);

std::string EscapeHtml(std::string_view text);

}  // namespace analyzer
