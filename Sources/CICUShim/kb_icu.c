#include "kb_icu.h"

#include <stdio.h>
#include <unicode/ubrk.h>
#include <unicode/uclean.h>
#include <unicode/uversion.h>

int32_t kb_icu_breaks(int32_t kind, const uint16_t *text, int32_t length,
                      int32_t *boundaries, int32_t *statuses, int32_t capacity,
                      int32_t *error_code) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == KB_ICU_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    if (length == 0) {
        *error_code = 0;
        return 0;
    }
    // The iterator is opened and closed inside this call so no ICU state is shared between threads.
    UBreakIterator *it = ubrk_open(type, "id_ID", (const UChar *)text, length, &status);
    if (U_FAILURE(status)) {
        *error_code = (int32_t)status;
        return -1;
    }
    int32_t count = 0;
    for (int32_t b = ubrk_next(it); b != UBRK_DONE; b = ubrk_next(it)) {
        if (count >= capacity) {
            ubrk_close(it);
            *error_code = (int32_t)U_BUFFER_OVERFLOW_ERROR;
            return -1;
        }
        boundaries[count] = b;
        if (statuses != NULL) {
            statuses[count] = ubrk_getRuleStatus(it);
        }
        count++;
    }
    ubrk_close(it);
    *error_code = 0;
    return count;
}

void kb_icu_version(char *buffer, int32_t size) {
    UVersionInfo info;
    u_getVersion(info);
    snprintf(buffer, (size_t)size, "%d.%d", info[0], info[1]);
}
