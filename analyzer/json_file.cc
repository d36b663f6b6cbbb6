#include "json_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace analyzer {
namespace {

// A minimal scanner over JSON text (with comments) that can walk to a path.
class Scanner {
 public:
  explicit Scanner(const std::string& t) : t_(&t) {}

  void SkipSpace() {
    while (i_ < t_->size()) {
      const char c = (*t_)[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i_;
      } else if (c == '/' && i_ + 1 < t_->size() && (*t_)[i_ + 1] == '/') {
        while (i_ < t_->size() && (*t_)[i_] != '\n') ++i_;
      } else if (c == '/' && i_ + 1 < t_->size() && (*t_)[i_ + 1] == '*') {
        const size_t end = t_->find("*/", i_ + 2);
        i_ = end == std::string::npos ? t_->size() : end + 2;
      } else {
        return;
      }
    }
  }

  bool ReadString(std::string* out) {
    if (i_ >= t_->size() || (*t_)[i_] != '"') return false;
    ++i_;
    out->clear();
    while (i_ < t_->size() && (*t_)[i_] != '"') {
      if ((*t_)[i_] == '\\' && i_ + 1 < t_->size()) ++i_;
      out->push_back((*t_)[i_++]);
    }
    ++i_;
    return true;
  }

  // Skips one value of any kind.
  void SkipValue() {
    SkipSpace();
    if (i_ >= t_->size()) return;
    std::string ignored;
    if ((*t_)[i_] == '"') return void(ReadString(&ignored));
    if ((*t_)[i_] == '{' || (*t_)[i_] == '[') {
      int depth = 0;
      while (i_ < t_->size()) {
        SkipSpace();
        if (i_ >= t_->size()) return;
        const char c = (*t_)[i_];
        if (c == '"') {
          ReadString(&ignored);
          continue;
        }
        ++i_;
        if (c == '{' || c == '[') ++depth;
        if ((c == '}' || c == ']') && --depth == 0) return;
      }
      return;
    }
    while (i_ < t_->size() && std::string(",}] \t\r\n").find((*t_)[i_]) == std::string::npos) ++i_;
  }

  // Positions on the member `key` of the object here; false if missing.
  bool EnterMember(const std::string& key) {
    SkipSpace();
    if (i_ >= t_->size() || (*t_)[i_] != '{') return false;
    ++i_;
    std::string k;
    for (;;) {
      SkipSpace();
      if (!ReadString(&k)) return false;
      SkipSpace();
      if (i_ >= t_->size() || (*t_)[i_] != ':') return false;
      ++i_;
      SkipSpace();
      if (k == key) return true;
      SkipValue();
      SkipSpace();
      if (i_ >= t_->size() || (*t_)[i_] != ',') return false;
      ++i_;
    }
  }

  bool EnterElement(size_t index) {
    SkipSpace();
    if (i_ >= t_->size() || (*t_)[i_] != '[') return false;
    ++i_;
    for (size_t n = 0; n < index; ++n) {
      SkipValue();
      SkipSpace();
      if (i_ >= t_->size() || (*t_)[i_] != ',') return false;
      ++i_;
    }
    SkipSpace();
    return true;
  }

  // The members of the object or array here: (key, offset of the value);
  // arrays give "" keys. Stops at the first malformed place.
  std::vector<std::pair<std::string, size_t>> ListMembers() {
    std::vector<std::pair<std::string, size_t>> out;
    SkipSpace();
    if (i_ >= t_->size() || ((*t_)[i_] != '{' && (*t_)[i_] != '[')) return out;
    const bool object = (*t_)[i_++] == '{';
    std::string key;
    for (;;) {
      SkipSpace();
      if (object) {
        if (!ReadString(&key)) return out;
        SkipSpace();
        if (i_ >= t_->size() || (*t_)[i_] != ':') return out;
        ++i_;
        SkipSpace();
      } else if (i_ < t_->size() && (*t_)[i_] == ']') {
        return out;
      }
      out.emplace_back(object ? key : std::string(), i_);
      SkipValue();
      SkipSpace();
      if (i_ >= t_->size() || (*t_)[i_] != ',') return out;
      ++i_;
    }
  }

  void Seek(size_t pos) { i_ = pos; }
  size_t pos() const { return i_; }

