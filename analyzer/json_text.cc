#include "json_text.h"

namespace analyzer {
namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// One step through UTF-8: the length of the sequence at s[i] when it is
// valid, else the length of its maximal ill-formed subpart (the lead byte
// and the continuation bytes that could still have completed it; at least
// 1). The byte that broke a sequence is not part of it: it starts the next
// step, which is how nlohmann's replace handler reads it too.
struct Utf8Step {
  size_t length;
  bool valid;
};

Utf8Step NextUtf8(std::string_view s, size_t i) {
  const unsigned char lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) return {1, true};
  size_t continuations = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the next byte
  if (lead >= 0xC2 && lead <= 0xDF) continuations = 1;
  else if (lead >= 0xE0 && lead <= 0xEF) continuations = 2;
  else if (lead >= 0xF0 && lead <= 0xF4) continuations = 3;
  else return {1, false};  // a stray continuation byte, C0, C1 or F5..FF
  // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are
  // ruled out by the second byte.
  if (lead == 0xE0) lo = 0xA0;
  if (lead == 0xED) hi = 0x9F;
  if (lead == 0xF0) lo = 0x90;
  if (lead == 0xF4) hi = 0x8F;
  for (size_t n = 1; n <= continuations; ++n) {
    if (i + n >= s.size()) return {n, false};
    const unsigned char c = static_cast<unsigned char>(s[i + n]);
    if (c < lo || c > hi) return {n, false};
    lo = 0x80, hi = 0xBF;
  }
  return {continuations + 1, true};
}

// The escape of one control character, quote or backslash (code < 0xA0).
void AppendEscape(std::string* out, unsigned char code) {
  switch (code) {
    case '"': out->append("\\\""); return;
    case '\\': out->append("\\\\"); return;
    case '\b': out->append("\\b"); return;
    case '\f': out->append("\\f"); return;
    case '\n': out->append("\\n"); return;
    case '\r': out->append("\\r"); return;
    case '\t': out->append("\\t"); return;
    default:
      out->append("\\u00");
      out->push_back(kHex[code >> 4]);
      out->push_back(kHex[code & 0xF]);
  }
}

bool IsC1Second(unsigned char c) { return c >= 0x80 && c <= 0x9F; }

}  // namespace

void AppendJsonString(std::string* out, std::string_view s) {
  out->push_back('"');
  size_t copied = 0;  // s[copied, i) is still to be copied as it is
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {  // the common case
      ++i;
      continue;
    }
    const Utf8Step step = NextUtf8(s, i);
    const bool c1 = step.valid && c == 0xC2 && IsC1Second(static_cast<unsigned char>(s[i + 1]));
    if (step.valid && c >= 0x80 && !c1) {
      i += step.length;
      continue;
    }
    out->append(s.data() + copied, i - copied);
    if (!step.valid) out->append(kReplacement);
    else AppendEscape(out, c1 ? static_cast<unsigned char>(s[i + 1]) : c);
    i += step.length;
    copied = i;
  }
  out->append(s.data() + copied, s.size() - copied);
  out->push_back('"');
}

void AppendJsonTime(std::string* out, UtcTime t) {
  if (!t.known()) {
    out->append("null");
    return;
  }
  out->push_back('"');
  out->append(FormatRfc3339(t));
  out->push_back('"');
}

void EscapeJsonControls(std::string* json) {
  const auto byte = [json](size_t i) { return static_cast<unsigned char>((*json)[i]); };
  const auto needs_escape = [json, byte](size_t i) {
    return byte(i) == 0x7F || (byte(i) == 0xC2 && i + 1 < json->size() && IsC1Second(byte(i + 1)));
  };
  size_t i = 0;
  while (i < json->size() && !needs_escape(i)) ++i;
  if (i == json->size()) return;
  std::string out(*json, 0, i);
  out.reserve(json->size() + 16);
  for (; i < json->size(); ++i) {
    if (!needs_escape(i)) {
      out.push_back((*json)[i]);
      continue;
    }
    if (byte(i) == 0xC2) ++i;  // the C1 character is the next byte
    AppendEscape(&out, byte(i));
  }
  json->swap(out);
}

}  // namespace analyzer
