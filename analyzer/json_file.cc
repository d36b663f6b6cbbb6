#include "json_file.h"

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
  }
  return true;
}

bool JsonFile::Load(const std::string& file_path, std::string* error) {
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
  int line, col;
  LineCol(text, LocatePointer(text, pointer), &line, &col);
  return path + ":" + std::to_string(line) + ":" + std::to_string(col);
}

}  // namespace analyzer
