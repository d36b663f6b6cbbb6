// Binary members an analyzer cannot read and must list as skipped: ETW traces, event
// logs, a crash dump. A few KB of seeded random bytes behind each format's magic.
#ifndef SAMPLES_GENERATOR_BINARY_MEMBERS_H_
#define SAMPLES_GENERATOR_BINARY_MEMBERS_H_

#include <string>

#include "prng.h"

namespace samplegen {

std::string EtlBytes(Prng* prng);   // .etl: no magic, random
std::string EvtxBytes(Prng* prng);  // .evtx: starts with "ElfFile\0"
std::string DumpBytes(Prng* prng);  // .dmp: starts with "MDMP"

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_BINARY_MEMBERS_H_
