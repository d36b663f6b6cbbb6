#include "junit_xml_text.h"

namespace analyzer {
namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the UTF-8 sequence at text[*i], advancing *i past it. Returns
// kInvalid (and advances one byte) for anything but a shortest-form scalar
// value: overlongs, surrogates and values past U+10FFFF included.
char32_t NextCodePoint(std::string_view text, size_t* i) {
  const unsigned char b = static_cast<unsigned char>(text[*i]);
  if (b < 0x80) return ++*i, b;
  const int n = (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2 : (b & 0xF8) == 0xF0 ? 3 : 0;
  if (n == 0 || text.size() - *i <= static_cast<size_t>(n)) return ++*i, kInvalid;
  char32_t cp = b & (0x3F >> n);
  for (int k = 1; k <= n; ++k) {
    const unsigned char c = static_cast<unsigned char>(text[*i + k]);
    if ((c & 0xC0) != 0x80) return ++*i, kInvalid;
    cp = cp << 6 | (c & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return ++*i, kInvalid;
  *i += n + 1;
  return cp;
}

bool AllowedInXml(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

void Append(std::string_view text, bool attribute, std::string* out) {
  out->reserve(out->size() + text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const char32_t c = NextCodePoint(text, &i);
    if (c == kInvalid) {
      *out += "\xEF\xBF\xBD";  // U+FFFD
      continue;
    }
    if (!AllowedInXml(c)) continue;
    switch (c) {
      case '&':
        *out += "&amp;";
        break;
      case '<':
        *out += "&lt;";
        break;
      case '>':
        *out += "&gt;";
        break;
      case '"':
        *out += "&quot;";
        break;
      case '\'':
        *out += "&apos;";
        break;
      case '\t':
        *out += attribute ? "&#9;" : "\t";
        break;
      case '\n':
        *out += attribute ? "&#10;" : "\n";
        break;
      case '\r':
        *out += "&#13;";
        break;  // a raw CR would be read back as LF
      default:
        out->append(text.substr(start, i - start));
    }
  }
}

}  // namespace

void AppendXmlText(std::string_view text, std::string* out) { Append(text, false, out); }
void AppendXmlAttribute(std::string_view text, std::string* out) { Append(text, true, out); }

std::string XmlText(std::string_view text) {
  std::string out;
  AppendXmlText(text, &out);
  return out;
}

std::string XmlAttribute(std::string_view text) {
  std::string out;
  AppendXmlAttribute(text, &out);
  return out;
}

}  // namespace analyzer
