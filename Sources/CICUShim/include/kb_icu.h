#ifndef KB_ICU_H
#define KB_ICU_H

#include <stdint.h>

/// Break kinds understood by kb_icu_breaks.
enum {
    KB_ICU_WORD = 0,
    KB_ICU_SENTENCE = 1
};

/// Finds the boundaries of `text` (UTF-16, `length` units) with ICU's break iterator for `kind`,
/// using the Indonesian locale. Writes every boundary after offset 0 (UTF-16 offsets, ascending,
/// the last one equal to `length`) into `boundaries`; `statuses`, unless NULL, receives ICU's rule
/// status of the segment ending there (for words: 0 none/punctuation or space, 100 number, 200 letter,
/// 300 kana, 400 ideographic). `capacity` must be at least `length + 1`.
/// Returns the number of boundaries written, or -1 with `*error_code` set to ICU's error code.
int32_t kb_icu_breaks(int32_t kind, const uint16_t *text, int32_t length,
                      int32_t *boundaries, int32_t *statuses, int32_t capacity,
                      int32_t *error_code);

/// Writes the name of the ISO 3166 country number `index` (0-based, in ICU's list) in the language of `locale`
/// (`id`: `Korea Selatan`, `Zimbabwe`) as UTF-8 into `buffer` (`size` bytes, NUL-terminated).
/// Returns the name's length in bytes, 0 when `index` is negative or past the last country, or -1 with `*error_code` set.
int32_t kb_icu_country_name(int32_t index, const char *locale, char *buffer, int32_t size, int32_t *error_code);

/// Writes ICU's version ("72.1") into `buffer` (at least 32 bytes).
void kb_icu_version(char *buffer, int32_t size);

#endif
