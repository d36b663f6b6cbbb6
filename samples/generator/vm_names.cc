#include "vm_names.h"

#include <cctype>

namespace samplegen {
namespace {

std::string Cased(const std::string& text, Casing casing) {
  std::string out = text;
  for (size_t i = 0; i < out.size(); ++i) {
    const unsigned char ch = static_cast<unsigned char>(out[i]);
    const bool upper = casing == Casing::kUpper || (casing == Casing::kTitle && i == 0);
    out[i] = static_cast<char>(upper ? std::toupper(ch) : std::tolower(ch));
  }
  return out;
}

}  // namespace

std::string VmName(const std::string& prefix, const std::string& role, int index, Casing casing) {
  std::string name = prefix + "-" + Cased(role, casing);
  if (index < 10) name.push_back('0');
  name += std::to_string(index);
  return name;
}

std::string CanonicalHost(const std::string& vm_name) {
  const size_t dash = vm_name.rfind('-');
  if (dash == std::string::npos) return Cased(vm_name, Casing::kUpper);
  std::string prefix = Cased(vm_name.substr(0, dash), Casing::kLower);
  if (prefix == "azs") prefix = "AzS";
  return prefix + "-" + Cased(vm_name.substr(dash + 1), Casing::kUpper);
}

}  // namespace samplegen
