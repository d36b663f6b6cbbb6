#include "sha256.h"

#include <algorithm>
#include <cstring>
#include <memory>

#include "file_source.h"

#if defined(__x86_64__) || defined(__i386__)
#define ANALYZER_SHA256_X86 1
#include <cpuid.h>
#endif

namespace analyzer {

// Shared with sha256_x86.cc, which declares them itself instead of through a
// private header; a mismatch in CompressShaNi's signature fails at link time.
namespace sha256_internal {
extern const uint32_t kRoundConstants[64];
const uint32_t kRoundConstants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
#ifdef ANALYZER_SHA256_X86
void CompressShaNi(uint32_t state[8], const unsigned char* p, size_t blocks);
#endif
}  // namespace sha256_internal

namespace {

using sha256_internal::kRoundConstants;
using CompressFn = void (*)(uint32_t state[8], const unsigned char* p, size_t blocks);

uint32_t Rotr(uint32_t x, int n) { return x >> n | x << (32 - n); }

void CompressPortable(uint32_t state[8], const unsigned char* p, size_t blocks) {
  for (; blocks > 0; --blocks, p += 64) {
    uint32_t w[64];
    for (int i = 0; i < 16; ++i)
      w[i] = uint32_t(p[4 * i]) << 24 | uint32_t(p[4 * i + 1]) << 16 | uint32_t(p[4 * i + 2]) << 8 |
             p[4 * i + 3];
    for (int i = 16; i < 64; ++i) {
      const uint32_t s0 = Rotr(w[i - 15], 7) ^ Rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      const uint32_t s1 = Rotr(w[i - 2], 17) ^ Rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int i = 0; i < 64; ++i) {
      const uint32_t t1 = h + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + ((e & f) ^ (~e & g)) +
                          kRoundConstants[i] + w[i];
      const uint32_t t2 = (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      h = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    state[0] += a, state[1] += b, state[2] += c, state[3] += d;
    state[4] += e, state[5] += f, state[6] += g, state[7] += h;
  }
}

struct Engine {
  CompressFn compress;
  const char* name;
};

#ifdef ANALYZER_SHA256_X86
bool CpuHasShaNi() {
  // Normally run by the C runtime, but a Sha256 built by a static
  // initializer could get here first.
  __builtin_cpu_init();
  // The fast path also uses SSSE3/SSE4.1 shuffles. Every CPU with SHA has
  // them, but asking is free and a hypervisor may mask features oddly.
  if (!__builtin_cpu_supports("sse4.1")) return false;
#ifdef __clang__
  // Clang 14, at least, rejects "sha" in __builtin_cpu_supports, and no
  // macro tells which versions accept it: ask CPUID (leaf 7, EBX bit 29).
  unsigned eax, ebx, ecx, edx;
  return __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) && (ebx & bit_SHA) != 0;
#else
  return __builtin_cpu_supports("sha");
#endif
}
#endif

Engine ChooseBestEngine() {
#ifdef ANALYZER_SHA256_X86
  if (CpuHasShaNi()) return {sha256_internal::CompressShaNi, "x86 SHA-NI"};
#endif
  return {CompressPortable, "portable"};
}

// Probed once per process; the CPU does not change under us.
const Engine& BestEngine() {
  static const Engine best = ChooseBestEngine();
  return best;
}

}  // namespace

std::string_view Sha256BestEngineName() { return BestEngine().name; }

Sha256::Sha256(Sha256Engine engine)
    : compress_(engine == Sha256Engine::kBest ? BestEngine().compress : CompressPortable),
      h_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
         0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19} {}

void Sha256::Update(std::string_view data) {
  if (data.empty()) return;  // data() may be null, and memcpy forbids that
  total_ += data.size();
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size();
  if (buf_len_ > 0) {
    const size_t k = std::min(n, 64 - buf_len_);
    std::memcpy(buf_ + buf_len_, p, k);
    buf_len_ += k, p += k, n -= k;
    if (buf_len_ < 64) return;
    compress_(h_, buf_, 1);
    buf_len_ = 0;
  }
  // Whole blocks go to the engine in one call, straight from the caller's
  // buffer: SHA-NI keeps the state in registers across them.
  compress_(h_, p, n / 64);
  p += n / 64 * 64, n %= 64;
  std::memcpy(buf_, p, n);
  buf_len_ = n;
}

std::string Sha256::HexDigest() {
  // Padding: 0x80, zeros up to 56 mod 64, then the length in bits, big-endian.
  const uint64_t bits = total_ * 8;
  unsigned char pad[72] = {0x80};
  const size_t length_at = buf_len_ < 56 ? 56 - buf_len_ : 120 - buf_len_;
  for (int i = 0; i < 8; ++i) pad[length_at + i] = static_cast<unsigned char>(bits >> (56 - 8 * i));
  Update(std::string_view(reinterpret_cast<const char*>(pad), length_at + 8));
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (uint32_t v : h_)
    for (int s = 28; s >= 0; s -= 4) out.push_back(kHex[v >> s & 0xF]);
  return out;
}

std::string Sha256File(const std::string& path) {
  FileSource f(path);
  if (!f.ok()) return "";
  Sha256 h;
  // One buffer for the whole file, left uninitialised since read() fills it;
  // large chunks keep the system calls few next to the hashing.
  constexpr size_t kChunk = 1 << 20;
  const std::unique_ptr<char[]> buf(new char[kChunk]);
  for (;;) {
    const long k = f.Read(buf.get(), kChunk);
    if (k < 0) return "";
    if (k == 0) break;
    h.Update(std::string_view(buf.get(), static_cast<size_t>(k)));
  }
  return h.HexDigest();
}

}  // namespace analyzer
