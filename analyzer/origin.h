// Origin: which VM (host) and which role (component) a file belongs to,
// read from its "!/" source chain the way an engineer reads a bundle:
// role zips are named "<Role>-*.zip" (split parts "-1", "-2" are the same
// role), and each role zip holds one folder per VM.
//
// VM names come in any case and with stamp prefixes ("AzS-Xrp01",
// "s12r0405-xrp02", "N22R0903-XRP03"); they are canonicalized so one VM is
// one host: role letters upper case, "AzS" prefix, other prefixes lower case.
//   CanonicalHost("s12r0405-Xrp02") == "s12r0405-XRP02"
#pragma once

#include <string>
#include <string_view>

namespace analyzer {

struct Origin {
  std::string host;       // "" when the path names no VM
  std::string component;  // "" when no role is named
};

Origin OriginFromSource(std::string_view source);

// Canonical VM name, or "" if `name` is not a VM name.
std::string CanonicalHost(std::string_view name);

// Canonical role name ("AzureBridge", "WASPUBLIC", ...) for a role zip or
// folder name, or "" if it names no known role.
std::string CanonicalRole(std::string_view name);

}  // namespace analyzer
