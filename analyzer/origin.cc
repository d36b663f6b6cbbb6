#include "origin.h"

#include <re2/re2.h>

#include <vector>

namespace analyzer {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Infrastructure VM roles of Azure Stack Hub (ACS, ADFS, ... XRP).
const RE2& HostPattern() {
  static const RE2 re(
      "(?i)^(?:([a-z][a-z0-9]{0,15})-)?"
      "(xrp|wasp|was|ercs|acs|adfs|bgpnat|ca|dc|gwy|nc|slb|sus|wds|sql|mas|srng)(\\d{1,3})$");
  return re;
}

// Splits "a.zip!/b/c.log" into its path segments, file extensions removed
// from the last one so "AzS-XRP01.log" still names a VM.
std::vector<std::string_view> Segments(std::string_view source) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= source.size(); ++i) {
    if (i == source.size() || source[i] == '/' || source[i] == '\\' || source[i] == '!') {
      if (i > start) out.push_back(source.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::string_view Stem(std::string_view s) {
  const size_t dot = s.find('.');
  return dot == std::string_view::npos ? s : s.substr(0, dot);
}

}  // namespace

std::string CanonicalHost(std::string_view name) {
  std::string prefix, role, number;
  if (!RE2::FullMatch(re2::StringPiece(name.data(), name.size()), HostPattern(), &prefix, &role,
                      &number))
    return "";
  if (number.size() < 2) number = "0" + number;
  std::string host = Upper(role) + number;
  if (prefix.empty()) return host;
  return (Lower(prefix) == "azs" ? std::string("AzS") : Lower(prefix)) + "-" + host;
}

std::string CanonicalRole(std::string_view name) {
  static constexpr std::string_view kRoles[] = {"AzureBridge", "UsageBridge", "WASPUBLIC", "WAS",
                                                "SeedRing",    "ERCS",        "ECE",       "ACS",
                                                "ADFS",        "NC",          "SLB",       "HRP"};
  const std::string lower = Lower(Stem(name));
  const std::string_view head = std::string_view(lower).substr(0, lower.find('-'));
  for (std::string_view role : kRoles)
    if (head == Lower(role)) return std::string(role);
  return "";
}

Origin OriginFromSource(std::string_view source) {
  Origin o;
  // The deepest segment that names a VM or a role wins: the top folder
  // "AzureStackLogs-...-AZS-ERCS01" names only where the logs were gathered.
  static const RE2 kCollectionFolder("(?i)^AzureStackLogs-\\d{8,14}-(.+?)(?:\\.zip|\\.tar\\.gz|\\.tgz)?$");
  for (std::string_view seg : Segments(source)) {
    std::string collector;
    if (o.host.empty() &&
        RE2::FullMatch(re2::StringPiece(seg.data(), seg.size()), kCollectionFolder, &collector))
      o.host = CanonicalHost(collector);
    std::string host = CanonicalHost(seg);
    if (host.empty()) host = CanonicalHost(Stem(seg));
    if (!host.empty()) o.host = host;
    std::string role = CanonicalRole(seg);
    if (!role.empty()) o.component = role;
  }
  return o;
}

}  // namespace analyzer
