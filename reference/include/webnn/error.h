/* Error kinds of the spec (DOMException names and TypeError) plus our own. */
#ifndef WEBNN_ERROR_H
#define WEBNN_ERROR_H

#include <stdarg.h>

typedef enum wn_error_kind {
    WN_OK = 0,
    WN_TYPE_ERROR,            /* TypeError: builder validation, IDL conversion */
    WN_DATA_ERROR,            /* DataError */
    WN_INVALID_STATE_ERROR,   /* InvalidStateError */
    WN_OPERATION_ERROR,       /* OperationError: compile/compute failure */
    WN_NOT_SUPPORTED_ERROR,   /* NotSupportedError: outside the backend's limits */
    WN_NOT_IMPLEMENTED,       /* ours: the reference has no kernel for this op yet */
    WN_FORMAT_ERROR,          /* ours: a vector or graph description is malformed */
    WN_RESOURCE_ERROR,        /* ours: allocation failed or a size cap was hit */
    WN_ERROR_KIND_COUNT
} wn_error_kind;

#define WN_ERROR_MESSAGE_MAX 512

typedef struct wn_error {
    wn_error_kind kind;
    char message[WN_ERROR_MESSAGE_MAX];
} wn_error;

/* "TypeError", "OperationError", ... */
const char *wn_error_kind_name(wn_error_kind k);
/* Parses the names above; returns WN_ERROR_KIND_COUNT when unknown. */
wn_error_kind wn_error_kind_parse(const char *name);

/* Sets err (when not NULL) and returns -1, so callers can write `return wn_set_error(...)`. */
int wn_set_error(wn_error *err, wn_error_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int wn_set_error_v(wn_error *err, wn_error_kind kind, const char *fmt, va_list ap);
/* Prepends "prefix: " to an already-set message (keeps the kind). */
void wn_error_prefix(wn_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void wn_error_clear(wn_error *err);

#endif
