// TextDecoder: turns the bytes of a log file into UTF-8, whatever Windows
// wrote: UTF-8 with or without BOM, UTF-16LE/BE with BOM, or UTF-16LE without
// BOM (PowerShell's Out-File), detected from the first bytes.
//
// Invalid sequences (bad UTF-8, odd trailing byte, lone surrogates) become
// U+FFFD and are counted, never dropped. Decoding is chunked: a sequence cut
// at a chunk boundary is completed by the next chunk.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace analyzer {

enum class Encoding { kUtf8, kUtf8Bom, kUtf16LeBom, kUtf16BeBom, kUtf16LeNoBom, kUtf16BeNoBom };

const char* EncodingName(Encoding e);

// Guesses the encoding from the first bytes of a file (a few KiB is plenty).
Encoding DetectEncoding(std::string_view head);

// True when `head` looks like binary data rather than text in `encoding`
// (NUL bytes in 8-bit text, or mostly invalid sequences).
bool LooksBinary(std::string_view head, Encoding encoding);

class TextDecoder {
 public:
  explicit TextDecoder(Encoding e) : encoding_(e) {}

  // Appends the UTF-8 for `in` to `out`. The BOM, if any, is dropped.
  void Decode(std::string_view in, std::string* out);
  // Flushes an incomplete trailing sequence as U+FFFD (call once at the end).
  void Finish(std::string* out);

  Encoding encoding() const { return encoding_; }
  uint64_t invalid_sequences() const { return invalid_; }

 private:
  void DecodeUtf8(std::string_view in, std::string* out);
  void DecodeUtf16(std::string_view in, std::string* out);
  void PutCodePoint(uint32_t cp, std::string* out);
  void PutReplacement(std::string* out);

  Encoding encoding_;
  bool bom_checked_ = false;
  std::string pending_;     // bytes of a sequence cut at the chunk end
  uint32_t high_surrogate_ = 0;
  uint64_t invalid_ = 0;
};

}  // namespace analyzer
