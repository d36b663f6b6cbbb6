// What the per-VM simulators of an XRP VM share: the scenario, the stamp's identifiers,
// the VM's names and its clock.
#ifndef SAMPLES_GENERATOR_XRP_CONTEXT_H_
#define SAMPLES_GENERATOR_XRP_CONTEXT_H_

#include <string>
#include <string_view>

#include "prng.h"
#include "scenario.h"
#include "stamp_identity.h"

namespace samplegen {

struct XrpContext {
  const Scenario* scenario;
  const StampIdentity* id;
  int xrp;           // 0-based
  std::string vm;    // the VM's folder name, as the bundle spells it
  std::string host;  // canonical host name

  const XrpProfile& profile() const { return scenario->xrp[xrp]; }
  // What the VM writes for true time `t`: its clock may run ahead.
  Ticks Written(Ticks t) const { return t + Seconds(profile().skew_seconds); }
  // A random stream private to this VM and `purpose`, independent of every other one.
  Prng Random(std::string_view purpose) const {
    return Prng(Fnv1a(scenario->name)).Fork(vm).Fork(purpose);
  }
};

// A time `lo_s`..`hi_s` seconds (plus a random fraction) after `t`.
inline Ticks After(Ticks t, Prng* prng, int64_t lo_s, int64_t hi_s) {
  return t + Seconds(prng->Between(lo_s, hi_s)) + static_cast<Ticks>(prng->Below(kTicksPerSecond));
}

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_XRP_CONTEXT_H_
