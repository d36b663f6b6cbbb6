// The generator's only source of randomness: SplitMix64, seeded from the scenario name,
// so the same arguments always give the same bytes (no std::random_device, no clock).
//
//   Prng prng(Fnv1a("network-dns"));
//   Prng vm = prng.Fork("xrp1/usage");    // independent stream, parent unchanged
//   int64_t gap = vm.Between(270, 330);
#ifndef SAMPLES_GENERATOR_PRNG_H_
#define SAMPLES_GENERATOR_PRNG_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace samplegen {

// 64-bit FNV-1a hash, used to derive seeds from names.
uint64_t Fnv1a(std::string_view text);

class Prng {
 public:
  explicit Prng(uint64_t seed) : state_(seed) {}

  uint64_t Next();
  // Uniform enough in [0, bound); bound must be > 0. The modulo bias is irrelevant for
  // sample data and keeps the sequence trivially portable.
  uint64_t Below(uint64_t bound) { return Next() % bound; }
  // Uniform in [lo, hi], both inclusive.
  int64_t Between(int64_t lo, int64_t hi);
  bool Percent(int percent) { return static_cast<int>(Below(100)) < percent; }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }

  // A child generator whose stream depends on this one's current state and `label`;
  // forking does not advance this generator, so adding a fork elsewhere shifts nothing.
  Prng Fork(std::string_view label) const;

 private:
  uint64_t state_;
};

// A lowercase GUID (8-4-4-4-12 hex digits) drawn from `prng`.
std::string MakeGuid(Prng* prng);

// `count` bytes drawn from `prng` (for the binary members the analyzer must skip).
std::string RandomBytes(Prng* prng, size_t count);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_PRNG_H_
