/* Error kinds and message formatting. */
#include "webnn/error.h"

#include <stdio.h>
#include <string.h>

static const char *const kind_names[WN_ERROR_KIND_COUNT] = {
    "OK", "TypeError", "DataError", "InvalidStateError", "OperationError",
    "NotSupportedError", "NotImplemented", "FormatError", "ResourceError",
};

const char *wn_error_kind_name(wn_error_kind k)
{
    return (unsigned)k < WN_ERROR_KIND_COUNT ? kind_names[k] : "UnknownError";
}

wn_error_kind wn_error_kind_parse(const char *name)
{
    for (unsigned i = 0; i < WN_ERROR_KIND_COUNT; i++)
        if (name && strcmp(name, kind_names[i]) == 0) return (wn_error_kind)i;
    return WN_ERROR_KIND_COUNT;
}

int wn_set_error_v(wn_error *err, wn_error_kind kind, const char *fmt, va_list ap)
{
    if (err) {
        err->kind = kind;
        vsnprintf(err->message, sizeof err->message, fmt, ap);
    }
    return -1;
}

int wn_set_error(wn_error *err, wn_error_kind kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    wn_set_error_v(err, kind, fmt, ap);
    va_end(ap);
    return -1;
}

void wn_error_prefix(wn_error *err, const char *fmt, ...)
{
    if (!err) return;
    char prefix[WN_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(prefix, sizeof prefix - 2, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    size_t plen = strlen(prefix);
    memcpy(prefix + plen, ": ", 3);
    plen += 2;
    /* shift the old message right (truncating its end), then put the prefix in front */
    size_t old = strnlen(err->message, sizeof err->message - 1);
    size_t keep = plen + old < sizeof err->message ? old : sizeof err->message - 1 - plen;
    memmove(err->message + plen, err->message, keep);
    err->message[plen + keep] = '\0';
    memcpy(err->message, prefix, plen);
}

void wn_error_clear(wn_error *err)
{
    if (!err) return;
    err->kind = WN_OK;
    err->message[0] = '\0';
}
