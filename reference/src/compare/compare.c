/* Tolerance-aware comparison of an actual tensor with the expected one (webnn/compare.h). */
#include "webnn/compare.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "webnn/float16.h"

/* Position of a float value on the number line of type t, as a signed integer: adjacent
 * representable values differ by 1, and -0 and +0 both map to 0. */
static int64_t ordinal(double v, wn_dtype t)
{
    int64_t mag;
    if (t == WN_FLOAT16) {
        uint16_t h = wn_f16_from_double(v);
        mag = h & 0x7fff;
        return (h & 0x8000) ? -mag : mag;
    }
    float f = (float)v;
    uint32_t bits;
    memcpy(&bits, &f, sizeof bits);
    mag = bits & 0x7fffffffu;
    return (bits & 0x80000000u) ? -mag : mag;
}

double wn_ulp_distance(double a, double b, wn_dtype t)
{
    if (isnan(a) || isnan(b)) return isnan(a) && isnan(b) ? 0.0 : INFINITY;
    if (isinf(a) || isinf(b)) return a == b ? 0.0 : INFINITY;
    if (t != WN_FLOAT16 && t != WN_FLOAT32) return a == b ? 0.0 : fabs(a - b);
    int64_t d = ordinal(a, t) - ordinal(b, t);
    return (double)(d < 0 ? -d : d);
}

unsigned wn_ulp_bucket(double ulp)
{
    if (!(ulp > 0)) return 0;
    if (!isfinite(ulp)) return WN_ULP_BUCKETS - 1;
    int e;
    frexp(ulp, &e); /* ulp in [2^(e-1), 2^e) */
    if (e < 1) e = 1;
    return e > WN_ULP_BUCKETS - 2 ? WN_ULP_BUCKETS - 2 : (unsigned)e;
}

/* Exact integer comparison; |difference| as double for the statistics. */
static double int_abs_diff(const wn_tensor *e, size_t ei, const wn_tensor *a, size_t i, bool *equal)
{
    if (wn_dtype_is_unsigned_int(e->desc.dtype)) {
        uint64_t x = wn_get_u64(e, ei), y = wn_get_u64(a, i);
        *equal = x == y;
        return x > y ? (double)(x - y) : (double)(y - x);
    }
    int64_t x = wn_get_i64(e, ei), y = wn_get_i64(a, i);
    *equal = x == y;
    return fabs((double)x - (double)y);
}

void wn_compare(const wn_tensor *expected, const wn_tensor *actual, const wn_tolerance *tol, wn_compare_result *out)
{
    memset(out, 0, sizeof *out);
    out->applied = tol ? *tol : (wn_tolerance){WN_TOL_EXACT, 0, 0};
    out->shape_ok = expected->desc.dtype == actual->desc.dtype && wn_desc_equal_shape(&expected->desc, &actual->desc);
    if (!out->shape_ok) return;
    wn_dtype t = expected->desc.dtype;
    size_t n = wn_desc_count(&expected->desc);
    double worst = -1;
    const double floor_abs = out->applied.absolute_floor;
    out->n_elements = n;
    const bool fill = wn_tensor_is_fill(expected); /* one expected value for every element */
    for (size_t i = 0; i < n; i++) {
        const size_t ei = fill ? 0 : i;
        double e, a;
        if (t == WN_FLOAT32) { /* the common case, without the per-element type dispatch */
            float fe, fa;
            memcpy(&fe, (const char *)expected->data + ei * sizeof fe, sizeof fe);
            memcpy(&fa, (const char *)actual->data + i * sizeof fa, sizeof fa);
            e = fe;
            a = fa;
        } else {
            e = wn_get_f64(expected, ei);
            a = wn_get_f64(actual, i);
        }
        double abs_err, ulp, score;
        bool ok;
        if (wn_dtype_is_float(t) && e == a) { /* equal finite values or the same infinity: 0 ULP, 0 error */
            ulp = abs_err = score = 0;
            ok = true;
        } else if (wn_dtype_is_float(t)) {
            ulp = wn_ulp_distance(e, a, t);
            abs_err = (isnan(e) && isnan(a)) || e == a ? 0.0 : isnan(e) || isnan(a) ? INFINITY : fabs(e - a);
            if (isinf(e) || isinf(a) || isnan(e) || isnan(a)) ok = ulp == 0; /* specials are exact, no floor */
            else if (out->applied.metric == WN_TOL_ULP) ok = ulp <= out->applied.value;
            else if (out->applied.metric == WN_TOL_ATOL) ok = abs_err <= out->applied.value;
            else ok = ulp == 0;
            if (!ok && floor_abs > 0 && isfinite(e) && isfinite(a)) ok = abs_err <= floor_abs; /* float outputs only */
            score = out->applied.metric == WN_TOL_ATOL ? abs_err : ulp;
        } else {
            bool equal;
            abs_err = int_abs_diff(expected, ei, actual, i, &equal);
            ulp = abs_err; /* integers: one unit per step */
            ok = out->applied.metric == WN_TOL_ATOL ? abs_err <= out->applied.value : equal;
            score = abs_err;
        }
        out->ulp_hist[wn_ulp_bucket(ulp)]++;
        if (ulp > out->max_ulp) out->max_ulp = ulp;
        if (abs_err > out->max_abs) out->max_abs = abs_err;
        if (!ok) out->n_bad++;
        /* worst: prefer failing elements, then the largest error */
        double rank = score + (ok ? 0 : 1e308);
        if (isnan(rank)) rank = INFINITY;
        if (rank > worst) {
            worst = rank;
            out->worst_index = i;
            out->worst_expected = e;
            out->worst_actual = a;
        }
    }
    out->pass = out->n_bad == 0;
}

const char *wn_compare_str(const wn_compare_result *r, char *buf, size_t cap)
{
    const char *metric = r->applied.metric == WN_TOL_ULP ? "ULP" : r->applied.metric == WN_TOL_ATOL ? "ATOL" : "exact";
    if (!r->shape_ok) {
        snprintf(buf, cap, "data type or shape differs from the expected output");
        return buf;
    }
    char floor_text[48] = "";
    if (r->applied.absolute_floor > 0)
        snprintf(floor_text, sizeof floor_text, " or abs %.9g", r->applied.absolute_floor);
    snprintf(buf, cap, "max %.17g ULP, max abs error %.9g (tolerance %s %.9g%s); %zu of %zu elements out; worst [%zu]: "
             "expected %.9g, got %.9g",
             r->max_ulp, r->max_abs, metric, r->applied.value, floor_text, r->n_bad, r->n_elements, r->worst_index,
             r->worst_expected, r->worst_actual);
    return buf;
}
