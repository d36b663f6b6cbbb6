// JsonFile: a JSON document read from disk (comments allowed), remembering
// its text so that problems can be reported as `file:line:col` for any value
// named by a JSON pointer ("/rules/3/pattern").
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace analyzer {

struct JsonFile {
  std::string path;
  std::string text;
  nlohmann::json value;

  // Reads and parses `path`. On failure returns false and sets *error to
  // "path:line:col: what".
  bool Load(const std::string& file_path, std::string* error);
  // Parses `json_text` as if read from `file_path` (tests, embedded packs).
  bool Parse(const std::string& file_path, std::string json_text, std::string* error);

  // "path:line:col" of the value at `pointer` (or of the closest enclosing
  // value that exists). The first call indexes the text's lines and each
  // container it walks through, so a call per rule stays cheap in a pack of
  // 10 000 rules; `text` must not change after Load/Parse. Not thread-safe.
  std::string Where(const std::string& pointer) const;

 private:
  struct Index {
    std::vector<size_t> line_starts;
    // Offset of an object or array -> (key or "", offset) of each member.
    std::map<size_t, std::vector<std::pair<std::string, size_t>>> members;
  };
  mutable std::shared_ptr<Index> index_;  // shared: copies of a JsonFile stay cheap
};

// The member `key` of `v`, or an empty value: safe to iterate (unlike a
// temporary from json::value(), whose items() would dangle).
inline const nlohmann::json& Member(const nlohmann::json& v, const char* key) {
  static const nlohmann::json kEmpty;
  auto it = v.find(key);
  return it == v.end() ? kEmpty : *it;
}

// Line and column (1-based) of byte `offset` in `text`.
void LineCol(const std::string& text, size_t offset, int* line, int* col);

// Byte offset of the value at JSON `pointer` in `text`; npos if absent.
// Understands // and /* */ comments, as the loader does.
size_t LocatePointer(const std::string& text, const std::string& pointer);

}  // namespace analyzer
