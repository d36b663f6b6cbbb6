#include "record_reader.h"

#include "line_parser.h"
#include "line_reader.h"
#include "origin.h"

namespace analyzer {
namespace {

constexpr size_t kSniffBytes = 64 << 10;
constexpr size_t kSniffLines = 32;

std::vector<std::string> FirstLines(std::string_view head, Encoding encoding) {
  TextDecoder decoder(encoding);
  std::string text;
  decoder.Decode(head, &text);
  std::vector<std::string> lines;
  size_t start = 0;
  while (lines.size() < kSniffLines && start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) break;  // maybe cut: not a fair sample
    std::string line = text.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(std::move(line));
    start = nl + 1;
  }
  return lines;
}

// Accumulates one record at a time; its buffers are reused for the next.
class RecordBuilder {
 public:
  RecordBuilder(const EntryInfo& info, const Origin& origin, const Limits& limits,
                InventoryItem& item, RecordSink& out)
      : info_(info), origin_(origin), limits_(limits), item_(item), out_(out) {}

  // `joinable`: continuation lines may join this record (false for a stray
  // line that only became a record because nothing came before it).
  void Start(std::string_view line, uint64_t line_number, const ParsedLine& p, bool joinable) {
    Flush();
    open_ = true;
    joinable_ = joinable;
    text_.assign(line);
    first_line_length_ = line.size();
    line_ = line_number;
    time_ = p.time;
    message_ = p.message;
    level_ = !p.status_level.empty() ? p.status_level : p.level.empty() ? std::string_view() : NormalizeLevel(p.level.In(line));
    component_.assign(p.component.In(line));
    const std::string_view host = p.host.In(line);
    host_ = host.empty() ? std::string() : CanonicalHost(host);
    if (host_.empty()) host_.assign(host);
    cut_ = false;
  }

  // Returns false when there is no record to continue.
  bool Continue(std::string_view line) {
    if (!open_ || !joinable_) return false;
    if (text_.size() + 1 + line.size() > limits_.max_record_bytes) {
      if (!cut_) ++item_.records_cut, cut_ = true;
      return true;
    }
    text_.push_back('\n');
    text_.append(line);
    return true;
  }

  void Flush() {
    if (!open_) return;
    open_ = false;
    Record r;
    r.time = time_;
    r.source = info_.source;
    r.line = line_;
    r.host = host_.empty() ? std::string_view(origin_.host) : std::string_view(host_);
    // The role named by the path (role zip) is the component: a format's
    // captured component (".dtr" Type, "[Component]") only fills in when the
    // path names no role, so rule scopes see one stable name per role.
    r.component = origin_.component.empty() ? std::string_view(component_) : std::string_view(origin_.component);
    r.level = level_;
    r.text = text_;
    r.first_line_length = first_line_length_;
    r.message = message_.empty() ? std::string_view(text_) : message_.In(text_);
    ++item_.records;
    if (!time_.known()) {
      ++item_.untimed_records;
    } else {
      if (!item_.first.known() || time_ < item_.first) item_.first = time_;
      if (!item_.last.known() || item_.last < time_) item_.last = time_;
    }
    out_.OnRecord(r);
  }

 private:
  const EntryInfo& info_;
  const Origin& origin_;
  const Limits& limits_;
  InventoryItem& item_;
  RecordSink& out_;
  bool open_ = false, joinable_ = false, cut_ = false;
  std::string text_, component_, host_;
  std::string_view level_;
  Span message_;
  uint64_t line_ = 0;
  size_t first_line_length_ = 0;
  UtcTime time_;
};

}  // namespace

InventoryItem RecordReader::Read(const EntryInfo& info, ByteSource& data, RecordSink& out,
                                 std::vector<Problem>* problems) const {
  InventoryItem item;
  item.source = info.source;
  item.kind = "file";
  const Origin origin = OriginFromSource(info.source);
  item.host = origin.host;
  item.component = origin.component;
  std::string head;
  if (!ReadUpTo(data, kSniffBytes, &head)) {
    item.status = EntryStatus::kFailed;
    item.reason = "cannot read: " + data.error();
    return item;
  }
  const Encoding encoding = DetectEncoding(head);
  item.encoding = EncodingName(encoding);
  if (LooksBinary(head, encoding)) {
    item.status = EntryStatus::kSkipped;
    item.reason = "binary content (not text in any supported encoding)";
    item.bytes = head.size();
    return item;
  }
  const LogFormat* format = formats_.Choose(info.name, FirstLines(head, encoding));
  if (format == nullptr) {
    item.status = EntryStatus::kFailed;
    item.reason = "no log format loaded";
    return item;
  }
  item.format = format->name;
  PrefixedSource all(head, data);
  LineReader lines(all, encoding, limits_.max_line_bytes);
  // Captured host (and component, where the path names no role) must still
  // be parsed: they decide where a record belongs.
  const bool want_fields = want_fields_ || format->host_group > 0 ||
                           (format->component_group > 0 && origin.component.empty());
  LineParser parser(*format, assumed_, want_fields);
  item.zone = parser.zone_name();
  item.zone_assumed = parser.zone_assumed();
  RecordBuilder builder(info, origin, limits_, item, out);
  std::string_view line;
  ParsedLine p;
  while (lines.Next(&line)) {
    parser.Parse(line, &p);
    if (p.starts_record) {
      builder.Start(line, lines.line_number(), p, true);
    } else if (p.directive || line.empty()) {
      continue;
    } else if (!(format->multiline && builder.Continue(line))) {
      builder.Start(line, lines.line_number(), ParsedLine(), false);  // untimed, alone
    }
  }
  builder.Flush();
  item.lines = lines.line_number();
  item.bytes = lines.bytes_read();
  item.invalid_sequences = lines.invalid_sequences();
  item.lines_cut = lines.lines_cut();
  if (lines.lines_cut() > 0)
    problems->push_back({info.source, std::to_string(lines.lines_cut()) + " line(s) longer than " +
                                          std::to_string(limits_.max_line_bytes) +
                                          " bytes were cut (--max-line-bytes)"});
  if (lines.failed()) {
    item.status = EntryStatus::kFailed;
    item.reason = "read error after " + std::to_string(item.lines) + " lines: " + lines.error() +
                  " (records before it were kept)";
  }
  return item;
}

}  // namespace analyzer
