// The SHA-256 block function on the x86 SHA extensions (SHA-NI), chosen at
// run time by sha256.cc. Only this function is compiled for those
// instructions (a target attribute, not -msha for the file or the build), so
// the program still runs on CPUs without them.
#if defined(__x86_64__) || defined(__i386__)

#include <immintrin.h>

#include <cstddef>
#include <cstdint>

namespace analyzer::sha256_internal {

extern const uint32_t kRoundConstants[64];  // defined in sha256.cc

namespace {

// The next four message words W[t..t+3] from the previous sixteen, held as
// w4 = W[t-16..t-13], w3, w2, w1 = W[t-4..t-1]: msg1 adds sigma0(W[t-15]),
// alignr picks W[t-7..t-4], msg2 adds sigma1(W[t-2]).
__attribute__((target("sha,sse4.1"))) inline __m128i NextWords(__m128i w4, __m128i w3, __m128i w2,
                                                               __m128i w1) {
  const __m128i t = _mm_add_epi32(_mm_sha256msg1_epu32(w4, w3), _mm_alignr_epi8(w1, w2, 4));
  return _mm_sha256msg2_epu32(t, w1);
}

// Rounds 4 * step to 4 * step + 3, on message words w = W[4 * step ...].
// sha256rnds2 does two rounds and takes its two words from the low lanes.
__attribute__((target("sha,sse4.1"))) inline void FourRounds(__m128i& abef, __m128i& cdgh,
                                                             __m128i w, int step) {
  const __m128i wk = _mm_add_epi32(
      w, _mm_loadu_si128(reinterpret_cast<const __m128i*>(kRoundConstants + 4 * step)));
  cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
  abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));
}

}  // namespace

// sha256rnds2 works on the state held as ABEF and CDGH, not as the ABCD,
// EFGH of FIPS 180-4, so the state is rearranged on the way in and out, once
// per call rather than once per block. Vector names list the lanes from the
// highest down, as in Intel's reference code: state[0..3] loads as DCBA.
__attribute__((target("sha,sse4.1"))) void CompressShaNi(uint32_t state[8], const unsigned char* p,
                                                         size_t blocks) {
  // Message words are big-endian: swap the bytes within each 32-bit lane.
  const __m128i kByteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  const __m128i cdab = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<__m128i*>(state)), 0xB1);
  const __m128i efgh =
      _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<__m128i*>(state + 4)), 0x1B);
  __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

  for (; blocks > 0; --blocks, p += 64) {
    const __m128i abef_in = abef, cdgh_in = cdgh;
    // The last sixteen message words, four to a register. Named variables
    // rather than an array indexed modulo 4: that only stays in registers if
    // the compiler unrolls the loop, which GCC -O2 and Clang do not.
    __m128i w0 = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), kByteSwap);
    __m128i w1 =
        _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16)), kByteSwap);
    __m128i w2 =
        _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 32)), kByteSwap);
    __m128i w3 =
        _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 48)), kByteSwap);
    FourRounds(abef, cdgh, w0, 0);
    FourRounds(abef, cdgh, w1, 1);
    FourRounds(abef, cdgh, w2, 2);
    FourRounds(abef, cdgh, w3, 3);
    for (int step = 4; step < 16; step += 4) {
      w0 = NextWords(w0, w1, w2, w3);
      FourRounds(abef, cdgh, w0, step);
      w1 = NextWords(w1, w2, w3, w0);
      FourRounds(abef, cdgh, w1, step + 1);
      w2 = NextWords(w2, w3, w0, w1);
      FourRounds(abef, cdgh, w2, step + 2);
      w3 = NextWords(w3, w0, w1, w2);
      FourRounds(abef, cdgh, w3, step + 3);
    }
    abef = _mm_add_epi32(abef, abef_in);
    cdgh = _mm_add_epi32(cdgh, cdgh_in);
  }

  const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state), _mm_blend_epi16(feba, dchg, 0xF0));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state + 4), _mm_alignr_epi8(dchg, feba, 8));
}

}  // namespace analyzer::sha256_internal

#endif  // defined(__x86_64__) || defined(__i386__)
