#include "terminal_text.h"

namespace analyzer {

std::string TerminalSafe(std::string_view s, bool keep_newlines) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    // C1 controls (U+0080..U+009F, UTF-8 C2 80..C2 9F) act like ESC on some terminals.
    const bool c1 = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(s[i + 1]) <= 0x9F;
    if ((c >= 0x20 && c != 0x7F && !c1) || (keep_newlines && c == '\n')) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    const unsigned char shown = c1 ? static_cast<unsigned char>(s[++i]) : c;
    out += "\\x";
    out.push_back(kHex[shown >> 4]);
    out.push_back(kHex[shown & 0xF]);
  }
  return out;
}

}  // namespace analyzer
