// LineReader: splits a decoded text stream into lines, LF or CRLF, without
// allocating per line: each line is a view into an internal buffer, valid
// until the next call to Next().
//
// A line longer than the limit is cut at the limit (on a UTF-8 boundary);
// the rest of it is skipped and the cut is counted, so memory stays bounded
// by the limit plus one chunk whatever the input.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "byte_source.h"
#include "text_decoder.h"

namespace analyzer {

class LineReader {
 public:
  LineReader(ByteSource& src, Encoding encoding, uint64_t max_line_bytes);

  // Sets *line to the next line without its end-of-line bytes. Returns false
  // at the end of the stream or on a read error (then failed() is true).
  bool Next(std::string_view* line);

  uint64_t line_number() const { return line_number_; }  // of the last line returned, 1-based
  uint64_t lines_cut() const { return lines_cut_; }
  uint64_t bytes_read() const { return bytes_read_; }
  uint64_t invalid_sequences() const { return decoder_.invalid_sequences(); }
  bool failed() const { return failed_; }
  const std::string& error() const { return src_.error(); }

 private:
  bool Fill();  // decodes one more chunk into buf_; false at the end
  bool SkipRestOfLine();

  ByteSource& src_;
  TextDecoder decoder_;
  uint64_t max_line_;
  std::string raw_;   // one chunk of input bytes
  std::string buf_;   // decoded text; [pos_, end) not yet returned
  std::string cut_line_;  // head of the last over-long line
  size_t pos_ = 0;
  size_t scan_ = 0;   // where to resume looking for '\n'
  bool eof_ = false;
  bool failed_ = false;
  uint64_t line_number_ = 0;
  uint64_t lines_cut_ = 0;
  uint64_t bytes_read_ = 0;
};

}  // namespace analyzer
