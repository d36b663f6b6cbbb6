// libFuzzer entry point for one target; FUZZ_TARGET names its body
// (fuzz_targets.h). Built once per target when ANALYZER_FUZZ is on.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return fuzz::FUZZ_TARGET(data, size);
}
