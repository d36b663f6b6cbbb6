// JsonWriter: writes one JSON document to a stream as it is produced, laid
// out byte for byte as nlohmann::json's dump(2) lays out the same value
// (two-space indent, `"key": value`, one member or element per line, empty
// containers as {} and []), strings escaped by AppendJsonString
// (json_text.h). The report is written this way so that its memory is one
// reused buffer, not a DOM of the whole inventory (a DOM costs ~3 KiB per
// entry: 400 MB for a bundle of 100 000 tiny members).
//
//   JsonWriter w(file);
//   w.BeginObject();
//   w.Key("schema_version").Uint(1);
//   w.Key("inventory").BeginArray();
//   for (const InventoryItem& item : items) { w.BeginObject(); …; w.EndObject(); }
//   w.EndArray();
//   w.EndObject();
//   if (!w.Finish()) …;   // ends the line, flushes; false when the stream failed
//
// Keys and values must alternate inside objects, and every Begin* must
// have its End*; the writer does not check (its callers are a few fixed
// layouts). Cost: linear in the output; allocates only while its buffer
// grows (to kFlushBytes, or to hold the longest string). Not thread-safe.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "utc_time.h"

namespace analyzer {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out);
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  JsonWriter& Key(std::string_view key);  // then the value: w.Key("k").Uint(1)

  void String(std::string_view s);
  void StringOrNull(std::string_view s);  // null when empty
  void Strings(const std::vector<std::string>& items);  // an array of strings
  void Uint(uint64_t n);
  void Bool(bool b);
  void Null();
  void Time(UtcTime t);  // "2026-11-18T09:12:04Z" or null

  // Writes the final newline and everything buffered. True when the stream
  // took it all.
  bool Finish();

 private:
  static constexpr size_t kFlushBytes = 64 * 1024;
  void BeforeValue();
  void Open(char bracket);
  void Close(char bracket);
  void MaybeFlush();
  void Flush();

  std::ostream& out_;
  std::string buffer_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace analyzer
