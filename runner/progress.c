/* The progress bar (only drawn when stdout is a terminal; the caller decides). */
#include "run.h"

void rn_progress(FILE *f, uint32_t done, uint32_t total, const uint32_t *counts, bool final)
{
    const int width = 30;
    int filled = total ? (int)((uint64_t)done * width / total) : width;
    fputs("\r[", f);
    for (int i = 0; i < width; i++) fputc(i < filled ? '#' : '.', f);
    fprintf(f, "] %u/%u  pass %u  fail %u  notsup %u  error %u  crash %u  timeout %u ", done, total,
            counts[RN_PASS], counts[RN_FAIL], counts[RN_NOTSUPPORTED], counts[RN_ERROR], counts[RN_CRASH],
            counts[RN_TIMEOUT]);
    if (final) fputs("\n", f);
    fflush(f);
}
