// File encodings of Windows logs: UTF-8 with or without BOM, and UTF-16LE as written
// by Windows PowerShell's Out-File (with BOM) or by tools that omit it.
#ifndef SAMPLES_GENERATOR_TEXT_ENCODING_H_
#define SAMPLES_GENERATOR_TEXT_ENCODING_H_

#include <string>
#include <string_view>

namespace samplegen {

enum class TextEncoding { kUtf8, kUtf8Bom, kUtf16LeBom, kUtf16Le };

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Re-encodes UTF-8 `text` as UTF-16LE, with the FF FE byte order mark when `bom`.
// Invalid UTF-8 bytes become U+FFFD. Linear in the input.
std::string ToUtf16Le(std::string_view text, bool bom);

// The bytes of a file holding UTF-8 `text` in `encoding`.
std::string Encode(std::string_view text, TextEncoding encoding);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_TEXT_ENCODING_H_
