#include "literal_scanner.h"

#include <algorithm>
#include <climits>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace analyzer {
namespace {

constexpr size_t kKeyBytes = 4;
constexpr int kBuckets = 8;
constexpr uint32_t kSplitAbove = 8;  // literals on one key before it gets a second

unsigned char Lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

// Never 0 for a used slot: literals hold no NUL (they are regex atoms).
// Four bytes, ASCII-lowercased together (SWAR: one load, no per-byte branch).
inline uint32_t KeyAt(const char* p) {
  uint32_t x;
  std::memcpy(&x, p, 4);
  const uint32_t low7 = x & 0x7f7f7f7fu;
  const uint32_t at_least_a = low7 + 0x3f3f3f3fu;  // bit 7 set where byte >= 'A'
  const uint32_t past_z = low7 + 0x25252525u;      // bit 7 set where byte > 'Z'
  const uint32_t upper = at_least_a & ~past_z & ~x & 0x80808080u;
  return x | upper >> 2;
}

uint32_t SlotOf(uint32_t key, uint32_t mask) { return (key * 2654435761u >> 7) & mask; }
// A second hash for the bitmap that rejects most candidates in one load.
uint32_t BitOf(uint32_t key) { return (key * 0x9E3779B1u) >> (32 - 16); }

bool EqualsLowered(const char* text, const std::string& literal) {
  for (size_t i = 0; i < literal.size(); ++i)
    if (Lower(static_cast<unsigned char>(text[i])) != static_cast<unsigned char>(literal[i])) return false;
  return true;
}

bool Foldable(const std::string& literal) {
  return literal.size() >= kKeyBytes &&
         std::none_of(literal.begin(), literal.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// How often a byte shows in log text, roughly (lowercased): the scanner keys
// each literal on its rarest four bytes, so common words ("the ", "not ")
// do not stop it at every turn.
int Commonness(unsigned char c) {
  if (c == ' ' || c == 'e') return 10;
  if (std::strchr("taoinsr", c) != nullptr) return 8;
  if (std::strchr("hldcu0123456789.,:-/", c) != nullptr) return 6;
  if (std::strchr("mpfgywb", c) != nullptr) return 4;
  if (std::strchr("vk_=", c) != nullptr) return 3;
  if (std::strchr("xqjz", c) != nullptr) return 2;
  return 1;  // other punctuation, controls
}

// The offset of the literal's rarest-looking four bytes. Literals that share
// them share a slot: cheap as long as those bytes are rare in the text, which
// is what they were chosen for (spreading look-alike literals over other,
// commoner keys was tried: 480 rules differing by a number then keyed on
// digits, which log lines are full of, and the scan ran 2.4 times longer).
size_t RarestOffset(const std::string& literal) {
  size_t best = 0;
  int best_score = 1 << 30;
  for (size_t o = 0; o + kKeyBytes <= literal.size(); ++o) {
    int score = 0;
    for (size_t k = 0; k < kKeyBytes; ++k) score += Commonness(static_cast<unsigned char>(literal[o + k]));
    if (score < best_score) best = o, best_score = score;
  }
  return best;
}

bool HasAvx2() {
#if defined(__x86_64__)
  return __builtin_cpu_supports("avx2");
#else
  return false;
#endif
}

}  // namespace

LiteralScanner::LiteralScanner(std::vector<std::string> literals)
    : literals_(std::move(literals)), use_avx2_(HasAvx2()), mark_(literals_.size(), 0) {
  BuildTables();
}

void LiteralScanner::BuildTables() {
  struct Keyed {
    uint32_t key;  // the literal's four rarest bytes
    Keyed4 where;
    bool operator<(const Keyed& o) const { return key < o.key || (key == o.key && where.literal < o.where.literal); }
  };
  std::vector<Keyed> keyed;
  for (size_t i = 0; i < literals_.size(); ++i) {
    if (!Foldable(literals_[i])) {
      always_.push_back(static_cast<int>(i));
      continue;
    }
    const size_t offset = RarestOffset(literals_[i]);
    keyed.push_back({KeyAt(literals_[i].data() + offset), {static_cast<int>(i), static_cast<uint32_t>(offset)}});
  }
  std::sort(keyed.begin(), keyed.end());
  size_t distinct = 0;
  for (size_t i = 0; i < keyed.size(); ++i) distinct += i == 0 || keyed[i].key != keyed[i - 1].key;
  size_t n = 16;
  while (n < 2 * distinct) n *= 2;
  slots_.assign(n, Slot());
  slot_mask_ = static_cast<uint32_t>(n - 1);
  size_t group = 0;
  std::vector<uint32_t> pending_split;  // by_key_ must be complete first
  for (size_t i = 0; i < keyed.size(); ++i) {
    const uint32_t key = keyed[i].key;
    by_key_.push_back(keyed[i].where);
    if (i > 0 && key == keyed[i - 1].key) continue;
    uint32_t s = SlotOf(key, slot_mask_);
    while (slots_[s].key != 0) s = (s + 1) & slot_mask_;
    size_t end = i;
    while (end < keyed.size() && keyed[end].key == key) ++end;
    slots_[s] = Slot{key, static_cast<uint32_t>(i), static_cast<uint32_t>(end - i)};
    if (end - i > kSplitAbove) pending_split.push_back(s);
    key_bits_[BitOf(key) / 64] |= uint64_t{1} << (BitOf(key) % 64);
    // Sorted keys fill the buckets in runs, so a bucket holds keys that
    // look alike and its nibble masks stay narrow (fewer false alarms).
    const uint8_t bit = static_cast<uint8_t>(1u << (group++ * kBuckets / std::max<size_t>(distinct, 1)));
    for (size_t k = 0; k < kKeyBytes; ++k) {
      const unsigned char c = static_cast<unsigned char>(key >> (8 * k));
      // Bytes are looked up with bit 5 set (c | 0x20): that folds ASCII
      // case in one instruction, where uppercase variants in the tables
      // would let every letter's high nibble through. It also folds a few
      // punctuation pairs ('@' and '`', '[' and '{'): harmless false alarms.
      const unsigned char f = c | 0x20;
      lo_[k][f & 15] |= bit, lo_[k][16 + (f & 15)] |= bit;
      hi_[k][f >> 4] |= bit, hi_[k][16 + (f >> 4)] |= bit;
    }
  }
  for (uint32_t s : pending_split) SplitSlot(slots_[s]);
}

// Picks the four bytes, at one position relative to the key, that tell the
// slot's literals apart best (all of them must hold that position).
void LiteralScanner::SplitSlot(Slot& slot) {
  Keyed4* begin = by_key_.data() + slot.first;
  Keyed4* end = begin + slot.count;
  int64_t lowest = INT64_MIN, highest = INT64_MAX;  // admissible positions, from the key
  for (const Keyed4* k = begin; k != end; ++k) {
    lowest = std::max<int64_t>(lowest, -static_cast<int64_t>(k->offset));
    highest = std::min<int64_t>(highest, static_cast<int64_t>(literals_[k->literal].size() - k->offset - kKeyBytes));
  }
  size_t best_distinct = 1;
  std::vector<uint32_t> seconds;
  for (int64_t at = lowest; at <= highest; ++at) {
    seconds.clear();
    for (const Keyed4* k = begin; k != end; ++k)
      seconds.push_back(KeyAt(literals_[k->literal].data() + k->offset + at));
    std::sort(seconds.begin(), seconds.end());
    const size_t distinct = static_cast<size_t>(std::unique(seconds.begin(), seconds.end()) - seconds.begin());
    if (distinct > best_distinct) best_distinct = distinct, slot.second_at = static_cast<int32_t>(at);
  }
  if (best_distinct == 1) return;  // nothing tells them apart: checked one by one
  for (Keyed4* k = begin; k != end; ++k) k->second = KeyAt(literals_[k->literal].data() + k->offset + slot.second_at);
  std::sort(begin, end, [](const Keyed4& a, const Keyed4& b) {
    return a.second < b.second || (a.second == b.second && a.literal < b.literal);
  });
  slot.split = true;
}

void LiteralScanner::Scan(std::string_view text, std::vector<int>* found) {
  found->clear();
  found_ = found;
  if (++scan_ == 0) std::fill(mark_.begin(), mark_.end(), 0), scan_ = 1;
  for (int i : always_) Mark(i);
  if (text.size() >= kKeyBytes && !by_key_.empty()) {
    if (use_avx2_) ScanAvx2(text);
    else ScanScalar(text);
  }
  std::sort(found->begin(), found->end());
}

void LiteralScanner::Mark(int literal) {
  if (mark_[literal] == scan_) return;
  mark_[literal] = scan_;
  found_->push_back(literal);
}

void LiteralScanner::CheckAt(std::string_view text, size_t pos, uint32_t key) {
  if ((key_bits_[BitOf(key) / 64] >> (BitOf(key) % 64) & 1) == 0) return;
  for (uint32_t s = SlotOf(key, slot_mask_); slots_[s].key != 0; s = (s + 1) & slot_mask_) {
    const Slot& slot = slots_[s];
    if (slot.key != key) continue;
    const Keyed4* begin = by_key_.data() + slot.first;
    const Keyed4* end = begin + slot.count;
    if (slot.split) {
      const int64_t at = static_cast<int64_t>(pos) + slot.second_at;
      if (at < 0 || static_cast<uint64_t>(at) + kKeyBytes > text.size()) return;
      const uint32_t second = KeyAt(text.data() + at);
      begin = std::lower_bound(begin, end, second, [](const Keyed4& k, uint32_t v) { return k.second < v; });
      end = std::upper_bound(begin, end, second, [](uint32_t v, const Keyed4& k) { return v < k.second; });
    }
    for (const Keyed4* it = begin; it != end; ++it) {
      const Keyed4& k = *it;
      const std::string& l = literals_[k.literal];
      if (pos < k.offset) continue;
      const size_t start = pos - k.offset;
      if (start + l.size() <= text.size() && EqualsLowered(text.data() + start, l)) Mark(k.literal);
    }
    return;
  }
}

void LiteralScanner::ScanScalar(std::string_view text) {
  const auto* t = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t pos = 0; pos + kKeyBytes <= text.size(); ++pos) {
    uint8_t may = 0xff;
    for (size_t k = 0; k < kKeyBytes && may != 0; ++k) {
      const unsigned char c = t[pos + k] | 0x20;
      may &= lo_[k][c & 15] & hi_[k][c >> 4];
    }
    if (may != 0) CheckAt(text, pos, KeyAt(text.data() + pos));
  }
}

#if defined(__x86_64__)
namespace {

constexpr size_t kBlocksPerBatch = 16;  // 512 bytes of masks between checks

// Bit i set: a literal's first bytes may start at p[i] (i < 32).
__attribute__((target("avx2"))) inline uint32_t CandidateMask(const char* p, const __m256i* lo,
                                                              const __m256i* hi) {
  const __m256i low_nibble = _mm256_set1_epi8(0x0f);
  const __m256i fold = _mm256_set1_epi8(0x20);
  __m256i all = _mm256_set1_epi8(static_cast<char>(0xff));
  for (size_t k = 0; k < kKeyBytes; ++k) {
    const __m256i v = _mm256_or_si256(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + k)), fold);
    const __m256i l = _mm256_shuffle_epi8(lo[k], _mm256_and_si256(v, low_nibble));
    const __m256i h = _mm256_shuffle_epi8(hi[k], _mm256_and_si256(_mm256_srli_epi16(v, 4), low_nibble));
    all = _mm256_and_si256(all, _mm256_and_si256(l, h));
  }
  const __m256i none = _mm256_cmpeq_epi8(all, _mm256_setzero_si256());
  return ~static_cast<uint32_t>(_mm256_movemask_epi8(none));
}

