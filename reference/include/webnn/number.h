/* Numbers as vectors and options carry them (IDL double, long, MLNumber) and the spec's
 * "cast" algorithm for numeric scalars (Algorithms > Casting). */
#ifndef WEBNN_NUMBER_H
#define WEBNN_NUMBER_H

#include <stdbool.h>
#include <stdint.h>

#include "webnn/dtype.h"

typedef enum wn_num_kind {
    WN_NUM_FLOAT, /* f holds the value (may be NaN, +-Inf, -0) */
    WN_NUM_INT,   /* i holds the exact value; f is i rounded to double */
    WN_NUM_UINT   /* u holds the exact value (> INT64_MAX); f is u rounded to double */
} wn_num_kind;

typedef struct wn_number {
    wn_num_kind kind;
    double f;
    int64_t i;
    uint64_t u;
} wn_number;

wn_number wn_number_from_double(double v);
wn_number wn_number_from_int(int64_t v);
wn_number wn_number_from_uint(uint64_t v);
/* True when the number is an integer value (exactly). */
bool wn_number_is_integer(const wn_number *n);
/* Exact integer value in [lo, hi]? (IDL [EnforceRange] for integer types.) */
bool wn_number_in_range(const wn_number *n, int64_t lo, int64_t hi);

/* The spec's cast algorithm for scalars, to data type t. Result is a number whose
 * value is exactly representable in t:
 *  - to float16/float32: round to nearest even, overflow to +-Inf, NaN and -0 kept;
 *  - to an integer type: NaN -> 0, saturate to the type's range, round half to even. */
wn_number wn_number_cast(const wn_number *n, wn_dtype t);

#endif
