#ifndef KB_MINHASH_H
#define KB_MINHASH_H

#include <stddef.h>
#include <stdint.h>

/// SplitMix64's finalizer: spreads the bits of one 64-bit hash into an independent-looking one.
uint64_t kb_minhash_mix(uint64_t value);

/// The minima of a MinHash signature: for each slot `j` below `slots`, the least `kb_minhash_mix` of
/// `shingles[i] ^ seeds[j]` over every shingle, lowered into `minima[j]` (which the caller fills with its starting
/// values, UINT64_MAX for a new signature).
///
/// The same arithmetic as a plain loop, on eight slots at a time where the processor has AVX-512 (checked once per
/// call; the ingest ran this loop 64 times per shingle, the largest share of any one function of kb's own).
void kb_minhash_minima(const uint64_t *shingles, size_t count, const uint64_t *seeds, uint64_t *minima, size_t slots);

/// The plain loop alone, whatever the processor: for tests that compare the two.
void kb_minhash_minima_portable(const uint64_t *shingles, size_t count, const uint64_t *seeds, uint64_t *minima, size_t slots);

#endif