// Masks of up to kBlocksPerBatch 32-byte blocks from `base`, with no call in
// the loop, so the tables stay in registers. Returns the blocks done.
__attribute__((target("avx2"))) size_t BatchMasks(std::string_view text, size_t base, const uint8_t (*lo)[32],
                                                  const uint8_t (*hi)[32], uint32_t* masks) {
  __m256i l[kKeyBytes], h[kKeyBytes];
  for (size_t k = 0; k < kKeyBytes; ++k) {
    l[k] = _mm256_load_si256(reinterpret_cast<const __m256i*>(lo[k]));
    h[k] = _mm256_load_si256(reinterpret_cast<const __m256i*>(hi[k]));
  }
  const size_t n = text.size();
  size_t blocks = 0;
  constexpr size_t kSpan = 32 + kKeyBytes - 1;  // bytes one block reads
  for (; blocks < kBlocksPerBatch && base + kKeyBytes <= n; ++blocks, base += 32) {
    if (base + kSpan <= n) {
      masks[blocks] = CandidateMask(text.data() + base, l, h);
    } else if (n >= kSpan) {  // the last block, moved back to end at the text's end
      const size_t back = base + kSpan - n;
      masks[blocks] = CandidateMask(text.data() + n - kSpan, l, h) >> back;
    } else {  // a short text: read from a padded copy
      alignas(32) char tail[64] = {};
      std::memcpy(tail, text.data() + base, n - base);
      masks[blocks] = CandidateMask(tail, l, h);
    }
  }
  return blocks;
}

}  // namespace

void LiteralScanner::ScanAvx2(std::string_view text) {
  uint32_t masks[kBlocksPerBatch];
  for (size_t base = 0; base + kKeyBytes <= text.size();) {
    const size_t blocks = BatchMasks(text, base, lo_, hi_, masks);
    for (size_t b = 0; b < blocks; ++b, base += 32) {
      for (uint32_t mask = masks[b]; mask != 0; mask &= mask - 1) {
        const size_t pos = base + static_cast<size_t>(__builtin_ctz(mask));
        if (pos + kKeyBytes > text.size()) break;
        CheckAt(text, pos, KeyAt(text.data() + pos));
      }
    }
  }
}
#else
void LiteralScanner::ScanAvx2(std::string_view text) { ScanScalar(text); }
#endif

}  // namespace analyzer
