#include "binary_members.h"

namespace samplegen {

std::string EtlBytes(Prng* prng) { return RandomBytes(prng, 4096 + prng->Below(4096)); }

std::string EvtxBytes(Prng* prng) {
  return std::string("ElfFile\0", 8) + RandomBytes(prng, 4088 + prng->Below(2048));
}

std::string DumpBytes(Prng* prng) {
  return std::string("MDMP\x93\xa7\0\0", 8) + RandomBytes(prng, 6136 + prng->Below(2048));
}

}  // namespace samplegen
