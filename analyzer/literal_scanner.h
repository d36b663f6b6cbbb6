// LiteralScanner: finds which of a fixed set of literals occur in a text,
// ignoring ASCII case. It is the string-matching engine behind the rule
// prefilter (rule_prefilter.h): RE2's FilteredRE2 reduces every pattern to
// literals ("atoms") that a text must contain, and this finds them.
//
//   LiteralScanner scanner({"upload succeeded", "aadsts"});
//   std::vector<int> found;
//   scanner.Scan("AADSTS700024: ...", &found);   // found == {1}
//
// Literals must be given lowercase. A literal holding a byte >= 0x80 cannot
// be case-folded byte-wise (Unicode folding maps "É" to "é"), so it is
// reported as found in every text: the scanner may say too much, never too
// little. The same holds for literals shorter than four bytes.
//
// Speed: on x86-64 with AVX2, 32 bytes per step with the "Teddy" technique
// (Hyperscan's, also in Rust's aho-corasick): four bytes of each literal
// (its rarest-looking four, as common words would stop the scan at every
// turn), split into nibbles, index small tables whose AND says which
// positions may hold them; only those are checked, through a hash of the
// four bytes there. Elsewhere a scalar loop does the same check at every
// position. Scan() allocates nothing once `found` has grown; an instance may
// be used by one thread at a time (it keeps per-scan marks).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace analyzer {

class LiteralScanner {
 public:
  explicit LiteralScanner(std::vector<std::string> literals);

  // Sets *found to the indices (ascending) of the literals occurring in
  // `text`, including those reported always (see above).
  void Scan(std::string_view text, std::vector<int>* found);

  size_t size() const { return literals_.size(); }
  // Which implementation runs ("avx2" or "scalar"): for benchmarks and tests.
  const char* engine() const { return use_avx2_ ? "avx2" : "scalar"; }
  // Forces the scalar loop (tests compare both).
  void ForceScalar() { use_avx2_ = false; }

 private:
  struct Slot {        // one distinct four-byte key, in an open-addressed table
    uint32_t key = 0;  // the lowercase key bytes; 0 for an unused slot
    uint32_t first = 0, count = 0;  // range in by_key_
    // Many literals on one key (rules that differ by a number) are sorted by
    // a second key, the four bytes at `second_at` from the key's position,
    // so a hit on the key checks a few literals, not all of them.
    bool split = false;
    int32_t second_at = 0;
  };
  struct Keyed4 {      // a literal keyed on its four bytes at `offset`
    int literal = 0;
    uint32_t offset = 0;
    uint32_t second = 0;  // its second key when its slot is split
  };

  void BuildTables();
  void SplitSlot(Slot& slot);
  void ScanScalar(std::string_view text);
  void ScanAvx2(std::string_view text);
  // The literals keyed on `key` (the four lowercased bytes at `pos`), checked there.
  void CheckAt(std::string_view text, size_t pos, uint32_t key);
  void Mark(int literal);

  std::vector<std::string> literals_;
  std::vector<int> always_;      // reported for every text
  std::vector<Keyed4> by_key_;   // literals grouped by key
  std::vector<Slot> slots_;      // power-of-two size
  std::vector<uint64_t> key_bits_ = std::vector<uint64_t>(1024);  // 65536-bit filter of keys
  uint32_t slot_mask_ = 0;
  // Teddy tables: for key byte k, the buckets whose literals may have a
  // byte with this low (lo) or high (hi) nibble there, in 32 bytes (both
  // 128-bit lanes alike, as the shuffle instruction wants).
  alignas(32) uint8_t lo_[4][32] = {};
  alignas(32) uint8_t hi_[4][32] = {};
  bool use_avx2_ = false;
  std::vector<uint32_t> mark_;   // scan number that last found each literal
  uint32_t scan_ = 0;
  std::vector<int>* found_ = nullptr;
};

}  // namespace analyzer
