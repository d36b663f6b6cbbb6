// VM names as a bundle writes them (prefix and casing vary by stamp) and the canonical
// form the ground truth uses.
//
//   VmName("s12r0405", "XRP", 3, Casing::kLower)  -> "s12r0405-xrp03"
//   CanonicalHost("s12r0405-xrp03")               -> "s12r0405-XRP03"
//   CanonicalHost("azs-Xrp01")                    -> "AzS-XRP01"
#ifndef SAMPLES_GENERATOR_VM_NAMES_H_
#define SAMPLES_GENERATOR_VM_NAMES_H_

#include <string>

namespace samplegen {

// How the role part of a VM name is cased: XRP, Xrp, xrp.
enum class Casing { kUpper, kTitle, kLower };

// `prefix` + "-" + cased `role` + two-digit `index`.
std::string VmName(const std::string& prefix, const std::string& role, int index, Casing casing);

// Role part uppercased; a prefix spelled "azs" in any case becomes "AzS", any other prefix
// is lowercased. The prefix is everything before the last '-'.
std::string CanonicalHost(const std::string& vm_name);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_VM_NAMES_H_
