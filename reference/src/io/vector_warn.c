/* Case warnings, joined into one string. */
#include "vector_warn.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Enough for a few warnings per case; more are counted, not spelled out. */
#define WARNINGS_MAX 2048

int wn_vec_warn(char **warnings, const char *fmt, ...)
{
    if (!warnings) return 0;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t old = *warnings ? strlen(*warnings) : 0;
    if (old + strlen(msg) + 3 > WARNINGS_MAX) {
        if (old && strcmp(*warnings + old - 3, "...") == 0) return 0;
        snprintf(msg, sizeof msg, "...");
    }
    size_t n = old + (old ? 2 : 0) + strlen(msg) + 1;
    char *p = realloc(*warnings, n);
    if (!p) return -1;
    if (old) memcpy(p + old, "; ", 2);
    memcpy(p + old + (old ? 2 : 0), msg, strlen(msg) + 1);
    *warnings = p;
    return 0;
}
