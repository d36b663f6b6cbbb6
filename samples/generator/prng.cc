#include "prng.h"

namespace samplegen {
namespace {

uint64_t Mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace

uint64_t Fnv1a(std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char ch : text) {
    h ^= ch;
    h *= 0x100000001b3ULL;
  }
  return h;
}

uint64_t Prng::Next() {
  state_ += 0x9e3779b97f4a7c15ULL;
  return Mix(state_);
}

int64_t Prng::Between(int64_t lo, int64_t hi) {
  return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
}

Prng Prng::Fork(std::string_view label) const { return Prng(Mix(state_ ^ Fnv1a(label))); }

std::string MakeGuid(Prng* prng) {
  static const char kHex[] = "0123456789abcdef";
  std::string guid;
  uint64_t bits[2] = {prng->Next(), prng->Next()};
  for (int i = 0; i < 32; ++i) {
    if (i == 8 || i == 12 || i == 16 || i == 20) guid.push_back('-');
    guid.push_back(kHex[(bits[i / 16] >> (4 * (i % 16))) & 0xf]);
  }
  return guid;
}

std::string RandomBytes(Prng* prng, size_t count) {
  std::string bytes;
  bytes.reserve(count);
  while (bytes.size() < count) {
    uint64_t word = prng->Next();
    for (int i = 0; i < 8 && bytes.size() < count; ++i, word >>= 8) {
      bytes.push_back(static_cast<char>(word & 0xff));
    }
  }
  return bytes;
}

}  // namespace samplegen
