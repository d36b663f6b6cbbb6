#include "literal_scanner.h"

#include <algorithm>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace analyzer {
namespace {

constexpr size_t kPrefix = 3;
constexpr int kBuckets = 8;

unsigned char Lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

uint32_t PrefixKey(const char* p) {
  return Lower(p[0]) | Lower(p[1]) << 8 | Lower(p[2]) << 16 | 1u << 24;
}

uint32_t SlotOf(uint32_t key, uint32_t mask) { return (key * 2654435761u >> 7) & mask; }

bool EqualsLowered(const char* text, const std::string& literal) {
  for (size_t i = 0; i < literal.size(); ++i)
    if (Lower(static_cast<unsigned char>(text[i])) != static_cast<unsigned char>(literal[i])) return false;
  return true;
}

bool Foldable(const std::string& literal) {
  return literal.size() >= kPrefix &&
         std::none_of(literal.begin(), literal.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
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
  std::vector<std::pair<uint32_t, int>> keyed;  // (prefix key, literal)
  for (size_t i = 0; i < literals_.size(); ++i) {
    if (Foldable(literals_[i])) keyed.emplace_back(PrefixKey(literals_[i].data()), static_cast<int>(i));
    else always_.push_back(static_cast<int>(i));
  }
  std::sort(keyed.begin(), keyed.end());
  size_t distinct = 0;
  for (size_t i = 0; i < keyed.size(); ++i) distinct += i == 0 || keyed[i].first != keyed[i - 1].first;
  size_t n = 16;
  while (n < 2 * distinct) n *= 2;
  slots_.assign(n, Slot());
  slot_mask_ = static_cast<uint32_t>(n - 1);
  size_t group = 0;
  for (size_t i = 0; i < keyed.size(); ++i) {
    const uint32_t key = keyed[i].first;
    by_prefix_.push_back(keyed[i].second);
    if (i > 0 && key == keyed[i - 1].first) continue;
    uint32_t s = SlotOf(key, slot_mask_);
    while (slots_[s].key != 0) s = (s + 1) & slot_mask_;
    size_t end = i;
    while (end < keyed.size() && keyed[end].first == key) ++end;
    slots_[s] = Slot{key, static_cast<uint32_t>(i), static_cast<uint32_t>(end - i)};
    // Sorted prefixes fill the buckets in runs, so a bucket holds prefixes
    // that look alike and its nibble masks stay narrow (fewer false alarms).
    const uint8_t bit = static_cast<uint8_t>(1u << (group++ * kBuckets / std::max<size_t>(distinct, 1)));
    for (size_t k = 0; k < kPrefix; ++k) {
      const unsigned char c = static_cast<unsigned char>(key >> (8 * k));
      for (unsigned char v : {c, c >= 'a' && c <= 'z' ? static_cast<unsigned char>(c - 32) : c}) {
        lo_[k][v & 15] |= bit, lo_[k][16 + (v & 15)] |= bit;
        hi_[k][v >> 4] |= bit, hi_[k][16 + (v >> 4)] |= bit;
      }
    }
  }
}

void LiteralScanner::Scan(std::string_view text, std::vector<int>* found) {
  found->clear();
  found_ = found;
  if (++scan_ == 0) std::fill(mark_.begin(), mark_.end(), 0), scan_ = 1;
  for (int i : always_) Mark(i);
  if (text.size() >= kPrefix && !by_prefix_.empty()) {
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
  for (uint32_t s = SlotOf(key, slot_mask_); slots_[s].key != 0; s = (s + 1) & slot_mask_) {
    if (slots_[s].key != key) continue;
    for (uint32_t j = 0; j < slots_[s].count; ++j) {
      const int literal = by_prefix_[slots_[s].first + j];
      const std::string& l = literals_[literal];
      if (pos + l.size() <= text.size() && EqualsLowered(text.data() + pos, l)) Mark(literal);
    }
    return;
  }
}

void LiteralScanner::ScanScalar(std::string_view text) {
  const auto* t = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t pos = 0; pos + kPrefix <= text.size(); ++pos) {
    const uint8_t may = lo_[0][t[pos] & 15] & hi_[0][t[pos] >> 4] & lo_[1][t[pos + 1] & 15] &
                        hi_[1][t[pos + 1] >> 4] & lo_[2][t[pos + 2] & 15] & hi_[2][t[pos + 2] >> 4];
    if (may != 0) CheckAt(text, pos, PrefixKey(text.data() + pos));
  }
}

#if defined(__x86_64__)
namespace {

// Bit i set: a literal's first three bytes may start at p[i] (i < 32).
__attribute__((target("avx2"))) uint32_t CandidateMask(const char* p, const uint8_t (*lo)[32],
                                                       const uint8_t (*hi)[32]) {
  const __m256i low_nibble = _mm256_set1_epi8(0x0f);
  __m256i all = _mm256_set1_epi8(static_cast<char>(0xff));
  for (int k = 0; k < 3; ++k) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + k));
    const __m256i l = _mm256_shuffle_epi8(_mm256_load_si256(reinterpret_cast<const __m256i*>(lo[k])),
                                          _mm256_and_si256(v, low_nibble));
    const __m256i h = _mm256_shuffle_epi8(_mm256_load_si256(reinterpret_cast<const __m256i*>(hi[k])),
                                          _mm256_and_si256(_mm256_srli_epi16(v, 4), low_nibble));
    all = _mm256_and_si256(all, _mm256_and_si256(l, h));
  }
  const __m256i none = _mm256_cmpeq_epi8(all, _mm256_setzero_si256());
  return ~static_cast<uint32_t>(_mm256_movemask_epi8(none));
}

}  // namespace

void LiteralScanner::ScanAvx2(std::string_view text) {
  const size_t n = text.size();
  char tail[64];
  for (size_t base = 0; base + kPrefix <= n; base += 32) {
    const char* p = text.data() + base;
    if (base + 32 + kPrefix - 1 > n) {  // the last block: read from a padded copy
      std::memset(tail, 0, sizeof tail);
      std::memcpy(tail, p, n - base);
      p = tail;
    }
    uint32_t mask = CandidateMask(p, lo_, hi_);
    while (mask != 0) {
      const size_t pos = base + static_cast<size_t>(__builtin_ctz(mask));
      mask &= mask - 1;
      if (pos + kPrefix > n) break;
      CheckAt(text, pos, PrefixKey(text.data() + pos));
    }
  }
}
#else
void LiteralScanner::ScanAvx2(std::string_view text) { ScanScalar(text); }
#endif

}  // namespace analyzer
