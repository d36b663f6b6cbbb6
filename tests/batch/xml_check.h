// XmlCheck: a small, strict XML 1.0 reader for the tests: it accepts only a
// well-formed document (one root, matching tags, quoted and unique
// attributes, known entities, characters legal in XML 1.0, valid UTF-8) and
// returns its element tree, so a test can both prove that a CI system will
// parse the JUnit file and count what is in it. No DTD, no namespaces
// (names are kept as written), no CDATA: the writer never emits them.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace test {

struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;  // values unescaped
  std::vector<std::unique_ptr<XmlElement>> children;
  std::string text;  // character data directly inside, unescaped

  // Every descendant (not itself) named `name`, in document order.
  std::vector<const XmlElement*> FindAll(const std::string& name) const;
  std::string Attr(const std::string& key) const;  // "" when absent
};

// On failure returns null and sets *error ("offset N: what").
std::unique_ptr<XmlElement> ParseXml(const std::string& text, std::string* error);

}  // namespace test
