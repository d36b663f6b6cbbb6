#include "report_json_writer.h"

#include <charconv>

#include "json_text.h"

namespace analyzer {

JsonWriter::JsonWriter(std::ostream& out) : out_(out) { buffer_.reserve(kFlushBytes + 4096); }

// nlohmann's layout: a member or element starts on its own line, indented
// two spaces per open container, after a comma unless it is the first; a
// value that follows its key stays on the key's line.
void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;  // the document itself
  buffer_.append(empty_.back() ? "\n" : ",\n");
  empty_.back() = false;
  buffer_.append(2 * empty_.size(), ' ');
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  buffer_.push_back(bracket);
  empty_.push_back(true);
}

// An empty container closes on its opening line: {} and [].
void JsonWriter::Close(char bracket) {
  const bool empty = empty_.back();
  empty_.pop_back();
  if (!empty) {
    buffer_.push_back('\n');
    buffer_.append(2 * empty_.size(), ' ');
  }
  buffer_.push_back(bracket);
  MaybeFlush();
}

void JsonWriter::BeginObject() { Open('{'); }
void JsonWriter::EndObject() { Close('}'); }
void JsonWriter::BeginArray() { Open('['); }
void JsonWriter::EndArray() { Close(']'); }

JsonWriter& JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendJsonString(&buffer_, key);
  buffer_.append(": ");
  after_key_ = true;
  return *this;
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  AppendJsonString(&buffer_, s);
  MaybeFlush();
}

void JsonWriter::StringOrNull(std::string_view s) {
  if (s.empty()) Null();
  else String(s);
}

void JsonWriter::Strings(const std::vector<std::string>& items) {
  BeginArray();
  for (const std::string& s : items) String(s);
  EndArray();
}

void JsonWriter::Uint(uint64_t n) {
  BeforeValue();
  char digits[20];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  buffer_.append(digits, static_cast<size_t>(end - digits));
}

void JsonWriter::Bool(bool b) {
  BeforeValue();
  buffer_.append(b ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  buffer_.append("null");
}

void JsonWriter::Time(UtcTime t) {
  BeforeValue();
  AppendJsonTime(&buffer_, t);
}

bool JsonWriter::Finish() {
  buffer_.push_back('\n');
  Flush();
  out_.flush();
  return out_.good();
}

void JsonWriter::MaybeFlush() {
  if (buffer_.size() >= kFlushBytes) Flush();
}

void JsonWriter::Flush() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

}  // namespace analyzer
