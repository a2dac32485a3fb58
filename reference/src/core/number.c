/* Numbers carried by options, and the spec's cast algorithm (#algorithms-casting). */
#include "webnn/number.h"

#include <math.h>

#include "webnn/float16.h"
#include "webnn/tensor.h"

wn_number wn_number_from_double(double v)
{
    wn_number n = {WN_NUM_FLOAT, v, 0, 0};
    return n;
}

wn_number wn_number_from_int(int64_t v)
{
    wn_number n = {WN_NUM_INT, (double)v, v, (uint64_t)v};
    return n;
}

wn_number wn_number_from_uint(uint64_t v)
{
    if (v <= (uint64_t)INT64_MAX) return wn_number_from_int((int64_t)v);
    wn_number n = {WN_NUM_UINT, (double)v, 0, v};
    return n;
}

bool wn_number_is_integer(const wn_number *n)
{
    if (n->kind != WN_NUM_FLOAT) return true;
    return isfinite(n->f) && n->f == trunc(n->f);
}

bool wn_number_in_range(const wn_number *n, int64_t lo, int64_t hi)
{
    switch (n->kind) {
    case WN_NUM_INT: return n->i >= lo && n->i <= hi;
    case WN_NUM_UINT: return false; /* > INT64_MAX, beyond any range we check */
    default:
        if (!wn_number_is_integer(n)) return false;
        return n->f >= (double)lo && n->f <= (double)hi && n->f >= -0x1p63 && n->f < 0x1p63;
    }
}

/* ConvertToInt for a double: NaN -> 0, clamp to [lo, hi], round half to even. The bounds
 * are passed as doubles only for 8/32-bit types (exact); 64-bit uses the bound checks. */
/* uint32 uses the unsigned range: the spec's switch calls the signed conversion (a defect, DEVIATIONS.md). */
static wn_number convert_float_to_int(double x, wn_dtype t)
{
    if (isnan(x)) return wn_number_from_int(0);
    bool is_unsigned = wn_dtype_is_unsigned_int(t);
    unsigned bits = wn_dtype_int_bits(t);
    if (bits == 64) {
        if (is_unsigned) {
            if (x <= 0) return wn_number_from_int(0);
            if (x >= 0x1p64) return wn_number_from_uint(UINT64_MAX);
            return wn_number_from_uint((uint64_t)nearbyint(x) /* < 2^64 after rounding: x < 2^64 is exact */);
        }
        if (x >= 0x1p63) return wn_number_from_int(INT64_MAX);
        if (x <= -0x1p63) return wn_number_from_int(INT64_MIN);
        return wn_number_from_int((int64_t)nearbyint(x));
    }
    double lo = is_unsigned ? 0.0 : -ldexp(1.0, (int)bits - 1);
    double hi = is_unsigned ? ldexp(1.0, (int)bits) - 1.0 : ldexp(1.0, (int)bits - 1) - 1.0;
    x = fmin(fmax(x, lo), hi);
    double r = nearbyint(x);
    return wn_number_from_int((int64_t)(r == 0 ? 0.0 : r)); /* +0 rather than -0 */
}

static wn_number convert_int_to_int(const wn_number *n, wn_dtype t)
{
    bool is_unsigned = wn_dtype_is_unsigned_int(t);
    unsigned bits = wn_dtype_int_bits(t);
    if (n->kind == WN_NUM_UINT) { /* > INT64_MAX */
        if (bits == 64 && is_unsigned) return *n;
        if (bits == 64) return wn_number_from_int(INT64_MAX);
        return wn_number_from_int(is_unsigned ? (int64_t)((1ull << bits) - 1) : (int64_t)((1ull << (bits - 1)) - 1));
    }
    int64_t v = n->i;
    if (is_unsigned) {
        if (v < 0) return wn_number_from_int(0);
        if (bits < 64 && v > (int64_t)((1ull << bits) - 1)) return wn_number_from_int((int64_t)((1ull << bits) - 1));
        return wn_number_from_int(v);
    }
    if (bits < 64) {
        int64_t hi = (int64_t)((1ull << (bits - 1)) - 1), lo = -hi - 1;
        if (v > hi) v = hi;
        if (v < lo) v = lo;
    }
    return wn_number_from_int(v);
}

/* An exact integer to the nearest value of float type t, rounding once. */
static double int_to_float(const wn_number *n, wn_dtype t)
{
    if (t == WN_FLOAT32) return n->kind == WN_NUM_UINT ? (double)(float)n->u : (double)(float)n->i;
    /* float16: every integer of magnitude >= 65520 rounds to infinity; below that the
     * integer is exact in double, so rounding to float16 happens once */
    if (n->kind == WN_NUM_UINT || n->i >= 65520) return INFINITY;
    if (n->i <= -65520) return -INFINITY;
    return wn_round_to_dtype((double)n->i, t);
}

wn_number wn_number_cast(const wn_number *n, wn_dtype t)
{
    if (wn_dtype_is_float(t))
        return wn_number_from_double(n->kind == WN_NUM_FLOAT ? wn_round_to_dtype(n->f, t) : int_to_float(n, t));
    if (n->kind == WN_NUM_FLOAT) return convert_float_to_int(n->f, t);
    return convert_int_to_int(n, t);
}
