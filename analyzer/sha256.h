// Sha256: the SHA-256 digest (FIPS 180-4), for the report's input and rule
// digests. Streaming: Update() any number of times, then HexDigest().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace analyzer {

class Sha256 {
 public:
  Sha256();
  void Update(std::string_view data);
  std::string HexDigest();  // finishes the digest; call once

 private:
  void Block(const unsigned char* p);
  uint32_t h_[8];
  unsigned char buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

// Digest of a whole file, read in chunks; "" if it cannot be read.
std::string Sha256File(const std::string& path);

}  // namespace analyzer
