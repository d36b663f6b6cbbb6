#include "text_encoding.h"

#include <cstdint>

namespace samplegen {
namespace {

void PutUnit(std::string* out, uint32_t unit) {
  out->push_back(static_cast<char>(unit & 0xff));
  out->push_back(static_cast<char>(unit >> 8));
}

// Decodes one code point at text[*i], advancing *i; returns U+FFFD on a bad sequence.
uint32_t DecodeUtf8(std::string_view text, size_t* i) {
  const unsigned char lead = static_cast<unsigned char>(text[(*i)++]);
  if (lead < 0x80) return lead;
  int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
  if (extra < 0) return 0xFFFD;
  uint32_t cp = lead & (0x3F >> extra);
  for (; extra > 0; --extra) {
    if (*i >= text.size() || (static_cast<unsigned char>(text[*i]) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (static_cast<unsigned char>(text[(*i)++]) & 0x3F);
  }
  return cp;
}

}  // namespace

std::string ToUtf16Le(std::string_view text, bool bom) {
  std::string out;
  out.reserve(text.size() * 2 + 2);
  if (bom) PutUnit(&out, 0xFEFF);
  for (size_t i = 0; i < text.size();) {
    const uint32_t cp = DecodeUtf8(text, &i);
    if (cp >= 0x10000) {
      PutUnit(&out, 0xD800 + ((cp - 0x10000) >> 10));
      PutUnit(&out, 0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      PutUnit(&out, cp);
    }
  }
  return out;
}

std::string Encode(std::string_view text, TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8:
      return std::string(text);
    case TextEncoding::kUtf8Bom:
      return std::string(kUtf8Bom) + std::string(text);
    case TextEncoding::kUtf16LeBom:
      return ToUtf16Le(text, true);
    case TextEncoding::kUtf16Le:
      return ToUtf16Le(text, false);
  }
  return std::string(text);
}

}  // namespace samplegen
