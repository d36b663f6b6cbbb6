// Fuzz target: bytes as one log file. The decoder is fed in chunks whose
// sizes come from the input (sequences cut anywhere), lines are split with a
// small line limit, every shipped format parses every line, and the record
// reader runs the whole file as the ingest layer does.
#include <string>
#include <string_view>
#include <vector>

#include "byte_source.h"
#include "fuzz_support.h"
#include "fuzz_targets.h"
#include "line_parser.h"
#include "line_reader.h"
#include "record_reader.h"
#include "text_decoder.h"

namespace fuzz {
namespace {

// Hands out the bytes in reads of 1..step bytes.
class ChoppySource : public analyzer::ByteSource {
 public:
  ChoppySource(std::string_view data, size_t step) : data_(data), step_(step) {}
  long Read(char* buf, size_t n) override {
    size_t k = std::min({n, step_, data_.size() - pos_});
    std::copy(data_.data() + pos_, data_.data() + pos_ + k, buf);
    pos_ += k;
    return static_cast<long>(k);
  }
  const std::string& error() const override { return error_; }

 private:
  std::string_view data_;
  size_t step_, pos_ = 0;
  std::string error_;
};

void DecodeInChunks(std::string_view text, size_t step) {
  analyzer::TextDecoder decoder(analyzer::DetectEncoding(text));
  std::string out;
  for (size_t i = 0; i < text.size(); i += step) decoder.Decode(text.substr(i, step), &out);
  decoder.Finish(&out);
  analyzer::LooksBinary(text, decoder.encoding());
}

void SplitAndParse(std::string_view text, size_t step) {
  const analyzer::Encoding encoding = analyzer::DetectEncoding(text);
  std::vector<analyzer::LineParser> parsers;
  for (const auto& f : ShippedFormats().formats()) parsers.emplace_back(*f, analyzer::TimeZone::Utc());
  ChoppySource src(text, step);
  analyzer::LineReader lines(src, encoding, 256);
  std::string_view line;
  analyzer::ParsedLine p;
  size_t sum = 0;
  while (lines.Next(&line)) {
    for (auto& parser : parsers) {
      parser.Parse(line, &p);
      sum += p.level.In(line).size() + p.component.In(line).size() + p.host.In(line).size() +
             p.message.In(line).size();
    }
  }
  if (sum == static_cast<size_t>(-1)) std::abort();  // keeps `sum` alive
}

void ReadRecords(std::string_view text, size_t step, const char* name) {
  const analyzer::Limits limits = FuzzLimits();
  analyzer::RecordReader reader(ShippedFormats(), analyzer::TimeZone::FixedOffset(3600), limits);
  ChoppySource src(text, step);
  analyzer::EntryInfo info{std::string("b.zip!/AzureBridge/AzS-XRP01/") + name, name, 1, -1};
  TouchingSink sink;
  std::vector<analyzer::Problem> problems;
  reader.Read(info, src, sink, &problems);
}

}  // namespace

int RecordSplitter(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const size_t step = 1 + data[0] % 64;
  static constexpr const char* kNames[] = {"bridge.log", "x.dtr", "AzureStack.Ece.log",
                                           "u_ex201118.log", "Get-AzureStackLog_Output.log",
                                           "registration.log", "other.txt", "trace.log"};
  const char* name = kNames[(data[0] >> 3) % 8];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  DecodeInChunks(text, step);
  SplitAndParse(text, step * 7);
  ReadRecords(text, step * 13, name);
  return 0;
}

}  // namespace fuzz