 private:
  const std::string* t_;
  size_t i_ = 0;
};

std::vector<std::string> SplitPointer(const std::string& pointer) {
  std::vector<std::string> parts;
  size_t i = 0;
  while (i < pointer.size() && pointer[i] == '/') {
    const size_t next = pointer.find('/', i + 1);
    std::string part = pointer.substr(i + 1, next == std::string::npos ? std::string::npos
                                                                        : next - i - 1);
    for (size_t k; (k = part.find("~1")) != std::string::npos;) part.replace(k, 2, "/");
    for (size_t k; (k = part.find("~0")) != std::string::npos;) part.replace(k, 2, "~");
    parts.push_back(part);
    if (next == std::string::npos) break;
    i = next;
  }
  return parts;
}

bool IsIndex(const std::string& s) {
  return !s.empty() && s.size() < 10 && s.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

void LineCol(const std::string& text, size_t offset, int* line, int* col) {
  *line = 1, *col = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') ++*line, *col = 1;
    else ++*col;
  }
}

size_t LocatePointer(const std::string& text, const std::string& pointer) {
  Scanner s(text);
  s.SkipSpace();
  for (const std::string& part : SplitPointer(pointer)) {
    Scanner probe = s;
    const bool is_array = s.pos() < text.size() && text[s.pos()] == '[';
    const bool found = is_array ? IsIndex(part) && probe.EnterElement(std::stoul(part))
                                : probe.EnterMember(part);
    if (!found) break;  // report the closest enclosing value
    s = probe;
  }
  return s.pos();
}

bool JsonFile::Parse(const std::string& file_path, std::string json_text, std::string* error) {
  path = file_path;
  text = std::move(json_text);
  index_.reset();
  try {
    value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/true,
                                  /*ignore_comments=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    int line, col;
    LineCol(text, e.byte > 0 ? e.byte - 1 : 0, &line, &col);
    std::string what = e.what();
    const size_t colon = what.find(": ", what.find("parse error"));
    *error = path + ":" + std::to_string(line) + ":" + std::to_string(col) + ": invalid JSON" +
             (colon == std::string::npos ? "" : what.substr(colon));
    return false;
  } catch (const nlohmann::json::exception& e) {
    // Not a syntax error but still the input's fault: a number out of range
    // ("1e400", out_of_range.406). It names the number, which places it.
    std::string what = e.what();
    const size_t open = what.find('\''), close = what.rfind('\'');
    const size_t at = open < close ? text.find(what.substr(open + 1, close - open - 1)) : 0;
    int line, col;
    LineCol(text, at == std::string::npos ? 0 : at, &line, &col);
    const size_t bracket = what.find("] ");
    *error = path + ":" + std::to_string(line) + ":" + std::to_string(col) + ": invalid JSON: " +
             (bracket == std::string::npos ? what : what.substr(bracket + 2));
    return false;
  }
  return true;
}

bool JsonFile::Load(const std::string& file_path, std::string* error) {
  // Opening a FIFO would block forever, reading a directory throws.
  std::error_code ec;
  if (!std::filesystem::exists(file_path, ec)) {
    *error = file_path + ": cannot open: no such file";
    return false;
  }
  if (!std::filesystem::is_regular_file(file_path, ec)) {
    *error = file_path + ": cannot open: not a regular file";
    return false;
  }
  std::ifstream in(file_path, std::ios::binary);
  if (!in) {
    *error = file_path + ": cannot open";
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return Parse(file_path, ss.str(), error);
}

std::string JsonFile::Where(const std::string& pointer) const {
  // LocatePointer and LineCol rescan the text from its start: linear per
  // call, quadratic for a message per rule. The index makes both cheap.
  if (!index_) {
    index_ = std::make_shared<Index>();
    index_->line_starts.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') index_->line_starts.push_back(i + 1);
  }
  Scanner s(text);
  s.SkipSpace();
  for (const std::string& part : SplitPointer(pointer)) {
    auto it = index_->members.find(s.pos());
    if (it == index_->members.end()) {
      Scanner lister = s;
      it = index_->members.emplace(s.pos(), lister.ListMembers()).first;
    }
    const auto& members = it->second;
    const bool is_array = s.pos() < text.size() && text[s.pos()] == '[';
    size_t found = std::string::npos;
    if (is_array && IsIndex(part) && std::stoul(part) < members.size()) found = members[std::stoul(part)].second;
    for (size_t k = 0; !is_array && k < members.size() && found == std::string::npos; ++k)
      if (members[k].first == part) found = members[k].second;
    if (found == std::string::npos) break;  // report the closest enclosing value
    s.Seek(found);
  }
  const size_t offset = std::min(s.pos(), text.size());
  const auto& starts = index_->line_starts;
  const size_t line = std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin();
  return path + ":" + std::to_string(line) + ":" + std::to_string(offset - starts[line - 1] + 1);
}

}  // namespace analyzer
