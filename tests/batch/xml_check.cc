#include "xml_check.h"

#include <cctype>
#include <cstdint>
#include <map>
#include <stdexcept>

namespace test {
namespace {

class Parser {
 public:
  explicit Parser(const std::string& s) : s_(s) {}

  std::unique_ptr<XmlElement> Document() {
    if (s_.compare(0, 5, "<?xml") == 0) Skip("?>");
    Misc();
    if (!At("<")) Fail("no root element");
    auto root = Element();
    Misc();
    if (pos_ != s_.size()) Fail("content after the root element");
    return root;
  }

 private:
  [[noreturn]] void Fail(const std::string& what) {
    throw std::runtime_error("offset " + std::to_string(pos_) + ": " + what);
  }
  bool At(const char* lit) const {
    return s_.compare(pos_, std::char_traits<char>::length(lit), lit) == 0;
  }
  void Skip(const char* end) {
    const size_t e = s_.find(end, pos_);
    if (e == std::string::npos) Fail(std::string("missing ") + end);
    pos_ = e + std::char_traits<char>::length(end);
  }
  void Spaces() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\t' || s_[pos_] == '\r'))
      ++pos_;
  }
  void Misc() {  // spaces and comments between markup
    for (Spaces(); At("<!--"); Spaces()) Skip("-->");
  }

  static bool NameChar(char c, bool first) {
    const unsigned char u = static_cast<unsigned char>(c);
    return std::isalpha(u) || c == '_' || c == ':' || u >= 0x80 ||
           (!first && (std::isdigit(u) || c == '-' || c == '.'));
  }
  std::string Name() {
    const size_t start = pos_;
    while (pos_ < s_.size() && NameChar(s_[pos_], pos_ == start)) ++pos_;
    if (pos_ == start) Fail("expected a name");
    return s_.substr(start, pos_ - start);
  }

  // One character (UTF-8 checked, legal in XML 1.0), appended to *out.
  void Char(std::string* out) {
    const unsigned char b = static_cast<unsigned char>(s_[pos_]);
    const int n = b < 0x80             ? 0
                  : (b & 0xE0) == 0xC0 ? 1
                  : (b & 0xF0) == 0xE0 ? 2
                  : (b & 0xF8) == 0xF0 ? 3
                                       : -1;
    if (n < 0 || pos_ + n >= s_.size() + (n == 0)) Fail("invalid UTF-8");
    uint32_t cp = n == 0 ? b : b & (0x3F >> n);
    for (int k = 1; k <= n; ++k) {
      const unsigned char c = static_cast<unsigned char>(s_[pos_ + k]);
      if ((c & 0xC0) != 0x80) Fail("invalid UTF-8");
      cp = cp << 6 | (c & 0x3F);
    }
    static const uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) Fail("invalid UTF-8");
    Legal(cp);
    out->append(s_, pos_, n + 1);
    pos_ += n + 1;
  }
  void Legal(uint32_t cp) {
    const bool ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                    (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    if (!ok) Fail("character U+" + std::to_string(cp) + " is not allowed in XML 1.0");
  }

  void Reference(std::string* out) {
    const size_t semi = s_.find(';', pos_);
    if (semi == std::string::npos || semi - pos_ > 12) Fail("unterminated reference");
    const std::string ref = s_.substr(pos_ + 1, semi - pos_ - 1);
    static const std::map<std::string, std::string> kNamed = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
    if (auto it = kNamed.find(ref); it != kNamed.end()) {
      *out += it->second;
    } else if (ref.size() > 1 && ref[0] == '#') {
      const bool hex = ref[1] == 'x';
      const uint32_t cp =
          static_cast<uint32_t>(std::stoul(ref.substr(hex ? 2 : 1), nullptr, hex ? 16 : 10));
      Legal(cp);
      if (cp < 0x80)
        *out += static_cast<char>(cp);
      else
        *out += "?";  // the tests only read ASCII references back
    } else {
      Fail("unknown entity &" + ref + ";");
    }
    pos_ = semi + 1;
  }

  std::string AttributeValue() {
    const char quote = s_[pos_];
    if (quote != '"' && quote != '\'') Fail("attribute value not quoted");
    ++pos_;
    std::string v;
    while (pos_ < s_.size() && s_[pos_] != quote) {
      if (s_[pos_] == '<') Fail("'<' in an attribute value");
      if (s_[pos_] == '&')
        Reference(&v);
      else
        Char(&v);
    }
    if (pos_ == s_.size()) Fail("unterminated attribute value");
    ++pos_;
    return v;
  }

  std::unique_ptr<XmlElement> Element() {
    ++pos_;  // '<'
    auto e = std::make_unique<XmlElement>();
    e->name = Name();
    for (;;) {
      Spaces();
      if (At("/>")) {
        pos_ += 2;
        return e;
      }
      if (At(">")) break;
      const std::string key = Name();
      Spaces();
      if (!At("=")) Fail("expected '='");
      ++pos_;
      Spaces();
      if (!e->attributes.emplace(key, AttributeValue()).second) Fail("attribute " + key + " twice");
    }
    ++pos_;
    Content(e.get());
    return e;
  }

  void Content(XmlElement* e) {
    for (;;) {
      if (pos_ >= s_.size()) Fail("unclosed <" + e->name + ">");
      if (At("</")) {
        pos_ += 2;
        if (Name() != e->name) Fail("mismatched end tag for <" + e->name + ">");
        Spaces();
        if (!At(">")) Fail("expected '>'");
        ++pos_;
        return;
      }
      if (At("<!--"))
        Skip("-->");
      else if (At("<![CDATA[") || At("<!") || At("<?"))
        Fail("unexpected markup");
      else if (At("<"))
        e->children.push_back(Element());
      else if (At("&"))
        Reference(&e->text);
      else if (At("]]>"))
        Fail("']]>' in content");
      else
        Char(&e->text);
    }
  }

  const std::string& s_;
  size_t pos_ = 0;
};

void Collect(const XmlElement& e, const std::string& name, std::vector<const XmlElement*>* out) {
  for (const auto& c : e.children) {
    if (c->name == name) out->push_back(c.get());
    Collect(*c, name, out);
  }
}

}  // namespace

std::vector<const XmlElement*> XmlElement::FindAll(const std::string& n) const {
  std::vector<const XmlElement*> out;
  Collect(*this, n, &out);
  return out;
}

std::string XmlElement::Attr(const std::string& key) const {
  auto it = attributes.find(key);
  return it == attributes.end() ? "" : it->second;
}

std::unique_ptr<XmlElement> ParseXml(const std::string& text, std::string* error) {
  try {
    return Parser(text).Document();
  } catch (const std::exception& e) {
    *error = e.what();
    return nullptr;
  }
}

}  // namespace test
