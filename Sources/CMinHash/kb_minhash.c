#include <immintrin.h>

#include "kb_minhash.h"

static inline uint64_t mix(uint64_t z) {
    z += 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

uint64_t kb_minhash_mix(uint64_t value) {
    return mix(value);
}

void kb_minhash_minima_portable(const uint64_t *shingles, size_t count, const uint64_t *seeds, uint64_t *minima, size_t slots) {
    for (size_t i = 0; i < count; i++) {
        for (size_t j = 0; j < slots; j++) {
            uint64_t x = mix(shingles[i] ^ seeds[j]);
            if (x < minima[j]) minima[j] = x;
        }
    }
}

#if defined(__x86_64__)
/// Eight slots per vector; `slots` a multiple of 8. 64-bit multiplies (`vpmullq`) need AVX-512 DQ, unsigned minima AVX-512 F.
__attribute__((target("avx512f,avx512dq")))
static void minima_avx512(const uint64_t *shingles, size_t count, const uint64_t *seeds, uint64_t *minima, size_t slots) {
    const __m512i golden = _mm512_set1_epi64((long long)0x9E3779B97F4A7C15ULL);
    const __m512i m1 = _mm512_set1_epi64((long long)0xBF58476D1CE4E5B9ULL);
    const __m512i m2 = _mm512_set1_epi64((long long)0x94D049BB133111EBULL);
    for (size_t j = 0; j < slots; j += 8) {
        const __m512i seed = _mm512_loadu_si512((const void *)(seeds + j));
        __m512i low = _mm512_loadu_si512((const void *)(minima + j));
        for (size_t i = 0; i < count; i++) {
            __m512i z = _mm512_add_epi64(_mm512_xor_si512(_mm512_set1_epi64((long long)shingles[i]), seed), golden);
            z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 30)), m1);
            z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 27)), m2);
            z = _mm512_xor_si512(z, _mm512_srli_epi64(z, 31));
            low = _mm512_min_epu64(low, z);
        }
        _mm512_storeu_si512((void *)(minima + j), low);
    }
}
#endif

void kb_minhash_minima(const uint64_t *shingles, size_t count, const uint64_t *seeds, uint64_t *minima, size_t slots) {
#if defined(__x86_64__)
    if (slots % 8 == 0 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")) {
        minima_avx512(shingles, count, seeds, minima, slots);
        return;
    }
#endif
    kb_minhash_minima_portable(shingles, count, seeds, minima, slots);
}
