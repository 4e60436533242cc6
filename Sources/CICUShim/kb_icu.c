#include "kb_icu.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/uclean.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

/* Opening an iterator builds it from ICU's rules, which costs more than segmenting a paragraph. Each thread keeps
   one iterator per kind and gives it new text with ubrk_setText; the iterators are closed when the thread ends.
   No iterator is ever used by two threads. */
typedef struct {
    UBreakIterator *iterators[2];
} kb_icu_thread_state;

static pthread_key_t kb_icu_key;
static pthread_once_t kb_icu_once = PTHREAD_ONCE_INIT;

static void kb_icu_release(void *value) {
    kb_icu_thread_state *state = value;
    for (int i = 0; i < 2; i++) {
        if (state->iterators[i] != NULL) ubrk_close(state->iterators[i]);
    }
    free(state);
}

static void kb_icu_make_key(void) {
    pthread_key_create(&kb_icu_key, kb_icu_release);
}

/* This thread's iterator for `kind` over `text`, or NULL with `*status` set. */
static UBreakIterator *kb_icu_iterator(int32_t kind, const UChar *text, int32_t length, UErrorCode *status) {
    pthread_once(&kb_icu_once, kb_icu_make_key);
    kb_icu_thread_state *state = pthread_getspecific(kb_icu_key);
    if (state == NULL) {
        state = calloc(1, sizeof *state);
        if (state == NULL) {
            *status = U_MEMORY_ALLOCATION_ERROR;
            return NULL;
        }
        pthread_setspecific(kb_icu_key, state);
    }
    UBreakIterator **slot = &state->iterators[kind == KB_ICU_SENTENCE ? 1 : 0];
    if (*slot == NULL) {
        *slot = ubrk_open(kind == KB_ICU_SENTENCE ? UBRK_SENTENCE : UBRK_WORD, "id_ID", text, length, status);
        if (U_FAILURE(*status)) {
            *slot = NULL;
            return NULL;
        }
        return *slot;
    }
    ubrk_setText(*slot, text, length, status);
    return U_FAILURE(*status) ? NULL : *slot;
}

int32_t kb_icu_breaks(int32_t kind, const uint16_t *text, int32_t length,
                      int32_t *boundaries, int32_t *statuses, int32_t capacity,
                      int32_t *error_code) {
    UErrorCode status = U_ZERO_ERROR;
    if (length == 0) {
        *error_code = 0;
        return 0;
    }
    UBreakIterator *it = kb_icu_iterator(kind, (const UChar *)text, length, &status);
    if (it == NULL) {
        *error_code = (int32_t)status;
        return -1;
    }
    int32_t count = 0;
    for (int32_t b = ubrk_next(it); b != UBRK_DONE; b = ubrk_next(it)) {
        if (count >= capacity) {
            *error_code = (int32_t)U_BUFFER_OVERFLOW_ERROR;
            return -1;
        }
        boundaries[count] = b;
        if (statuses != NULL) {
            statuses[count] = ubrk_getRuleStatus(it);
        }
        count++;
    }
    *error_code = 0;
    return count;
}

int32_t kb_icu_country_name(int32_t index, const char *locale, char *buffer, int32_t size, int32_t *error_code) {
    if (index < 0) return 0;
    const char *const *countries = uloc_getISOCountries();
    for (int32_t i = 0; i < index; i++) {
        if (countries[i] == NULL) return 0;
    }
    if (countries[index] == NULL) return 0;
    char region[16];
    snprintf(region, sizeof region, "und_%s", countries[index]);
    UChar name[256];
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = uloc_getDisplayCountry(region, locale, name, 256, &status);
    int32_t written = 0;
    if (U_SUCCESS(status)) u_strToUTF8(buffer, size, &written, name, length, &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) {
        *error_code = U_FAILURE(status) ? (int32_t)status : (int32_t)U_BUFFER_OVERFLOW_ERROR;
        return -1;
    }
    *error_code = 0;
    return written;
}

void kb_icu_version(char *buffer, int32_t size) {
    UVersionInfo info;
    u_getVersion(info);
    snprintf(buffer, (size_t)size, "%d.%d", info[0], info[1]);
}
