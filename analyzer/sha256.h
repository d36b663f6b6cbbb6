// Sha256: the SHA-256 digest (FIPS 180-4), for the report's input and rule
// digests. Streaming: Update() any number of times, then HexDigest().
//
//   Sha256 h;
//   h.Update("ab");
//   h.Update("c");
//   h.HexDigest();  // "ba7816bf…15ad"
//
// Two engines compute the same digest: a portable one in plain C++, and on
// x86 CPUs with the SHA extensions (SHA-NI) one that uses them, several times
// faster. The choice is made at run time, once per process.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace analyzer {

// Which block function a Sha256 uses. Every caller wants kBest; kPortable is
// there so that tests can check the fast path against the plain one.
enum class Sha256Engine {
  kPortable,  // plain C++, any CPU
  kBest,      // the fastest engine this CPU supports (kPortable if none)
};

// The name of the engine kBest picks on this machine, e.g. "x86 SHA-NI" or
// "portable", for diagnostics and test logs.
std::string_view Sha256BestEngineName();

// Not thread-safe: one object per thread. Update() allocates nothing.
class Sha256 {
 public:
  explicit Sha256(Sha256Engine engine = Sha256Engine::kBest);
  void Update(std::string_view data);  // linear in data.size()
  std::string HexDigest();             // finishes the digest; call once

 private:
  // The engine's block function: hashes `blocks` 64-byte blocks at `p`.
  void (*compress_)(uint32_t state[8], const unsigned char* p, size_t blocks);
  uint32_t h_[8];
  unsigned char buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

// Digest of a whole file, read in 1 MiB chunks into one buffer; "" if it
// cannot be read.
std::string Sha256File(const std::string& path);

}  // namespace analyzer
